// Decisions (SPEC §5, M-30 … M-37): so far meetings, attendance and agenda items with their proposers (issue 14 §1).
export { meetingRoutes } from './meetings.routes.js';
export { meeting } from './meetings.scope.js';
export { quorum, type Quorum } from './quorum.js';
export { MEETING_KINDS, ITEM_CATEGORIES, PREP_STEPS } from './meeting.dicts.js';
