// issue 11 §1: the trail's HMAC key lives outside the database (MINGJIAN_TRAIL_KEY, or keys/trail.key under the data
// directory; the same on every server). A database written before the change keeps its plain SHA-256 rows: the first
// start with a key records `trail_keyed_from` (head + 1) in `installation`, MACed with the key, so it cannot be moved or
// forged without the key. The first keyed row's HMAC covers the last plain hash, so the plain prefix cannot change
// either, and a record moved later would have keyed rows checked as plain ones, which fail.
import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DigestAlgorithm } from '../crypto/suites.js';
import type { DB } from '../db/index.js';

export interface TrailKey {
  key: Buffer;
  /** Rows before this seq are plain SHA-256 (written before the switch-over). */
  keyedFrom: bigint;
  /** The keyed hash's digest: SHA-256, or SM3 on a 国密 installation (issue 14 §5). */
  hash: DigestAlgorithm;
}

// By database handle, so write(ctx.db, …) needs no new argument and two apps in one process (tests) keep their own keys.
const KEYS = new WeakMap<Kysely<DB>, TrailKey>();

export function applyTrailKey(db: Kysely<DB>, key: TrailKey): void {
  KEYS.set(db, key);
}

export function trailKeyOf(db: Kysely<DB>): TrailKey {
  const key = KEYS.get(db);
  if (!key) throw new Error('no trail key for this database handle: open it through boot()');
  return key;
}

const RECORD = 'trail_keyed_from';
const mac = (key: Buffer, from: bigint) =>
  createHmac('sha256', key).update('mingjian trail keyed from\0').update(from.toString()).digest('base64url');

const mismatch = () =>
  new Error(
    '留痕密钥与数据库不匹配：请为所有实例设置同一个 MINGJIAN_TRAIL_KEY。 The trail key does not match this database: ' +
      'set the same MINGJIAN_TRAIL_KEY (base64, 32 bytes) on every server, or use the key file that keyed the trail.',
  );

/** The recorded switch-over, checked against the key; null on a database no keyed server has started on. */
export async function readKeyedFrom(db: Kysely<DB>, key: Buffer): Promise<bigint | null> {
  const row = await db.selectFrom('installation').select('value').where('name', '=', RECORD).executeTakeFirst();
  if (!row) return null;
  const [from, tag] = row.value.split('.');
  if (!/^\d+$/.test(from ?? '') || tag !== mac(key, BigInt(from))) throw mismatch();
  return BigInt(from);
}

/** At start: the recorded switch-over, recorded now (at the current head) if there is none yet. */
export async function establishTrailKey(
  db: Kysely<DB>,
  key: Buffer,
  hash: DigestAlgorithm = 'SHA-256',
): Promise<TrailKey> {
  let from = await readKeyedFrom(db, key);
  if (from === null) {
    const head = await db.selectFrom('trail_head').select('seq').where('id', '=', 1).executeTakeFirstOrThrow();
    const next = BigInt(head.seq) + 1n;
    await db
      .insertInto('installation')
      .values({ name: RECORD, value: `${next}.${mac(key, next)}` })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    from = (await readKeyedFrom(db, key))!;
  }
  const trailKey = { key, keyedFrom: from, hash };
  applyTrailKey(db, trailKey);
  return trailKey;
}
