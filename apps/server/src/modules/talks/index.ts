// The talks module's only public surface (SPEC §4, M-20 … M-27).
export { talksRoutes } from './talks.routes.js';
export { generateDuties, halfYears } from './duties.service.js';
export { OBLIGATIONS } from './obligations.service.js';
export { obligationsRoutes } from './obligations.routes.js';
export { openOccasionTalk, recordOccasion } from './occasions.service.js';
export { recordActivity, recordActivities, type NewActivity } from './activities.service.js';
export { remindDuties } from './reminders.service.js';
export { recordTalk } from './talk.service.js';
export { TALK_KINDS, type TalkKind } from './talk-kinds.dicts.js';
export { COLUMNS, importList, updateTask, TASK_MACHINE } from './responsibilities.service.js';
export { onPostsStarted } from './appointment-duties.service.js';
export { dutySource } from './duties.service.js';
