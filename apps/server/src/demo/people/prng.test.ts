import { describe, expect, it } from 'vitest';
import { Rng } from './prng.js';

describe('Rng', () => {
  // Pinned outputs of reference mulberry32(1): if these change, every demo data set changes.
  it('matches reference mulberry32 output', () => {
    const r = new Rng(1);
    expect([r.next(), r.next(), r.next()]).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
  });

  it('same seed → same sequence; different seeds differ; string seeds work', () => {
    const seq = (seed: number | string) => {
      const r = new Rng(seed);
      return Array.from({ length: 20 }, () => r.int(0, 1_000_000));
    };
    expect(seq(42)).toEqual(seq(42));
    expect(seq(42)).not.toEqual(seq(43));
    expect(seq('示例市')).toEqual(seq('示例市'));
    expect(seq('a')).not.toEqual(seq('b'));
  });

  it('next() stays in [0, 1)', () => {
    const r = new Rng(3);
    for (let i = 0; i < 10_000; i++) {
      const x = r.next();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });

  it('int(min, max) is inclusive at both ends and stays in range', () => {
    const r = new Rng(5);
    const seen = new Set<number>();
    for (let i = 0; i < 2_000; i++) {
      const x = r.int(-2, 2);
      expect(x >= -2 && x <= 2 && Number.isInteger(x)).toBe(true);
      seen.add(x);
    }
    expect([...seen].sort()).toEqual([-1, -2, 0, 1, 2].sort());
    expect(r.int(7, 7)).toBe(7);
    expect(() => r.int(3, 2)).toThrow(RangeError);
    expect(() => r.int(0.5, 2)).toThrow(RangeError);
  });

  it('pick() returns members and rejects empty arrays', () => {
    const r = new Rng(9);
    const arr = ['a', 'b', 'c'];
    for (let i = 0; i < 100; i++) expect(arr).toContain(r.pick(arr));
    expect(() => r.pick([])).toThrow(RangeError);
  });

  it('weightedPick() follows the weights and never picks zero-weight items', () => {
    const r = new Rng(11);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 20_000; i++) counts[r.weightedPick(['a', 'b', 'c'] as const, [3, 1, 0])]++;
    expect(counts.c).toBe(0);
    expect(counts.a / 20_000).toBeGreaterThan(0.72);
    expect(counts.a / 20_000).toBeLessThan(0.78);
    expect(() => r.weightedPick(['a'], [1, 2])).toThrow(RangeError);
    expect(() => r.weightedPick(['a', 'b'], [0, 0])).toThrow(RangeError);
    expect(() => r.weightedPick(['a'], [-1])).toThrow(RangeError);
  });

  it('chance() respects 0, 1 and p in between', () => {
    const r = new Rng(13);
    let hits = 0;
    for (let i = 0; i < 10_000; i++) {
      expect(r.chance(0)).toBe(false);
      expect(r.chance(1)).toBe(true);
      if (r.chance(0.3)) hits++;
    }
    expect(hits / 10_000).toBeGreaterThan(0.27);
    expect(hits / 10_000).toBeLessThan(0.33);
    expect(() => r.chance(1.5)).toThrow(RangeError);
  });

  it('shuffle() returns a permutation and leaves the input untouched', () => {
    const r = new Rng(17);
    const input = Array.from({ length: 50 }, (_, i) => i);
    const copy = input.slice();
    const out = r.shuffle(input);
    expect(input).toEqual(copy);
    expect(out).not.toEqual(input);
    expect([...out].sort((a, b) => a - b)).toEqual(input);
    expect(new Rng(17).shuffle(input)).toEqual(out);
  });
});
