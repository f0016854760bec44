// issue 12 §8: initdb and every migration cost ≈4 s on 2 cores before PGlite answers its first query. A migrated data
// directory, dumped to a file once, is loaded instead: by every test app (test/pglite-template.ts) and by the first
// start of `npm start` on an empty data directory (bootstrap.ts). The file holds only what migrate() gives a fresh
// database; boot() still migrates (finding nothing to do), seeds the reference data and makes the installation's own
// rows and keys, so a database started from it is the one initdb and the migrations would have made.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, openAsBlob, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Database } from './client.js';
import { MIGRATIONS_DIR } from './migrate.js';

// Bump when what the template is built with changes in a way the key below does not see.
const FORMAT = 'mingjian-pglite-template 2';
// The code that builds it: how PGlite is opened (its extensions) and how migrations are applied and recorded.
const BUILDERS = ['./client.ts', './migrate.ts', './pglite-template.ts'];
// Their TypeScript source, also when this module runs compiled from apps/server/dist (npm start, scripts/build-server.mjs),
// so the tests and the compiled start share one template.
const builderSource = (file: string) =>
  new URL(file, import.meta.url.replace('/apps/server/dist/', '/apps/server/src/'));

/** The file's key: the PGlite version, the builders' text and every migration file's name and text. */
async function templateKey(): Promise<string> {
  const require = createRequire(import.meta.url);
  const pkgDir = path.resolve(path.dirname(require.resolve('@electric-sql/pglite')), '..');
  const hash = createHash('sha256').update(FORMAT).update('\0');
  hash.update(JSON.parse(await readFile(path.join(pkgDir, 'package.json'), 'utf8')).version).update('\0');
  for (const file of BUILDERS) hash.update(await readFile(builderSource(file))).update('\0');
  for (const file of (await readdir(MIGRATIONS_DIR)).sort()) {
    hash
      .update(file)
      .update('\0')
      .update(await readFile(path.join(MIGRATIONS_DIR, file)))
      .update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

const mine = (p: string) => {
  const st = statSync(p);
  return st.uid === os.userInfo().uid && (st.mode & 0o022) === 0;
};

/**
 * In a directory of this user's only (MINGJIAN_TEMPLATE_DIR, default `$TMPDIR/mingjian-<uid>`): the temporary
 * directory is shared, and a planted template would be trusted as the database's starting point.
 */
export async function templatePath(): Promise<string> {
  const dir = process.env.MINGJIAN_TEMPLATE_DIR || path.join(os.tmpdir(), `mingjian-${os.userInfo().uid}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!mine(dir)) throw new Error(`${dir} belongs to another user or others may write to it: remove it`);
  return path.join(dir, `pglite-${await templateKey()}.tar`);
}

/** The template if it was made already (by a test run or an earlier first start), else undefined. */
export async function readTemplate(file?: string): Promise<Blob | undefined> {
  const f = file ?? (await templatePath());
  if (!existsSync(f)) return undefined;
  if (!mine(f)) throw new Error(`${f} belongs to another user or others may write to it: remove it`);
  return openAsBlob(f);
}

/** Dumps a database that has just been migrated (and nothing else) into the template file. */
export async function saveTemplate(database: Database, file?: string): Promise<void> {
  if (!database.dumpDataDir) throw new Error('the template is a PGlite data directory');
  const f = file ?? (await templatePath());
  const tar = new Uint8Array(await (await database.dumpDataDir()).arrayBuffer());
  // Written aside and renamed: a process building at the same time, or reading, never sees half a file.
  const part = `${f}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(part, tar, { mode: 0o600 });
  await rename(part, f);
}

/**
 * `npm start` on an empty directory: the template's files written straight into `dir` (the PGlite data directory),
 * which then opens as an existing database — faster than PGlite's loadDataDir, which unpacks through its virtual file
 * system (bench:coldstart, phases "template loaded" against "template unpacked" + "database opened"). False when there is no template yet.
 */
export async function unpackTemplate(dir: string): Promise<boolean> {
  const f = await templatePath();
  if (!existsSync(f)) return false;
  if (!mine(f)) throw new Error(`${f} belongs to another user or others may write to it: remove it`);
  const tar = await readFile(f);
  const part = `${dir}.${process.pid}.part`;
  rmSync(part, { recursive: true, force: true });
  mkdirSync(part, { recursive: true, mode: 0o700 });
  try {
    unpackInto(tar, part, f);
  } catch (e) {
    rmSync(part, { recursive: true, force: true });
    throw e;
  }
  if (existsSync(dir)) rmdirSync(dir); // empty (the caller found no PG_VERSION); fails if not
  renameSync(part, dir);
  return true;
}

function unpackInto(tar: Buffer, part: string, f: string): void {
  const field = (at: number, len: number) => tar.toString('latin1', at, at + len).replace(/\0.*$/s, '');
  for (let at = 0; at + 512 <= tar.length; ) {
    if (tar[at] === 0) break; // the end-of-archive blocks
    const name = `${field(at + 345, 155)}${field(at, 100)}`.replace(/^\/+/, '');
    const size = Number.parseInt(field(at + 124, 12).trim() || '0', 8);
    const type = field(at + 156, 1) || '0';
    const target = path.resolve(part, name);
    if (!target.startsWith(`${part}${path.sep}`) && target !== part) throw new Error(`${f}: bad entry ${name}`);
    if (type === '5') mkdirSync(target, { recursive: true, mode: 0o700 });
    else if (type === '0') {
      mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
      writeFileSync(target, tar.subarray(at + 512, at + 512 + size), { mode: 0o600 });
    } else throw new Error(`${f}: unexpected entry type ${type} (${name})`);
    at += 512 + Math.ceil(size / 512) * 512;
  }
  if (!existsSync(path.join(part, 'PG_VERSION'))) throw new Error(`${f}: not a data directory`);
}
