// Proofs the server signs (M-11 proof of submission, seals, manifests, trail checkpoints): Ed25519 — or SM2 on a 国密
// installation (suites.ts) — over canonical JSON, checkable offline with the
// public key alone. The private key lives beside the encryption key, outside the database (file mode 0600).
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sm2 } from 'sm-crypto-v2';
import { canonicalJson } from '../trail/canonical-json.js';
import {
  SUITES,
  sm2PointOf,
  sm2PublicKeyPem,
  sm2Sign,
  sm2Verify,
  type DigestAlgorithm,
  type SignatureAlgorithm,
  type SuiteName,
} from './suites.js';

export interface SignedProof<T> {
  payload: T;
  signature: string;
  algorithm: SignatureAlgorithm;
  keyId: string;
}

type SignWith = (message: string) => string;

export class Signer {
  readonly publicKeyPem: string;
  readonly keyId: string;
  readonly suite: SuiteName;
  readonly #sign: SignWith;

  constructor(suite: SuiteName, publicKeyPem: string, signWith: SignWith) {
    this.suite = suite;
    this.publicKeyPem = publicKeyPem;
    this.keyId = keyIdOf(publicKeyPem);
    this.#sign = signWith;
  }

  get algorithm(): SignatureAlgorithm {
    return SUITES[this.suite].signature;
  }

  /** The suite's digest (SHA-256 or SM3) of a text or bytes, as hex. */
  digest(data: string | Uint8Array): string {
    return digestHex(SUITES[this.suite].digest, data);
  }

  sign<T extends object>(payload: T): SignedProof<T> {
    const signature = this.#sign(canonicalJson(payload));
    return { payload, signature, algorithm: this.algorithm, keyId: this.keyId };
  }
}

/** A digest with Node's OpenSSL: SHA-256 or SM3 (GB/T 32905). */
export const digestHex = (algorithm: DigestAlgorithm, data: string | Uint8Array) =>
  createHash(algorithm === 'SM3' ? 'sm3' : 'sha256')
    .update(data)
    .digest('hex');

// The last 32 bytes of the SubjectPublicKeyInfo: the Ed25519 key, or the y coordinate of the SM2 point.
const keyIdOf = (pem: string) =>
  Buffer.from(pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, ''), 'base64')
    .subarray(-32)
    .toString('base64url')
    .slice(0, 16);

/** Checks a proof with the public key alone (what `npm run verify-proof` does, offline), either algorithm. */
export function verifyProof(proof: SignedProof<object>, publicKeyPem: string): boolean {
  if (typeof proof?.signature !== 'string' || typeof proof.payload !== 'object' || proof.payload === null) return false;
  const message = canonicalJson(proof.payload);
  if (proof.algorithm === 'SM2') return sm2Verify(message, proof.signature, publicKeyPem);
  if (proof.algorithm !== 'Ed25519' || sm2PointOf(publicKeyPem)) return false;
  try {
    return verify(null, Buffer.from(message), createPublicKey(publicKeyPem), Buffer.from(proof.signature, 'base64url'));
  } catch {
    return false;
  }
}

const ed25519 = (key: KeyObject) =>
  new Signer('standard', createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString(), (m) =>
    sign(null, Buffer.from(m), key).toString('base64url'),
  );
const sm2Signer = (privateKeyHex: string) => {
  const point = sm2.getPublicKeyFromPrivateKey(privateKeyHex);
  return new Signer('gm', sm2PublicKeyPem(point), (m) => sm2Sign(m, privateKeyHex, point));
};

export function newSigner(suite: SuiteName = 'standard'): Signer {
  return suite === 'gm'
    ? sm2Signer(sm2.generateKeyPairHex().privateKey)
    : ed25519(generateKeyPairSync('ed25519').privateKey);
}

/** The installation's signing key: keys/signing.pem (Ed25519, PKCS#8) or keys/signing-sm2.key (hex), mode 0600. */
export function loadOrCreateSigner(keyDir: string, suite: SuiteName = 'standard'): Signer {
  const file = path.join(keyDir, suite === 'gm' ? 'signing-sm2.key' : 'signing.pem');
  if (!existsSync(file)) {
    mkdirSync(keyDir, { recursive: true, mode: 0o700 });
    const text =
      suite === 'gm'
        ? sm2.generateKeyPairHex().privateKey
        : generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const text = readFileSync(file, 'utf8');
  return suite === 'gm' ? sm2Signer(text.trim()) : ed25519(createPrivateKey(text));
}
