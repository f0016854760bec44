// Checks an exported meeting archive offline (issue 14 §5, M-35):
//   npm run verify-archive -- meeting-7-seal-3.zip [--public-key this-installation.pem]
// Every file against the signed manifest, the record against the seal, the seal's signature, the link to the unit's
// previous seal; with --public-key (GET /api/v1/public/signing-key), that it was sealed by that installation.
// Exit 0 when intact, 1 when anything differs (each named), 2 on bad usage.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileSource } from '../modules/decisions/archive/file-source.js';
import { verifyArchive } from '../modules/decisions/archive/verify-core.js';

const args = process.argv.slice(2);
const k = args.indexOf('--public-key');
const keyFile = k >= 0 ? args[k + 1] : undefined;
const file = args.find((a, i) => !a.startsWith('--') && (k < 0 || i !== k + 1));
if (!file || (k >= 0 && !keyFile)) {
  console.error('用法 Usage: npm run verify-archive -- ARCHIVE.zip [--public-key KEY.pem]');
  process.exit(2);
}
// Read by random access, the recordings in slices: memory stays small whatever the archive's size.
const source = await fileSource(file).catch(() => {
  console.error(`无法读取文件 Cannot read ${file}`);
  process.exit(2);
});
const r = await verifyArchive(source, {
  publicKeyPem: keyFile ? readFileSync(keyFile, 'utf8') : undefined,
  sha256: () => createHash('sha256'),
}).finally(() => source.close());
if (r.ok) {
  console.log(
    `核验通过 INTACT — 会议 ${r.meetingId}，本单位第 ${r.seq} 号封存，${r.algorithm ?? 'SHA-256'} ${r.digest}`,
  );
} else {
  console.log('核验未通过 FAILED');
  for (const p of r.problems) console.log(`  · ${p.zh} / ${p.en}`);
  process.exit(1);
}
