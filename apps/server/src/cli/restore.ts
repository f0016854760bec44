// npm run restore -- FILE [--overwrite] (issue 13 §4): checks the whole archive against its manifest first, then
// puts back the database and the keys. A data directory or database that already holds data is refused unless
// --overwrite is given; what was there is replaced only after the archive has been checked. Stop the server first.
import { BackupError, unpack } from './backup/archive.js';
import { pgliteHoldsData, placePglite, postgresMigrations, restorePostgres } from './backup/engines.js';
import {
  assertKnownMigrations,
  backupCommand,
  dataDir,
  keysPresent,
  placeKeys,
  warnEnvironmentKeys,
} from './backup/layout.js';

const USAGE = '用法 Usage: npm run restore -- FILE [--overwrite]';
const databaseUrl = process.env.DATABASE_URL || undefined;
const ownerUrl = process.env.MIGRATION_DATABASE_URL || undefined;
const started = Date.now();
const refuse = (zh: string, en: string) => {
  throw new BackupError(
    `${zh}已有数据，加 --overwrite 才会替换。 ${en} already holds data: add --overwrite to replace it.`,
  );
};
await backupCommand(
  { usage: USAGE, failed: '恢复失败 Restore failed', lock: true, staging: '.restore-' },
  async ({ file, overwrite, staging }) => {
    const m = await unpack(file, staging);
    const engine = databaseUrl ? 'postgresql' : 'pglite';
    if (m.engine !== engine)
      throw new BackupError(
        m.engine === 'pglite'
          ? '这是内嵌数据库的备份：请不设 DATABASE_URL 恢复。 This is a backup of the embedded database: restore it without DATABASE_URL.'
          : '这是 PostgreSQL 的备份：请设置 DATABASE_URL 恢复。 This is a backup of PostgreSQL: restore it with DATABASE_URL set.',
      );
    await assertKnownMigrations(m);
    if (!overwrite) {
      if (databaseUrl ? (await postgresMigrations(ownerUrl ?? databaseUrl)).length > 0 : pgliteHoldsData())
        refuse('目标数据库', 'The database');
      if (keysPresent()) refuse(`数据目录 ${dataDir} 的密钥`, `The key directory of ${dataDir}`);
    }
    if (databaseUrl) await restorePostgres(staging, databaseUrl, ownerUrl, overwrite);
    else placePglite(staging);
    placeKeys(staging);
    console.log(
      `恢复完成 Restored from ${file} (${m.engine}, backup of ${m.createdAt}, ${Date.now() - started} ms). ` +
        '请运行 npm run verify-trail 检查留痕链。 Run npm run verify-trail to check the trail.',
    );
    warnEnvironmentKeys(m.keysFromEnvironment);
  },
);
