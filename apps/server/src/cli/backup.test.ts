// The backup drill of issue 13 §4, on the engine of the run (PGlite, or PostgreSQL with DATABASE_URL): a named report
// with a sealed reporter and an attachment, a signed checkpoint → `npm run backup` → the data directory (and the
// database) wiped → `npm run restore` → `verify-trail` passes, the receipt still follows up, the petition role still
// opens the reporter, the file downloads byte for byte. A damaged archive and a restore over data are refused and
// change nothing; --overwrite replaces.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import * as tar from 'tar';
import { describe, expect, it } from 'vitest';
import { boot } from '../bootstrap.js';
import { buildApp } from '../app.js';
import { ManualClock } from '../platform/clock/index.js';
import { startCheckpoints } from '../platform/trail/index.js';
import { Client, makeAccount, PASSWORD, type TestApp } from '../test/harness.js';
import { loadSmallTree, ORG } from '../test/fixtures.js';
import { pgTemplate, runSql, withDb } from '../test/pg-template.js';
import { OPEN_LIMITS, publicApi } from '../modules/reports/reports.fixtures.js';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const APP_BASE = process.env.DATABASE_URL;
const OWNER_BASE = process.env.MIGRATION_DATABASE_URL || undefined;
const REPORTER = { name: '司马备份', phone: '13700001111', address: '示例市备份路1号' };
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(40_000), Buffer.from('\n%%EOF\n')]);

interface Db {
  name: string;
  url: string;
  ownerUrl?: string;
}

const run = (script: string, args: string[], env: Record<string, string>) => {
  const e: Record<string, string | undefined> = { ...process.env, ...env };
  for (const k of ['TRAIL_CHECKPOINT_FILE', 'MINGJIAN_KEY', 'MINGJIAN_TRAIL_KEY']) delete e[k];
  if (!env.DATABASE_URL) delete e.DATABASE_URL;
  if (!env.MIGRATION_DATABASE_URL) delete e.MIGRATION_DATABASE_URL;
  return spawnSync(process.execPath, ['--import', 'tsx', `apps/server/src/cli/${script}.ts`, ...args], {
    cwd: ROOT,
    env: e,
    encoding: 'utf8',
  });
};

/** The app on a data directory (its keys in files), and on PostgreSQL on the named database. */
async function open(dir: string, db: Db | undefined, now: string) {
  const clock = new ManualClock(now);
  const b = await boot({ dataDir: dir, databaseUrl: db?.url, migrationUrl: db?.ownerUrl, clock, templateCache: !db });
  const app = await buildApp(b.ctx, OPEN_LIMITS);
  const t = { ...b, app, clock } as unknown as TestApp;
  return { t, close: () => app.close().then(() => b.close()) };
}

const adminBase = () => OWNER_BASE ?? APP_BASE!;
async function freshDb(): Promise<Db> {
  const name = `mj_drill_${randomBytes(5).toString('hex')}`;
  await runSql(adminBase(), `CREATE DATABASE ${name} TEMPLATE ${await pgTemplate(APP_BASE!, OWNER_BASE)}`);
  return { name, url: withDb(APP_BASE!, name), ownerUrl: OWNER_BASE && withDb(OWNER_BASE, name) };
}

describe('npm run backup / restore (issue 13 §4)', () => {
  it(`the drill on ${APP_BASE ? 'PostgreSQL' : 'PGlite'}: backup, wipe, restore, and everything still opens`, async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'mj-drill-'));
    const dir = path.join(work, 'data');
    const file = path.join(work, 'backup.tgz');
    const db = APP_BASE ? await freshDb() : undefined;
    const env = {
      DATA_DIR: dir,
      ...(db ? { DATABASE_URL: db.url } : {}),
      ...(db?.ownerUrl ? { MIGRATION_DATABASE_URL: db.ownerUrl } : {}),
    };
    try {
      // ── Before: a named report with an attachment, a petition officer, a signed checkpoint ──
      const a = await open(dir, db, '2026-03-02T02:00:00Z');
      await loadSmallTree(a.t);
      const officer = await makeAccount(a.t, { role: 'petition', orgId: ORG.R, scope: 4 });
      const submitted = await a.t.app.inject({
        method: 'POST',
        url: '/api/v1/public/reports',
        payload: {
          accused: { name: '张局长', unit: '明湖区财政局' },
          content: '张局长违规报销差旅费。',
          anonymous: false,
          reporter: REPORTER,
        },
      });
      expect(submitted.statusCode, submitted.body).toBe(201);
      const receipt: string = submitted.json().receipt;
      expect((await publicApi(a.t.app).attach(receipt, '证据.pdf', PDF)).statusCode).toBe(201);
      const petition = await new Client(a.t).login(officer.username, PASSWORD, officer.totpSecret);
      const reportId: number = (await petition.get('/api/v1/reports')).json().items[0].id;
      const fileId: number = (await petition.get(`/api/v1/reports/${reportId}`)).json().attachments[0].id;
      const cp = await startCheckpoints({
        db: a.t.ctx.db,
        signer: a.t.ctx.signer,
        clock: a.t.clock,
        file: a.t.ctx.trailCheckpoints!,
        everyMs: 3_600_000,
      });
      const seq = (await cp.checkpoint())!.payload.seq;
      await cp.stop();
      await a.close();

      const made = run('backup', [file], env);
      expect(made.status, made.stderr).toBe(0);
      expect(made.stdout).toContain('备份完成 Backup written');
      expect(made.stderr).toContain('WARNING: the backup file holds every key');
      expect(run('backup', [file], env).stderr).toContain('add --overwrite');

      // ── A damaged archive (one file changed, the manifest not) is refused before anything is written ──
      const damaged = path.join(work, 'damaged');
      mkdirSync(damaged);
      await tar.extract({ file, cwd: damaged });
      appendFileSync(path.join(damaged, 'keys', 'trail.key'), 'x');
      const damagedFile = path.join(work, 'damaged.tgz');
      await tar.create({ file: damagedFile, cwd: damaged, gzip: true }, readdirSync(damaged));
      const elsewhere = { ...env, DATA_DIR: path.join(work, 'elsewhere') };
      const refusedDamaged = run('restore', [damagedFile], elsewhere);
      expect(refusedDamaged.status).toBe(2);
      expect(refusedDamaged.stderr).toContain('keys/trail.key does not match its checksum');
      expect(existsSync(path.join(work, 'elsewhere', 'keys'))).toBe(false);

      // ── Wipe: the data directory gone, and on PostgreSQL an empty database in place of the old one ──
      rmSync(dir, { recursive: true, force: true });
      if (db) {
        await runSql(adminBase(), `DROP DATABASE ${db.name} WITH (FORCE)`);
        await runSql(adminBase(), `CREATE DATABASE ${db.name}`);
      }
      const restored = run('restore', [file], env);
      expect(restored.status, restored.stderr).toBe(0);
      expect(restored.stdout).toContain('恢复完成 Restored');
      const again = run('restore', [file], env);
      expect(again.status).toBe(2);
      expect(again.stderr).toContain('already holds data: add --overwrite');
      const replaced = run('restore', [file, '--overwrite'], env);
      expect(replaced.status, replaced.stderr).toBe(0);
      const verified = run('verify-trail', [], env);
      expect(verified.status, verified.stderr).toBe(0);
      expect(verified.stdout).toContain(`Trail intact`);
      expect(verified.stdout).toContain(`checkpoint at row ${seq}`);

      // ── After: the receipt, the sealed reporter and the file ──
      const b = await open(dir, db, '2026-03-02T02:05:00Z');
      try {
        const status = await publicApi(b.t.app).status(receipt);
        expect(status.statusCode, status.body).toBe(200);
        const officerAgain = await new Client(b.t).login(officer.username, PASSWORD, officer.totpSecret);
        const revealed = await officerAgain.post(`/api/v1/reports/${reportId}/reveal`, {
          reason: '恢复演练：核对举报人',
        });
        expect(revealed.statusCode, revealed.body).toBe(200);
        expect(revealed.json()).toEqual(REPORTER);
        const download = await officerAgain.get(`/api/v1/reports/${reportId}/attachments/${fileId}`);
        expect(download.statusCode).toBe(200);
        expect(download.rawPayload.equals(PDF)).toBe(true);
        // The app role's grants were made again: it still cannot rewrite the trail (PGlite has one role).
        if (db)
          await expect(sql`UPDATE trail SET actor_name = 'x'`.execute(b.t.ctx.db)).rejects.toThrow(/permission denied/);
      } finally {
        await b.close();
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
      if (db) await runSql(adminBase(), `DROP DATABASE IF EXISTS ${db.name} WITH (FORCE)`);
    }
  }, 240_000);
});
