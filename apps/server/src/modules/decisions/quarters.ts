// Calendar quarters (M-37's quarterly reports), on 'YYYY-MM-DD' strings.
export interface Quarter {
  year: number;
  quarter: number;
}

export const quarterOf = (date: string): Quarter => ({
  year: Number(date.slice(0, 4)),
  quarter: Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1,
});

const pad = (n: number) => String(n).padStart(2, '0');
const LAST_DAY = [31, 30, 30, 31]; // 31 March, 30 June, 30 September, 31 December

/** The first and the last day of a quarter. */
export const quarterRange = ({ year, quarter }: Quarter): [string, string] => [
  `${year}-${pad(quarter * 3 - 2)}-01`,
  `${year}-${pad(quarter * 3)}-${LAST_DAY[quarter - 1]}`,
];

/** Every quarter that begins on or after `from`, up to the one holding `through`, in order. */
export function quartersBetween(from: string, through: string): Quarter[] {
  const last = quarterOf(through);
  const out: Quarter[] = [];
  for (let y = Number(from.slice(0, 4)); y <= last.year; y++)
    for (let q = 1; q <= 4 && (y < last.year || q <= last.quarter); q++)
      if (quarterRange({ year: y, quarter: q })[0] >= from) out.push({ year: y, quarter: q });
  return out;
}
