// The 国密 suite (issue 14 §5, M-35) against the standards' published examples before it is trusted: SM3 of GB/T
// 32905-2016 Annex A (both messages), in Node's OpenSSL and in the library verify.html uses; SM2 of GB/T 32918.2-2016
// Annex A (recommended curve): the public key of the example's private key, the example's signature verifies, and
// signing with the example's random k gives exactly its (r, s). Then the signer: proofs round-trip, a changed byte or
// the other suite's key fails.
import { sm2 } from 'sm-crypto-v2';
import { describe, expect, it } from 'vitest';
import { digestHex, newSigner, verifyProof } from './index.js';
import { SM2_USER_ID, sm2PointOf, sm2PublicKeyPem, sm3Hex } from './suites.js';
import { createPublicKey } from 'node:crypto';

const SM3_VECTORS = [
  ['abc', '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0'],
  ['abcd'.repeat(16), 'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732'],
] as const;

// GB/T 32918.2-2016 A.2: message "message digest", ID_A = 1234567812345678 (the GM/T 0009 default id).
const SM2_EXAMPLE = {
  d: '3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8',
  x: '09f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020',
  y: 'ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13',
  k: '59276e27d506861a16680f3ad9c02dccef3cc1fa3cdbe4ce6d54b80deac1bc21',
  r: 'f5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3',
  s: 'b1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aa',
};

describe('SM3 (GB/T 32905)', () => {
  it.each(SM3_VECTORS)('%s', (message, digest) => {
    expect(digestHex('SM3', message)).toBe(digest);
    expect(sm3Hex(message)).toBe(digest);
  });
  it('SHA-256 stays the default digest', () => {
    expect(digestHex('SHA-256', 'abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('SM2 (GB/T 32918.2)', () => {
  const e = SM2_EXAMPLE;
  const point = `04${e.x}${e.y}`;
  it('derives the example public key from its private key', () => {
    expect(sm2.getPublicKeyFromPrivateKey(e.d)).toBe(point);
  });
  it('verifies the example signature, and not with another id or message', () => {
    const opts = { hash: true, userId: SM2_USER_ID };
    expect(sm2.doVerifySignature('message digest', e.r + e.s, point, opts)).toBe(true);
    expect(sm2.doVerifySignature('message digesT', e.r + e.s, point, opts)).toBe(false);
    expect(sm2.doVerifySignature('message digest', e.r + e.s, point, { ...opts, userId: 'ALICE123@YAHOO.COM' })).toBe(
      false,
    );
  });
  it('signs with the example k to exactly the example (r, s)', () => {
    const kG = sm2.getPublicKeyFromPrivateKey(e.k); // the point k·G, whose x is x1 of the standard
    const pointPool = [{ k: BigInt(`0x${e.k}`), x1: BigInt(`0x${kG.slice(2, 66)}`) }];
    const rs = sm2.doSignature('message digest', e.d, { hash: true, publicKey: point, userId: SM2_USER_ID, pointPool });
    expect(rs).toBe(e.r + e.s);
  });
  it('writes the public key as OpenSSL does (SubjectPublicKeyInfo on sm2p256v1), and reads it back', () => {
    const pem = sm2PublicKeyPem(point);
    expect(sm2PointOf(pem)).toBe(point);
    const der = createPublicKey(pem).export({ type: 'spki', format: 'der' }); // OpenSSL parses it and writes it back
    expect(der.toString('hex').endsWith(point)).toBe(true);
    expect(der.toString('base64')).toBe(pem.replace(/-----[A-Z ]+-----|\s/g, ''));
  });
});

describe('the signer of each suite', () => {
  it.each(['standard', 'gm'] as const)('%s: a proof verifies; a changed payload or the other key does not', (suite) => {
    const signer = newSigner(suite);
    const other = newSigner(suite === 'gm' ? 'standard' : 'gm');
    const proof = signer.sign({ kind: 'test', n: 1 });
    expect(proof.algorithm).toBe(suite === 'gm' ? 'SM2' : 'Ed25519');
    expect(verifyProof(proof, signer.publicKeyPem)).toBe(true);
    expect(verifyProof({ ...proof, payload: { kind: 'test', n: 2 } }, signer.publicKeyPem)).toBe(false);
    expect(verifyProof(proof, other.publicKeyPem)).toBe(false);
    expect(verifyProof(proof, newSigner(suite).publicKeyPem)).toBe(false);
    expect(signer.digest('abc')).toBe(digestHex(suite === 'gm' ? 'SM3' : 'SHA-256', 'abc'));
  });
});
