// Public surface of the deadline engine (issue 12 §1): one life for every clock and duty, the due-date and period
// functions, openers per event, reminders, and the list of every open deadline.
export {
  deadlineTable,
  dueOn,
  dayDiff,
  type DeadlineTable,
  type DeadlineTableDef,
  type DeadlineStatus,
} from './deadline-table.js';
export { periods, type Period } from './periods.js';
export {
  DeadlineRegistry,
  type DeadlineEvents,
  type DeadlineEvent,
  type DeadlineSource,
} from './openers.js';
export { remindOpen, type ReminderPlan, type ReminderStage } from './reminders.js';
export { deadlineRoutes, notification } from './deadlines.routes.js';
export { openDeadlines } from './open-deadlines.js';
