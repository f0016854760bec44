// Losing the database must not end the process (issue 11 §4, ARCHITECTURE non-negotiable 13): every pg client gets an
// 'error' listener, and the errors a lost connection causes are recognised so that requests answer 503 meanwhile.
import type pg from 'pg';

/** How long a query waits for a connection (a new one, or a free one of the pool) before it answers 503. */
export const CONNECT_TIMEOUT_MS = 5_000;

/**
 * pg-pool listens for 'error' only on idle clients. A checked-out client whose server goes away (restart, `pg_ctl stop
 * -m immediate`) fails its query — the caller gets that error — and then emits 'error' too, which with no listener
 * throws and ends the process ("Connection terminated unexpectedly", measured twice out of twice). The pool drops such
 * a client on release (it is no longer queryable) and opens a new one for the next query.
 */
export function guardPool(pool: pg.Pool, onIdleError?: (err: Error) => void): pg.Pool {
  pool.on('error', (err) => onIdleError?.(err));
  pool.on('connect', (client) => guardClient(client));
  return pool;
}

/** A lone client (a lock session, a LISTEN): its queries reject on a lost connection; the event must not crash. */
export function guardClient<C extends pg.ClientBase>(client: C): C {
  client.on('error', () => {});
  return client;
}

// SQLSTATE classes and codes that mean "the server is not there right now", not "this request is wrong".
const SERVER_GONE = new Set(['57P01', '57P02', '57P03', '53300']); // shutdown, crash, starting up, too many connections
const SOCKET_GONE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNABORTED',
]);
// node-postgres and pg-pool raise these without a code.
const LOST =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable)/;

/** Whether an error is the database being unreachable (so the request may succeed later), not a bad query. */
export function isConnectionLoss(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && (code.startsWith('08') || SERVER_GONE.has(code) || SOCKET_GONE.has(code)))
    return true;
  if (LOST.test(e.message)) return true;
  // Node reports a host with several addresses (localhost: ::1 and 127.0.0.1) refusing as an AggregateError.
  return e instanceof AggregateError && e.errors.some(isConnectionLoss);
}
