// `npm run verify-trail` on a real database: exits 0 on an intact chain; after a hand-made SQL change it exits
// non-zero and names the first broken row.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../platform/db/index.js';
import { boot } from '../bootstrap.js';
import { startTestApp } from '../test/harness.js';
import { loadSmallTree, smallRegistry } from '../test/fixtures.js';
import { loadRegistry } from '../demo/index.js';
import { SYSTEM_ACTOR } from '../platform/trail/index.js';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const run = (env: Record<string, string>) => {
  const e: Record<string, string | undefined> = { ...process.env, ...env };
  if (!env.DATABASE_URL) delete e.DATABASE_URL;
  return spawnSync(process.execPath, ['--import', 'tsx', 'apps/server/src/cli/verify-trail.ts'], { cwd: ROOT, env: e, encoding: 'utf8' });
};

async function tamper(db: Kysely<DB>) {
  await sql`alter table trail disable trigger trail_no_update`.execute(db);
  await sql`update trail set actor_name = 'someone-else' where seq = 2`.execute(db);
  await sql`alter table trail enable trigger trail_no_update`.execute(db);
}

describe('verify-trail command', () => {
  it.skipIf(!!process.env.DATABASE_URL)('on the embedded database (DATA_DIR)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mj-verify-'));
    try {
      const b = await boot({ dataDir: dir });
      await loadRegistry(b.ctx.db, b.ctx.clock, SYSTEM_ACTOR, smallRegistry());
      await b.close();
      const ok = run({ DATA_DIR: dir });
      expect(ok.status, ok.stderr).toBe(0);
      expect(ok.stdout).toMatch(/Trail intact: \d+ rows/);
      const b2 = await boot({ dataDir: dir });
      await tamper(b2.ctx.db);
      await b2.close();
      const bad = run({ DATA_DIR: dir });
      expect(bad.status).toBe(1);
      expect(bad.stderr).toMatch(/BROKEN at row 2/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it.skipIf(!process.env.DATABASE_URL)('on PostgreSQL (DATABASE_URL)', async () => {
    const t = await startTestApp();
    try {
      await loadSmallTree(t);
      expect(run({ DATABASE_URL: t.dbUrl! }).status).toBe(0);
      await tamper(t.ctx.db);
      const bad = run({ DATABASE_URL: t.dbUrl! });
      expect(bad.status).toBe(1);
      expect(bad.stderr).toMatch(/BROKEN at row 2/);
    } finally {
      await t.close();
    }
  }, 60_000);
});
