// npm run trail:checkpoints — exports the signed trail checkpoints for an auditor (issue 11 §1): one JSON document
// with the public key (also GET /api/v1/public/signing-key) and every checkpoint, each a signed {seq, hash, at} (Ed25519, or SM2 on a 国密 installation).
// Streams the file; exits 1 if a line is not a checkpoint signed by this installation's key.
import { readCheckpoints } from '../platform/trail/index.js';
import { checkpointFile, fail, signer } from './trail-cli.js';

const sign = signer() ?? fail('缺少签名密钥 No signing key (keys/signing.pem under DATA_DIR)');
process.stdout.write(
  `{"file":${JSON.stringify(checkpointFile)},"algorithm":"${sign.algorithm}","keyId":${JSON.stringify(sign.keyId)},` +
    `"publicKey":${JSON.stringify(sign.publicKeyPem)},"checkpoints":[`,
);
let n = 0;
const log = await readCheckpoints(checkpointFile, sign, (c) =>
  process.stdout.write(`${n++ ? ',' : ''}\n${JSON.stringify(c)}`),
);
process.stdout.write('\n]}\n');
if (log.bad) {
  console.error(`检查点文件有误 ${checkpointFile} line ${log.bad.line}: ${log.bad.reason}`);
  process.exitCode = 1;
}
