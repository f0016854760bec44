// issue 11 §1: signed checkpoints of the trail's head, outside the database. Each is one line of JSON appended to a
// file (default <data dir>/trail-checkpoints.jsonl): an Ed25519-signed {seq, hash, at} under the installation's
// signing key (keys/signing.pem, shared by every server like the proofs' key). Several servers may append to one file:
// each writes its own lines, and verification anchors on the highest seq. A checkpoint is written only after the rows
// since the previous one verified, so a cut or edited trail is never checkpointed; an auditor keeps an export.
import { createReadStream, existsSync, mkdirSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../db/index.js';
import type { Clock } from '../clock/index.js';
import { verifyProof, type Signer, type SignedProof } from '../crypto/index.js';
import { verifyTrail, type VerifyOptions, type VerifyResult } from './verify.js';

export interface CheckpointPayload {
  kind: 'mingjian.trail.checkpoint';
  seq: string;
  hash: string;
  at: string;
}
export type Checkpoint = SignedProof<CheckpointPayload>;

export interface CheckpointLog {
  latest: Checkpoint | null;
  lines: number;
  /** The first line that is not a checkpoint signed by the installation's key. */
  bad: { line: number; reason: string } | null;
}

const isPayload = (p: unknown): p is CheckpointPayload => {
  const o = p as CheckpointPayload;
  return (
    o?.kind === 'mingjian.trail.checkpoint' &&
    /^\d+$/.test(String(o.seq)) &&
    typeof o.hash === 'string' &&
    typeof o.at === 'string'
  );
};

/** Reads the file line by line (bounded memory) and keeps the checkpoint with the highest seq. */
export async function readCheckpoints(
  file: string | null,
  signer: Signer,
  onLine?: (c: Checkpoint) => void,
): Promise<CheckpointLog> {
  const log: CheckpointLog = { latest: null, lines: 0, bad: null };
  if (!file || !existsSync(file)) return log;
  for await (const text of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    if (!text.trim()) continue;
    log.lines++;
    let c: Checkpoint | null = null;
    try {
      c = JSON.parse(text) as Checkpoint;
    } catch {
      /* reported below */
    }
    const reason =
      !c || !isPayload(c.payload)
        ? 'not a checkpoint'
        : c.keyId !== signer.keyId
          ? `signed by another key (${String(c.keyId)}; every server must share keys/signing.pem)`
          : !verifyProof(c, signer.publicKeyPem)
            ? 'signature does not match'
            : null;
    if (reason) {
      log.bad ??= { line: log.lines, reason };
      continue;
    }
    onLine?.(c!);
    if (!log.latest || BigInt(c!.payload.seq) >= BigInt(log.latest.payload.seq)) log.latest = c;
  }
  return log;
}

/** The chain against the key and the latest checkpoint: what `npm run verify-trail` and POST /trail/verify report. */
export async function verifyWithCheckpoints(
  db: Kysely<DB>,
  signer: Signer,
  file: string | null,
  parallel?: VerifyOptions['parallel'],
): Promise<VerifyResult> {
  const log = await readCheckpoints(file, signer);
  if (log.bad) {
    return {
      ok: false,
      rows: 0,
      firstBrokenSeq: log.latest?.payload.seq ?? '0',
      kind: 'checkpoint',
      checkpointSeq: log.latest?.payload.seq ?? null,
      reason: `checkpoint file ${file} line ${log.bad.line}: ${log.bad.reason}`,
    };
  }
  return verifyTrail(db, { checkpoint: log.latest?.payload, parallel });
}

export interface CheckpointerOptions {
  db: Kysely<DB>;
  signer: Signer;
  clock: Clock;
  file: string;
  everyMs: number;
  log?: Pick<Console, 'error'>;
}

export interface Checkpointer {
  /** Verifies what is new since the last checkpoint and appends one for the current head (none if it has not moved). */
  checkpoint(): Promise<Checkpoint | null>;
  /** Stops the timer and writes a last checkpoint (at shutdown). */
  stop(): Promise<void>;
}

export async function startCheckpoints(o: CheckpointerOptions): Promise<Checkpointer> {
  const log = o.log ?? console;
  mkdirSync(path.dirname(o.file), { recursive: true });
  let last = (await readCheckpoints(o.file, o.signer)).latest;
  let running: Promise<Checkpoint | null> | null = null;
  const take = async (): Promise<Checkpoint | null> => {
    const head = await o.db
      .selectFrom('trail_head')
      .select(['seq', 'hash'])
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    if (last && last.payload.seq === head.seq && last.payload.hash === head.hash) return last;
    const v = await verifyTrail(o.db, { after: last?.payload });
    if (!v.ok) {
      log.error(
        `留痕链校验失败，未写检查点 Trail check failed, no checkpoint written: row ${v.firstBrokenSeq} (${v.kind}): ${v.reason}`,
      );
      return null;
    }
    // The head verified above, not the one read before it: rows may have been appended in between.
    const c = o.signer.sign<CheckpointPayload>({
      kind: 'mingjian.trail.checkpoint',
      seq: v.headSeq,
      hash: v.headHash,
      at: o.clock.now().toISOString(),
    });
    await appendFile(o.file, `${JSON.stringify(c)}\n`, { mode: 0o600, flag: 'a' });
    last = c;
    return c;
  };
  const checkpoint = () => {
    running ??= take()
      .catch((e) => {
        log.error('留痕检查点写入失败 Trail checkpoint failed', e);
        return null;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void checkpoint(), o.everyMs);
  timer.unref();
  return {
    checkpoint,
    async stop() {
      clearInterval(timer);
      await running;
      await checkpoint();
    },
  };
}
