// rowHash writes the canonical JSON of its nine-element array out by hand (verify-trail hashes millions of rows):
// it must give the same text, and so the same hash, as canonicalJson of the array, which every stored row was hashed by.
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, rowHash, type HashedContent } from './hash.js';

const reference = (prev: string, r: HashedContent, key: Buffer | null) =>
  (key ? createHmac('sha256', key) : createHash('sha256'))
    .update(prev)
    .update('\n')
    .update(
      canonicalJson([
        String(r.seq),
        r.at.toISOString(),
        r.actor_id,
        r.actor_name,
        r.action,
        r.entity,
        r.entity_id,
        r.client_ip,
        r.detail,
      ]),
    )
    .digest('hex');

describe('rowHash', () => {
  const key = Buffer.alloc(32, 9);
  const strings = ['', 'system', '张三 "引号" \\ 反斜杠', '\n\t\u2028', '\uFFFD', '0'];
  const details: Array<Record<string, unknown>> = [
    {},
    { b: 1, a: [1, 'x', null, { d: true, c: 2.5 }] },
    { outcome: 'false_accusation', nested: { z: { y: [] }, a: {} }, n: -0.001 },
    { 名字: '值', 'a"b': 'c' },
  ];
  it('equals the canonical JSON of the array for every kind of field', () => {
    let n = 0;
    for (const s of strings)
      for (const d of details)
        for (const id of [null, 0, 17])
          for (const nullable of [null, s]) {
            const row: HashedContent = {
              seq: String(1000 + n++),
              at: new Date(Date.UTC(2026, 11, 2, 3, 4, 5, n % 1000)),
              actor_id: id,
              actor_name: s,
              action: `a.${s}`,
              entity: s || 'cadre',
              entity_id: nullable,
              client_ip: nullable,
              detail: d,
            };
            for (const k of [key, null]) expect(rowHash('GENESIS', row, k)).toBe(reference('GENESIS', row, k));
          }
    expect(n).toBeGreaterThan(100);
  });
});
