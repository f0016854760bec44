// issue 12 §8: a test app booted from the migrated template (pglite-template.ts) has the database a test app booted
// from initdb and every migration has: same schema, grants, extensions, functions and rows, given the same keys.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { boot } from '../bootstrap.js';
import type { DB } from '../platform/db/index.js';
import { migratedTemplate } from './pglite-template.js';

const CATALOG = {
  columns: sql`SELECT table_name, column_name, data_type, column_default, is_nullable FROM information_schema.columns
    WHERE table_schema NOT IN ('pg_catalog', 'information_schema')`,
  indexes: sql`SELECT schemaname, indexname, indexdef FROM pg_indexes WHERE schemaname <> 'pg_catalog'`,
  constraints: sql`SELECT conrelid::regclass::text AS t, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
    WHERE connamespace = 'public'::regnamespace`,
  triggers: sql`SELECT tgrelid::regclass::text AS t, pg_get_triggerdef(oid) AS def FROM pg_trigger WHERE NOT tgisinternal`,
  functions: sql`SELECT proname, pg_get_function_identity_arguments(oid) AS args, md5(prosrc) AS src, prosecdef
    FROM pg_proc WHERE pronamespace = 'public'::regnamespace`,
  grants: sql`SELECT relname, relkind, relacl::text AS acl FROM pg_class WHERE relnamespace = 'public'::regnamespace`,
  extensions: sql`SELECT extname, extversion FROM pg_extension`,
  schemas: sql`SELECT nspname, nspacl::text AS acl FROM pg_namespace`,
  migrations: sql`SELECT name, checksum FROM schema_migrations`,
};

async function snapshot(db: Kysely<DB>): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const [name, query] of Object.entries(CATALOG)) {
    out[name] = (await query.execute(db)).rows.map((r) => JSON.stringify(r)).sort();
  }
  // Every row of every table but schema_migrations (its applied_at is when the template was built).
  const tables = await sql<{ t: string }>`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public'
    AND tablename <> 'schema_migrations' ORDER BY 1`.execute(db);
  for (const { t } of tables.rows) {
    const rows = await sql<{ r: string }>`SELECT to_jsonb(x)::text AS r FROM ${sql.table(t)} x`.execute(db);
    out[`rows ${t}`] = rows.rows.map((r) => r.r).sort();
  }
  return out;
}

describe.skipIf(!!process.env.DATABASE_URL)('the migrated PGlite template', () => {
  it('boots to the same database as initdb and every migration, with the same keys', async () => {
    const keys = { key: randomBytes(32), trailKey: randomBytes(32), checkpointFile: null, dataDir: 'memory://' };
    const fresh = await boot(keys);
    const fromTemplate = await boot({ ...keys, pgliteTemplate: await migratedTemplate() });
    try {
      const [a, b] = [await snapshot(fresh.ctx.db), await snapshot(fromTemplate.ctx.db)];
      expect(a['rows trail_head']).toEqual(['{"id": 1, "seq": 0, "hash": "GENESIS"}']);
      expect(b).toEqual(a);
    } finally {
      await fresh.close();
      await fromTemplate.close();
    }
  });

  it('an empty data directory on disk (npm start) starts from it, unpacked, to the same database', async () => {
    await migratedTemplate(); // made, so the start below finds it
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mj-template-start-'));
    const keys = { key: randomBytes(32), trailKey: randomBytes(32), checkpointFile: null };
    const phases: string[] = [];
    const fresh = await boot({ ...keys, dataDir: 'memory://' });
    const started = await boot({ ...keys, dataDir: dir, templateCache: true, onPhase: (p) => phases.push(p) });
    try {
      expect(phases.slice(0, 2)).toEqual(['template unpacked', 'database opened']);
      expect(await snapshot(started.ctx.db)).toEqual(await snapshot(fresh.ctx.db));
    } finally {
      await fresh.close();
      await started.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
