// Plain SQL migrations, forward only, applied in name order and recorded with a checksum.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.js';
import { grantAppRole, ownsTrail } from './app-grants.js';
import { openDatabase, type Database } from './client.js';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../db/migrations');

// Any constant works; it only has to be the same for every instance that starts against one database.
const MIGRATION_LOCK = 0x6d6a0001;

export interface MigrateOptions {
  /** The restricted role the app runs as: granted what it needs after every run (issue 11 §1, app-grants.ts). */
  appRole?: string;
}

/** Two instances starting at once against one server: the second waits for the first, then finds nothing to do. */
export async function migrate(db: Kysely<DB>, dir = MIGRATIONS_DIR, opts: MigrateOptions = {}): Promise<string[]> {
  return db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(${MIGRATION_LOCK})`.execute(conn);
    try {
      const applied = await migrateLocked(conn, dir);
      if (opts.appRole) await conn.transaction().execute((trx) => grantAppRole(trx, opts.appRole!));
      return applied;
    } finally {
      await sql`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`.execute(conn);
    }
  });
}

const migrationFiles = async (dir: string) => (await readdir(dir)).filter((f) => /^\d{4}_.+\.sql$/.test(f)).sort();

/** The migrations this database has had, in name order; none on an empty database. */
export async function appliedMigrations(db: Kysely<DB>): Promise<string[]> {
  const known = await sql<{ t: string | null }>`SELECT to_regclass('schema_migrations')::text AS t`.execute(db);
  if (!known.rows[0]?.t) return [];
  return (await db.selectFrom('schema_migrations').select('name').orderBy('name').execute()).map((r) => r.name);
}

/** Migrations not yet applied (a role that may not apply them checks this at start). */
export async function pendingMigrations(db: Kysely<DB>, dir = MIGRATIONS_DIR): Promise<string[]> {
  const done = new Set(await appliedMigrations(db));
  return (await migrationFiles(dir)).filter((f) => !done.has(f));
}

async function migrateLocked(db: Kysely<DB>, dir: string): Promise<string[]> {
  // Only when missing: CREATE … IF NOT EXISTS is refused to a role that may not create (the app's, with nothing to do).
  if (!(await sql<{ t: string | null }>`SELECT to_regclass('schema_migrations')::text AS t`.execute(db)).rows[0].t) {
    await sql`CREATE TABLE schema_migrations (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`.execute(db);
  }
  const files = await migrationFiles(dir);
  const done = new Map(
    (await db.selectFrom('schema_migrations').selectAll().execute()).map((r) => [r.name, r.checksum]),
  );
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

/**
 * At start on PostgreSQL (issue 11 §1): with an owner URL (MIGRATION_DATABASE_URL) the migrations run as the owner,
 * which then grants the app's role what it needs. Without one, the app's own role migrates if it owns the schema (one
 * role, as before: warned), and otherwise only checks that nothing is pending (migrations ran with `npm run db:migrate`).
 */
export async function migrateForApp(
  app: Database,
  migrationUrl?: string,
  warn: (m: string) => void = console.warn,
): Promise<void> {
  if (app.engine === 'pglite') {
    await migrate(app.db); // one role in PGlite: there the keyed chain and the checkpoints are the defence
    return;
  }
  const role = async (db: Kysely<DB>) => (await sql<{ r: string }>`SELECT current_user AS r`.execute(db)).rows[0].r;
  const appRole = await role(app.db);
  if (migrationUrl) {
    const owner = await openDatabase({ databaseUrl: migrationUrl, poolSize: 1 });
    try {
      await migrate(owner.db, MIGRATIONS_DIR, { appRole: (await role(owner.db)) === appRole ? undefined : appRole });
    } finally {
      await owner.close();
    }
  } else if (await ownsTrail(app.db)) {
    await migrate(app.db);
  } else {
    const pending = await pendingMigrations(app.db);
    if (pending.length) {
      throw new Error(
        `数据库迁移未执行（${pending.join(', ')}），应用角色无权执行：请设置 MIGRATION_DATABASE_URL（属主角色）或运行 npm run db:migrate。 ` +
          `Migrations pending (${pending.join(', ')}) that the app's role ${appRole} may not apply: set MIGRATION_DATABASE_URL to the owner role, or run npm run db:migrate.`,
      );
    }
  }
  if (await ownsTrail(app.db)) {
    warn(
      `警告：应用以数据表属主角色 ${appRole} 运行，可改写留痕。请让 DATABASE_URL 使用受限角色，MIGRATION_DATABASE_URL 使用属主角色。 ` +
        `Warning: the app runs as ${appRole}, a role that owns the tables and could rewrite the trail; give DATABASE_URL a restricted role ` +
        'and MIGRATION_DATABASE_URL the owner (issue 11 §1).',
    );
  }
}
