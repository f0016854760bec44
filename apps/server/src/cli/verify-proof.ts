// Checks a proof of submission offline (M-11): `npm run verify-proof -- answer.json [public-key.pem]`.
// answer.json is what the public report page returned ({ proof, publicKey, … }) or a bare proof with the key file.
import { readFileSync } from 'node:fs';
import { verifyProof } from '../platform/crypto/index.js';

const [file, keyFile] = process.argv.slice(2);
if (!file) {
  console.error('用法 Usage: npm run verify-proof -- answer.json [public-key.pem]');
  process.exit(2);
}
const doc = JSON.parse(readFileSync(file, 'utf8'));
const proof = doc.proof ?? doc;
const key = keyFile ? readFileSync(keyFile, 'utf8') : doc.publicKey;
if (!key) {
  console.error('缺少公钥 No public key: pass the .pem file (GET /api/v1/public/signing-key)');
  process.exit(2);
}
if (verifyProof(proof, key)) {
  console.log(
    `有效 VALID — 编号 ${proof.payload.number}，提交时间 ${proof.payload.receivedAt}，内容 SHA-256 ${proof.payload.contentSha256}`,
  );
} else {
  console.log(
    '无效 INVALID — 签名与内容不符，或公钥不对 (the signature does not match the content, or the key is wrong)',
  );
  process.exit(1);
}
