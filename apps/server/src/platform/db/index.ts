export { openDatabase, type Database, type DatabaseOptions, type Engine } from './client.js';
export { migrate, MIGRATIONS_DIR } from './migrate.js';
export { lockDataDir } from './datadir-lock.js';
export type * from './schema.js';
export { nextId, escapeLike } from './sql-helpers.js';
export { guardPool, guardClient, isConnectionLoss, CONNECT_TIMEOUT_MS } from './connection.guard.js';
