// The talks module's only public surface (SPEC §4, M-20 … M-27).
export { talksRoutes } from './talks.routes.js';
export { generateDuties, halfYears } from './duties.js';
export { OBLIGATIONS } from './obligations.js';
export { obligationsRoutes } from './obligations.routes.js';
export { openOccasionTalk, recordOccasion } from './occasions.js';
export { recordActivity } from './activities.js';
export { remindDuties } from './reminders.js';
export { recordTalk } from './talk.service.js';
export { TALK_KINDS, type TalkKind } from './talk-kinds.js';
export { COLUMNS, importList, updateTask, TASK_MACHINE } from './responsibilities.js';
