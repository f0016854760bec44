// The talks module's only public surface (SPEC §4, M-20 … M-23, M-27 so far).
export { talksRoutes } from './talks.routes.js';
export { generateDuties, halfYears, principals } from './duties.js';
export { remindDuties } from './reminders.js';
export { recordTalk } from './talk.service.js';
export { TALK_KINDS, type TalkKind } from './talk-kinds.js';
