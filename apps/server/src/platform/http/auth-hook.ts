// Reads the session cookie on every request; refuses cookie-authenticated writes without the CSRF header. Then, for
// each route, in this order (issue 11 §2): the permission its config declares (at once, before the body is even
// parsed: a role without it gets 403 whatever it sent), the schemas (400), and every id of the request against the
// caller's scope (preHandler: platform/scope/id-kinds.ts) — all before the handler does any work.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie';
import type { AppContext } from '../context.js';
import { can, loadSession, SESSION_COOKIE, type Auth, type Permission } from '../auth/index.js';
import { checkIdsInScope, idFieldsOf, isIdKind, type IdField, type IdSource } from '../scope/id-kinds.js';
import type { Actor } from '../trail/index.js';
import { AppError, forbidden, unauthenticated } from './errors.js';

/** Who may call a route: a permission (all of them, for a list), or any signed-in account. */
export type Access = Permission | Permission[] | 'signed-in';

/** One route as the scope checks see it (tests walk this table: every id field of every route). */
export interface RouteEntry {
  method: string;
  url: string;
  access?: Access;
  csrfExempt: boolean;
  ids: IdField[];
  untaggedIds: string[];
  /** The declared answers by status code (zod schemas, or file answers): the route-table test requires them. */
  response: Record<string, unknown>;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: Auth | null;
  }
  interface FastifyContextConfig {
    /** Routes that may be called without the CSRF header (login). */
    csrfExempt?: boolean;
    /** Checked before the body is parsed or validated. */
    access?: Access;
    /** Answers an account that has first-login steps left (Auth.setup): me, logout, password, second factor. */
    setup?: boolean;
    /** Filled in when the route registers: its tagged ids. */
    idFields?: IdField[];
  }
  interface FastifyInstance {
    routeTable(): RouteEntry[];
  }
}

export const CSRF_HEADER = 'x-csrf-token';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const SOURCES: Array<[IdSource, 'params' | 'querystring' | 'body']> = [
  ['params', 'params'],
  ['querystring', 'querystring'],
  ['body', 'body'],
];

export function registerAuthHook(app: FastifyInstance, ctx: AppContext): void {
  const table: RouteEntry[] = [];
  app.decorate('routeTable', () => table);
  app.addHook('onRoute', (route) => {
    const schema = (route.schema ?? {}) as Record<string, unknown>;
    const untaggedIds: string[] = [];
    const ids = SOURCES.flatMap(([source, key]) =>
      idFieldsOf(schema[key] ?? (key === 'querystring' ? schema.query : undefined), source, untaggedIds),
    );
    const unknown = ids.find((f) => !isIdKind(f.kind));
    if (unknown) throw new Error(`${route.url}: id kind ${unknown.kind} has no scope check`);
    route.config = { ...route.config, idFields: ids };
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD')
        table.push({
          method,
          url: route.url,
          access: route.config.access,
          csrfExempt: !!route.config.csrfExempt,
          ids,
          untaggedIds,
          response: (schema.response ?? {}) as Record<string, unknown>,
        });
    }
  });
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (req) => {
    const token = req.cookies?.[SESSION_COOKIE];
    req.auth = token ? await loadSession(ctx, token) : null;
    if (req.auth && !SAFE.has(req.method) && !req.routeOptions.config?.csrfExempt) {
      if (req.headers[CSRF_HEADER] !== req.auth.csrfToken) {
        throw new AppError(403, 'CSRF', '请求缺少有效的 CSRF 令牌', 'Missing or wrong CSRF token');
      }
    }
    if (req.routeOptions.config?.access) {
      const auth = requireAuth(req);
      // A one-time password or a second factor still to enrol opens nothing but the first-login steps (issue 13 §1).
      if ((auth.setup?.password || auth.setup?.totp) && !req.routeOptions.config.setup)
        throw new AppError(
          403,
          'SETUP_REQUIRED',
          auth.setup.password ? '请先修改初始密码' : '请先绑定双因素认证',
          auth.setup.password ? 'Choose your own password first' : 'Enrol your second factor first',
        );
    }
  });
  app.addHook('preHandler', async (req) => {
    const fields = req.routeOptions.config?.idFields;
    if (!fields?.length) return;
    await checkIdsInScope(ctx, requireAuth(req), actorOf(req), fields, {
      params: req.params,
      querystring: req.query,
      body: req.body,
    });
  });
}

/**
 * The caller's account, checked for a permission: the one given, else the one the route's config declares (already
 * checked as the request came in; checked again here so a handler never runs without it).
 */
export function requireAuth(req: FastifyRequest, permission?: Permission): Auth {
  if (!req.auth) throw unauthenticated();
  const access = permission ?? req.routeOptions?.config?.access;
  if (access && access !== 'signed-in' && ![access].flat().every((p) => can(req.auth!.role, p))) throw forbidden();
  return req.auth;
}

export function actorOf(req: FastifyRequest): Actor {
  return { accountId: req.auth?.accountId ?? null, name: req.auth?.username ?? 'anonymous', ip: req.ip ?? null };
}
