// The reports module's only public surface (SPEC §3, M-10 … M-19): routes, and the services the demo seeder drives.
export { publicReportRoutes, staffReportRoutes, DEFAULT_PUBLIC_LIMITS, type PublicLimits } from './reports.routes.js';
export { CHANNELS } from './reports.schema.js';
export { clueRoutes } from './clue.routes.js';
export { submitPublicReport, registerReport, replyToReporter } from './reports.service.js';
export { acceptReport, declineReport } from './triage.service.js';
export { proposeDisposal, decideProposal } from './clue.service.js';
export { concludeClue } from './conclusion.service.js';
export { issueLetter, replyLetter, countersignLetter, decideLetter } from './letter.service.js';
export { DISPOSALS, type Disposal, type ProblemType } from './case-states.dicts.js';
export { CLUE_MACHINE, LETTER_MACHINE, LINK_MACHINE, REPORT_MACHINE } from './case.moves.js';
export { OUTCOME_KINDS, type OutcomeKind } from './outcome-kinds.dicts.js';
export type { Channel } from './reports.schema.js';
export { caseDeadlineSource, CASE_CLOCKS } from './deadlines.service.js';
