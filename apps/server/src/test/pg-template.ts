// issue 12 §8, the PostgreSQL leg: each test database is copied (CREATE DATABASE … TEMPLATE) from one migrated the
// way boot() migrates (the owner migrates and grants the app role), instead of running every migration again. boot()
// then migrates the copy as before: nothing is pending, and the owner grants the app role again.
import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { MIGRATIONS_DIR, migrateForApp, openDatabase } from '../platform/db/index.js';

const FORMAT = 'mingjian-pg-template 1';
// The code that builds it: how migrations are applied and recorded, and what the app role is granted.
const BUILDERS = ['../platform/db/migrate.ts', '../platform/db/app-grants.ts', './pg-template.ts'];

export const withDb = (base: string, name: string) => {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
};

export async function runSql(base: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** The template's name: the builders' and every migration's text, and the two roles it was migrated and granted for. */
async function templateName(appBase: string, ownerBase?: string): Promise<string> {
  const hash = createHash('sha256').update(FORMAT).update('\0');
  hash
    .update(new URL(appBase).username)
    .update('\0')
    .update(ownerBase ? new URL(ownerBase).username : '')
    .update('\0');
  for (const file of BUILDERS) hash.update(await readFile(new URL(file, import.meta.url))).update('\0');
  for (const file of (await readdir(MIGRATIONS_DIR)).sort()) {
    hash
      .update(file)
      .update('\0')
      .update(await readFile(path.join(MIGRATIONS_DIR, file)))
      .update('\0');
  }
  return `mj_template_${hash.digest('hex').slice(0, 16)}`;
}

async function exists(base: string, name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    return (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  } finally {
    await client.end();
  }
}

async function build(name: string, appBase: string, ownerBase?: string): Promise<void> {
  const adminBase = ownerBase ?? appBase;
  // Migrated under another name and renamed when done: a copy is never taken from a half-migrated template.
  const part = `${name}_${randomBytes(4).toString('hex')}`;
  await runSql(adminBase, `CREATE DATABASE ${part}`);
  try {
    const app = await openDatabase({ databaseUrl: withDb(appBase, part), poolSize: 1 });
    try {
      await migrateForApp(app, ownerBase ? withDb(ownerBase, part) : undefined, () => {});
    } finally {
      await app.close();
    }
    await runSql(adminBase, `ALTER DATABASE ${part} RENAME TO ${name}`);
  } catch (e) {
    await runSql(adminBase, `DROP DATABASE IF EXISTS ${part} WITH (FORCE)`);
    // Another run built it meanwhile (duplicate_database): use theirs.
    if ((e as { code?: string }).code !== '42P04') throw e;
  }
}

const templates = new Map<string, Promise<string>>();

/** The migrated template database on this server, built on first use and kept for later runs. */
export function pgTemplate(appBase: string, ownerBase?: string): Promise<string> {
  const key = `${appBase}\0${ownerBase ?? ''}`;
  let t = templates.get(key);
  if (!t) {
    t = (async () => {
      const name = await templateName(appBase, ownerBase);
      if (!(await exists(ownerBase ?? appBase, name))) await build(name, appBase, ownerBase);
      return name;
    })();
    // A failed build is tried again by the next test app rather than remembered.
    t.catch(() => templates.delete(key));
    templates.set(key, t);
  }
  return t;
}
