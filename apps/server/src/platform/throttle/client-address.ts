// The client address a limit counts by (issue 11 §6), normalised as @fastify/rate-limit does: IPv4 as it is (an
// IPv4-mapped IPv6 address is its IPv4 address), IPv6 by its /64, because one home or host is routinely given a
// whole /64 and could otherwise count as 2^64 clients.
import { normalizeIP } from '@fastify/rate-limit';
import type { SecretBox } from '../crypto/index.js';

export function addressKey(ip: string | null | undefined): string {
  if (!ip) return 'unknown';
  try {
    return normalizeIP(ip, 64);
  } catch {
    return ip.toLowerCase();
  }
}

/**
 * A keyed hash (HMAC-SHA-256, the app's key) of an address, so that no address is kept in clear: the database alone
 * does not give it away. The key holder could still test candidate addresses, hence the short retention of each row.
 */
export function addressDigest(box: SecretBox, ip: string | null | undefined, purpose: string): string {
  return box.digest(addressKey(ip), `throttle:${purpose}`);
}
