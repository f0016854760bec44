// The installation's cryptographic suite (issue 14 §5, M-35 国密 option): the default SHA-256 digests and Ed25519
// signatures, or SM3 digests and SM2 signatures (GB/T 32905, GB/T 32918; GM/T 0009 signer id). Chosen once, at the
// first start, for the seals and the trail; recorded in the database so a later start cannot switch it silently.
// SM3 is OpenSSL's (Node's own, fast enough for the trail's millions of rows); SM2 is sm-crypto-v2 (on @noble/curves),
// checked against the standards' vectors in gm.test.ts. Pure functions only: verify-core bundles this for the browser.
import { sm2, sm3 } from 'sm-crypto-v2';

export type SuiteName = 'standard' | 'gm';
export type DigestAlgorithm = 'SHA-256' | 'SM3';
export type SignatureAlgorithm = 'Ed25519' | 'SM2';

export const SUITES: Record<SuiteName, { digest: DigestAlgorithm; signature: SignatureAlgorithm }> = {
  standard: { digest: 'SHA-256', signature: 'Ed25519' },
  gm: { digest: 'SM3', signature: 'SM2' },
};

/** The signer id of GM/T 0009 (the default user id of an SM2 signature), entering Z_A. */
export const SM2_USER_ID = '1234567812345678';

// SubjectPublicKeyInfo of an SM2 key, as OpenSSL writes it: id-ecPublicKey with the curve sm2p256v1
// (1.2.156.10197.1.301), then the uncompressed point 04 ‖ x ‖ y.
const SM2_SPKI_PREFIX = '3059301306072a8648ce3d020106082a811ccf5501822d034200';

const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const unb64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
const hexToBytes = (h: string) => Uint8Array.from(h.match(/../g) ?? [], (x) => Number.parseInt(x, 16));
const bytesToHex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

/** An SM2 public key (hex 04 ‖ x ‖ y) as a PEM SubjectPublicKeyInfo. */
export function sm2PublicKeyPem(pointHex: string): string {
  const body = b64(hexToBytes(SM2_SPKI_PREFIX + pointHex)).replace(/.{64}/g, '$&\n');
  return `-----BEGIN PUBLIC KEY-----\n${body.trimEnd()}\n-----END PUBLIC KEY-----\n`;
}

/** The point (hex) of an SM2 PEM public key, or null when the PEM is not one. */
export function sm2PointOf(pem: string): string | null {
  try {
    const der = bytesToHex(unb64(pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '')));
    return der.startsWith(SM2_SPKI_PREFIX) && der.length === SM2_SPKI_PREFIX.length + 130
      ? der.slice(SM2_SPKI_PREFIX.length)
      : null;
  } catch {
    return null;
  }
}

/** SM2 signature (r ‖ s, 64 bytes) over the message with SM3 and the signer id, as base64url. */
export function sm2Sign(message: string, privateKeyHex: string, publicKeyHex: string): string {
  const rs = sm2.doSignature(message, privateKeyHex, { hash: true, publicKey: publicKeyHex, userId: SM2_USER_ID });
  return b64(hexToBytes(rs)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function sm2Verify(message: string, signatureB64url: string, publicKeyPem: string): boolean {
  const point = sm2PointOf(publicKeyPem);
  if (!point) return false;
  try {
    const rs = bytesToHex(unb64(signatureB64url.replace(/-/g, '+').replace(/_/g, '/').padEnd(88, '=')));
    return rs.length === 128 && sm2.doVerifySignature(message, rs, point, { hash: true, userId: SM2_USER_ID });
  } catch {
    return false;
  }
}

/** SM3 in pure JS, for the browser verifier (the server uses OpenSSL's). */
export const sm3Hex = (data: Uint8Array | string): string => sm3(data);
