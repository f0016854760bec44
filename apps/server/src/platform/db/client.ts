// One driver for both engines (ARCHITECTURE “measured facts”): Kysely's PostgresDialect over a pg.Pool.
// Embedded: PGlite behind its node-postgres adapter, pool size 1. Server: DATABASE_URL.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';
import { CONNECT_TIMEOUT_MS, guardPool } from './connection.guard.js';

// Dates stay 'YYYY-MM-DD' strings: a JS Date would shift them by the machine's time zone.
pg.types.setTypeParser(1082, (v: string) => v);

export type Engine = 'pglite' | 'postgres';
export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  close(): Promise<void>;
  /** PGlite only: the data directory as an uncompressed tarball (the tests' migrated template, test/pglite-template.ts). */
  dumpDataDir?: () => Promise<Blob>;
}

export interface DatabaseOptions {
  /** postgres://… — use a real server. */
  databaseUrl?: string;
  /** Directory for PGlite files; 'memory://' keeps everything in memory (tests). */
  dataDir?: string;
  poolSize?: number;
  /** PGlite only: start from this dumped data directory instead of running initdb (an empty directory only). */
  loadDataDir?: Blob;
  /** Told when an idle pooled connection fails; the pool recovers by itself. */
  onPoolError?: (err: Error) => void;
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) {
    // A lost server answers 503 within CONNECT_TIMEOUT_MS rather than leaving requests waiting (issue 11 §4).
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 10,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    });
    // Idle and checked-out clients alike: a dropped connection is discarded and the next query opens a new one.
    guardPool(pool, opts.onPoolError);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', close: () => db.destroy() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { ltree } = await import('@electric-sql/pglite/contrib/ltree');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  const dataDir = opts.dataDir ?? 'memory://';
  const pglite = await PGlite.create(dataDir, { extensions: { ltree, pg_trgm }, loadDataDir: opts.loadDataDir });
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 } as pg.PoolConfig);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'pglite',
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
    dumpDataDir: () => pglite.dumpDataDir('none'),
  };
}
