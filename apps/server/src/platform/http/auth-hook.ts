// Reads the session cookie on every request; refuses cookie-authenticated writes without the CSRF header.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie';
import type { AppContext } from '../context.js';
import { can, loadSession, SESSION_COOKIE, type Auth, type Permission } from '../auth/index.js';
import type { Actor } from '../trail/index.js';
import { AppError, forbidden, unauthenticated } from './errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    auth: Auth | null;
  }
  interface FastifyContextConfig {
    /** Routes that may be called without the CSRF header (login). */
    csrfExempt?: boolean;
  }
}

export const CSRF_HEADER = 'x-csrf-token';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerAuthHook(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (req) => {
    const token = req.cookies?.[SESSION_COOKIE];
    req.auth = token ? await loadSession(ctx, token) : null;
    if (req.auth && !SAFE.has(req.method) && !req.routeOptions.config?.csrfExempt) {
      if (req.headers[CSRF_HEADER] !== req.auth.csrfToken) {
        throw new AppError(403, 'CSRF', '请求缺少有效的 CSRF 令牌', 'Missing or wrong CSRF token');
      }
    }
  });
}

/** The caller's account, checked for a permission. Every service call starts here. */
export function requireAuth(req: FastifyRequest, permission?: Permission): Auth {
  if (!req.auth) throw unauthenticated();
  if (permission && !can(req.auth.role, permission)) throw forbidden();
  return req.auth;
}

export function actorOf(req: FastifyRequest): Actor {
  return { accountId: req.auth?.accountId ?? null, name: req.auth?.username ?? 'anonymous', ip: req.ip ?? null };
}
