// Where a backup's parts live on this machine (issue 13 §4), and what both engines do with them: the key files and
// the trail's checkpoints are copied in beside the database and put back on restore; a key set from the environment
// cannot be copied and is named, loudly. DATA_DIR, TRAIL_CHECKPOINT_FILE, MINGJIAN_KEY, MINGJIAN_TRAIL_KEY as for the server.
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { readdir } from 'node:fs/promises';
import { lockDataDir, MIGRATIONS_DIR } from '../../platform/db/index.js';
import { BackupError, treeUnder, type Manifest } from './archive.js';

import { checkpointFile, dataDir, keyDir } from '../trail-cli.js';

export { dataDir };
const CHECKPOINTS = 'trail-checkpoints.jsonl';

export const KEYS_WARNING =
  '警告：备份文件含有全部密钥（举报人身份、附件、留痕链、签名），拿到它的人可以打开一切。请加密保存、离线保管，并与数据库备份一起保存——没有这些密钥，恢复出的数据无法打开。\n' +
  'WARNING: the backup file holds every key (reporter identities, files, the trail, the signing key): whoever has it can ' +
  'open everything. Keep it encrypted and offline. Without these keys a restored database cannot be opened.';

/** Names of the keys the server reads from the environment: they are not files, so the archive cannot hold them. */
export function keysFromEnvironment(): string[] {
  return ['MINGJIAN_KEY', 'MINGJIAN_TRAIL_KEY'].filter((k) => process.env[k]);
}

export function warnEnvironmentKeys(names: string[]): void {
  if (!names.length) return;
  console.warn(
    `警告：${names.join('、')} 来自环境变量，不在备份中；恢复时必须设置同一个值。 WARNING: ${names.join(', ')} ` +
      'come from the environment and are NOT in this backup: the restored server needs the same values.',
  );
}

/** A hard link where the file system allows (same disk, no copy of a large data directory), else a copy. */
function stageFile(src: string, dst: string): void {
  mkdirSync(path.dirname(dst), { recursive: true, mode: 0o700 });
  try {
    linkSync(src, dst);
  } catch {
    copyFileSync(src, dst);
  }
}

export function stageTree(src: string, dst: string): void {
  const { files, dirs } = treeUnder(src);
  mkdirSync(dst, { recursive: true, mode: 0o700 });
  for (const d of dirs) mkdirSync(path.join(dst, d), { recursive: true, mode: 0o700 });
  for (const f of files) stageFile(path.join(src, f), path.join(dst, f));
}

/** The key files and the checkpoint file into `staging` (keys/…, trail-checkpoints.jsonl). */
export function stageKeys(staging: string): void {
  if (existsSync(keyDir)) stageTree(keyDir, path.join(staging, 'keys'));
  if (existsSync(checkpointFile)) copyFileSync(checkpointFile, path.join(staging, CHECKPOINTS));
}

/** Whether this machine already holds keys or checkpoints a restore would replace. */
export function keysPresent(): boolean {
  return (existsSync(keyDir) && readdirSync(keyDir).length > 0) || existsSync(checkpointFile);
}

/** Puts the unpacked keys and checkpoints in place, replacing what was there. */
export function placeKeys(unpacked: string): void {
  mkdirSync(dataDir, { recursive: true });
  const keys = path.join(unpacked, 'keys');
  if (existsSync(keys)) {
    rmSync(keyDir, { recursive: true, force: true });
    renameSync(keys, keyDir);
  }
  const cp = path.join(unpacked, CHECKPOINTS);
  if (existsSync(cp)) {
    mkdirSync(path.dirname(checkpointFile), { recursive: true });
    rmSync(checkpointFile, { force: true });
    copyFileSync(cp, checkpointFile);
  }
}

/** A backup made by a newer program has migrations this one does not know: its schema cannot be served here. */
export async function assertKnownMigrations(m: Manifest): Promise<void> {
  const known = new Set(await readdir(MIGRATIONS_DIR));
  const unknown = m.migrations.filter((f) => !known.has(f));
  if (unknown.length)
    throw new BackupError(
      `备份来自较新的版本（迁移 ${unknown[0]} 不认识），请先升级程序。 The backup comes from a newer version ` +
        `(unknown migration ${unknown[0]}): upgrade this program first.`,
    );
}

/**
 * What both commands share: FILE and --overwrite, the data directory's lock when asked (no server writes meanwhile), a
 * staging directory inside the data directory (on its disk, as private as the keys it holds), removed at the end
 * with the lock, and exit code 2 with the message of a refusal.
 */
export async function backupCommand(
  o: { usage: string; failed: string; lock: boolean; staging: string },
  body: (a: { file: string; overwrite: boolean; staging: string }) => Promise<void>,
): Promise<void> {
  let staging: string | undefined;
  let unlock = () => {};
  try {
    const args = parseArgs(process.argv.slice(2), o.usage);
    if (o.lock) unlock = lockDataDir(dataDir);
    mkdirSync(dataDir, { recursive: true });
    staging = mkdtempSync(path.join(dataDir, o.staging));
    await body({ ...args, staging });
  } catch (e) {
    console.error(e instanceof BackupError ? e.message : `${o.failed}: ${(e as Error).message}`);
    process.exitCode = 2;
  } finally {
    if (staging) rmSync(staging, { recursive: true, force: true });
    unlock();
  }
}

function parseArgs(argv: string[], usage: string): { file: string; overwrite: boolean } {
  const overwrite = argv.includes('--overwrite');
  const rest = argv.filter((a) => a !== '--overwrite');
  if (rest.length !== 1 || rest[0].startsWith('-')) throw new BackupError(usage);
  return { file: path.resolve(rest[0]), overwrite };
}
