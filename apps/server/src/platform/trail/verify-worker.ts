// A worker thread of verify-trail (issue 12 §9): its own connection to the server, ranges of seq asked for by the main
// thread one at a time, each checked by checkRange and answered with its RangeResult. The trail key comes in
// workerData (a copy in this thread's memory only) and appears in no message, error or log.
import { parentPort, workerData } from 'node:worker_threads';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DigestAlgorithm } from '../crypto/suites.js';
import type { DB } from '../db/index.js';
import { checkRange, pages, type RangeContext, type RangeResult } from './verify-range.js';

export interface WorkerInit {
  connectionString: string;
  key: Uint8Array;
  keyedFrom: string;
  hash: DigestAlgorithm;
  cp: { seq: string; hash: string } | null;
  batch: number;
}
export type ToWorker = { index: number; from: string; to: string } | { stop: true };
export type FromWorker = { ready: true } | { index: number; result: RangeResult } | { error: string };

const init = workerData as WorkerInit;
const port = parentPort!;
const ctx: RangeContext = {
  key: Buffer.from(init.key),
  keyedFrom: BigInt(init.keyedFrom),
  hash: init.hash,
  cp: init.cp ? { seq: BigInt(init.cp.seq), hash: init.cp.hash } : null,
};
const pool = new pg.Pool({ connectionString: init.connectionString, max: 1, connectionTimeoutMillis: 10_000 });
const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
const post = (m: FromWorker) => port.postMessage(m);
const failed = (e: unknown) => post({ error: e instanceof Error ? e.message : 'verify worker failed' });

try {
  await db.selectNoFrom((eb) => eb.val(1).as('x')).execute(); // can this thread reach the database at all?
  post({ ready: true });
} catch (e) {
  failed(e);
}
port.on('message', (m: ToWorker) => {
  if ('stop' in m) {
    void db.destroy().finally(() => port.close());
    return;
  }
  checkRange(ctx, pages(db, BigInt(m.from), BigInt(m.to), init.batch)).then(
    (result) => post({ index: m.index, result }),
    failed,
  );
});
