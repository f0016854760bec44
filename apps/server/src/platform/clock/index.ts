// Public surface of the clock module: "now", calendar dates in CST, and M-12 deadlines.
// Other modules import from here only, never from the files behind it.

import { CN_CALENDAR } from './calendar-cn.data.js';
import { WorkCalendar } from './working-days.js';

export { type Clock, systemClock, fixedClock, ManualClock } from './clock.js';
export {
  type CalendarEntry,
  type DayKind,
  type DeadlineRule,
  type DueDate,
  WorkCalendar,
  dueDate,
  toCstDate,
  cstDayStart,
} from './working-days.js';
export { type CnCalendarEntry, CN_CALENDAR } from './calendar-cn.data.js';

let bundled: WorkCalendar | undefined;

/** The calendar from the bundled State Council data (2024–2026 official, 2027 provisional). */
export function defaultCalendar(): WorkCalendar {
  // WorkCalendar is immutable, so one shared instance is safe.
  bundled ??= new WorkCalendar(Object.values(CN_CALENDAR).flat());
  return bundled;
}
