// Chinese public holidays and adjusted working days (调休) as plain data, the seed for the
// working-day calendar behind M-12 deadlines. Kept dependency-free so the database can be
// seeded from it later and supply the same shape.
//
// kind 'holiday'  — a day off (listed even when it falls on a weekend, so whole blocks are visible).
// kind 'workday'  — a Saturday or Sunday that is a working day (调休上班).
// provisional     — not yet confirmed by a State Council notice; spans touching such a year are flagged.

export interface CnCalendarEntry {
  readonly date: string; // 'YYYY-MM-DD', China Standard Time calendar date
  readonly kind: 'holiday' | 'workday';
  readonly name: string;
  readonly provisional?: boolean;
}

type Entry = CnCalendarEntry;

// 国务院办公厅关于2024年部分节假日安排的通知
const Y2024: readonly Entry[] = [
  { date: '2024-01-01', kind: 'holiday', name: '元旦' },
  { date: '2024-02-04', kind: 'workday', name: '春节' }, // Sun
  { date: '2024-02-10', kind: 'holiday', name: '春节' },
  { date: '2024-02-11', kind: 'holiday', name: '春节' },
  { date: '2024-02-12', kind: 'holiday', name: '春节' },
  { date: '2024-02-13', kind: 'holiday', name: '春节' },
  { date: '2024-02-14', kind: 'holiday', name: '春节' },
  { date: '2024-02-15', kind: 'holiday', name: '春节' },
  { date: '2024-02-16', kind: 'holiday', name: '春节' },
  { date: '2024-02-17', kind: 'holiday', name: '春节' },
  { date: '2024-02-18', kind: 'workday', name: '春节' }, // Sun
  { date: '2024-04-04', kind: 'holiday', name: '清明节' },
  { date: '2024-04-05', kind: 'holiday', name: '清明节' },
  { date: '2024-04-06', kind: 'holiday', name: '清明节' },
  { date: '2024-04-07', kind: 'workday', name: '清明节' }, // Sun
  { date: '2024-04-28', kind: 'workday', name: '劳动节' }, // Sun
  { date: '2024-05-01', kind: 'holiday', name: '劳动节' },
  { date: '2024-05-02', kind: 'holiday', name: '劳动节' },
  { date: '2024-05-03', kind: 'holiday', name: '劳动节' },
  { date: '2024-05-04', kind: 'holiday', name: '劳动节' },
  { date: '2024-05-05', kind: 'holiday', name: '劳动节' },
  { date: '2024-05-11', kind: 'workday', name: '劳动节' }, // Sat
  { date: '2024-06-10', kind: 'holiday', name: '端午节' },
  { date: '2024-09-14', kind: 'workday', name: '中秋节' }, // Sat
  { date: '2024-09-15', kind: 'holiday', name: '中秋节' },
  { date: '2024-09-16', kind: 'holiday', name: '中秋节' },
  { date: '2024-09-17', kind: 'holiday', name: '中秋节' },
  { date: '2024-09-29', kind: 'workday', name: '国庆节' }, // Sun
  { date: '2024-10-01', kind: 'holiday', name: '国庆节' },
  { date: '2024-10-02', kind: 'holiday', name: '国庆节' },
  { date: '2024-10-03', kind: 'holiday', name: '国庆节' },
  { date: '2024-10-04', kind: 'holiday', name: '国庆节' },
  { date: '2024-10-05', kind: 'holiday', name: '国庆节' },
  { date: '2024-10-06', kind: 'holiday', name: '国庆节' },
  { date: '2024-10-07', kind: 'holiday', name: '国庆节' },
  { date: '2024-10-12', kind: 'workday', name: '国庆节' }, // Sat
];

// 国务院办公厅关于2025年部分节假日安排的通知
const Y2025: readonly Entry[] = [
  { date: '2025-01-01', kind: 'holiday', name: '元旦' },
  { date: '2025-01-26', kind: 'workday', name: '春节' }, // Sun
  { date: '2025-01-28', kind: 'holiday', name: '春节' },
  { date: '2025-01-29', kind: 'holiday', name: '春节' },
  { date: '2025-01-30', kind: 'holiday', name: '春节' },
  { date: '2025-01-31', kind: 'holiday', name: '春节' },
  { date: '2025-02-01', kind: 'holiday', name: '春节' },
  { date: '2025-02-02', kind: 'holiday', name: '春节' },
  { date: '2025-02-03', kind: 'holiday', name: '春节' },
  { date: '2025-02-04', kind: 'holiday', name: '春节' },
  { date: '2025-02-08', kind: 'workday', name: '春节' }, // Sat
  { date: '2025-04-04', kind: 'holiday', name: '清明节' },
  { date: '2025-04-05', kind: 'holiday', name: '清明节' },
  { date: '2025-04-06', kind: 'holiday', name: '清明节' },
  { date: '2025-04-27', kind: 'workday', name: '劳动节' }, // Sun
  { date: '2025-05-01', kind: 'holiday', name: '劳动节' },
  { date: '2025-05-02', kind: 'holiday', name: '劳动节' },
  { date: '2025-05-03', kind: 'holiday', name: '劳动节' },
  { date: '2025-05-04', kind: 'holiday', name: '劳动节' },
  { date: '2025-05-05', kind: 'holiday', name: '劳动节' },
  { date: '2025-05-31', kind: 'holiday', name: '端午节' },
  { date: '2025-06-01', kind: 'holiday', name: '端午节' },
  { date: '2025-06-02', kind: 'holiday', name: '端午节' },
  { date: '2025-09-28', kind: 'workday', name: '国庆节、中秋节' }, // Sun
  { date: '2025-10-01', kind: 'holiday', name: '国庆节、中秋节' },
  { date: '2025-10-02', kind: 'holiday', name: '国庆节、中秋节' },
  { date: '2025-10-03', kind: 'holiday', name: '国庆节、中秋节' },
  { date: '2025-10-04', kind: 'holiday', name: '国庆节、中秋节' },
  { date: '2025-10-05', kind: 'holiday', name: '国庆节、中秋节' },
  { date: '2025-10-06', kind: 'holiday', name: '国庆节、中秋节' },
  { date: '2025-10-07', kind: 'holiday', name: '国庆节、中秋节' },
  { date: '2025-10-08', kind: 'holiday', name: '国庆节、中秋节' },
  { date: '2025-10-11', kind: 'workday', name: '国庆节、中秋节' }, // Sat
];

// 国务院办公厅关于2026年部分节假日安排的通知
const Y2026: readonly Entry[] = [
  { date: '2026-01-01', kind: 'holiday', name: '元旦' },
  { date: '2026-01-02', kind: 'holiday', name: '元旦' },
  { date: '2026-01-03', kind: 'holiday', name: '元旦' },
  { date: '2026-01-04', kind: 'workday', name: '元旦' }, // Sun
  { date: '2026-02-14', kind: 'workday', name: '春节' }, // Sat
  { date: '2026-02-15', kind: 'holiday', name: '春节' },
  { date: '2026-02-16', kind: 'holiday', name: '春节' },
  { date: '2026-02-17', kind: 'holiday', name: '春节' },
  { date: '2026-02-18', kind: 'holiday', name: '春节' },
  { date: '2026-02-19', kind: 'holiday', name: '春节' },
  { date: '2026-02-20', kind: 'holiday', name: '春节' },
  { date: '2026-02-21', kind: 'holiday', name: '春节' },
  { date: '2026-02-22', kind: 'holiday', name: '春节' },
  { date: '2026-02-23', kind: 'holiday', name: '春节' },
  { date: '2026-02-28', kind: 'workday', name: '春节' }, // Sat
  { date: '2026-04-04', kind: 'holiday', name: '清明节' },
  { date: '2026-04-05', kind: 'holiday', name: '清明节' },
  { date: '2026-04-06', kind: 'holiday', name: '清明节' },
  { date: '2026-05-01', kind: 'holiday', name: '劳动节' },
  { date: '2026-05-02', kind: 'holiday', name: '劳动节' },
  { date: '2026-05-03', kind: 'holiday', name: '劳动节' },
  { date: '2026-05-04', kind: 'holiday', name: '劳动节' },
  { date: '2026-05-05', kind: 'holiday', name: '劳动节' },
  { date: '2026-05-09', kind: 'workday', name: '劳动节' }, // Sat
  { date: '2026-06-19', kind: 'holiday', name: '端午节' },
  { date: '2026-06-20', kind: 'holiday', name: '端午节' },
  { date: '2026-06-21', kind: 'holiday', name: '端午节' },
  { date: '2026-09-20', kind: 'workday', name: '国庆节' }, // Sun
  { date: '2026-09-25', kind: 'holiday', name: '中秋节' },
  { date: '2026-09-26', kind: 'holiday', name: '中秋节' },
  { date: '2026-09-27', kind: 'holiday', name: '中秋节' },
  { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
  { date: '2026-10-02', kind: 'holiday', name: '国庆节' },
  { date: '2026-10-03', kind: 'holiday', name: '国庆节' },
  { date: '2026-10-04', kind: 'holiday', name: '国庆节' },
  { date: '2026-10-05', kind: 'holiday', name: '国庆节' },
  { date: '2026-10-06', kind: 'holiday', name: '国庆节' },
  { date: '2026-10-07', kind: 'holiday', name: '国庆节' },
  { date: '2026-10-10', kind: 'workday', name: '国庆节' }, // Sat
];

// 2027: NO State Council notice is available yet. These are only the statutory holiday days
// from 《全国年节及纪念日放假办法》(2024 revision), without any 调休 blocks or adjusted workdays.
// TODO: replace this whole year with the official 国务院办公厅 notice for 2027 once published,
// and drop `provisional`. Until then every span touching 2027 is reported as provisional.
const Y2027: readonly Entry[] = [
  { date: '2027-01-01', kind: 'holiday', name: '元旦', provisional: true },
  { date: '2027-02-05', kind: 'holiday', name: '春节', provisional: true }, // 除夕
  { date: '2027-02-06', kind: 'holiday', name: '春节', provisional: true }, // 正月初一
  { date: '2027-02-07', kind: 'holiday', name: '春节', provisional: true },
  { date: '2027-02-08', kind: 'holiday', name: '春节', provisional: true },
  { date: '2027-04-05', kind: 'holiday', name: '清明节', provisional: true },
  { date: '2027-05-01', kind: 'holiday', name: '劳动节', provisional: true },
  { date: '2027-05-02', kind: 'holiday', name: '劳动节', provisional: true },
  { date: '2027-06-09', kind: 'holiday', name: '端午节', provisional: true },
  { date: '2027-09-15', kind: 'holiday', name: '中秋节', provisional: true },
  { date: '2027-10-01', kind: 'holiday', name: '国庆节', provisional: true },
  { date: '2027-10-02', kind: 'holiday', name: '国庆节', provisional: true },
  { date: '2027-10-03', kind: 'holiday', name: '国庆节', provisional: true },
];

/** Calendar entries by year. Years not listed here are uncovered (weekends-only fallback, flagged). */
export const CN_CALENDAR: Readonly<Record<number, readonly CnCalendarEntry[]>> = Object.freeze({
  2024: Y2024,
  2025: Y2025,
  2026: Y2026,
  2027: Y2027,
});
