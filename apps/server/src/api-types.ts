// The API as the workbench sees it (issue 12 §6): the answers' types, inferred from the routes' response schemas
// (*.responses.ts), and the business constants the screens show. apps/web imports from here and nowhere else on the
// server: types with `import type` (erased), constants with a plain import. Everything this file reaches imports zod at
// most — no node:*, no kysely, no service — so the browser bundle takes only the constants (`npm run build:web`).
import type { z } from 'zod';
import type * as auth from './platform/auth/auth.responses.js';
import type * as accounts from './platform/auth/accounts-admin.responses.js';
import type * as rules from './platform/rules/rules.responses.js';
import type * as trail from './platform/trail/trail.responses.js';
import type * as deadlines from './platform/deadlines/deadlines.responses.js';
import type * as findings from './platform/findings/findings.responses.js';
import type * as registry from './modules/registry/registry.responses.js';
import type * as roster from './modules/registry/roster/roster.responses.js';
import type * as reports from './modules/reports/reports.responses.js';
import type * as clues from './modules/reports/clue.responses.js';
import type * as talks from './modules/talks/talks.responses.js';
import type * as obligations from './modules/talks/obligations.responses.js';
import type * as jobs from './platform/jobs/jobs.responses.js';
import type * as meetings from './modules/decisions/meetings.responses.js';
import type * as emergencies from './modules/decisions/emergency.responses.js';
import type * as reviews from './modules/decisions/reviews.responses.js';
import type * as interference from './modules/decisions/interference.responses.js';
import type * as personal from './modules/personal/reports.responses.js';

export { DEFAULT_PAGE_SIZE } from './platform/http/page.js';
export { ROLES } from './platform/auth/roles.js';
export { SCOPE_LABELS } from './platform/scope/scope-labels.js';
export { SETTING_NAMES } from './platform/rules/setting-names.js';
export {
  MEETING_KINDS,
  ITEM_CATEGORIES,
  PREP_STEPS,
  INTERFERENCE_AREAS,
  ASKER_RELATIONS,
  HANDLINGS,
} from './modules/decisions/meeting.dicts.js';
export { CHANNELS } from './modules/reports/channels.dicts.js';
export { STEP_ACTIONS } from './modules/reports/case-states.dicts.js';
export { COMMITTEE_KINDS, VERDICTS as VERDICT_LABELS } from './modules/talks/talk-kinds.dicts.js';

/** What a route answers, as JSON reaches the browser (the schemas hold no dates or transforms: output is the wire). */
export type Answer<S extends z.ZodType> = z.output<S>;
type Item<A> = A extends { items: Array<infer I> } ? I : never;
type Each<A> = A extends Array<infer I> ? I : never;

/** A page of a list: `?page=&pageSize=` in, `{ total, items }` out (platform/http/page.ts). */
export type Page<T> = { total: number; items: T[] };

// ---- platform
/** The signed-in account: role, scope, permissions, the CSRF token for writes, its own cadre record (cadreId) and
 * whether it heads the commission (isHead: approves or returns clue disposals). */
export type Me = Answer<typeof auth.me>;
export type AccountRow = Item<Answer<typeof accounts.accountPage>>;
export type AccountCreated = Answer<typeof accounts.accountCreated>;
export type PasswordReset = Answer<typeof accounts.passwordReset>;
/** 定时任务: each scheduled job with its next run and its last runs. */
export type JobList = Answer<typeof jobs.jobList>;
export type JobRow = Item<JobList>;
/** Decisions (issue 14): a meeting in the list, and one meeting with its members and items. */
export type MeetingRow = Item<Answer<typeof meetings.meetingPage>>;
export type MeetingDetail = Answer<typeof meetings.meetingDetail>;
export type SealCheck = Answer<typeof meetings.sealCheck>;
export type EmergencyRow = Item<Answer<typeof emergencies.emergencyPage>>;
export type ResultReviewRow = Item<Answer<typeof reviews.reviewPage>>;
export type InterferenceRow = Item<Answer<typeof interference.interferencePage>>;
export type QuarterReports = Answer<typeof interference.quarterReports>;
export type ExpenseRow = Item<Answer<typeof interference.expensePage>>;
export type LeaderOption = Item<Answer<typeof interference.leadersAbove>>;
export type LoginLogRow = Item<Answer<typeof accounts.loginLogPage>>;
export type SessionRow = Item<Answer<typeof accounts.sessionPage>>;
export type Rule = Item<Answer<typeof rules.rulesAnswer>>;
export type EffectiveSettings = Answer<typeof rules.effectiveSettings>;
export type Reevaluation = Answer<typeof rules.reevaluation>;
export type TrailRow = Answer<typeof trail.trailRow>;
export type TrailVerify = Answer<typeof trail.trailVerify>;
export type BreakKind = Answer<typeof trail.breakKind>;
export type OpenDeadlines = Answer<typeof deadlines.openDeadlinesAnswer>;
export type OpenDeadline = Item<OpenDeadlines>;
export type OpenDeadlineCount = Each<OpenDeadlines['counts']>;
export type Finding = Item<Answer<typeof findings.findingPage>>;

// ---- registry
export type Dicts = Answer<typeof registry.dictsAnswer>;
export type Org = Item<Answer<typeof registry.listChildrenAnswer>>;
export type OrgTreeNode = Answer<typeof registry.orgTreeNode>;
export type TeamMember = Item<Answer<typeof registry.orgTeamAnswer>>;
export type FlagSummary = Answer<typeof registry.flagSummaryAnswer>;
export type FlagCount = Item<FlagSummary>;
export type FlaggedCadre = Answer<typeof registry.flaggedCadre>;
export type CadreRow = Answer<typeof registry.cadreRow>;
export type Cadre = Answer<typeof registry.getCadreAnswer>;
export type CadreFlag = Each<Cadre['flags']>;
export type CadrePost = Each<Cadre['posts']>;
export type CadreSeat = Each<Cadre['team']>;
export type CadreRelation = Each<Cadre['relations']>;
export type TimelineEvent = Answer<typeof registry.timelineEvent>;
export type RosterIssue = Answer<typeof roster.issue>;
export type RosterImport = Answer<typeof roster.importResult>;

// ---- reports and clues
export type Submitted = Answer<typeof reports.submitPublicReportAnswer>;
export type PublicStatus = Answer<typeof reports.publicStatus>;
export type Uploaded = Answer<typeof reports.publicAttachment>;
export type ReportItem = Answer<typeof reports.reportItem>;
export type ReportDetail = Answer<typeof reports.getReportAnswer>;
export type ReportLink = Each<ReportDetail['links']>;
/** A clock of a report or a clue; a clue's also says why it was extended. */
export type Deadline = Each<ReportDetail['deadlines']> &
  Partial<Pick<Each<ClueDetail['deadlines']>, 'extensionReason'>>;
export type Attachment = Answer<typeof reports.attachmentInfo>;
export type Reporter = Answer<typeof reports.revealReporterAnswer>;
export type ClueDicts = Answer<typeof clues.clueDicts>;
export type ClueItem = Answer<typeof clues.clueItem>;
export type ClueDetail = Answer<typeof clues.getClueAnswer>;
export type Letter = Each<ClueDetail['letters']>;
export type MyLetter = Item<Answer<typeof clues.myLettersAnswer>>;
export type QueueCount = Each<Answer<typeof clues.queueCountsAnswer>['queues']>;
export type QueueItem = Answer<typeof clues.queueItem>;
export type Analysis = Answer<typeof clues.analyseAnswer>;

// ---- talks, duties and supervision records
export type TalkDicts = Answer<typeof talks.talkDicts>;
export type Talk = Answer<typeof talks.talkItem>;
export type TalkStats = Answer<typeof talks.talkStats>;
/**
 * A duty: a talk (`activity` 'talk') or a record of another kind owed `required` times in [periodStart, dueOn]. With no
 * subject person it concerns a unit (a research visit, a special check); `byCommittee` when the committee as a body owes it.
 */
export type Duty = Answer<typeof talks.duty>;
export type DutyStatus = Answer<typeof talks.dutyStatus>;
export type DutyPage = Answer<typeof talks.dutyPage>;
export type Compliance = Answer<typeof talks.complianceAnswer>;
export type ComplianceRow = Item<Compliance>;
export type ComplianceUnit = Each<Compliance['units']>;
export type Notifications = Answer<typeof deadlines.myNotificationsAnswer>;
export type Notification = Item<Notifications>;
export type ListImport = Answer<typeof talks.listImport>;
export type ListProblem = Answer<typeof talks.problem>;
export type TaskList = Answer<typeof talks.listTasksAnswer>;
export type Task = Item<TaskList>;
export type TaskStatus = Task['status'];
export type ObligationDicts = Answer<typeof obligations.obligationsTemplatesAnswer>;
export type Occasion = Each<ObligationDicts['occasions']>;
export type ActivityKindDef = ObligationDicts['activityKinds'][string];
export type Verdict = keyof ObligationDicts['verdicts'];
export type SubjectsRule = ActivityKindDef['subjects'];
export type OccasionOpened = Answer<typeof obligations.recordOccasionAnswer>;
export type ActivitySaved = Answer<typeof obligations.recordActivityAnswer>;
export type Activity = Answer<typeof obligations.activity>;
/** A file of a talk or a supervision record, as their lists show it. */
export type RecordFile = Each<Talk['attachments']>;
export type RecordFileAdded = Answer<typeof obligations.addRecordAttachmentAnswer>;

// ---- personal matters (M-40)
export type PersonalReports = Answer<typeof personal.reportList>;
export type PersonalReportRow = Item<PersonalReports>;
export type PersonalReport = Answer<typeof personal.reportDetail>;
export type PersonalItem = Each<PersonalReport['items']>;
export type ItemForms = Answer<typeof personal.itemForms>;
export type ItemForm = Each<ItemForms['kinds']>;
export type ItemField = Each<ItemForm['fields']>;
export type PersonalDuties = Answer<typeof personal.dutyList>;
export type PersonalDuty = Item<PersonalDuties>;
export type PersonalSubmitted = Answer<typeof personal.reportSubmitted>;
