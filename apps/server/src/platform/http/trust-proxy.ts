// TRUST_PROXY (issue 11 §6): behind a reverse proxy every request comes from the proxy's address, so the limits and
// the trail would see one client. Off by default: X-Forwarded-For is then ignored, as anyone can send it.
// - a list of the proxies' addresses or CIDR ranges (or proxy-addr's names loopback, linklocal, uniquelocal):
//   X-Forwarded-For is read from the right, through trusted proxies only, to the first address that is not one;
// - a hop count n (1–9): the n nearest hops are trusted, whoever they are. Only safe when the app can be reached
//   through the proxy alone (HOST=127.0.0.1 behind it); Fastify 5.12 itself no longer takes a bare number.
import { isIP } from 'node:net';

export type TrustProxy = false | string[] | ((address: string, hop: number) => boolean);

const NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isRange(entry: string): boolean {
  if (NAMES.has(entry) || isIP(entry)) return true;
  const m = /^([^/]+)\/(\d{1,3})$/.exec(entry);
  if (!m || !isIP(m[1])) return false;
  return Number(m[2]) <= (isIP(m[1]) === 4 ? 32 : 128);
}

export function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = (value ?? '').trim();
  if (v === '' || /^(false|off|no|0)$/i.test(v)) return false;
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops > 9) throw new Error(`TRUST_PROXY=${v}: 代理层数应为 1–9 a hop count is 1 to 9`);
    return (_address, hop) => hop < hops;
  }
  if (/^(true|on|yes)$/i.test(v)) {
    throw new Error(
      'TRUST_PROXY=true 会让任何客户端自报地址：请写代理的地址、网段或层数 ' +
        "would let any client choose its address: give the proxies' addresses or CIDR ranges, or a hop count",
    );
  }
  const entries = v
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const bad = entries.filter((e) => !isRange(e));
  if (bad.length) {
    throw new Error(
      `TRUST_PROXY: 无法识别 not an address or CIDR range: ${bad.join(', ')} (例 e.g. TRUST_PROXY=127.0.0.1,10.0.0.0/8 or TRUST_PROXY=1)`,
    );
  }
  return entries;
}
