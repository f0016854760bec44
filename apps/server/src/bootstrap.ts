// Opens the database (PGlite under DATA_DIR by default, PostgreSQL with DATABASE_URL), applies migrations,
// loads dictionaries and the working-day calendar, and builds the context every service receives.
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { openDatabase, migrate, lockDataDir, type Database, type DB } from './platform/db/index.js';
import { CN_CALENDAR, WorkCalendar, systemClock, type Clock } from './platform/clock/index.js';
import { SecretBox, loadOrCreateKey } from './platform/crypto/index.js';
import type { AppContext } from './platform/context.js';
import { DICTS } from './modules/registry/index.js';

export interface BootOptions {
  databaseUrl?: string;
  /** PGlite directory; 'memory://' for tests. */
  dataDir?: string;
  clock?: Clock;
  demo?: boolean;
  key?: Buffer;
}

export interface Booted { ctx: AppContext; database: Database; close(): Promise<void> }

async function seedReferenceData(database: Database): Promise<void> {
  const { db } = database;
  const dictRows = Object.entries(DICTS).flatMap(([dict, entries]) => entries.map((e, i) => ({
    dict, code: e[0], label_zh: e[1], label_en: e[2], sort: i, extra: JSON.stringify(e[3] ?? {}),
  })));
  await db.insertInto('dict_items').values(dictRows).onConflict((oc) => oc.columns(['dict', 'code']).doNothing()).execute();
  const days = Object.values(CN_CALENDAR).flat().map((d) => ({ day: d.date, kind: d.kind, name: d.name, provisional: d.provisional ?? false }));
  // Existing rows win, so an administrator's correction (e.g. the official 2027 notice) is not overwritten.
  await db.insertInto('calendar_days').values(days).onConflict((oc) => oc.column('day').doNothing()).execute();
}

export async function loadCalendar(db: Kysely<DB>): Promise<WorkCalendar> {
  const rows = await db.selectFrom('calendar_days').selectAll().orderBy('day').execute();
  return new WorkCalendar(rows.map((r) => ({ date: r.day, kind: r.kind, name: r.name, provisional: r.provisional })));
}

export async function boot(opts: BootOptions): Promise<Booted> {
  const dataDir = opts.dataDir ?? path.resolve(process.env.DATA_DIR ?? 'data');
  const onDisk = !opts.databaseUrl && !dataDir.startsWith('memory://');
  const unlock = onDisk ? lockDataDir(dataDir) : () => {};
  try {
    const database = await openDatabase({ databaseUrl: opts.databaseUrl, dataDir: onDisk ? path.join(dataDir, 'pg') : dataDir });
    await migrate(database.db);
    await seedReferenceData(database);
    const key = opts.key ?? (onDisk || opts.databaseUrl ? loadOrCreateKey(path.join(dataDir, 'keys')) : randomBytes(32));
    const ctx: AppContext = {
      db: database.db, engine: database.engine, clock: opts.clock ?? systemClock, calendar: await loadCalendar(database.db),
      box: new SecretBox(key), demo: opts.demo ?? false,
    };
    return { ctx, database, close: async () => { await database.close(); unlock(); } };
  } catch (e) {
    unlock();
    throw e;
  }
}

