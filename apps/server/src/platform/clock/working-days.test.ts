// Expected dates below are worked out by hand from the State Council notices (see the
// comments next to each case), never by calling the function under test.
import { afterEach, describe, expect, it } from 'vitest';
import { CN_CALENDAR, WorkCalendar, cstDayStart, defaultCalendar, dueDate, toCstDate } from './index.js';

const cal = defaultCalendar();
// Independent weekday oracle: plain JS Date in UTC (0 = Sunday, 6 = Saturday).
const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();

describe('data sanity (all years)', () => {
  const all = Object.entries(CN_CALENDAR).flatMap(([year, es]) => es.map((e) => ({ year: Number(year), ...e })));

  it('every adjusted workday is a Saturday or Sunday', () => {
    const bad = all.filter((e) => e.kind === 'workday' && weekday(e.date) !== 0 && weekday(e.date) !== 6);
    expect(bad).toEqual([]);
  });

  it('no date appears twice, and each entry sits under its own year', () => {
    const dates = all.map((e) => e.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect(all.filter((e) => Number(e.date.slice(0, 4)) !== e.year)).toEqual([]);
  });

  it('has the hand-counted number of days per year', () => {
    // 2024: 1+8+3+5+1+3+7 holidays; 2/4 2/18 4/7 4/28 5/11 9/14 9/29 10/12 workdays.
    // 2025: 1+8+3+5+3+8; 1/26 2/8 4/27 9/28 10/11.  2026: 3+9+3+5+3+3+7; 1/4 2/14 2/28 5/9 9/20 10/10.
    // 2027 (statutory only): 1+4+1+2+1+1+3, no workdays.
    const count = (y: number, k: string) => CN_CALENDAR[y].filter((e) => e.kind === k).length;
    expect([2024, 2025, 2026, 2027].map((y) => [count(y, 'holiday'), count(y, 'workday')])).toEqual([
      [28, 8],
      [28, 5],
      [33, 6],
      [13, 0],
    ]);
  });

  it('only 2027 is provisional, and all of it', () => {
    expect(all.filter((e) => e.provisional).map((e) => e.year)).toEqual(Array(13).fill(2027));
    expect(cal.coveredYears()).toEqual([2024, 2025, 2026, 2027]);
  });
});

describe('isWorkingDay', () => {
  it('normal Saturday no, adjusted Saturday yes, holiday Monday no, normal Monday yes', () => {
    expect(cal.isWorkingDay('2025-03-08')).toBe(false); // ordinary Sat
    expect(cal.isWorkingDay('2026-02-14')).toBe(true); // 春节 调休 Sat
    expect(cal.isWorkingDay('2024-09-29')).toBe(true); // 国庆 调休 Sun
    expect(cal.isWorkingDay('2024-06-10')).toBe(false); // 端午 Mon
    expect(cal.isWorkingDay('2025-03-10')).toBe(true); // ordinary Mon
  });
});

describe('addWorkingDays', () => {
  it('2024 National Day: 9/29 Sun counts, 10/1–10/7 do not, 10/12 Sat does', () => {
    // From Fri 9/27: 9/28 Sat ×, 9/29 Sun ✓1, 9/30 ✓2, 10/1–7 ×, 10/8 ✓3, 10/9 ✓4, 10/10 ✓5,
    // 10/11 ✓6, 10/12 Sat ✓7, 10/13 Sun ×, 10/14 ✓8.
    expect(cal.addWorkingDays('2024-09-27', 5)).toEqual({ due: '2024-10-10', provisional: false });
    expect(cal.addWorkingDays('2024-09-27', 7).due).toBe('2024-10-12');
    expect(cal.addWorkingDays('2024-09-27', 8).due).toBe('2024-10-14');
    expect(cal.addWorkingDays('2024-09-27', 1).due).toBe('2024-09-29');
  });

  it('2025 Spring Festival block and its adjusted Sunday', () => {
    expect(cal.addWorkingDays('2025-01-27', 1)).toEqual({ due: '2025-02-05', provisional: false }); // 1/28–2/4 off
    expect(cal.addWorkingDays('2025-01-24', 1).due).toBe('2025-01-26'); // 1/25 Sat ×, 1/26 Sun ✓
  });

  it('2026 Spring Festival: adjusted Saturday, then the 9-day block', () => {
    expect(cal.addWorkingDays('2026-02-13', 1).due).toBe('2026-02-14');
    expect(cal.addWorkingDays('2026-02-14', 1).due).toBe('2026-02-24'); // 2/15–2/23 off
  });

  it('n = 0 returns start, even on a day off; start itself never counts', () => {
    expect(cal.addWorkingDays('2024-10-03', 0)).toEqual({ due: '2024-10-03', provisional: false });
    expect(cal.addWorkingDays('2025-03-10', 1).due).toBe('2025-03-11'); // Mon → Tue
  });

  it('rejects bad input rather than guessing', () => {
    expect(() => cal.addWorkingDays('2025-02-30', 1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2025-2-3', 1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2025-03-10', -1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2025-03-10', 1.5)).toThrow(RangeError);
  });
});

describe('dueDate (M-12)', () => {
  it('15 working days (M-15 letter-of-inquiry default) across 中秋 + National Day 2026', () => {
    // From Fri 9/18: 9/19 Sat ×, 9/20 Sun ✓1, 9/21–24 ✓2–5, 9/25–27 ×, 9/28–30 ✓6–8,
    // 10/1–7 ×, 10/8 ✓9, 10/9 ✓10, 10/10 Sat ✓11, 10/11 Sun ×, 10/12–15 ✓12–15.
    expect(dueDate(cal, '2026-09-18', { days: 15, unit: 'working' })).toEqual({
      due: '2026-10-15',
      provisional: false,
    });
  });

  it('30 calendar days ignore holidays entirely', () => {
    // 9/18 + 12 = 9/30, + 18 = 10/18 (a Sunday, in the middle of nothing special).
    expect(dueDate(cal, '2026-09-18', { days: 30, unit: 'calendar' })).toEqual({
      due: '2026-10-18',
      provisional: false,
    });
    expect(dueDate(cal, '2024-02-28', { days: 2, unit: 'calendar' }).due).toBe('2024-03-01'); // leap year
  });

  it('rejects unknown units and negative spans', () => {
    expect(() => dueDate(cal, '2026-09-18', { days: -1, unit: 'working' })).toThrow(RangeError);
    expect(() => dueDate(cal, '2026-09-18', { days: 1, unit: 'weeks' as 'working' })).toThrow(RangeError);
  });
});

describe('provisional flag', () => {
  it('false for spans within 2024–2026, including across year ends', () => {
    expect(cal.addWorkingDays('2024-12-30', 3)).toEqual({ due: '2025-01-03', provisional: false }); // 1/1 off
    expect(cal.addWorkingDays('2025-12-30', 3)).toEqual({ due: '2026-01-05', provisional: false }); // 1/1–1/3 off, 1/4 Sun ✓
  });

  it('true for spans touching 2027 (provisional data is still applied)', () => {
    // From Mon 2026-12-28: 12/29–31 ✓1–3, 2027-01-01 (statutory) ×, 1/2–3 weekend, 1/4–8 ✓4–8, 1/11 ✓9, 1/12 ✓10.
    expect(cal.addWorkingDays('2026-12-28', 10)).toEqual({ due: '2027-01-12', provisional: true });
    expect(cal.addWorkingDays('2027-02-04', 1)).toEqual({ due: '2027-02-09', provisional: true }); // 2/5–2/8 off
  });

  it('true for spans touching uncovered 2028 / 2023, with a weekends-only fallback', () => {
    // Thu 2027-12-30: 12/31 ✓1, 1/1–2 weekend, 1/3–6 ✓2–5.
    expect(cal.addWorkingDays('2027-12-30', 5)).toEqual({ due: '2028-01-06', provisional: true });
    expect(cal.addWorkingDays('2028-03-03', 1)).toEqual({ due: '2028-03-06', provisional: true }); // Fri → Mon
    expect(cal.addWorkingDays('2023-12-29', 1)).toEqual({ due: '2024-01-02', provisional: true }); // 12/30–31 counted in
    // Start day is outside the span: (2023-12-31, 2024-01-02] lies wholly in 2024.
    expect(cal.addWorkingDays('2023-12-31', 1)).toEqual({ due: '2024-01-02', provisional: false });
  });

  it('isProvisional by year', () => {
    expect(
      ['2023-06-01', '2024-06-01', '2026-12-31', '2027-03-03', '2028-01-01'].map((d) => cal.isProvisional(d)),
    ).toEqual([true, false, false, true, true]);
  });
});

describe('workingDaysBetween counts (a, b]', () => {
  it('matches the hand counts above', () => {
    expect(cal.workingDaysBetween('2024-09-27', '2024-10-10')).toBe(5);
    expect(cal.workingDaysBetween('2025-01-27', '2025-02-05')).toBe(1);
    expect(cal.workingDaysBetween('2026-09-18', '2026-10-15')).toBe(15);
    expect(cal.workingDaysBetween('2024-10-01', '2024-10-01')).toBe(0);
    expect(cal.workingDaysBetween('2024-10-10', '2024-09-27')).toBe(-5);
  });
});

describe('WorkCalendar from arbitrary entries', () => {
  it('an empty calendar is weekends-only and provisional everywhere', () => {
    const empty = new WorkCalendar([]);
    expect(empty.coveredYears()).toEqual([]);
    expect(empty.isWorkingDay('2024-10-01')).toBe(true); // no data: a Tuesday is a Tuesday
    expect(empty.addWorkingDays('2024-09-27', 1)).toEqual({ due: '2024-09-30', provisional: true });
  });

  it('rejects duplicates, weekday "workday" entries and malformed dates', () => {
    expect(
      () =>
        new WorkCalendar([
          { date: '2025-05-01', kind: 'holiday' },
          { date: '2025-05-01', kind: 'workday' },
        ]),
    ).toThrow(/duplicate/);
    expect(() => new WorkCalendar([{ date: '2025-05-06', kind: 'workday' }])).toThrow(/weekday/);
    expect(() => new WorkCalendar([{ date: '2025/05/01', kind: 'holiday' }])).toThrow(RangeError);
  });
});

describe('CST conversions', () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  it('toCstDate uses UTC+8', () => {
    expect(toCstDate(new Date('2026-01-31T16:30:00Z'))).toBe('2026-02-01');
    expect(toCstDate(new Date('2026-01-31T15:59:59.999Z'))).toBe('2026-01-31');
    expect(() => toCstDate(new Date('nope'))).toThrow(RangeError);
  });

  it('cstDayStart is 16:00 UTC the previous day', () => {
    expect(cstDayStart('2026-02-01').toISOString()).toBe('2026-01-31T16:00:00.000Z');
    expect(toCstDate(cstDayStart('2024-02-29'))).toBe('2024-02-29');
  });

  it('does not depend on the machine timezone', () => {
    for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
      process.env.TZ = tz;
      expect(toCstDate(new Date('2026-01-31T16:30:00Z'))).toBe('2026-02-01');
      expect(cstDayStart('2026-02-01').toISOString()).toBe('2026-01-31T16:00:00.000Z');
      expect(cal.addWorkingDays('2024-09-27', 5).due).toBe('2024-10-10');
      expect(cal.isWorkingDay('2025-03-08')).toBe(false);
    }
  });
});
