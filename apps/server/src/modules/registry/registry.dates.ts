// Dates the registry refuses: events before the person was born, and events too far in the future to be real.
// An appointment may be decided ahead of its effective date, so posts and teams allow up to a year ahead — the same
// date next year, not 366 days (issue 13 §6: from 2026-12-02 the limit said 2027-12-03); joining the party cannot lie
// in the future at all. "Today" is Beijing's date on the app's clock, and the message says which date it means.
import type { AppContext } from '../../platform/context.js';
import { toCstDate } from '../../platform/clock/index.js';
import { badRequest } from '../../platform/http/index.js';

/** The fields as the forms name them: a message never shows the key. */
const FIELD_NAMES: Record<string, [string, string]> = {
  startDate: ['任职日期', 'The start date'],
  endDate: ['免职日期', 'The end date'],
  joinedOn: ['进入班子日期', 'The date of joining the team'],
  leftOn: ['离开班子日期', 'The date of leaving the team'],
  effectiveOn: ['生效日期', 'The effective date'],
  partyJoinedOn: ['入党日期', 'The date of joining the party'],
};

const invalid = (field: string, zh: string, en: string) => {
  const [nameZh, nameEn] = FIELD_NAMES[field] ?? ['日期', 'The date'];
  return badRequest('VALIDATION', `输入有误：${nameZh}${zh}`, `Invalid input: ${nameEn} ${en}`, [
    { path: field, code: 'date_range', messageZh: zh, messageEn: en },
  ]);
};

/** The same calendar date a year after `date` (YYYY-MM-DD); 29 February goes to 28 February. */
export function yearAfter(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const last = new Date(Date.UTC(y + 1, m, 0)).getUTCDate();
  return `${y + 1}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Refuses a date after today (or, with `yearAhead`, after the same date next year), Beijing time. */
export function assertNotTooLate(
  ctx: AppContext,
  field: string,
  date: string | null | undefined,
  yearAhead = true,
): void {
  if (!date) return;
  const today = toCstDate(ctx.clock.now());
  const limit = yearAhead ? yearAfter(today) : today;
  if (date > limit) {
    throw yearAhead
      ? invalid(
          field,
          `不能晚于 ${limit}（今天 ${today} 起一年内，北京时间）`,
          `cannot be after ${limit} (at most a year from today, ${today}, Beijing time)`,
        )
      : invalid(field, `不能晚于今天（${today}，北京时间）`, `cannot be after today (${today}, Beijing time)`);
  }
}

export function assertNotBeforeBirth(field: string, date: string | null | undefined, birthDate: string): void {
  if (date && date < birthDate)
    throw invalid(field, `早于出生日期 ${birthDate}`, `is before the birth date, ${birthDate}`);
}
