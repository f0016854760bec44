// Small seeded PRNG for deterministic demo data: same seed → same sequence on every
// machine and Node version (Math.random cannot be seeded). mulberry32 has a 2^32
// period, which is plenty for demo data; it is NOT suitable for anything secret.

/** FNV-1a, so human-readable seeds like 'demo-2025' can be used. */
function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class Rng {
  private state: number;

  constructor(seed: number | string) {
    if (typeof seed === 'number' && !Number.isFinite(seed)) {
      throw new RangeError(`Rng seed must be finite, got ${seed}`);
    }
    this.state = typeof seed === 'string' ? hashSeed(seed) : seed >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    if (!Number.isInteger(min) || !Number.isInteger(max) || min > max) {
      throw new RangeError(`int(min, max) needs integers with min <= max, got ${min}, ${max}`);
    }
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(arr: readonly T[]): T {
    if (arr.length === 0) throw new RangeError('pick() from an empty array');
    return arr[Math.floor(this.next() * arr.length)];
  }

  /** Picks items[i] with probability weights[i] / sum(weights). */
  weightedPick<T>(items: readonly T[], weights: readonly number[]): T {
    if (items.length === 0 || items.length !== weights.length) {
      throw new RangeError('weightedPick needs non-empty items and one weight per item');
    }
    let total = 0;
    for (const w of weights) {
      if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`invalid weight ${w}`);
      total += w;
    }
    if (total <= 0) throw new RangeError('weightedPick needs a positive total weight');
    let r = this.next() * total;
    let lastPositive = 0;
    for (let i = 0; i < items.length; i++) {
      if (weights[i] === 0) continue;
      lastPositive = i;
      r -= weights[i];
      if (r < 0) return items[i];
    }
    // Floating-point rounding can leave r a hair above 0; never return a zero-weight item.
    return items[lastPositive];
  }

  /** True with probability p (0 → never, 1 → always). */
  chance(p: number): boolean {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`chance(p) needs 0 <= p <= 1, got ${p}`);
    return this.next() < p;
  }

  /** Fisher–Yates; returns a new array and leaves the input untouched. */
  shuffle<T>(arr: readonly T[]): T[] {
    const out = arr.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
}
