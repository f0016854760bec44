// Test harness: the real app on a real database — PGlite in memory by default, or a fresh database on the
// PostgreSQL server named by DATABASE_URL (the CI's PostgreSQL leg). No mocks.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { openDatabase, type DB } from '../platform/db/index.js';
import { boot, type Booted } from '../bootstrap.js';
import { buildApp, type AppOptions } from '../app.js';
import { ManualClock } from '../platform/clock/index.js';
import type { SuiteName } from '../platform/crypto/index.js';
import { createAccount, totpCode, type Role } from '../platform/auth/index.js';
import { write, SYSTEM_ACTOR } from '../platform/trail/index.js';
import type { ScopeCode } from '../platform/scope/index.js';
import { migratedTemplate } from './pglite-template.js';
import { pgTemplate, runSql, withDb } from './pg-template.js';

export const PASSWORD = 'correct-horse-battery';

export interface TestApp extends Booted {
  app: FastifyInstance;
  clock: ManualClock;
  serverUrl?: string;
  /** The test database as the app's role (PostgreSQL leg only). */
  dbUrl?: string;
  /** The test database as the owner role (PostgreSQL leg with MIGRATION_DATABASE_URL, issue 11 §1). */
  ownerUrl?: string;
  /** The trail's HMAC key, fresh for each test app. */
  trailKey: Buffer;
  /** Runs fn with the owner's rights: what the app's role may not do (PGlite has one role: the app's own handle). */
  asOwner<T>(fn: (db: Kysely<DB>) => Promise<T>): Promise<T>;
}

/**
 * A fresh database per test app, copied from a migrated template (test/pg-template.ts). With MIGRATION_DATABASE_URL
 * (scripts/pg-local.sh) it is created and owned by the owner role, which migrates it; the app runs as DATABASE_URL's
 * restricted role, as in production (issue 11 §1).
 */
async function freshPgDatabase(
  appBase: string,
  ownerBase?: string,
): Promise<{ url: string; ownerUrl?: string; drop: () => Promise<void> }> {
  const name = `mj_test_${randomBytes(6).toString('hex')}`;
  const adminBase = ownerBase ?? appBase;
  await runSql(adminBase, `CREATE DATABASE ${name} TEMPLATE ${await pgTemplate(appBase, ownerBase)}`);
  return {
    url: withDb(appBase, name),
    ownerUrl: ownerBase ? withDb(ownerBase, name) : undefined,
    drop: () => runSql(adminBase, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

export async function startTestApp(
  opts: { now?: string; demo?: boolean; app?: AppOptions; checkpointFile?: string; crypto?: SuiteName } = {},
): Promise<TestApp> {
  const clock = new ManualClock(opts.now ?? '2026-03-02T02:00:00Z');
  const base = process.env.DATABASE_URL;
  const fresh = base ? await freshPgDatabase(base, process.env.MIGRATION_DATABASE_URL || undefined) : null;
  const trailKey = randomBytes(32);
  const booted = await boot({
    databaseUrl: fresh?.url,
    migrationUrl: fresh?.ownerUrl,
    dataDir: 'memory://',
    pgliteTemplate: base ? undefined : await migratedTemplate(),
    clock,
    demo: opts.demo ?? false,
    key: randomBytes(32),
    trailKey,
    checkpointFile: opts.checkpointFile ?? null,
    crypto: opts.crypto,
  });
  const app = await buildApp(booted.ctx, opts.app);
  const asOwner = async <T>(fn: (db: Kysely<DB>) => Promise<T>): Promise<T> => {
    if (!fresh?.ownerUrl) return fn(booted.ctx.db);
    const owner = await openDatabase({ databaseUrl: fresh.ownerUrl, poolSize: 1 });
    try {
      return await fn(owner.db);
    } finally {
      await owner.close();
    }
  };
  return {
    ...booted,
    app,
    clock,
    dbUrl: fresh?.url,
    ownerUrl: fresh?.ownerUrl,
    trailKey,
    asOwner,
    close: async () => {
      await app.close();
      await booted.close();
      await fresh?.drop();
    },
  };
}

/** A logged-in client: keeps the session cookie and sends the CSRF header on writes. */
export class Client {
  cookie = '';
  csrf = '';
  constructor(readonly t: TestApp) {}

  async login(username: string, password = PASSWORD, totpSecret?: string) {
    const body: Record<string, string> = { username, password };
    if (totpSecret) body.totp = totpCode(totpSecret, this.t.clock.now());
    const res = await this.t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: body });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    this.cookie = String(res.headers['set-cookie']).split(';')[0];
    this.csrf = res.json().csrfToken;
    return this;
  }

  req(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
  ): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { cookie: this.cookie };
    if (method !== 'GET') headers['x-csrf-token'] = this.csrf;
    return this.t.app.inject({ method, url, payload: payload as object, headers });
  }
  get = (url: string) => this.req('GET', url);
  post = (url: string, body?: unknown) => this.req('POST', url, body ?? {});
  patch = (url: string, body: unknown) => this.req('PATCH', url, body);
  put = (url: string, body: unknown) => this.req('PUT', url, body);
  del = (url: string) => this.req('DELETE', url);
}

let accountSeq = 0;
export async function makeAccount(
  t: TestApp,
  a: {
    role: Role;
    orgId: number;
    scope: ScopeCode;
    cadreId?: number;
    customOrgIds?: number[];
    username?: string;
    isHead?: boolean;
  },
) {
  const username = a.username ?? `${a.role}_${a.scope}_${++accountSeq}`;
  const r = await write(t.ctx.db, t.ctx.clock, SYSTEM_ACTOR, (w) =>
    createAccount(t.ctx, w, {
      username,
      displayName: username,
      password: PASSWORD,
      role: a.role,
      orgId: a.orgId,
      scope: a.scope,
      cadreId: a.cadreId,
      customOrgIds: a.customOrgIds,
      isHead: a.isHead,
    }),
  );
  return { username, id: r.id, totpSecret: r.totp?.secret };
}

export async function loginAs(t: TestApp, a: Parameters<typeof makeAccount>[1]) {
  const acc = await makeAccount(t, a);
  return new Client(t).login(acc.username, PASSWORD, acc.totpSecret);
}
