// Decisions (SPEC §5, M-30 … M-37): so far meetings, attendance, agenda items with their proposers (issue 14 §1), and
// opinions in speaking order, candidate-by-candidate votes, recusals, deferral on divergence (§2), audio and signatures
// (§3), emergency decisions (§4), sealing and the offline archive (§5), result reviews and the year's proposals (§6),
// interference records, quarterly reports and joint signatures (§7).
export { meetingRoutes } from './meetings.routes.js';
export { itemRoutes } from './items.routes.js';
export { emergencyRoutes } from './emergency.routes.js';
export { meeting, meetingItem, itemCandidate, emergency, itemAudio, resultReview, expense } from './meetings.scope.js';
export { audioRoutes } from './audio.routes.js';
export { verifyPageRoutes } from './archive/verify.routes.js';
export { reviewRoutes } from './reviews.routes.js';
export { interferenceRoutes } from './interference.routes.js';
export { CADRE_SOURCE as INTERFERENCE_CADRE_SOURCE, sweepInterference } from './interference.findings.js';
export { reviewSource } from './reviews.source.js';
export { checkProposals } from './reviews.findings.js';
export { quorum, type Quorum } from './quorum.js';
export { MEETING_KINDS, ITEM_CATEGORIES, PREP_STEPS } from './meeting.dicts.js';
// The writes the demo seeder makes as the workbench would (the same rules and findings).
export { createMeeting, recordAttendance, addItem } from './meetings.service.js';
export { giveOpinion, castVote, addCandidate, declareConflict } from './opinions.service.js';
export { closeItem } from './close-item.js';
export { sealMeeting } from './seal.service.js';
export { createEmergency } from './emergency.service.js';
export { recordCompletion, enterReview } from './reviews.service.js';
export { createInterference } from './interference.service.js';
export { fileQuarterReport } from './quarter-reports.service.js';
export { createExpense, signExpense } from './expenses.service.js';
export { quarterOf, quarterRange } from './quarters.js';
