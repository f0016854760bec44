// The database part of a backup, per engine (issue 13 §4). PGlite: its data directory, copied while this process
// holds the directory's lock, so no server writes during the copy (a running server refuses the lock: stop it first).
// PostgreSQL: `pg_dump` (one snapshot, so the server may keep running) of the public schema — pg-boss's queue is left
// out, the jobs are scheduled again at start — and `pg_restore` as the owner role, after which the app role's grants
// are made again exactly as a migration run makes them (app-grants.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { appliedMigrations, migrateForApp, openDatabase } from '../../platform/db/index.js';
import { BackupError } from './archive.js';
import { dataDir, stageTree } from './layout.js';

export const PGLITE_DIR = path.join(dataDir, 'pg');
export const DUMP = 'postgres.dump';

export async function pgliteMigrations(): Promise<string[]> {
  if (!existsSync(path.join(PGLITE_DIR, 'PG_VERSION')))
    throw new BackupError(`${PGLITE_DIR} 中没有数据库 There is no database in ${PGLITE_DIR}`);
  const database = await openDatabase({ dataDir: PGLITE_DIR });
  try {
    return await appliedMigrations(database.db);
  } finally {
    await database.close();
  }
}

export function stagePglite(staging: string): void {
  stageTree(PGLITE_DIR, path.join(staging, 'pg'));
}

export function pgliteHoldsData(): boolean {
  return existsSync(PGLITE_DIR) && readdirSync(PGLITE_DIR).length > 0;
}

export function placePglite(unpacked: string): void {
  rmSync(PGLITE_DIR, { recursive: true, force: true });
  renameSync(path.join(unpacked, 'pg'), PGLITE_DIR);
}

/** Runs a PostgreSQL client tool; the password goes in PGPASSWORD, never on a command line others can read. */
function pgTool(tool: string, args: string[], url: string): void {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  const bin = process.env.PG_BIN ? path.join(process.env.PG_BIN, tool) : tool;
  const r = spawnSync(bin, [...args, `--dbname=${u.toString()}`], {
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
    encoding: 'utf8',
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  if (r.error)
    throw new BackupError(
      `无法运行 ${tool} Cannot run ${tool} (install postgresql-client, or set PG_BIN): ${r.error.message}`,
    );
  if (r.status !== 0) throw new BackupError(`${tool} 失败 ${tool} failed:\n${r.stderr.trim()}`);
}

export async function postgresMigrations(url: string): Promise<string[]> {
  const database = await openDatabase({ databaseUrl: url, poolSize: 1 });
  try {
    return await appliedMigrations(database.db);
  } finally {
    await database.close();
  }
}

export function dumpPostgres(url: string, staging: string): void {
  pgTool(
    'pg_dump',
    ['--format=custom', '--no-owner', '--no-acl', '--exclude-schema=pgboss', `--file=${path.join(staging, DUMP)}`],
    url,
  );
}

export async function restorePostgres(
  unpacked: string,
  appUrl: string,
  ownerUrl: string | undefined,
  overwrite: boolean,
): Promise<void> {
  const target = ownerUrl ?? appUrl;
  const clean = overwrite ? ['--clean', '--if-exists'] : [];
  pgTool(
    'pg_restore',
    ['--no-owner', '--no-acl', '--exit-on-error', '--single-transaction', ...clean, path.join(unpacked, DUMP)],
    target,
  );
  // The grants again (and any migration this program has that the backup's did not), as at every start.
  const app = await openDatabase({ databaseUrl: appUrl, poolSize: 1 });
  try {
    await migrateForApp(app, ownerUrl, () => {});
  } finally {
    await app.close();
  }
}
