// Confidential fields at rest (ARCHITECTURE non-negotiable 7): AES-256-GCM with a key kept outside the database,
// from MINGJIAN_KEY (base64, 32 bytes) or a key file created on first start with mode 0600.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const VERSION = 'v1';

export class SecretBox {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('the encryption key must be 32 bytes');
    this.#key = key;
  }

  /** Ciphertext as `v1.<iv>.<tag>.<data>` (base64url). `context` binds the value to its field (AAD). */
  seal(plain: string, context: string): string {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.#key, iv);
    c.setAAD(Buffer.from(context));
    const data = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return [VERSION, iv, c.getAuthTag(), data]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  /** A keyed digest (HMAC-SHA-256): lets the key holder confirm a value without storing it. */
  digest(plain: string, context: string): string {
    return createHmac('sha256', this.#key).update(context).update('\0').update(plain).digest('base64url');
  }

  /** Binary values (report attachments): `0x01 | iv(12) | tag(16) | data`, for a bytea column; same AAD binding. */
  sealBytes(plain: Buffer, context: string): Buffer {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.#key, iv);
    c.setAAD(Buffer.from(context));
    const data = Buffer.concat([c.update(plain), c.final()]);
    return Buffer.concat([Buffer.from([1]), iv, c.getAuthTag(), data]);
  }

  openBytes(sealed: Buffer, context: string): Buffer {
    if (sealed.length < 29 || sealed[0] !== 1) throw new Error('not a sealed value');
    const d = createDecipheriv('aes-256-gcm', this.#key, sealed.subarray(1, 13));
    d.setAAD(Buffer.from(context));
    d.setAuthTag(sealed.subarray(13, 29));
    return Buffer.concat([d.update(sealed.subarray(29)), d.final()]);
  }

  open(sealed: string, context: string): string {
    const [v, iv, tag, data] = sealed.split('.');
    if (v !== VERSION || !iv || !tag || data === undefined) throw new Error('not a sealed value');
    const d = createDecipheriv('aes-256-gcm', this.#key, Buffer.from(iv, 'base64url'));
    d.setAAD(Buffer.from(context));
    d.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([d.update(Buffer.from(data, 'base64url')), d.final()]).toString('utf8');
  }
}

/** The key from `envName` (base64, 32 bytes), else from `keyDir/fileName`, made on first start (also the trail's key, issue 11 §1). */
export function loadOrCreateKey(
  keyDir: string,
  envKey = process.env.MINGJIAN_KEY,
  fileName = 'master.key',
  envName = 'MINGJIAN_KEY',
): Buffer {
  if (envKey) {
    const key = Buffer.from(envKey, 'base64');
    if (key.length !== 32) throw new Error(`${envName} must be 32 bytes, base64-encoded`);
    return key;
  }
  const file = path.join(keyDir, fileName);
  if (!existsSync(file)) {
    mkdirSync(keyDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
}
