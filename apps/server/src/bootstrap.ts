// Opens the database (PGlite under DATA_DIR by default, PostgreSQL with DATABASE_URL), applies migrations,
// loads dictionaries and the working-day calendar, and builds the context every service receives.
import { DeadlineRegistry } from './platform/deadlines/index.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { openDatabase, migrateForApp, lockDataDir, type Database, type DB } from './platform/db/index.js';
import { saveTemplate, unpackTemplate } from './platform/db/pglite-template.js';
import { CN_CALENDAR, WorkCalendar, systemClock, type Clock } from './platform/clock/index.js';
import {
  SecretBox,
  SUITES,
  establishSuite,
  loadOrCreateKey,
  loadOrCreateSigner,
  newSigner,
  suiteFromEnv,
  type SuiteName,
} from './platform/crypto/index.js';
import type { AppContext } from './platform/context.js';
import { DICTS } from './modules/registry/index.js';
import { establishTrailKey } from './platform/trail/index.js';

export interface BootOptions {
  /** The app's role (restricted on PostgreSQL, issue 11 §1). */
  databaseUrl?: string;
  /** The owner role, used only to migrate and grant (MIGRATION_DATABASE_URL). */
  migrationUrl?: string;
  /** PGlite directory; 'memory://' for tests. */
  dataDir?: string;
  /** PGlite only: an already-migrated data directory to start from (tests, test/pglite-template.ts); boot still migrates. */
  pgliteTemplate?: Blob;
  /**
   * PGlite on disk only (`npm start`): an empty data directory starts from the migrated template of
   * platform/db/pglite-template.ts, and when there is none yet, the freshly migrated directory is dumped to make it.
   */
  templateCache?: boolean;
  /** Told as each start-up phase ends (main.ts prints where the time went). */
  onPhase?: (name: string) => void;
  clock?: Clock;
  demo?: boolean;
  key?: Buffer;
  /** The cryptographic suite at the first start (default MINGJIAN_CRYPTO, else standard); later starts must agree. */
  crypto?: SuiteName;
  /** The trail's HMAC key (default MINGJIAN_TRAIL_KEY or keys/trail.key). */
  trailKey?: Buffer;
  /** Where signed trail checkpoints go (default TRAIL_CHECKPOINT_FILE or <data dir>/trail-checkpoints.jsonl); null: none. */
  checkpointFile?: string | null;
}

export interface Booted {
  ctx: AppContext;
  database: Database;
  close(): Promise<void>;
}

async function seedReferenceData(database: Database): Promise<void> {
  const { db } = database;
  const dictRows = Object.entries(DICTS).flatMap(([dict, entries]) =>
    entries.map((e, i) => ({
      dict,
      code: e[0],
      label_zh: e[1],
      label_en: e[2],
      sort: i,
      extra: JSON.stringify(e[3] ?? {}),
    })),
  );
  await db
    .insertInto('dict_items')
    .values(dictRows)
    .onConflict((oc) => oc.columns(['dict', 'code']).doNothing())
    .execute();
  const days = Object.values(CN_CALENDAR)
    .flat()
    .map((d) => ({ day: d.date, kind: d.kind, name: d.name, provisional: d.provisional ?? false }));
  // Existing rows win, so an administrator's correction (e.g. the official 2027 notice) is not overwritten.
  await db
    .insertInto('calendar_days')
    .values(days)
    .onConflict((oc) => oc.column('day').doNothing())
    .execute();
}

export async function loadCalendar(db: Kysely<DB>): Promise<WorkCalendar> {
  const rows = await db.selectFrom('calendar_days').selectAll().orderBy('day').execute();
  return new WorkCalendar(rows.map((r) => ({ date: r.day, kind: r.kind, name: r.name, provisional: r.provisional })));
}

/**
 * The first start records a keyed digest of a fixed text; every later start must reproduce it. Several servers
 * against one database with different keys (each made its own key file) would otherwise write confidential
 * fields the others cannot read. Set the same MINGJIAN_KEY on every server.
 */
async function checkKey(db: Kysely<DB>, box: SecretBox): Promise<void> {
  const digest = box.digest('mingjian key check', 'installation');
  await db
    .insertInto('installation')
    .values({ name: 'key_check', value: digest })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db
    .selectFrom('installation')
    .select('value')
    .where('name', '=', 'key_check')
    .executeTakeFirstOrThrow();
  if (row.value !== digest) {
    throw new Error(
      '加密密钥与数据库不匹配：请为所有实例设置同一个 MINGJIAN_KEY。 The encryption key does not match this database: ' +
        'set the same MINGJIAN_KEY (base64, 32 bytes) on every server, or use the key file that created the database.',
    );
  }
}

export async function boot(opts: BootOptions): Promise<Booted> {
  const dataDir = opts.dataDir ?? path.resolve(process.env.DATA_DIR ?? 'data');
  const onDisk = !opts.databaseUrl && !dataDir.startsWith('memory://');
  const unlock = onDisk ? lockDataDir(dataDir) : () => {};
  const phase = opts.onPhase ?? (() => {});
  let database: Database | undefined;
  try {
    const pgDir = onDisk ? path.join(dataDir, 'pg') : dataDir;
    const empty = onDisk && !existsSync(path.join(pgDir, 'PG_VERSION'));
    const template = opts.pgliteTemplate;
    const useCache = empty && !!opts.templateCache && !template;
    const unpacked =
      useCache &&
      (await unpackTemplate(pgDir).catch((e: Error) => {
        console.warn(`未使用迁移模板 Not using the migrated template: ${e.message}`);
        return false;
      }));
    if (unpacked) phase('template unpacked');
    database = await openDatabase({
      databaseUrl: opts.databaseUrl,
      dataDir: pgDir,
      loadDataDir: template,
      onPoolError: (err) =>
        console.error(`数据库连接中断，将自动重连 Database connection dropped, reconnecting: ${err.message}`),
    });
    phase(template ? 'template loaded' : unpacked || (onDisk && !empty) ? 'database opened' : 'initdb');
    await migrateForApp(database, opts.migrationUrl);
    phase('migrations');
    if (useCache && !unpacked) {
      await saveTemplate(database).catch((e: Error) =>
        console.warn(`迁移模板未能保存 The migrated template was not saved: ${e.message}`),
      );
      phase('template saved');
    }
    await seedReferenceData(database);
    phase('reference data');
    // Keys live in files only where there is a real directory; an in-memory data dir (tests) gets fresh keys, even on
    // the PostgreSQL leg — a relative "memory:/keys" folder must never appear in the working tree.
    const keyDir = dataDir.startsWith('memory://') ? null : path.join(dataDir, 'keys');
    const key = opts.key ?? (keyDir ? loadOrCreateKey(keyDir) : randomBytes(32));
    const box = new SecretBox(key);
    await checkKey(database.db, box);
    const suite = await establishSuite(database.db, opts.crypto ?? suiteFromEnv());
    await establishTrailKey(
      database.db,
      opts.trailKey ??
        (keyDir
          ? loadOrCreateKey(keyDir, process.env.MINGJIAN_TRAIL_KEY, 'trail.key', 'MINGJIAN_TRAIL_KEY')
          : randomBytes(32)),
      SUITES[suite].digest,
    );
    const checkpointFile =
      opts.checkpointFile !== undefined
        ? opts.checkpointFile
        : process.env.TRAIL_CHECKPOINT_FILE || (keyDir ? path.join(dataDir, 'trail-checkpoints.jsonl') : null);
    const ctx: AppContext = {
      db: database.db,
      engine: database.engine,
      clock: opts.clock ?? systemClock,
      calendar: await loadCalendar(database.db),
      box,
      signer: keyDir ? loadOrCreateSigner(keyDir, suite) : newSigner(suite),
      demo: opts.demo ?? false,
      trailCheckpoints: checkpointFile,
      deadlines: new DeadlineRegistry(),
    };
    phase('keys and calendar');
    const opened = database;
    return {
      ctx,
      database,
      close: async () => {
        await opened.close();
        unlock();
      },
    };
  } catch (e) {
    await database?.close().catch(() => {});
    unlock();
    throw e;
  }
}
