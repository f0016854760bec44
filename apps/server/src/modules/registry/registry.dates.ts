// Dates the registry refuses: events before the person was born, and events too far in the future to be real.
// An appointment may be decided ahead of its effective date, so posts and teams allow up to a year ahead;
// joining the party cannot lie in the future at all.
import type { AppContext } from '../../platform/context.js';
import { toCstDate } from '../../platform/clock/index.js';
import { badRequest } from '../../platform/http/index.js';

export const AHEAD_DAYS = 366;

const invalid = (field: string, zh: string, en: string) =>
  badRequest('VALIDATION', `输入有误：${field}: ${zh}`, `Invalid input: ${field}: ${en}`, [
    { path: field, code: 'date_range', messageZh: zh, messageEn: en },
  ]);

/** Refuses a date after today (+ aheadDays) on the app's clock, in China Standard Time. */
export function assertNotTooLate(
  ctx: AppContext,
  field: string,
  date: string | null | undefined,
  aheadDays = AHEAD_DAYS,
): void {
  if (!date) return;
  const today = toCstDate(ctx.clock.now());
  const limit = aheadDays ? toCstDate(new Date(Date.parse(`${today}T12:00:00+08:00`) + aheadDays * 86_400_000)) : today;
  if (date > limit) {
    throw aheadDays
      ? invalid(field, `不能晚于 ${limit}（今天之后一年内）`, `cannot be after ${limit} (at most a year ahead)`)
      : invalid(field, '不能晚于今天', 'cannot be in the future');
  }
}

export function assertNotBeforeBirth(field: string, date: string | null | undefined, birthDate: string): void {
  if (date && date < birthDate) throw invalid(field, '早于出生日期', 'before the birth date');
}
