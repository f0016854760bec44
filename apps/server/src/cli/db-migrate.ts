// npm run db:migrate — applies the migrations as the owner role (MIGRATION_DATABASE_URL) and grants the app's role
// (the user of DATABASE_URL) what it needs (issue 11 §1), so the owner's password need never be on the app server.
import { migrateForApp, openDatabase } from '../platform/db/index.js';
import { fail } from './trail-cli.js';

const databaseUrl = process.env.DATABASE_URL || fail('DATABASE_URL (the app role) is required');
const migrationUrl = process.env.MIGRATION_DATABASE_URL || fail('MIGRATION_DATABASE_URL (the owner role) is required');
const app = await openDatabase({ databaseUrl, poolSize: 1 });
try {
  await migrateForApp(app, migrationUrl);
  console.log('数据库已迁移并授权 Migrated and granted.');
} finally {
  await app.close();
}
