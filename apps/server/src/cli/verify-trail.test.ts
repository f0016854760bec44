// `npm run verify-trail` on a real database: exits 0 on an intact chain; after a hand-made SQL change it exits
// non-zero and names the first broken row and what broke (issue 11 §1: forged, edited, truncated against the latest
// signed checkpoint). `npm run trail:checkpoints` exports the checkpoints for an auditor.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { boot } from '../bootstrap.js';
import { startTestApp } from '../test/harness.js';
import { loadSmallTree, smallRegistry } from '../test/fixtures.js';
import { cutEnd, editRow, forgeRow } from '../test/trail-tamper.js';
import { loadRegistry } from '../demo/index.js';
import { SYSTEM_ACTOR, startCheckpoints } from '../platform/trail/index.js';
import { loadOrCreateSigner, verifyProof } from '../platform/crypto/index.js';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const run = (env: Record<string, string>, script = 'verify-trail.ts') => {
  const e: Record<string, string | undefined> = { ...process.env, ...env };
  if (!env.DATABASE_URL) delete e.DATABASE_URL;
  delete e.TRAIL_CHECKPOINT_FILE;
  return spawnSync(process.execPath, ['--import', 'tsx', `apps/server/src/cli/${script}`], {
    cwd: ROOT,
    env: e,
    encoding: 'utf8',
  });
};

describe('verify-trail command', () => {
  it.skipIf(!!process.env.DATABASE_URL)(
    'on the embedded database (DATA_DIR), with the key file and the checkpoints there',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'mj-verify-'));
      try {
        const b = await boot({ dataDir: dir });
        await loadRegistry(b.ctx.db, b.ctx.clock, SYSTEM_ACTOR, smallRegistry());
        const cp = await (
          await startCheckpoints({
            db: b.ctx.db,
            signer: b.ctx.signer,
            clock: b.ctx.clock,
            file: b.ctx.trailCheckpoints!,
            everyMs: 3_600_000,
          })
        ).checkpoint();
        await b.close();
        const ok = run({ DATA_DIR: dir });
        expect(ok.status, ok.stderr).toBe(0);
        expect(ok.stdout).toMatch(
          new RegExp(`Trail intact: \\d+ rows, head \\w+ \\(checkpoint at row ${cp!.payload.seq}\\)`),
        );
        const exported = run({ DATA_DIR: dir }, 'trail-checkpoints.ts');
        expect(exported.status, exported.stderr).toBe(0);
        const doc = JSON.parse(exported.stdout);
        expect(doc.checkpoints).toEqual([cp]);
        expect(verifyProof(doc.checkpoints[0], doc.publicKey)).toBe(true);

        const b2 = await boot({ dataDir: dir });
        const forged = await forgeRow(b2.ctx.db);
        await b2.close();
        const bad = run({ DATA_DIR: dir });
        expect(bad.status).toBe(1);
        expect(bad.stderr).toMatch(new RegExp(`BROKEN at row ${forged} \\[forged\\]: hashed with plain SHA-256`));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );

  it.skipIf(!process.env.DATABASE_URL)(
    'on PostgreSQL (DATABASE_URL, the app role), with MINGJIAN_TRAIL_KEY',
    async () => {
      const t = await startTestApp();
      const dir = mkdtempSync(path.join(tmpdir(), 'mj-verify-'));
      try {
        await loadSmallTree(t);
        const file = path.join(dir, 'trail-checkpoints.jsonl'); // where the command looks under DATA_DIR
        const checkpoints = await startCheckpoints({
          db: t.ctx.db,
          signer: loadOrCreateSigner(path.join(dir, 'keys')),
          clock: t.clock,
          file,
          everyMs: 3_600_000,
        });
        const cp = (await checkpoints.checkpoint())!;
        const env = { DATABASE_URL: t.dbUrl!, DATA_DIR: dir, MINGJIAN_TRAIL_KEY: t.trailKey.toString('base64') };
        expect(run(env).status).toBe(0);
        const forged = await forgeRow(t.ctx.db); // as the app's own role: it may append, but not with a valid HMAC
        expect(run(env).stderr).toMatch(new RegExp(`BROKEN at row ${forged} \\[forged\\]`));
        await cutEnd(t, 1);
        await editRow(t, '2');
        expect(run(env).stderr).toMatch(/BROKEN at row 2 \[edited\]/);
        await editRow(t, '2', sql`actor_name = 'system'`);
        expect(run(env).status).toBe(0);
        await cutEnd(t, 2);
        const cut = run(env);
        expect(cut.status).toBe(1);
        expect(cut.stderr).toMatch(new RegExp(`BROKEN at row ${Number(cp.payload.seq) - 1} \\[truncated\\]`));
        expect(run({ ...env, MINGJIAN_TRAIL_KEY: Buffer.alloc(32, 1).toString('base64') }).stderr).toMatch(
          /trail key does not match/,
        );
      } finally {
        await t.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
