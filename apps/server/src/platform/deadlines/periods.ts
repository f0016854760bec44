// The one period function (issue 12 §1): the years, half-years, quarters and months that a duty recurs in, each with
// its first and last day and a label (2026, 2026H1, 2026Q3, 2026M07). A periodic duty is due on its period's last day.
export type Period = 'year' | 'half_year' | 'quarter' | 'month';

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

const SPANS: Record<Period, Array<[number, number, string]>> = {
  year: [[1, 12, '']],
  half_year: [
    [1, 6, 'H1'],
    [7, 12, 'H2'],
  ],
  quarter: [
    [1, 3, 'Q1'],
    [4, 6, 'Q2'],
    [7, 9, 'Q3'],
    [10, 12, 'Q4'],
  ],
  month: Array.from({ length: 12 }, (_, i) => [i + 1, i + 1, `M${pad(i + 1)}`] as [number, number, string]),
};

/** The periods of a kind that overlap [from, to] (YYYY-MM-DD): [start, end, label]. */
export function periods(from: string, to: string, every: Period): Array<[string, string, string]> {
  const out: Array<[string, string, string]> = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    for (const [m1, m2, tag] of SPANS[every]) {
      const start = `${y}-${pad(m1)}-01`;
      const end = `${y}-${pad(m2)}-${pad(lastDay(y, m2))}`;
      if (end >= from && start <= to) out.push([start, end, `${y}${tag}`]);
    }
  }
  return out;
}
