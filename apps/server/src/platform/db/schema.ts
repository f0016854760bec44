// Kysely table types, hand-written to match db/migrations. Dates are 'YYYY-MM-DD' strings (see client.ts type parsers).
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DateStr = ColumnType<string, string, string>;

export interface TrailTable {
  seq: ColumnType<string, string | number, never>;
  at: Timestamp;
  txid: Generated<string>;
  actor_id: number | null;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string | null;
  client_ip: string | null;
  detail: ColumnType<Record<string, unknown>, string, never>;
  prev_hash: string;
  hash: string;
}
export interface TrailHeadTable {
  id: number;
  seq: ColumnType<string, string | number, string | number>;
  hash: string;
}
export interface DictItemsTable {
  dict: string;
  code: string;
  label_zh: string;
  label_en: string;
  sort: Generated<number>;
  extra: ColumnType<Record<string, unknown>, string | undefined, string>;
}
export interface OrgsTable {
  id: Generated<number>;
  parent_id: number | null;
  path: string;
  name: string;
  short_name: string | null;
  level: string;
  unit_type: string;
  region_code: string | null;
  sort: Generated<number>;
  created_at: Timestamp;
  dissolved_on: DateStr | null;
}
export interface OrgMovesTable {
  id: Generated<number>;
  org_id: number;
  from_parent_id: number | null;
  to_parent_id: number;
  moved_at: Timestamp;
  moved_by: number | null;
  reason: string;
}
export interface AccountsTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  org_id: number;
  scope: number;
  cadre_id: number | null;
  totp_secret_enc: string | null;
  /** bigint: the last accepted TOTP step (single use). */
  totp_last_step: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  disabled: Generated<boolean>;
  demo: Generated<boolean>;
  /** The head of the account's body (纪委书记): approves clue disposals (M-14). */
  is_head: Generated<boolean>;
  created_at: Timestamp;
  /** A one-time password (issue 13 §1): the account may only choose a new one until it does. */
  must_change_password: Generated<boolean>;
  /** A second factor asked although the role does not require one. */
  totp_required: Generated<boolean>;
  /** A secret being enrolled, until a first code confirms it. */
  totp_pending_enc: string | null;
  password_changed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}
export interface AccountScopeOrgsTable {
  account_id: number;
  org_id: number;
}
export interface SessionsTable {
  token_hash: string;
  account_id: number;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  client_ip: string | null;
  /** A plain id to name the session by in 在线用户 (the token's hash is never shown). */
  id: Generated<number>;
  user_agent: string | null;
}
export interface LoginLogTable {
  id: Generated<string>;
  at: Timestamp;
  username: string;
  account_id: number | null;
  client_ip: string | null;
  user_agent: string | null;
  outcome: 'ok' | 'failed' | 'locked';
  reason: string | null;
}
/** Decisions (issue 14 §1, M-30, M-31): a meeting, who should attend, guests, agenda items. */
export interface MeetingsTable {
  id: Generated<number>;
  org_id: number;
  kind: 'committee' | 'standing' | 'office';
  held_on: ColumnType<string, string, string>;
  place: string;
  chair_cadre_id: number;
  recorder: string;
  created_by: number | null;
  created_at: Timestamp;
}
export interface MeetingMembersTable {
  meeting_id: number;
  cadre_id: number;
  team_role: string;
  sort: number;
  attended: boolean | null;
  absence_reason: string | null;
}
export interface MeetingGuestsTable {
  id: Generated<number>;
  meeting_id: number;
  name: string;
  capacity: string;
}
export interface MeetingItemsTable {
  id: Generated<number>;
  meeting_id: number;
  seq: number;
  title: string;
  category: 'major_decision' | 'appointment' | 'major_project' | 'large_funds' | 'other';
  proposer_cadre_id: number;
  proposer_deemed: boolean;
  materials: string | null;
  prep_done: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Timestamp;
  status: Generated<'open' | 'decided' | 'deferred'>;
  urgent_reason: string | null;
  dissent: number | null;
  voters: number | null;
  over_divergence: Generated<boolean>;
  closed_at: Timestamp | null;
}
/** Decisions (issue 14 §2, M-32): candidates, opinions in speaking order, votes, recusals. */
export interface ItemCandidatesTable {
  id: Generated<number>;
  item_id: number;
  seq: number;
  cadre_id: number | null;
  name: string;
  post: string;
  result: 'passed' | 'rejected' | 'deferred' | null;
}
export interface ItemOpinionsTable {
  item_id: number;
  cadre_id: number;
  seq: number;
  opinion: 'agree' | 'disagree' | 'reserve';
  reason: string | null;
  deemed: Generated<boolean>;
  created_at: Timestamp;
}
export interface CandidateVotesTable {
  candidate_id: number;
  cadre_id: number;
  vote: 'agree' | 'disagree' | 'defer';
  created_at: Timestamp;
}
export interface ItemRecusalsTable {
  item_id: number;
  cadre_id: number;
  reason: 'candidate' | 'relation' | 'declared';
  candidate_id: number | null;
  note: string | null;
  created_at: Timestamp;
}
/** A meeting's seal (issue 14 §5, M-35): digest of its canonical record, signed, chained per unit. */
export interface MeetingSealsTable {
  meeting_id: number;
  org_id: number;
  seq: number;
  prev_digest: string | null;
  algorithm: string;
  digest: string;
  record: ColumnType<Record<string, unknown>, string, never>;
  signature: string;
  key_id: string;
  sealed_at: Timestamp;
  sealed_by: number | null;
}
/** A personal matters report (issue 15 §1, M-40): a draft until submitted and signed, then fixed. */
export interface PmReportsTable {
  id: Generated<number>;
  cadre_id: number;
  kind: 'annual' | 'event';
  year: number;
  event_kind: string | null;
  event_on: DateStr | null;
  due_on: DateStr;
  corrects_id: number | null;
  version: Generated<number>;
  status: Generated<'draft' | 'submitted'>;
  entered_by: 'self' | 'org';
  submitted_on: DateStr | null;
  signed_digest: string | null;
  signed_by: number | null;
  sign_method: 'password' | 'totp' | null;
  created_by: number | null;
  created_at: Timestamp;
}
/** One item of a report: its values sealed, its matching keys as keyed digests (M-40, M-44). */
/** A spot-check draw (migration 0030, M-41): committed, then drawn once and fixed. */
export interface PmDrawsTable {
  id: Generated<number>;
  org_id: number;
  year: number;
  share_bp: number;
  commitment: string;
  seed_enc: string;
  seed: string | null;
  record: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  proof: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  created_by: number;
  created_at: Timestamp;
  drawn_at: Timestamp | null;
}
export interface PmDrawMembersTable {
  draw_id: number;
  cadre_id: number;
  reason: 'random' | 'promotion_candidate' | 'reserve' | 'key_post_transfer';
}
/** The annual report as a deadline (migration 0029, M-40): met by the submitted report. */
export interface PmDutiesTable {
  id: Generated<number>;
  cadre_id: number;
  org_id: number;
  year: number;
  rank: string;
  start_on: DateStr;
  due_on: DateStr;
  unit: Generated<'calendar' | 'working'>;
  paused_on: DateStr | null;
  paused_reason: string | null;
  extended_days: Generated<number>;
  extension_reason: string | null;
  waived_reason: string | null;
  waived_by: number | null;
  done_on: DateStr | null;
  report_id: number | null;
  created_at: Timestamp;
}
export interface PmReportItemsTable {
  report_id: number;
  seq: number;
  kind: string;
  values_enc: string;
  match_digests: Generated<string[]>;
}
/** A sealed correction of a sealed meeting (issue 14 §5, M-35), insert only, chained to the seal. */
export interface MeetingAddendaTable {
  meeting_id: number;
  n: number;
  reason: string;
  correction: string;
  prev_digest: string;
  algorithm: string;
  digest: string;
  signature: string;
  key_id: string;
  created_at: Timestamp;
  created_by: number | null;
}
/** The proposer's and the chair's signatures on a closed item (issue 14 §3, M-33), insert only. */
export interface ItemSignaturesTable {
  id: Generated<number>;
  item_id: number;
  capacity: 'proposer' | 'chair';
  cadre_id: number;
  account_id: number;
  method: 'password' | 'totp';
  digest: string;
  signed_at: Timestamp;
}
/** The proposer's signature on an emergency decision (issue 14 §4), insert only. */
/** Result reviews (issue 14 §6, M-36): a deadline on the engine, met by the review itself. */
export interface ResultReviewsTable {
  id: Generated<number>;
  item_id: number;
  org_id: number;
  completed_on: DateStr;
  due_on: DateStr;
  unit: Generated<'calendar' | 'working'>;
  paused_on: DateStr | null;
  paused_reason: string | null;
  extended_days: Generated<number>;
  extension_reason: string | null;
  waived_reason: string | null;
  waived_by: number | null;
  opened_by: number;
  done_on: DateStr | null;
  reviewer_kind: 'department' | 'third_party' | null;
  reviewer: string | null;
  outcome: 'positive' | 'negative' | null;
  losses_yuan: ColumnType<string | number | null, number | null | undefined, number | null>;
  excess_profit_yuan: ColumnType<string | number | null, number | null | undefined, number | null>;
  savings_yuan: ColumnType<string | number | null, number | null | undefined, number | null>;
  quality: 'good' | 'acceptable' | 'poor' | null;
  summary: string | null;
  reviewed_by: number | null;
  created_at: Timestamp;
}
/** Interference records, quarterly reports, large expenses and their joint signatures (issue 14 §7, M-37). */
export interface InterferenceRecordsTable {
  id: Generated<number>;
  org_id: number;
  asked_on: DateStr;
  asked_name: string;
  asker_cadre_id: number | null;
  asker_name: string;
  asker_relation: 'leader' | 'relative' | 'friend' | 'staff' | 'other';
  leader_cadre_id: number;
  area: 'appointment' | 'project' | 'law_enforcement' | 'justice' | 'approval' | 'procurement' | 'other';
  matter: string;
  request: string;
  handling: 'refused' | 'reported' | 'complied' | 'other';
  handling_note: string | null;
  unrecorded_cadre_id: number | null;
  recorded_by: number;
  created_at: Timestamp;
}
export interface InterferenceReportsTable {
  id: Generated<number>;
  org_id: number;
  year: number;
  quarter: number;
  records: number;
  cadre_id: number;
  account_id: number;
  method: 'password' | 'totp';
  digest: string;
  filed_on: DateStr;
  signed_at: Timestamp;
}
export interface ExpensesTable {
  id: Generated<number>;
  org_id: number;
  spent_on: DateStr;
  purpose: string;
  amount_yuan: ColumnType<string | number, number, number>;
  recorded_by: number;
  created_at: Timestamp;
}
export interface ExpenseSignaturesTable {
  expense_id: number;
  cadre_id: number;
  account_id: number;
  method: 'password' | 'totp';
  digest: string;
  signed_at: Timestamp;
}
export interface EmergencySignaturesTable {
  emergency_id: number;
  cadre_id: number;
  account_id: number;
  method: 'password' | 'totp';
  digest: string;
  signed_at: Timestamp;
}
/** Sealed 4 MiB chunks of a large upload (issue 14 §3); a file names its upload in item_audio. */
export interface AudioChunksTable {
  upload_id: string;
  n: number;
  content_enc: Buffer;
  created_at: Timestamp;
}
/** The audio of an agenda item's discussion (issue 14 §3, M-33). */
export interface ItemAudioTable {
  id: Generated<number>;
  item_id: number;
  upload_id: string;
  file_name_sealed: string;
  mime_type: string;
  size_bytes: ColumnType<string, number, number>;
  chunks: number;
  sha256: string;
  uploaded_by: number | null;
  created_at: Timestamp;
}
/** Emergency decisions (issue 14 §4, M-34): taken without a meeting, recorded within days, reported at the next. */
export interface EmergencyDecisionsTable {
  id: Generated<number>;
  org_id: number;
  kind: 'committee' | 'standing' | 'office';
  title: string;
  category: 'major_decision' | 'appointment' | 'major_project' | 'large_funds' | 'other';
  decided_on: ColumnType<string, string, string>;
  recorded_on: ColumnType<string, string, string>;
  reason: string;
  content: string;
  proposer_cadre_id: number;
  reported_meeting_id: number | null;
  reported_at: Timestamp | null;
  created_by: number | null;
  created_at: Timestamp;
}
/** 定时任务 (issue 13 §5): one run of a scheduled job; finished_at null while it runs. */
export interface JobRunsTable {
  id: Generated<string>;
  job: string;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  duration_ms: number | null;
  outcome: 'completed' | 'failed' | null;
  error: string | null;
  host: string;
}
export interface RuleOverridesTable {
  rule_id: string;
  org_id: number;
  settings: ColumnType<Record<string, unknown>, string, string>;
  updated_at: Timestamp;
  updated_by: number | null;
}
export interface CalendarDaysTable {
  day: DateStr;
  kind: 'holiday' | 'workday';
  name: string;
  provisional: Generated<boolean>;
}
export interface CadresTable {
  id: Generated<number>;
  name: string;
  name_sort: string;
  id_card: string;
  gender: 'M' | 'F';
  birth_date: DateStr;
  ethnicity: string | null;
  party_status: string;
  party_joined_on: DateStr | null;
  birthplace_code: string | null;
  growth_place_code: string | null;
  org_id: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface PostsTable {
  id: Generated<number>;
  cadre_id: number;
  org_id: number;
  title: string;
  post_kind: string;
  rank: string;
  is_principal: Generated<boolean>;
  start_date: DateStr;
  end_date: DateStr | null;
  end_reason: string | null;
  appoint_doc: string | null;
}
export interface TeamMembersTable {
  id: Generated<number>;
  org_id: number;
  cadre_id: number;
  team_role: string;
  sort: Generated<number>;
  joined_on: DateStr;
  left_on: DateStr | null;
}
export interface PortfoliosTable {
  id: Generated<number>;
  team_member_id: number;
  area: string;
  start_date: DateStr;
  end_date: DateStr | null;
}
export interface RelationsTable {
  id: Generated<number>;
  cadre_id: number;
  relative_cadre_id: number;
  kind: string;
  generation: number | null;
  note: string | null;
  created_at: Timestamp;
}
export interface TimelineEventsTable {
  id: Generated<string>;
  cadre_id: number;
  occurred_on: DateStr;
  recorded_at: Timestamp;
  event_type: string;
  source_module: string;
  summary: string;
  ref_entity: string | null;
  ref_id: string | null;
}
/** The registry's current findings (a view over findings, migration 0015): what its lists and dossier read. */
export interface CadreFlagsTable {
  finding_id: number;
  status: string;
  cadre_id: number;
  seq: number;
  rule_id: string;
  level: 'red' | 'yellow' | 'green';
  message: string;
  message_en: string | null;
  settings: ColumnType<Record<string, unknown>, string, string>;
  evidence: ColumnType<Array<Record<string, unknown>>, string, string>;
  evaluated_on: DateStr;
}
/** One finding of one rule about one subject (issue 12 §5). */
export interface FindingsTable {
  id: Generated<number>;
  source: string;
  subject_kind: 'cadre' | 'org';
  subject_id: number;
  rule_id: string;
  key: string;
  seq: number;
  level: 'red' | 'yellow' | 'green';
  message: string;
  message_en: string | null;
  settings: ColumnType<Record<string, unknown>, string, string>;
  evidence: ColumnType<Array<Record<string, unknown>>, string, string>;
  evidence_hash: string;
  first_seen_on: DateStr;
  last_seen_on: DateStr;
  active: Generated<boolean>;
  status: Generated<string>;
  status_note: string | null;
  status_by: number | null;
  status_at: Timestamp | null;
}
export interface ReportsTable {
  id: Generated<number>;
  number: string;
  channel: string;
  received_at: Timestamp;
  accused_name: string;
  accused_unit: string | null;
  accused_post: string | null;
  accused_cadre_id: number | null;
  competent_org_id: number;
  routed_up: Generated<boolean>;
  content: string;
  happened: string | null;
  anonymous: boolean;
  reporter_sealed: string | null;
  receipt_digest: string | null;
  content_sha256: string;
  status: Generated<string>;
  registered_by: number | null;
  created_at: Timestamp;
  matter_id: number | null;
  problem_type: string | null;
  triage_note: string | null;
}
export interface ReportLinksTable {
  id: Generated<number>;
  report_id: number;
  related_report_id: number;
  similarity: number;
  status: Generated<'proposed' | 'confirmed' | 'rejected'>;
  decided_by: number | null;
  decided_at: Timestamp | null;
  created_at: Timestamp;
}
type Json<T> = ColumnType<T, string, string>;
export interface CluesTable {
  id: Generated<number>;
  number: string;
  report_id: number;
  competent_org_id: number;
  handling_org_id: number;
  handling_mode: string;
  accused_cadre_id: number | null;
  accused_name: string;
  problem_type: string;
  summary: string;
  state: string;
  disposal: string | null;
  proposal: Json<Record<string, unknown>> | null;
  hold_review_on: DateStr | null;
  transfer_to: string | null;
  result: string | null;
  false_accusation: Generated<boolean>;
  registered_at: Timestamp;
  concluded_at: Timestamp | null;
  version: Generated<number>;
}
export interface ClueStepsTable {
  id: Generated<number>;
  clue_id: number;
  action: string;
  from_state: string | null;
  to_state: string;
  actor_id: number | null;
  actor_name: string;
  at: Timestamp;
  opinion: string | null;
  detail: Json<Record<string, unknown>>;
}
export interface InquiryLettersTable {
  id: Generated<number>;
  number: string;
  clue_id: number;
  cadre_id: number;
  copy_to_org_id: number | null;
  countersign_cadre_id: number | null;
  questions: string;
  issued_on: DateStr;
  due_on: DateStr;
  status: Generated<string>;
  reply: string | null;
  replied_at: Timestamp | null;
  countersign_opinion: string | null;
  countersigned_at: Timestamp | null;
  countersigned_by: number | null;
  decided_at: Timestamp | null;
  decided_by: number | null;
  decision_note: string | null;
  created_at: Timestamp;
}
export interface OutcomesTable {
  id: Generated<number>;
  clue_id: number;
  cadre_id: number;
  form: number;
  kind: string;
  decided_on: DateStr;
  influence_until: DateStr | null;
  summary: string;
  created_by: number | null;
  created_at: Timestamp;
}
export interface CaseDeadlinesTable {
  id: Generated<number>;
  kind: string;
  report_id: number;
  clue_id: number | null;
  letter_id: number | null;
  start_on: DateStr;
  due_on: DateStr;
  unit: 'calendar' | 'working';
  met_at: Timestamp | null;
  extended_days: Generated<number>;
  extension_reason: string | null;
  paused_on: DateStr | null;
  paused_reason: string | null;
  waived_reason: string | null;
  waived_by: number | null;
  created_at: Timestamp;
}
export interface ReportMessagesTable {
  id: Generated<number>;
  report_id: number;
  direction: 'to_reporter' | 'from_reporter';
  body: string;
  author_id: number | null;
  created_at: Timestamp;
}
export interface ReportAttachmentsTable {
  id: Generated<number>;
  report_id: number;
  file_name_sealed: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  content_sealed: Buffer;
  created_at: Timestamp;
}
export interface TalksTable {
  id: Generated<number>;
  kind: string;
  talker_cadre_id: number;
  talkee_cadre_id: number;
  held_on: DateStr;
  place: string | null;
  summary: string;
  follow_up: string | null;
  recorded_by: number | null;
  created_at: Timestamp;
}
export interface DutiesTable {
  id: Generated<number>;
  rule_id: string;
  talk_kind: string | null;
  owner_cadre_id: number;
  subject_cadre_id: number | null;
  subject_org_id: number;
  period_start: DateStr;
  due_on: DateStr;
  source: string;
  done_talk_id: number | null;
  done_on: DateStr | null;
  waived_reason: string | null;
  waived_by: number | null;
  created_at: Timestamp;
  obligation: string | null;
  activity: Generated<string>;
  title: string | null;
  by_committee: Generated<boolean>;
  owner_org_id: number | null;
  required: Generated<number>;
  done_count: Generated<number>;
  occasion_note: string | null;
  unit: Generated<'calendar' | 'working'>;
  paused_on: DateStr | null;
  paused_reason: string | null;
  extended_days: Generated<number>;
  extension_reason: string | null;
}
/** Every open deadline of every kind (migrations 0014, 0025), for the warning dashboard. */
export interface OpenDeadlinesView {
  source: 'case_deadline' | 'duty' | 'result_review' | 'pm_duty';
  id: number;
  kind: string;
  org_id: number;
  cadre_id: number | null;
  owner_cadre_id: number | null;
  start_on: DateStr;
  due_on: DateStr;
  unit: 'calendar' | 'working';
  paused_on: DateStr | null;
}
export interface SupervisionActivitiesTable {
  id: Generated<number>;
  kind: string;
  org_id: number;
  actor_cadre_id: number | null;
  target_org_id: number | null;
  held_on: DateStr;
  title: string;
  summary: string;
  follow_up: string | null;
  reported_to: string | null;
  recorded_by: number | null;
  created_at: Timestamp;
}
export interface ActivitySubjectsTable {
  activity_id: number;
  cadre_id: number;
  verdict: string | null;
  comment: string | null;
}
export interface RecordAttachmentsTable {
  id: Generated<number>;
  entity: 'talk' | 'activity';
  entity_id: number;
  file_name_sealed: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  content_sealed: Buffer;
  uploaded_by: number | null;
  created_at: Timestamp;
}
export interface DutyFulfilmentsTable {
  duty_id: number;
  activity_id: number;
  held_on: DateStr;
}
export interface NotificationsTable {
  id: Generated<number>;
  account_id: number;
  kind: string;
  dedupe_key: string;
  title: string;
  link: string | null;
  created_at: Timestamp;
  read_at: Timestamp | null;
}
export interface ResponsibilityTasksTable {
  id: Generated<number>;
  org_id: number;
  list_name: string;
  seq: number;
  task: string;
  lead_leader: string | null;
  lead_cadre_id: number | null;
  lead_unit: string | null;
  lead_org_id: number | null;
  assisting: string | null;
  deliverables: string | null;
  due_on: DateStr | null;
  due_text: string | null;
  status: Generated<string>;
  progress: string | null;
  completed_on: DateStr | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface InstallationTable {
  name: string;
  value: string;
}
/** Login and public-route throttling (0013): subjects are keyed hashes, never addresses. */
export interface ThrottleTable {
  bucket: string;
  subject: string;
  hits: number;
  last_at: Timestamp;
  expires_at: Timestamp;
}
export interface SchemaMigrationsTable {
  name: string;
  checksum: string;
  applied_at: Timestamp;
}

export interface DB {
  trail: TrailTable;
  trail_head: TrailHeadTable;
  dict_items: DictItemsTable;
  orgs: OrgsTable;
  org_moves: OrgMovesTable;
  accounts: AccountsTable;
  account_scope_orgs: AccountScopeOrgsTable;
  sessions: SessionsTable;
  login_log: LoginLogTable;
  job_runs: JobRunsTable;
  meetings: MeetingsTable;
  meeting_members: MeetingMembersTable;
  meeting_guests: MeetingGuestsTable;
  meeting_items: MeetingItemsTable;
  item_candidates: ItemCandidatesTable;
  item_opinions: ItemOpinionsTable;
  candidate_votes: CandidateVotesTable;
  item_recusals: ItemRecusalsTable;
  emergency_decisions: EmergencyDecisionsTable;
  meeting_seals: MeetingSealsTable;
  meeting_addenda: MeetingAddendaTable;
  pm_reports: PmReportsTable;
  pm_report_items: PmReportItemsTable;
  pm_duties: PmDutiesTable;
  pm_draws: PmDrawsTable;
  pm_draw_members: PmDrawMembersTable;
  item_signatures: ItemSignaturesTable;
  emergency_signatures: EmergencySignaturesTable;
  result_reviews: ResultReviewsTable;
  interference_records: InterferenceRecordsTable;
  interference_reports: InterferenceReportsTable;
  expenses: ExpensesTable;
  expense_signatures: ExpenseSignaturesTable;
  audio_chunks: AudioChunksTable;
  item_audio: ItemAudioTable;
  rule_overrides: RuleOverridesTable;
  calendar_days: CalendarDaysTable;
  cadres: CadresTable;
  posts: PostsTable;
  team_members: TeamMembersTable;
  portfolios: PortfoliosTable;
  relations: RelationsTable;
  timeline_events: TimelineEventsTable;
  schema_migrations: SchemaMigrationsTable;
  installation: InstallationTable;
  throttle: ThrottleTable;
  cadre_flags: CadreFlagsTable;
  findings: FindingsTable;
  reports: ReportsTable;
  report_messages: ReportMessagesTable;
  report_links: ReportLinksTable;
  clues: CluesTable;
  clue_steps: ClueStepsTable;
  inquiry_letters: InquiryLettersTable;
  outcomes: OutcomesTable;
  case_deadlines: CaseDeadlinesTable;
  talks: TalksTable;
  duties: DutiesTable;
  open_deadlines: OpenDeadlinesView;
  notifications: NotificationsTable;
  responsibility_tasks: ResponsibilityTasksTable;
  report_attachments: ReportAttachmentsTable;
  supervision_activities: SupervisionActivitiesTable;
  activity_subjects: ActivitySubjectsTable;
  duty_fulfilments: DutyFulfilmentsTable;
  record_attachments: RecordAttachmentsTable;
}
