// Login throttling by account and by address together (issue 11 §6, after OWASP's Authentication and Credential
// Stuffing cheat sheets), kept in the throttle table so restarts and several servers share it:
// - (name, address): consecutive failures lock that pair only, 1 min after the 5th, doubling up to 1 h; a stranger
//   elsewhere cannot lock the user out, and one address gets about a dozen guesses an hour at one account;
// - name, across addresses: at most ACCOUNT_FAILURES_PER_HOUR an hour; beyond that only addresses the name has
//   logged in from lately are let in (still under their pair lock), everyone else waits for the hour to pass;
// - address, across names: at most ADDRESS_FAILURES_PER_HOUR an hour (password spraying from one place).
// Everything is keyed by the name as typed, so an unknown name is counted and answered exactly like a known one.
// An attempt is counted before the password is checked and taken back if it was not a guess, so parallel
// attempts cannot overrun a limit; a wrong one-time code is a failure like a wrong password.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/index.js';
import type { SecretBox } from '../crypto/index.js';
import { addressKey } from '../throttle/client-address.js';
import { countHit, forget, prunePerhaps, read, unhit } from '../throttle/throttle.repo.js';
import { AppError, waitText } from '../http/errors.js';

const HOUR = 3600_000;
export const LOGIN_LIMITS = {
  /** Failures in a row from one address at one name before that pair locks: room for a few typos. */
  lockAfter: 5,
  /** The pair's lock: 1 minute after the 5th failure, doubling with each further one, at most an hour. */
  lockBaseMs: 60_000,
  lockMaxMs: HOUR,
  /** A pair's failures are forgotten a day after the last one (or at once on a successful login). */
  pairMemoryMs: 24 * HOUR,
  /** Failures at one name from all addresses per hour: bounds a guesser with many addresses to ~20 an hour, ~480 a
   *  day, while a user who mistypes stays far below it. NIST SP 800-63B §5.2.2 allows up to 100 in a row. */
  accountFailuresPerHour: 20,
  /** Failures from one address at all names per hour: an office behind one NAT address does not reach it by typos;
   *  one address spraying a common password gets 100 tries an hour. */
  addressFailuresPerHour: 100,
  /** An address a name logged in from within this many days is let in past the per-name cap. */
  knownAddressDays: 30,
} as const;

const L = LOGIN_LIMITS;
export const LOGIN_BUCKETS = {
  pair: 'login.pair',
  account: 'login.account',
  address: 'login.address',
  known: 'login.known',
} as const;
const B = LOGIN_BUCKETS;

export function lockDurationMs(failures: number): number {
  if (failures < L.lockAfter) return 0;
  return Math.min(L.lockMaxMs, L.lockBaseMs * 2 ** (failures - L.lockAfter));
}

export interface LoginSubjects {
  pair: string;
  account: string;
  address: string;
}

export function loginSubjects(box: SecretBox, username: string, ip: string | null): LoginSubjects {
  const addr = addressKey(ip);
  return {
    pair: box.digest(`${username}\0${addr}`, 'throttle:login-pair'),
    account: box.digest(username, 'throttle:login-account'),
    address: box.digest(addr, 'throttle:login-address'),
  };
}

export type Gate = { ok: true; failuresInRow: number } | { ok: false; retryAfterMs: number };

class Refused extends Error {
  constructor(readonly retryAfterMs: number) {
    super('refused');
  }
}

/** Counts the attempt in all three limits at once, or in none when one of them refuses it. */
export async function admitAttempt(db: Kysely<DB>, s: LoginSubjects, now: Date): Promise<Gate> {
  prunePerhaps(db, now);
  const known = await db
    .selectFrom('throttle')
    .select('hits')
    .where('bucket', '=', B.known)
    .where('subject', '=', s.pair)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  try {
    return await db.transaction().execute(async (trx) => {
      const failuresInRow = await countPairFailure(trx, s.pair, now);
      const account = await countHit(
        trx,
        { bucket: B.account, subject: s.account, windowMs: HOUR, max: known ? undefined : L.accountFailuresPerHour },
        now,
      );
      if (!account.ok) throw new Refused(account.resetAt.getTime() - now.getTime());
      const address = await countHit(
        trx,
        { bucket: B.address, subject: s.address, windowMs: HOUR, max: L.addressFailuresPerHour },
        now,
      );
      if (!address.ok) throw new Refused(address.resetAt.getTime() - now.getTime());
      return { ok: true as const, failuresInRow };
    });
  } catch (e) {
    if (e instanceof Refused) return { ok: false, retryAfterMs: Math.max(1000, e.retryAfterMs) };
    throw e;
  }
}

/** One more failure in a row for the pair, unless it is locked (then Refused with the time left). */
async function countPairFailure(db: Kysely<DB>, subject: string, now: Date): Promise<number> {
  const forgetAt = new Date(now.getTime() + L.pairMemoryMs);
  const { rows } = await sql<{ hits: number }>`
    INSERT INTO throttle AS t (bucket, subject, hits, last_at, expires_at) VALUES (${B.pair}, ${subject}, 1, ${now}, ${forgetAt})
    ON CONFLICT (bucket, subject) DO UPDATE SET
      hits = CASE WHEN t.expires_at <= ${now} THEN 1 ELSE t.hits + 1 END, last_at = excluded.last_at, expires_at = excluded.expires_at
    WHERE t.expires_at <= ${now} OR t.hits < ${L.lockAfter}
      OR t.last_at + least(${L.lockMaxMs}::float8, ${L.lockBaseMs}::float8 * power(2, t.hits - ${L.lockAfter})) * interval '1 millisecond' <= ${now}
    RETURNING hits`.execute(db);
  if (rows[0]) return rows[0].hits;
  const row = await read(db, B.pair, subject);
  throw new Refused(row ? row.last_at.getTime() + lockDurationMs(row.hits) - now.getTime() : L.lockBaseMs);
}

/** The attempt was not a guess (the right password, the one-time code still to come): take it back everywhere. */
export async function withdrawAttempt(db: Kysely<DB>, s: LoginSubjects): Promise<void> {
  // Admitted, the pair's lock had run out (or was not reached): it stays so, and the time of this attempt, which
  // would start a lock again, is dropped.
  await db
    .updateTable('throttle')
    .set({ hits: sql`greatest(hits - 1, 0)`, last_at: new Date(0) })
    .where('bucket', '=', B.pair)
    .where('subject', '=', s.pair)
    .execute();
  await unhit(db, B.account, s.account);
  await unhit(db, B.address, s.address);
}

/** A successful login: the pair starts afresh, the attempt is taken back from the hourly caps, the address is known. */
export async function attemptSucceeded(db: Kysely<DB>, s: LoginSubjects, now: Date): Promise<void> {
  await forget(db, B.pair, s.pair);
  await unhit(db, B.account, s.account);
  await unhit(db, B.address, s.address);
  const until = new Date(now.getTime() + L.knownAddressDays * 24 * HOUR);
  await db
    .insertInto('throttle')
    .values({ bucket: B.known, subject: s.pair, hits: 1, last_at: now, expires_at: until })
    .onConflict((oc) =>
      oc.columns(['bucket', 'subject']).doUpdateSet({ hits: sql`throttle.hits + 1`, last_at: now, expires_at: until }),
    )
    .execute();
}

/** The 429 of a refused attempt, its wait in each language's words: `what` is 「登录」 / "logins" or the like. */
export function lockedError(retryAfterMs: number, what: [string, string]): AppError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const wait = waitText(seconds);
  return new AppError(
    429,
    'LOCKED',
    `${what[0]}失败次数过多，请 ${wait[0]}后再试`,
    `Too many failed ${what[1]}; try again in ${wait[1]}`,
    { retryAfterSeconds: seconds },
  );
}
