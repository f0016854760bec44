// Working-day arithmetic on plain calendar dates ('YYYY-MM-DD'), the base for M-12 deadlines.
//
// Every date here is a China Standard Time (UTC+8) calendar date. Internally a date is turned
// into a whole day number via Date.UTC, so no step ever reads the machine's local timezone.

const DAY_MS = 86_400_000;
const CST_OFFSET_MS = 8 * 3_600_000; // China has no DST: UTC+8 all year.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type DayKind = 'holiday' | 'workday';

/** One calendar override. Shape shared with calendar-cn.data.ts and, later, the database. */
export interface CalendarEntry {
  readonly date: string;
  readonly kind: DayKind;
  readonly name?: string;
  readonly provisional?: boolean;
}

/** A computed deadline. provisional = some day counted lies in an uncovered or provisional year. */
export interface DueDate {
  readonly due: string;
  readonly provisional: boolean;
}

export interface DeadlineRule {
  readonly days: number;
  readonly unit: 'calendar' | 'working';
}

/** Day number (days since 1970-01-01) of a 'YYYY-MM-DD' string; throws on anything else. */
function toDay(date: string): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Round-trip rejects '2025-02-30' (Date.UTC would roll it over) and years < 100 (mapped to 19xx).
  if (fromDay(ms / DAY_MS) !== date) throw new RangeError(`no such date: ${date}`);
  return ms / DAY_MS;
}

function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function isWeekend(day: number): boolean {
  const wd = new Date(day * DAY_MS).getUTCDay();
  return wd === 0 || wd === 6;
}

function yearOf(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

function assertCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer, got ${n}`);
}

/** The calendar date in China Standard Time of an instant. */
export function toCstDate(instant: Date): string {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid Date');
  return new Date(ms + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant at which `date` begins in China Standard Time (00:00 UTC+8 = 16:00 UTC the day before). */
export function cstDayStart(date: string): Date {
  return new Date(toDay(date) * DAY_MS - CST_OFFSET_MS);
}

/**
 * The working-day calendar. Built from override entries only, so the same class serves the
 * bundled data and, later, rows from the database.
 *
 * Rules: a Saturday/Sunday is a working day only if listed as 'workday'; a Monday–Friday is a
 * day off only if listed as 'holiday'. A year is covered when at least one entry falls in it;
 * a covered year is provisional when any of its entries is provisional (an unofficial year can
 * gain or lose 调休 days anywhere, so the whole year is suspect, not just the listed days).
 * Outside covered years the calendar falls back to weekends-only and says so via `provisional`.
 */
export class WorkCalendar {
  readonly #kinds = new Map<number, DayKind>();
  readonly #years = new Map<number, { provisional: boolean }>();

  constructor(entries: Iterable<CalendarEntry>) {
    for (const e of entries) {
      const day = toDay(e.date);
      if (e.kind !== 'holiday' && e.kind !== 'workday')
        throw new RangeError(`bad kind for ${e.date}: ${String(e.kind)}`);
      // Duplicates and weekday 'workday' entries can only be data errors; fail loudly rather than pick one.
      if (this.#kinds.has(day)) throw new RangeError(`duplicate calendar entry: ${e.date}`);
      if (e.kind === 'workday' && !isWeekend(day)) throw new RangeError(`'workday' entry on a weekday: ${e.date}`);
      this.#kinds.set(day, e.kind);
      const y = yearOf(day);
      const status = this.#years.get(y) ?? { provisional: false };
      if (e.provisional) status.provisional = true;
      this.#years.set(y, status);
    }
  }

  /** Years with calendar data (official or provisional), ascending. */
  coveredYears(): number[] {
    return [...this.#years.keys()].sort((a, b) => a - b);
  }

  /** True when the answer for `date` is a guess: its year is uncovered or only provisionally known. */
  isProvisional(date: string): boolean {
    return this.#provisionalDay(toDay(date));
  }

  isWorkingDay(date: string): boolean {
    return this.#working(toDay(date));
  }

  /** `date` shifted by n calendar days (n may be negative). Holidays play no part. */
  addCalendarDays(start: string, n: number): string {
    if (!Number.isSafeInteger(n)) throw new RangeError(`n must be an integer, got ${n}`);
    return fromDay(toDay(start) + n);
  }

  /**
   * The date on which the n-th working day after `start` falls. Counting starts the day after
   * `start` (start itself never counts, working day or not); n = 0 returns start unchanged.
   */
  addWorkingDays(start: string, n: number): DueDate {
    assertCount(n, 'n');
    let day = toDay(start);
    let provisional = false;
    for (let left = n; left > 0; ) {
      day += 1;
      if (this.#provisionalDay(day)) provisional = true;
      if (this.#working(day)) left -= 1;
    }
    return { due: fromDay(day), provisional };
  }

  /** Working days in the half-open span (a, b]; negative when b is before a. */
  workingDaysBetween(a: string, b: string): number {
    const from = toDay(a);
    const to = toDay(b);
    if (to < from) return -this.workingDaysBetween(b, a);
    let count = 0;
    for (let day = from + 1; day <= to; day++) if (this.#working(day)) count++;
    return count;
  }

  #working(day: number): boolean {
    const kind = this.#kinds.get(day);
    if (kind !== undefined) return kind === 'workday';
    return !isWeekend(day);
  }

  #provisionalDay(day: number): boolean {
    const status = this.#years.get(yearOf(day));
    return status === undefined || status.provisional;
  }
}

/**
 * The ONE due-date function every module uses (M-12 deadlines): `days` working or calendar
 * days after `start`, counting from the day after. Calendar-day deadlines do not depend on the
 * holiday data, so they are never provisional.
 */
export function dueDate(calendar: WorkCalendar, start: string, rule: DeadlineRule): DueDate {
  assertCount(rule.days, 'days');
  switch (rule.unit) {
    case 'working':
      return calendar.addWorkingDays(start, rule.days);
    case 'calendar':
      return { due: calendar.addCalendarDays(start, rule.days), provisional: false };
    default:
      throw new RangeError(`unknown deadline unit: ${String((rule as { unit: unknown }).unit)}`);
  }
}
