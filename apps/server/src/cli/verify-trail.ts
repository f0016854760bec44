// npm run verify-trail — checks the trail's hash chain; exits 1 naming the first broken row.
import { openDatabase, lockDataDir } from '../platform/db/index.js';
import { verifyTrail } from '../platform/trail/index.js';
import path from 'node:path';

const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = path.resolve(process.env.DATA_DIR ?? 'data');
const unlock = databaseUrl ? () => {} : lockDataDir(dataDir);
const database = await openDatabase({ databaseUrl, dataDir: databaseUrl ? undefined : path.join(dataDir, 'pg') });
try {
  const r = await verifyTrail(database.db);
  if (r.ok) {
    console.log(`留痕链完整 Trail intact: ${r.rows} rows, head ${r.headHash}`);
  } else {
    console.error(`留痕链断裂 Trail BROKEN at row ${r.firstBrokenSeq}: ${r.reason} (${r.rows} rows verified before it)`);
    process.exitCode = 1;
  }
} finally {
  await database.close();
  unlock();
}
