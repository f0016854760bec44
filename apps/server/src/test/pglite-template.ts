// issue 12 §8: a PGlite test app used to run initdb and every migration (≈4 s on 2 cores) before its first test. The
// migrations now run once into a data directory dumped to a file (in the temporary directory); each test app loads it.
// The template holds only what migrate() gives a fresh database; boot() still migrates (finding nothing to do), seeds
// the reference data and makes the per-app installation rows and keys, so every test app is as fresh as before.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, openAsBlob, statSync } from 'node:fs';
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { MIGRATIONS_DIR, migrate, openDatabase } from '../platform/db/index.js';

// Bump when what the template is built with changes in a way the key below does not see.
const FORMAT = 'mingjian-pglite-template 1';
// The code that builds it: how PGlite is opened (its extensions) and how migrations are applied and recorded.
const BUILDERS = ['../platform/db/client.ts', '../platform/db/migrate.ts', './pglite-template.ts'];

/** The cache file's key: the PGlite version, the builders' text and every migration file's name and text. */
async function templateKey(): Promise<string> {
  const require = createRequire(import.meta.url);
  const pkgDir = path.resolve(path.dirname(require.resolve('@electric-sql/pglite')), '..');
  const hash = createHash('sha256').update(FORMAT).update('\0');
  hash.update(JSON.parse(await readFile(path.join(pkgDir, 'package.json'), 'utf8')).version).update('\0');
  for (const file of BUILDERS) hash.update(await readFile(new URL(file, import.meta.url))).update('\0');
  for (const file of (await readdir(MIGRATIONS_DIR)).sort()) {
    hash
      .update(file)
      .update('\0')
      .update(await readFile(path.join(MIGRATIONS_DIR, file)))
      .update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** In a directory of this user's only: the temporary directory is shared, and a planted template would be trusted. */
export async function templatePath(): Promise<string> {
  const dir = path.join(os.tmpdir(), `mingjian-test-${os.userInfo().uid}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = statSync(dir);
  if (st.uid !== os.userInfo().uid || (st.mode & 0o022) !== 0) {
    throw new Error(`${dir} belongs to another user or others may write to it: remove it`);
  }
  return path.join(dir, `pglite-${await templateKey()}.tar`);
}

async function build(file: string): Promise<void> {
  const database = await openDatabase({ dataDir: 'memory://' });
  try {
    await migrate(database.db);
    if (!database.dumpDataDir) throw new Error('the template is a PGlite data directory');
    const tar = new Uint8Array(await (await database.dumpDataDir()).arrayBuffer());
    // Written aside and renamed: a worker building at the same time, or reading, never sees half a file.
    const part = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    await writeFile(part, tar);
    await rename(part, file);
  } finally {
    await database.close();
  }
}

let cached: Promise<Blob> | undefined;

/** The migrated template, built on first use (vitest's globalSetup builds it before the workers start). */
export function migratedTemplate(): Promise<Blob> {
  cached ??= (async () => {
    const file = await templatePath();
    if (!existsSync(file)) await build(file);
    return openAsBlob(file);
  })();
  return cached;
}
