// Plain SQL migrations, forward only, applied in name order and recorded with a checksum.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.js';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../db/migrations');

// Any constant works; it only has to be the same for every instance that starts against one database.
const MIGRATION_LOCK = 0x6d6a0001;

/** Two instances starting at once against one server: the second waits for the first, then finds nothing to do. */
export async function migrate(db: Kysely<DB>, dir = MIGRATIONS_DIR): Promise<string[]> {
  return db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(${MIGRATION_LOCK})`.execute(conn);
    try {
      return await migrateLocked(conn, dir);
    } finally {
      await sql`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`.execute(conn);
    }
  });
}

async function migrateLocked(db: Kysely<DB>, dir: string): Promise<string[]> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`.execute(db);
  const files = (await readdir(dir)).filter((f) => /^\d{4}_.+\.sql$/.test(f)).sort();
  const done = new Map((await db.selectFrom('schema_migrations').selectAll().execute()).map((r) => [r.name, r.checksum]));
  const applied: string[] = [];
  for (const file of files) {
    const text = await readFile(path.join(dir, file), 'utf8');
    const checksum = createHash('sha256').update(text).digest('hex');
    const seen = done.get(file);
    if (seen) {
      // Forward only: an applied migration that was edited afterwards is a mistake to surface, not to re-run.
      if (seen !== checksum) throw new Error(`migration ${file} was changed after it was applied`);
      continue;
    }
    await db.transaction().execute(async (trx) => {
      await sql.raw(text).execute(trx);
      await trx.insertInto('schema_migrations').values({ name: file, checksum, applied_at: new Date() }).execute();
    });
    applied.push(file);
  }
  return applied;
}
