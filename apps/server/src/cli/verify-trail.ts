// npm run verify-trail — checks the trail's chain against its key and the latest signed checkpoint (issue 11 §1);
// exits 1 naming the first broken row and what broke: forged, edited, missing, truncated, or the checkpoint file.
// On PostgreSQL the rows are hashed in worker threads, each with its own connection (issue 12 §9): VERIFY_WORKERS
// (default os.availableParallelism(), at most 4; 0 checks in this thread only).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { openDatabase, lockDataDir } from '../platform/db/index.js';
import { readKeyedFrom, applyTrailKey, verifyWithCheckpoints, defaultWorkers } from '../platform/trail/index.js';
import { newSigner, readSuite, SUITES } from '../platform/crypto/index.js';
import { checkpointFile, dataDir, fail, signer, trailKey } from './trail-cli.js';

const databaseUrl = process.env.DATABASE_URL || undefined;
const key = trailKey();
const sign =
  signer() ??
  (existsSync(checkpointFile)
    ? fail(`缺少签名密钥 No signing key (keys/signing.pem) to check ${checkpointFile}`)
    : newSigner());
const unlock = databaseUrl ? () => {} : lockDataDir(dataDir);
const database = await openDatabase({ databaseUrl, dataDir: databaseUrl ? undefined : path.join(dataDir, 'pg') });
try {
  // No switch-over recorded: no keyed server has written here, every row is plain SHA-256.
  const hash = SUITES[(await readSuite(database.db)) ?? 'standard'].digest;
  applyTrailKey(database.db, { key, keyedFrom: (await readKeyedFrom(database.db, key)) ?? 2n ** 63n, hash });
  const workers = process.env.VERIFY_WORKERS ? Number(process.env.VERIFY_WORKERS) : defaultWorkers();
  const r = await verifyWithCheckpoints(database.db, sign, checkpointFile, { connectionString: databaseUrl, workers });
  const cp = r.checkpointSeq ? `checkpoint at row ${r.checkpointSeq}` : 'no checkpoint';
  if (r.ok) {
    console.log(`留痕链完整 Trail intact: ${r.rows} rows, head ${r.headHash} (${cp})`);
  } else {
    console.error(
      `留痕链断裂 Trail BROKEN at row ${r.firstBrokenSeq} [${r.kind}]: ${r.reason} (${r.rows} rows verified before it; ${cp})`,
    );
    process.exitCode = 1;
  }
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 2;
} finally {
  await database.close();
  unlock();
}
