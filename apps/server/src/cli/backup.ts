// npm run backup -- FILE [--overwrite] (issue 13 §4): the database, the key files and the trail's checkpoints in one
// archive with a manifest of checksums. The embedded database is copied under its lock (stop the server first);
// PostgreSQL is dumped with pg_dump while it runs. Production on PostgreSQL should also keep base backups and WAL
// archives (pg_basebackup, archive_command or pgBackRest): a dump is a point, not a history. README: 备份与恢复.
import { existsSync } from 'node:fs';
import { BackupError, pack } from './backup/archive.js';
import { dumpPostgres, pgliteMigrations, postgresMigrations, stagePglite } from './backup/engines.js';
import { backupCommand, KEYS_WARNING, keysFromEnvironment, stageKeys, warnEnvironmentKeys } from './backup/layout.js';

const USAGE = '用法 Usage: npm run backup -- FILE [--overwrite]';
const databaseUrl = process.env.DATABASE_URL || undefined;
const ownerUrl = process.env.MIGRATION_DATABASE_URL || databaseUrl;
const started = Date.now();
await backupCommand(
  { usage: USAGE, failed: '备份失败 Backup failed', lock: !databaseUrl, staging: '.backup-' },
  async ({ file, overwrite, staging }) => {
    if (existsSync(file) && !overwrite)
      throw new BackupError(`${file} 已存在，加 --overwrite 才会覆盖 ${file} exists: add --overwrite to replace it`);
    const migrations = databaseUrl ? await postgresMigrations(ownerUrl!) : await pgliteMigrations();
    if (databaseUrl) dumpPostgres(ownerUrl!, staging);
    else stagePglite(staging);
    stageKeys(staging);
    const envKeys = keysFromEnvironment();
    const m = await pack(staging, file, {
      createdAt: new Date().toISOString(),
      engine: databaseUrl ? 'postgresql' : 'pglite',
      migrations,
      keysFromEnvironment: envKeys,
    });
    const bytes = m.files.reduce((s, f) => s + f.bytes, 0);
    console.log(
      `备份完成 Backup written: ${file} (${m.engine}, ${m.files.length} files, ${(bytes / 1048576).toFixed(1)} MiB before compression, ${Date.now() - started} ms)`,
    );
    console.warn(KEYS_WARNING);
    warnEnvironmentKeys(envKeys);
  },
);
