// Counters in the throttle table (issue 11 §6): one row per (bucket, subject), changed by single atomic upserts so
// that parallel requests, on one server or several, are counted one by one. Expired rows are deleted.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/index.js';

type Db = Kysely<DB>;

export interface Counted {
  ok: boolean;
  hits: number;
  resetAt: Date;
}

/**
 * One more hit in a fixed window that starts with the first hit and lasts `windowMs`. With `max`, a hit beyond it is
 * refused and not counted (ok false); without, every hit counts and the caller compares.
 */
export async function countHit(
  db: Db,
  c: { bucket: string; subject: string; windowMs: number; max?: number },
  now: Date,
): Promise<Counted> {
  const resetAt = new Date(now.getTime() + c.windowMs);
  const capped = c.max === undefined ? sql`` : sql`WHERE t.expires_at <= ${now} OR t.hits < ${c.max}`;
  const { rows } = await sql<{ hits: number; expires_at: Date }>`
    INSERT INTO throttle AS t (bucket, subject, hits, last_at, expires_at) VALUES (${c.bucket}, ${c.subject}, 1, ${now}, ${resetAt})
    ON CONFLICT (bucket, subject) DO UPDATE SET
      hits = CASE WHEN t.expires_at <= ${now} THEN 1 ELSE t.hits + 1 END,
      last_at = excluded.last_at,
      expires_at = CASE WHEN t.expires_at <= ${now} THEN excluded.expires_at ELSE t.expires_at END
    ${capped}
    RETURNING hits, expires_at`.execute(db);
  if (rows[0]) return { ok: true, hits: rows[0].hits, resetAt: rows[0].expires_at };
  const row = await read(db, c.bucket, c.subject);
  return { ok: false, hits: row?.hits ?? c.max ?? 0, resetAt: row?.expires_at ?? resetAt };
}

export async function read(db: Db, bucket: string, subject: string) {
  return db
    .selectFrom('throttle')
    .select(['hits', 'last_at', 'expires_at'])
    .where('bucket', '=', bucket)
    .where('subject', '=', subject)
    .executeTakeFirst();
}

/** Takes back one hit (an attempt that turned out not to be a guess). */
export async function unhit(db: Db, bucket: string, subject: string): Promise<void> {
  await db
    .updateTable('throttle')
    .set({ hits: sql`greatest(hits - 1, 0)` })
    .where('bucket', '=', bucket)
    .where('subject', '=', subject)
    .execute();
}

export async function forget(db: Db, bucket: string, subject: string): Promise<void> {
  await db.deleteFrom('throttle').where('bucket', '=', bucket).where('subject', '=', subject).execute();
}

export async function pruneThrottle(db: Db, now: Date): Promise<number> {
  const r = await db.deleteFrom('throttle').where('expires_at', '<=', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}

// Pruning rides on the requests that write counters, at most once a minute per database handle (a timer covers an
// idle server, see public-limits.ts); it never holds a request up and its failure is not the request's.
const PRUNE_EVERY_MS = 60_000;
const lastPrune = new WeakMap<Db, number>();
export function prunePerhaps(db: Db, now: Date): void {
  const t = now.getTime();
  const last = lastPrune.get(db);
  if (last !== undefined && Math.abs(t - last) < PRUNE_EVERY_MS) return;
  lastPrune.set(db, t);
  pruneThrottle(db, now).catch(() => {});
}
