// Hash chain of the trail (base of M-35): each row's hash covers its content and the previous row's hash.
// Keyed since issue 11 §1: an HMAC-SHA-256 with a key kept outside the database, so a row forged with a correct plain
// SHA-256 no longer verifies. Rows written before the switch-over stay plain SHA-256 (see trail-key.service.ts).
import { createHash, createHmac } from 'node:crypto';
import type { DigestAlgorithm } from '../crypto/suites.js';

export { canonicalJson } from './canonical-json.js';
import { canonicalJson } from './canonical-json.js';

/**
 * What PostgreSQL will give back for a string: lone surrogates become U+FFFD on the way in, and NUL cannot be
 * stored at all. The trail hashes and stores this form, so a hostile string cannot make the chain unverifiable.
 */
export function storable<T>(value: T): T {
  if (typeof value === 'string') return value.toWellFormed().replaceAll('\u0000', '\uFFFD') as T;
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if (Array.isArray(value)) return value.map(storable) as T;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [storable(k), storable(v)])) as T;
}

export interface HashedContent {
  seq: string;
  at: Date;
  actor_id: number | null;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string | null;
  client_ip: string | null;
  detail: Record<string, unknown>;
}

/**
 * The row's hash: HMAC-SHA-256 under `key` (HMAC-SM3 on a 国密 installation, issue 14 §5), or plain SHA-256 (rows
 * from before the switch-over) when key is null.
 */
export function rowHash(
  prevHash: string,
  row: HashedContent,
  key: Buffer | null,
  algorithm: DigestAlgorithm = 'SHA-256',
): string {
  const alg = algorithm === 'SM3' ? 'sm3' : 'sha256';
  // canonicalJson of the nine-element array, written out: the same text (each element through canonicalJson, joined
  // by commas), without building the array — verify-trail hashes millions of rows.
  const body = `[${canonicalJson(String(row.seq))},${canonicalJson(row.at.toISOString())},${canonicalJson(row.actor_id)},${canonicalJson(row.actor_name)},${canonicalJson(row.action)},${canonicalJson(row.entity)},${canonicalJson(row.entity_id)},${canonicalJson(row.client_ip)},${canonicalJson(row.detail)}]`;
  return (key ? createHmac(alg, key) : createHash(alg)).update(prevHash).update('\n').update(body).digest('hex');
}
