import { describe, expect, it } from 'vitest';
import { ManualClock, fixedClock, systemClock } from './index.js';

describe('clock', () => {
  it('systemClock tracks real time', () => {
    const before = Date.now();
    const t = systemClock.now().getTime();
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t).toBeLessThanOrEqual(Date.now());
  });

  it('fixedClock never moves, and callers cannot mutate it', () => {
    const c = fixedClock('2026-02-01T00:30:00+08:00');
    c.now().setTime(0);
    expect(c.now().toISOString()).toBe('2026-01-31T16:30:00.000Z');
  });

  it('ManualClock set / advance', () => {
    const c = new ManualClock('2026-01-31T16:30:00Z');
    c.advance(90 * 60_000);
    expect(c.now().toISOString()).toBe('2026-01-31T18:00:00.000Z');
    c.set('2027-01-01T00:00:00Z');
    expect(c.now().toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('rejects instants without an explicit zone (they would be read in local time)', () => {
    expect(() => fixedClock('2026-01-01T09:00')).toThrow(RangeError);
    expect(() => fixedClock('2026-01-01')).toThrow(RangeError);
    expect(() => new ManualClock('garbage')).toThrow(RangeError);
    expect(() => new ManualClock('2026-01-01T00:00:00Z').advance(NaN)).toThrow(RangeError);
  });
});
