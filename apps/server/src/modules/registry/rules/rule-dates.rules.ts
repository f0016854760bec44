// Date arithmetic for tenure rules. “Six years in the post” is reached on the sixth anniversary of the start
// date, not after 6 × 365 days: 5 years 364 days is not yet six years. A start on 29 February reaches its
// anniversary on 28 February in common years (民法典 第二百零三条: no corresponding day → the month's last day).

/** The date `years` years after `date` (YYYY-MM-DD). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const year = y + Math.trunc(years);
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole years completed from `start` to `today` (the anniversary counts as completed). */
export function fullYears(start: string, today: string): number {
  let n = Number(today.slice(0, 4)) - Number(start.slice(0, 4));
  while (n > 0 && addYears(start, n) > today) n -= 1;
  return Math.max(0, n);
}

/** Has the period of `years` from `start` been reached on `today`? */
export const reached = (start: string, years: number, today: string) => addYears(start, years) <= today;
