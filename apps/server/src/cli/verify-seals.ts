// npm run verify-seals — checks every unit's chain of meeting seals (issue 14 §5, M-35) on DATA_DIR or DATABASE_URL:
// each record against its signed digest, each signature against the installation's key (keys/ under DATA_DIR), each
// link to the unit's previous seal, and each seal's addenda. Exit 0 when all hold, 1 naming the broken seals, 2 when it cannot check.
import path from 'node:path';
import { openDatabase, lockDataDir } from '../platform/db/index.js';
import { verifySealChains } from '../modules/decisions/seal-chains.js';
import { dataDir, fail, signer } from './trail-cli.js';

const databaseUrl = process.env.DATABASE_URL || undefined;
const sign = signer() ?? fail('缺少签名密钥 No signing key (keys/signing.pem or keys/signing-sm2.key under DATA_DIR)');
const unlock = databaseUrl ? () => {} : lockDataDir(dataDir);
const database = await openDatabase({ databaseUrl, dataDir: databaseUrl ? undefined : path.join(dataDir, 'pg') });
try {
  const t0 = performance.now();
  const r = await verifySealChains(database.db, sign);
  const took = `${((performance.now() - t0) / 1000).toFixed(1)} s`;
  if (r.ok) {
    console.log(
      `封存链完整 Seal chains intact: ${r.units} units, ${r.seals} seals, ${r.items} items, ${r.addenda} addenda in ${took}`,
    );
  } else {
    console.error(`封存链有误 Seal chains BROKEN (${r.seals} seals checked in ${took}):`);
    for (const b of r.broken)
      console.error(
        `  · 会议 meeting ${b.meetingId}（单位 unit ${b.orgId} 第 ${b.seq} 号 seal）: ${b.what.join(', ')}` +
          (b.addenda ? `（补充更正 addenda ${b.addenda.join(', ')}）` : ''),
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
