// Replays a spot-check draw offline (issue 15 §2, M-41): `npm run replay-draw -- draw.json`, where draw.json is the
// answer of GET /api/v1/personal-draws/:id (or its `record` alone). Checks the seed against its commitment, the list
// against its digest, the drawn cadres against the algorithm, and — when the answer carries them — the signature.
import { readFileSync } from 'node:fs';
import { verifyProof } from '../platform/crypto/index.js';
import { canonicalJson } from '../platform/trail/index.js';
import { replayDraw, type DrawRecord } from '../modules/personal/draw.algorithm.js';

const [file] = process.argv.slice(2);
if (!file) {
  console.error('用法 Usage: npm run replay-draw -- draw.json');
  process.exit(2);
}
const doc = JSON.parse(readFileSync(file, 'utf8'));
const record: DrawRecord | undefined = doc.record ?? (doc.seed ? doc : undefined);
if (!record) {
  console.error('文件中没有抽取记录（尚未抽取？） No draw record in the file (not drawn yet?)');
  process.exit(2);
}
const replay = replayDraw(record);
const signed =
  doc.proof && doc.publicKey
    ? verifyProof(doc.proof, doc.publicKey) && canonicalJson(doc.proof.payload) === canonicalJson(record)
    : null;
if (replay.ok && signed !== false) {
  console.log(
    `一致 REPLAYED — ${record.year} 年度，名单 ${record.eligible.length} 人（摘要 ${record.eligibleDigest.slice(0, 16)}…），` +
      `抽中 ${record.drawn.join(', ') || '无'}；必查 ${record.cohorts.length} 人；签名 ${signed === null ? '未附' : '有效'}`,
  );
} else {
  console.log(`不一致 MISMATCH — ${[...replay.problems, ...(signed === false ? ['signature'] : [])].join(', ')}`);
  process.exit(1);
}
