// Engine-level guarantees: migrations are forward-only and recorded; the PGlite data directory is locked
// against a second process (two writers on one directory lose rows); health answers when the database does.
import { mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { randomBytes } from 'node:crypto';
import { Client, makeAccount, startTestApp, type TestApp } from '../../test/harness.js';
import { boot } from '../../bootstrap.js';
import { loadSmallTree } from '../../test/fixtures.js';
import { lockDataDir, migrate, MIGRATIONS_DIR } from './index.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await loadSmallTree(t);
});
afterAll(() => t.close());

describe('migrations', () => {
  it('records every file once and does not re-run them', async () => {
    const files = readdirSync(MIGRATIONS_DIR)
      .filter((f) => f.endsWith('.sql'))
      .sort();
    const rows = await t.ctx.db.selectFrom('schema_migrations').select('name').orderBy('name').execute();
    expect(rows.map((r) => r.name)).toEqual(files);
    expect(await migrate(t.ctx.db)).toEqual([]);
  });

  it('refuses to start when an applied migration was edited afterwards', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mj-mig-'));
    try {
      writeFileSync(path.join(dir, '0001_x.sql'), 'create table mig_probe (id int);');
      // Migrations are the owner's (issue 11 §1); on PGlite that is the app's own handle.
      await t.asOwner(async (db) => {
        await sql`drop table if exists mig_probe`.execute(db);
        await db.deleteFrom('schema_migrations').where('name', '=', '0001_x.sql').execute();
        expect(await migrate(db, dir)).toEqual(['0001_x.sql']);
        writeFileSync(path.join(dir, '0001_x.sql'), 'create table mig_probe (id int, changed int);');
        await expect(migrate(db, dir)).rejects.toThrow(/changed after it was applied/);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('migrations from several instances at once', () => {
  it('two instances migrating the same database together both succeed and apply each file once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mj-mig-'));
    try {
      writeFileSync(path.join(dir, '0001_probe.sql'), 'create table mig_probe_2 (id int);');
      const [x, y] = await Promise.all([t.asOwner((db) => migrate(db, dir)), t.asOwner((db) => migrate(db, dir))]);
      expect([...x, ...y]).toEqual(['0001_probe.sql']);
    } finally {
      await t.asOwner(async (db) => {
        await sql`drop table if exists mig_probe_2`.execute(db);
        await db.deleteFrom('schema_migrations').where('name', '=', '0001_probe.sql').execute();
      });
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('encryption key', () => {
  it('refuses to start on a database that was created with another key', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mj-key-'));
    const key = randomBytes(32);
    try {
      await (await boot({ dataDir: dir, key })).close();
      await expect(boot({ dataDir: dir, key: randomBytes(32) })).rejects.toThrow(/MINGJIAN_KEY/);
      await (await boot({ dataDir: dir, key })).close(); // the right key still opens it, and the lock was released
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('data directory lock', () => {
  it('refuses a second live process with a clear bilingual message, and takes over a stale lock', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mj-lock-'));
    try {
      writeFileSync(path.join(dir, 'mingjian.lock'), String(process.ppid)); // a live process that is not us
      expect(() => lockDataDir(dir)).toThrow(/正被进程 \d+ 使用.*in use by process/);
      writeFileSync(path.join(dir, 'mingjian.lock'), '999999999'); // no such process
      const unlock = lockDataDir(dir);
      unlock();
      mkdirSync(path.join(dir, 'pg'), { recursive: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('health and API description', () => {
  it('GET /api/v1/health answers 200 with the engine', async () => {
    const res = await t.app.inject({ url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', engine: process.env.DATABASE_URL ? 'postgres' : 'pglite' });
  });

  it('serves an OpenAPI document listing the registry endpoints, and the docs page', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of [
      '/api/v1/cadres',
      '/api/v1/cadres/{id}',
      '/api/v1/cadres/{id}/timeline',
      '/api/v1/orgs/{id}/tree',
      '/api/v1/auth/login',
    ]) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
    expect(doc.paths['/api/v1/cadres'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['page', 'pageSize', 'q']),
    );
    expect((await t.app.inject({ url: '/api/docs/' })).statusCode).toBe(200);
    expect(doc.components.securitySchemes.csrf).toMatchObject({ in: 'header', name: 'x-csrf-token' });
  });

  it('the front door leads to the API documentation', async () => {
    const res = await t.app.inject({ url: '/' });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/api/docs');
  });

  it('a body-less POST with a JSON content type and no body is accepted; a body route still needs its body', async () => {
    const a = await makeAccount(t, { role: 'org_supervisor', orgId: 1, scope: 4 });
    const c = await new Client(t).login(a.username);
    const headers = { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': 'application/json' };
    const create = await t.app.inject({ method: 'POST', url: '/api/v1/orgs', headers, payload: '' });
    expect(create.statusCode).toBe(400);
    expect(create.json().error.code).toBe('VALIDATION');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers, payload: '' })).statusCode).toBe(
      200,
    );
  });

  it('unknown paths get a Chinese not-found answer', async () => {
    const res = await t.app.inject({ url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.messageZh).toContain('未找到');
  });
});
