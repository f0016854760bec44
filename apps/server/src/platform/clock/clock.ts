// The one source of "now". Code that needs the time takes a Clock, never calls `new Date()`,
// so M-12 deadline logic can be tested at any instant.

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = Object.freeze({ now: () => new Date() });

// An ISO instant must carry 'Z' or an offset: '2026-01-01T09:00' would be read in the machine's
// local timezone, which is exactly the bug this module exists to prevent.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function parseInstant(iso: string | Date): number {
  if (iso instanceof Date) {
    const ms = iso.getTime();
    if (Number.isNaN(ms)) throw new RangeError('invalid Date');
    return ms;
  }
  const ms = ISO_INSTANT.test(iso) ? Date.parse(iso) : NaN;
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO instant with zone: ${JSON.stringify(iso)}`);
  return ms;
}

/** A clock that stays where it is told; for tests. */
export class ManualClock implements Clock {
  #ms: number;

  constructor(iso: string | Date) {
    this.#ms = parseInstant(iso);
  }

  // A fresh Date each call, so a caller mutating it cannot move the clock.
  now(): Date {
    return new Date(this.#ms);
  }

  set(iso: string | Date): void {
    this.#ms = parseInstant(iso);
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms)) throw new RangeError(`advance needs a finite number, got ${ms}`);
    this.#ms += ms;
  }
}

/** A clock frozen at one instant. */
export function fixedClock(iso: string | Date): Clock {
  const ms = parseInstant(iso);
  return Object.freeze({ now: () => new Date(ms) });
}
