// issue 11 §1: on PostgreSQL the app runs as a role that owns nothing. As that role (t.ctx.db on the PostgreSQL leg,
// scripts/pg-local.sh) it cannot alter tables, disable triggers, change or remove trail rows, move trail_head, or
// change or remove sealed rows; a table a later migration adds is granted without anyone remembering to.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { boot } from '../../bootstrap.js';
import { migrate, migrateForApp, openDatabase, ownsTrail } from './index.js';

const twoRoles = !!process.env.DATABASE_URL && !!process.env.MIGRATION_DATABASE_URL;

describe.skipIf(!twoRoles)('the app role on PostgreSQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  const refused = async (statement: ReturnType<typeof sql.raw>, why = /permission denied/) =>
    expect(statement.execute(t.ctx.db)).rejects.toThrow(why);

  it('cannot alter the trail or disable its triggers', async () => {
    await refused(sql.raw('alter table trail disable trigger trail_no_update'), /must be owner/);
    await refused(sql.raw('alter table trail disable trigger all'), /must be owner/);
    await refused(sql.raw('alter table reports drop constraint reports_check'), /must be owner/);
    await refused(sql.raw('create table public.shadow (x int)'));
    await refused(sql.raw('create schema shadow'));
  });

  it('cannot update, delete or truncate trail rows, or move trail_head', async () => {
    await refused(sql.raw(`update trail set actor_name = 'x' where seq = 1`));
    await refused(sql.raw('delete from trail where seq = 1'));
    await refused(sql.raw('truncate trail'));
    await refused(sql.raw('update trail_head set seq = 0'));
    await refused(sql.raw('delete from trail_head'));
    await refused(sql.raw('select * from trail_head for update'));
  });

  it('cannot update or delete sealed rows: the reporter identity, sealed attachments, the installation key checks', async () => {
    await refused(sql.raw(`update reports set reporter_sealed = 'x' where id = 1`));
    await refused(sql.raw('delete from reports where id = 1'));
    for (const table of ['report_attachments', 'record_attachments']) {
      await refused(sql.raw(`update ${table} set mime_type = 'x' where id = 1`));
      await refused(sql.raw(`update ${table} set content_sealed = '' where id = 1`));
      await refused(sql.raw(`delete from ${table} where id = 1`));
    }
    await refused(sql.raw(`update installation set value = 'x'`));
    await refused(sql.raw('delete from installation'));
    await refused(sql.raw('delete from schema_migrations'));
    // What the app does need still works: a report's status moves.
    await sql`update reports set status = status where id = 1`.execute(t.ctx.db);
  });

  it('is granted a table a later migration adds, with its *_sealed column written once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mj-grants-'));
    writeFileSync(
      path.join(dir, '0099_probe.sql'),
      'CREATE TABLE probe (id int PRIMARY KEY, note text, secret_sealed text);',
    );
    const appRole = (await sql<{ r: string }>`select current_user as r`.execute(t.ctx.db)).rows[0].r;
    try {
      await t.asOwner((db) => migrate(db, dir, { appRole }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await sql`insert into probe values (1, 'a', 's')`.execute(t.ctx.db);
    await sql`update probe set note = 'b' where id = 1`.execute(t.ctx.db);
    await refused(sql.raw(`update probe set secret_sealed = 't' where id = 1`));
    await refused(sql.raw('delete from probe where id = 1'));
  });

  it('warns when the app runs as the role that owns the tables, and not as the restricted role', async () => {
    expect(await ownsTrail(t.ctx.db)).toBe(false);
    const warn = vi.fn();
    await migrateForApp({ ...t.database, db: t.ctx.db }, t.ownerUrl, warn);
    expect(warn).not.toHaveBeenCalled();
    const owner = await openDatabase({ databaseUrl: t.ownerUrl!, poolSize: 1 });
    try {
      await migrateForApp(owner, undefined, warn);
    } finally {
      await owner.close();
    }
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/owns the tables and could rewrite the trail/));
  });

  it('a restricted role alone does not start on a database with migrations pending, and says what to set', async () => {
    const name = `mj_test_pending_${process.pid}`;
    const admin = new pg.Client({ connectionString: process.env.MIGRATION_DATABASE_URL });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(process.env.DATABASE_URL!);
      url.pathname = `/${name}`;
      await expect(boot({ databaseUrl: url.toString(), dataDir: 'memory://' })).rejects.toThrow(
        /MIGRATION_DATABASE_URL/,
      );
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
