// Trail by construction (ARCHITECTURE non-negotiable 3): every write runs inside `write()`, which refuses to
// commit a transaction that recorded no trail event, and appends the trail rows in that same transaction.
// The database backs this up: guarded tables carry a deferred trigger that fails the commit without a trail row.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/index.js';
import type { Clock } from '../clock/index.js';
import { rowHash, storable } from './hash.js';
import { trailKeyOf, type TrailKey } from './trail-key.service.js';

export interface Actor {
  accountId: number | null;
  name: string;
  ip: string | null;
}

export interface TrailEvent {
  action: string;
  entity: string;
  entityId?: string | number | null;
  detail?: Record<string, unknown>;
}

export interface WriteCtx {
  trx: Transaction<DB>;
  actor: Actor;
  now: Date;
  record(event: TrailEvent): void;
}

export const SYSTEM_ACTOR: Actor = { accountId: null, name: 'system', ip: null };

async function appendTrail(
  trx: Transaction<DB>,
  { key, hash: algorithm }: TrailKey,
  actor: Actor,
  events: TrailEvent[],
  at: Date,
): Promise<void> {
  // mj_trail_head() locks the head row (serializing appenders: gap-free seq, linear chain) for a role that may not
  // UPDATE it; the insert trigger then moves the head, as the owner (issue 11 §1).
  const head = (await sql<{ seq: string; hash: string }>`select seq, hash from mj_trail_head()`.execute(trx)).rows[0];
  let seq = BigInt(head.seq);
  let prev = head.hash;
  const rows = events.map((e) => {
    seq += 1n;
    const content = storable({
      seq: seq.toString(),
      at,
      actor_id: actor.accountId,
      actor_name: actor.name,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId == null ? null : String(e.entityId),
      client_ip: actor.ip,
      detail: e.detail ?? {},
    });
    const hash = rowHash(prev, content, key, algorithm);
    const row = { ...content, detail: JSON.stringify(content.detail), prev_hash: prev, hash };
    prev = hash;
    return row;
  });
  await trx.insertInto('trail').values(rows).execute();
}

export async function write<T>(
  db: Kysely<DB>,
  clock: Clock,
  actor: Actor,
  fn: (w: WriteCtx) => Promise<T>,
): Promise<T> {
  const key = trailKeyOf(db);
  return db.transaction().execute(async (trx) => {
    const events: TrailEvent[] = [];
    const now = clock.now();
    const result = await fn({ trx, actor, now, record: (e) => void events.push(e) });
    if (events.length === 0) throw new Error('a write transaction must record at least one trail event');
    await appendTrail(trx, key, actor, events, now);
    return result;
  });
}

/** Sensitive reads (a dossier, a case) are trailed too: one short transaction with only the trail row. */
export async function recordRead(db: Kysely<DB>, clock: Clock, actor: Actor, event: TrailEvent): Promise<void> {
  const key = trailKeyOf(db);
  await db.transaction().execute((trx) => appendTrail(trx, key, actor, [event], clock.now()));
}
