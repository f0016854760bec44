// Proofs the server signs (M-11 proof of submission): Ed25519 over canonical JSON, checkable offline with the
// public key alone. The private key lives beside the encryption key, outside the database (file mode 0600).
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { canonicalJson } from '../trail/hash.js';

export interface SignedProof<T> {
  payload: T;
  signature: string;
  algorithm: 'Ed25519';
  keyId: string;
}

export class Signer {
  readonly publicKeyPem: string;
  readonly keyId: string;
  readonly #key: KeyObject;

  constructor(privateKey: KeyObject) {
    this.#key = privateKey;
    this.publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
    this.keyId = keyIdOf(this.publicKeyPem);
  }

  sign<T extends object>(payload: T): SignedProof<T> {
    const signature = sign(null, Buffer.from(canonicalJson(payload)), this.#key).toString('base64url');
    return { payload, signature, algorithm: 'Ed25519', keyId: this.keyId };
  }
}

const keyIdOf = (pem: string) =>
  createPublicKey(pem).export({ type: 'spki', format: 'der' }).subarray(-32).toString('base64url').slice(0, 16);

/** Checks a proof with the public key alone (what `npm run verify-proof` does, offline). */
export function verifyProof(proof: SignedProof<object>, publicKeyPem: string): boolean {
  if (proof?.algorithm !== 'Ed25519' || typeof proof.signature !== 'string' || typeof proof.payload !== 'object')
    return false;
  try {
    return verify(
      null,
      Buffer.from(canonicalJson(proof.payload)),
      createPublicKey(publicKeyPem),
      Buffer.from(proof.signature, 'base64url'),
    );
  } catch {
    return false;
  }
}

export function newSigner(): Signer {
  return new Signer(generateKeyPairSync('ed25519').privateKey);
}

export function loadOrCreateSigner(keyDir: string): Signer {
  const file = path.join(keyDir, 'signing.pem');
  if (!existsSync(file)) {
    mkdirSync(keyDir, { recursive: true, mode: 0o700 });
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return new Signer(createPrivateKey(readFileSync(file, 'utf8')));
}
