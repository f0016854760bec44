export { openDatabase, type Database, type DatabaseOptions, type Engine } from './client.js';
export { migrate, migrateForApp, pendingMigrations, appliedMigrations, MIGRATIONS_DIR } from './migrate.js';
export { grantAppRole, ownsTrail, APPEND_ONLY, READ_ONLY, SEALED_COLUMN } from './app-grants.js';
export { lockDataDir } from './datadir-lock.js';
export type * from './schema.js';
export { nextId, escapeLike } from './sql-helpers.js';
export { guardPool, guardClient, isConnectionLoss, CONNECT_TIMEOUT_MS } from './connection.guard.js';
