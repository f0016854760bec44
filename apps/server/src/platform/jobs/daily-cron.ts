// Daily cron times in China Standard Time. Only 'M H * * *' is accepted so that both engines mean the same thing:
// pg-boss understands any cron, but the in-process timer only needs "once a day at H:M", and a wider grammar there
// would be code nobody uses. China has no daylight saving time, so CST is always UTC+8.

export const JOB_TIME_ZONE = 'Asia/Shanghai';
const CST_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 24 * 3600_000;

export interface DailyTime {
  hour: number;
  minute: number;
}

export function parseDailyCron(cron: string): DailyTime {
  const m = /^(\d{1,2}) (\d{1,2}) \* \* \*$/.exec(cron.trim().replace(/\s+/g, ' '));
  const minute = m ? Number(m[1]) : NaN;
  const hour = m ? Number(m[2]) : NaN;
  if (!(minute >= 0 && minute <= 59 && hour >= 0 && hour <= 23)) {
    throw new Error(`定时任务的时间须为每日 'M H * * *' Job cron must be daily 'M H * * *' (Asia/Shanghai): '${cron}'`);
  }
  return { hour, minute };
}

/** Milliseconds from `now` to the next H:M in CST; a time equal to now counts as the next day. */
export function msUntilNext(t: DailyTime, now: number): number {
  const local = now + CST_OFFSET_MS;
  const dayStart = Math.floor(local / DAY_MS) * DAY_MS;
  let next = dayStart + (t.hour * 60 + t.minute) * 60_000;
  if (next <= local) next += DAY_MS;
  return next - local;
}
