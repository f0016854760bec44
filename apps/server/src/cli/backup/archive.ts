// The backup archive (issue 13 §4): a gzipped tar holding manifest.json first, then the database (PGlite's data
// directory as `pg/`, or PostgreSQL's `pg_dump` as `postgres.dump`), the key files as `keys/`, and the trail's signed
// checkpoints. The manifest names every file with its size and SHA-256, so a restore checks the whole archive before
// it touches anything. `tar` (npm's own, kept) writes and reads it; it refuses entries that climb out of the target.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import * as tar from 'tar';

export const FORMAT = 'mingjian-backup 1';
export const MANIFEST = 'manifest.json';
export type BackupEngine = 'pglite' | 'postgresql';

export interface ManifestFile {
  path: string;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  format: typeof FORMAT;
  createdAt: string;
  engine: BackupEngine;
  /** The migrations the database had: a restore into an older program refuses (it would not know the schema). */
  migrations: string[];
  /** Keys the server took from the environment (MINGJIAN_KEY, MINGJIAN_TRAIL_KEY): not in the archive. */
  keysFromEnvironment: string[];
  files: ManifestFile[];
  /** Every directory, the empty ones too: PostgreSQL will not open a data directory without pg_notify, pg_tblspc, … */
  dirs: string[];
}

export class BackupError extends Error {}

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

/** Every regular file and directory under `root`, as paths relative to it with forward slashes, sorted. */
export function treeUnder(root: string, rel = '', out = { files: [] as string[], dirs: [] as string[] }) {
  for (const e of readdirSync(path.join(root, rel), { withFileTypes: true })) {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) {
      out.dirs.push(p);
      treeUnder(root, p, out);
    } else if (e.isFile()) out.files.push(p);
    else throw new BackupError(`不是普通文件 Not a regular file: ${p}`);
  }
  out.files.sort();
  out.dirs.sort();
  return out;
}

/** Writes the manifest into `staging` and packs `staging` into `file` (written aside, then renamed; mode 0600). */
export async function pack(
  staging: string,
  file: string,
  m: Omit<Manifest, 'format' | 'files' | 'dirs'>,
): Promise<Manifest> {
  const { files: all, dirs } = treeUnder(staging);
  const names = all.filter((f) => f !== MANIFEST);
  const files: ManifestFile[] = [];
  for (const f of names) {
    const abs = path.join(staging, f);
    files.push({ path: f, bytes: statSync(abs).size, sha256: await sha256(abs) });
  }
  const manifest: Manifest = { format: FORMAT, ...m, files, dirs };
  writeFileSync(path.join(staging, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  const part = `${file}.${process.pid}.part`;
  // Each entry named once (no recursion), directories before what they hold.
  const entries = [MANIFEST, ...dirs, ...names];
  writeFileSync(part, '', { mode: 0o600 }); // made private before a byte of it is written
  await tar.create({ file: part, cwd: staging, gzip: true, portable: true, noDirRecurse: true }, entries);
  renameSync(part, file);
  return manifest;
}

/** Unpacks `file` into the empty directory `dest` and checks it against its manifest; throws BackupError if not whole. */
export async function unpack(file: string, dest: string): Promise<Manifest> {
  if (!existsSync(file) || !statSync(file).isFile()) throw new BackupError(`找不到备份文件 No backup file at ${file}`);
  try {
    await tar.extract({ file, cwd: dest, strict: true, preserveOwner: false });
  } catch (e) {
    throw new BackupError(`备份文件无法读取 The backup file cannot be read: ${(e as Error).message}`);
  }
  const manifestPath = path.join(dest, MANIFEST);
  if (!existsSync(manifestPath))
    throw new BackupError('备份文件缺少清单 The backup has no manifest: not a Mingjian backup');
  const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  if (m.format !== FORMAT) throw new BackupError(`不认识的备份格式 Unknown backup format: ${String(m.format)}`);
  const listed = new Set([...m.files.map((f) => f.path), ...m.dirs]);
  const tree = treeUnder(dest);
  const extra = [...tree.files.filter((f) => f !== MANIFEST), ...tree.dirs].filter((f) => !listed.has(f));
  const missingDir = m.dirs.find((d) => !tree.dirs.includes(d));
  if (missingDir) throw new BackupError(`备份缺少目录 The backup is missing ${missingDir}/`);
  if (extra.length)
    throw new BackupError(`备份含清单外的文件 The backup holds files its manifest does not list: ${extra[0]}`);
  for (const f of m.files) {
    const abs = path.join(dest, f.path);
    if (!existsSync(abs)) throw new BackupError(`备份缺少文件 The backup is missing ${f.path}`);
    if (statSync(abs).size !== f.bytes || (await sha256(abs)) !== f.sha256)
      throw new BackupError(`备份文件已损坏 The backup is damaged: ${f.path} does not match its checksum`);
  }
  return m;
}
