// Runs the range checks of verify-trail (issue 12 §9): on PostgreSQL in worker threads, each with its own connection,
// which read and hash ranges of seq at once while this thread only links the results in order (RangeMerger); on PGlite
// (one connection, in this process) or when no worker can reach the server, the same ranges one after the other here.
// Ranges are handed out one at a time, so a fast worker takes more; none is handed out past a range known to break.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Kysely } from 'kysely';
import type { DB } from '../db/index.js';
import { checkRange, pages, RangeMerger, type RangeContext } from './verify-range.js';
import type { FromWorker, ToWorker, WorkerInit } from './verify-worker.js';

export interface ParallelOptions {
  /** The server the workers connect to (the main thread's own URL); without it, everything runs in this thread. */
  connectionString?: string;
  /** Default: os.availableParallelism(), at most 4. */
  workers?: number;
  /** Seq per range (default 200,000). */
  chunk?: number;
  /** Told how many worker threads reached the server and check the ranges (0: this thread alone). */
  onStart?: (workers: number) => void;
}

export const defaultWorkers = () => Math.min(4, os.availableParallelism());

interface Plan {
  ctx: RangeContext;
  start: { expect: bigint; prev: string };
  end: bigint;
  batch: number;
}

// At most MAX_RANGES, the last one open to the end: a trail_head moved far ahead by hand (a break the merger names)
// must not make billions of empty ranges. Keyset pages pass over gaps, so a range's width costs nothing.
const MAX_RANGES = 1000;
const ranges = (p: Plan, chunk: bigint) => {
  const out: Array<{ from: bigint; to: bigint }> = [];
  let from = p.start.expect;
  for (; from + chunk - 1n < p.end && out.length < MAX_RANGES - 1; from += chunk)
    out.push({ from, to: from + chunk - 1n });
  if (from <= p.end) out.push({ from, to: p.end });
  return out;
};

export async function runRanges(db: Kysely<DB>, p: Plan, o: ParallelOptions = {}): Promise<RangeMerger> {
  const list = ranges(p, BigInt(o.chunk ?? 200_000));
  const merger = new RangeMerger(p.ctx, p.start, list.length);
  // One range gains nothing from a worker but its start-up (the checkpointer's few new rows, a small trail).
  const n = list.length > 1 ? Math.min(o.workers ?? defaultWorkers(), list.length) : 0;
  if (o.connectionString && n > 0 && (await inWorkers(o.connectionString, n, p, list, merger, o.onStart)))
    return merger;
  o.onStart?.(0);
  for (let i = 0; i < list.length && !merger.done; i++) {
    merger.add(i, await checkRange(p.ctx, pages(db, list[i].from, list[i].to, p.batch)));
  }
  return merger;
}

// Under tsx (and vitest) this module is .ts, and on Node 20 a worker does not inherit tsx's loader (not even with
// `--import tsx` in its execArgv): such a worker is a two-line script that registers tsx's hooks, then imports it.
const entry = new URL(`./verify-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
type TsxPackage = { exports: Record<string, { import: { default: string } }> };
const startWorker = (workerData: WorkerInit): Worker => {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData });
  // tsx/esm/api as an ES module (its CommonJS build cannot be imported in a worker), found as tsx itself exports it.
  const pkg = createRequire(import.meta.url).resolve('tsx/package.json');
  const api = (JSON.parse(readFileSync(pkg, 'utf8')) as TsxPackage).exports['./esm/api'].import.default;
  const tsx = new URL(api, pathToFileURL(pkg)).href;
  const code = `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(code, { eval: true, workerData });
};

/** false: no worker could reach the server (nothing was checked; the caller checks in this thread). */
async function inWorkers(
  connectionString: string,
  n: number,
  p: Plan,
  list: Array<{ from: bigint; to: bigint }>,
  merger: RangeMerger,
  onStart?: (workers: number) => void,
): Promise<boolean> {
  const init: WorkerInit = {
    connectionString,
    key: p.ctx.key,
    keyedFrom: p.ctx.keyedFrom.toString(),
    hash: p.ctx.hash,
    cp: p.ctx.cp ? { seq: p.ctx.cp.seq.toString(), hash: p.ctx.cp.hash } : null,
    batch: p.batch,
  };
  const workers = Array.from({ length: n }, () => startWorker(init));
  const busy = new Set<Worker>();
  const ready = new Set<Worker>();
  let next = 0;
  try {
    return await new Promise<boolean>((resolve, reject) => {
      let unanswered = n; // workers that have not yet said whether they reach the server
      const give = (w: Worker) => {
        if (merger.done) return resolve(true);
        if (next >= list.length || next > merger.lowestBreak) return busy.size === 0 ? resolve(true) : undefined;
        const m: ToWorker = { index: next, from: list[next].from.toString(), to: list[next].to.toString() };
        next++;
        busy.add(w);
        w.postMessage(m);
      };
      // Before it is ready, a worker that fails is left out; when every one has failed, the caller checks in-thread.
      const gone = new Set<Worker>();
      const lost = (w: Worker, why: string) => {
        if (gone.has(w)) return;
        gone.add(w);
        if (ready.has(w)) return reject(new Error(`verify worker: ${why}`));
        if (--unanswered > 0) return;
        if (ready.size === 0) resolve(false);
        else onStart?.(ready.size);
      };
      for (const w of workers) {
        w.on('message', (m: FromWorker) => {
          if ('ready' in m) {
            ready.add(w);
            if (--unanswered === 0) onStart?.(ready.size);
            give(w);
          } else if ('result' in m) {
            busy.delete(w);
            merger.add(m.index, m.result);
            give(w);
          } else lost(w, m.error);
        });
        w.on('error', (e) => lost(w, e.message));
        w.on('exit', () => !merger.done && lost(w, 'exited'));
      }
    });
  } finally {
    // Idle workers close their connection; one still reading (past the first break) is stopped where it is.
    await Promise.all(
      workers.map((w) => {
        if (busy.has(w)) return w.terminate();
        const exited = new Promise((r) => w.once('exit', r));
        w.postMessage({ stop: true } satisfies ToWorker);
        return Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]).then(() => w.terminate());
      }),
    );
  }
}
