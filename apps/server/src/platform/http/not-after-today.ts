// A date a person records as already past (a talk held, a meeting, an occasion): not after today, Beijing's date on
// the app's clock, and the refusal says which date "today" was (issue 13 §6).
import { type Clock, toCstDate } from '../clock/index.js';
import { invalidField } from './errors.js';

/** Throws the field's 400 when `date` is after today; returns today (YYYY-MM-DD, Beijing). */
export function assertNotAfterToday(clock: Clock, field: string, date: string, subject: [zh: string, en: string]) {
  const today = toCstDate(clock.now());
  if (date > today)
    throw invalidField(
      field,
      `${subject[0]}不能晚于今天（${today}，北京时间）`,
      `${subject[1]} cannot be after today (${today}, Beijing time)`,
    );
  return today;
}
