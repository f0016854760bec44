// What the trail commands share (issue 11 §1): the data directory's keys and checkpoint file, read only — a command
// never makes a key. DATA_DIR, MINGJIAN_TRAIL_KEY and TRAIL_CHECKPOINT_FILE as for the server.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadOrCreateSigner, type Signer } from '../platform/crypto/index.js';

export const dataDir = path.resolve(process.env.DATA_DIR ?? 'data');
export const keyDir = path.join(dataDir, 'keys');
export const checkpointFile = process.env.TRAIL_CHECKPOINT_FILE || path.join(dataDir, 'trail-checkpoints.jsonl');

export function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

export function trailKey(): Buffer {
  const file = path.join(keyDir, 'trail.key');
  const b64 = process.env.MINGJIAN_TRAIL_KEY || (existsSync(file) ? readFileSync(file, 'utf8').trim() : '');
  const key = Buffer.from(b64, 'base64');
  if (key.length !== 32)
    fail(`缺少留痕密钥 No trail key: set MINGJIAN_TRAIL_KEY (base64, 32 bytes) or provide ${file}`);
  return key;
}

/**
 * The installation's signing key, which signs the checkpoints: keys/signing.pem (Ed25519), or keys/signing-sm2.key on a
 * 国密 installation (issue 14 §5) — a data directory holds the one its suite uses. Shared by every server.
 */
export function signer(): Signer | null {
  if (existsSync(path.join(keyDir, 'signing-sm2.key'))) return loadOrCreateSigner(keyDir, 'gm');
  return existsSync(path.join(keyDir, 'signing.pem')) ? loadOrCreateSigner(keyDir, 'standard') : null;
}
