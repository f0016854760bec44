// Rules are data: every threshold SPEC.md gives, as a default keyed by its M-id, with a schema for overrides.
// Overrides per org subtree live in rule_overrides; read them only through getRuleSettings().
import { z } from 'zod';

const pos = z.number().int().min(0).max(1000);
const share = z.number().min(0).max(1);
const list = z.array(z.string().min(1).max(50)).max(50);
/** M-31 preparatory steps of an agenda item (modules/decisions PREP_STEPS has their names). */
export const PREP_STEP_CODES = ['research', 'consultation', 'legality_review'] as const;
const prepList = z.array(z.enum(PREP_STEP_CODES)).max(PREP_STEP_CODES.length);

/** M-20 kinds of talk (the same codes as TALK_KINDS in modules/talks; a test keeps the two equal). */
export const TALK_KIND_CODES = [
  'appointment',
  'supervision',
  'integrity',
  'performance',
  'heart',
  'reminder',
  'admonition',
  'summons',
  'home_visit',
  'election_discipline',
] as const;
const talkKind = z.enum(TALK_KIND_CODES);
type TalkKindCode = (typeof TALK_KIND_CODES)[number];

/** M-21 occasions that call for a talk: the 八个必谈 of `003` 篇3 and those of `003` 篇8, with default kind and days. */
export const OCCASIONS = {
  promotion: ['提拔重用时必谈', 'On promotion', 'appointment', 30],
  commendation: ['取得突出成绩、得到表彰时必谈', 'On outstanding achievement or commendation', 'heart', 30],
  urgentTask: ['接受急难险重任务时必谈', 'On taking an urgent, hard task', 'heart', 15],
  personalMatter: ['个人向组织报告重大事项时必谈', 'When reporting a major personal matter', 'heart', 30],
  publicReport: ['群众有举报或有意见时必谈', 'When the public reports or complains', 'reminder', 30],
  errorSigns: ['有错误苗头和错误倾向时必谈', 'On signs of error', 'reminder', 15],
  teamDisunity: ['班子不团结时必谈', 'When the team is disunited', 'heart', 30],
  majorDifficulty: ['工作中遇到重大困难时必谈', 'When the work meets major difficulty', 'heart', 30],
  transfer: ['调整交流时必谈', 'On transfer', 'heart', 30],
  integritySigns: ['有不廉洁苗头时必谈', 'On signs of non-integrity', 'integrity', 15],
} as const satisfies Record<string, readonly [string, string, TalkKindCode, number]>;
export type OccasionEvent = keyof typeof OCCASIONS;
export const OCCASION_EVENTS = Object.keys(OCCASIONS) as OccasionEvent[];
type OccasionShape = { [K in OccasionEvent as `${K}Kind`]: typeof talkKind } & {
  [K in OccasionEvent as `${K}DueDays`]: typeof pos;
};
const occasionDefaults = Object.fromEntries(
  OCCASION_EVENTS.flatMap((e) => [
    [`${e}Kind`, OCCASIONS[e][2]],
    [`${e}DueDays`, OCCASIONS[e][3]],
  ]),
) as { [K in OccasionEvent as `${K}Kind`]: TalkKindCode } & { [K in OccasionEvent as `${K}DueDays`]: number };

export const RULE_DEFINITIONS = {
  'M-04': {
    titleZh: '五个不直接分管',
    titleEn: 'Five areas the principal must not oversee directly',
    schema: z.object({ areas: list }),
    defaults: { areas: ['personnel', 'finance', 'construction', 'approval', 'procurement'] },
  },
  'M-05': {
    titleZh: '三重岗位',
    titleEn: 'Posts touching power, money or goods',
    schema: z.object({ unitTags: list }),
    defaults: { unitTags: ['发改', '财政', '工信', '住建', '国有企业'] },
  },
  'M-06': {
    titleZh: '任职回避',
    titleEn: 'Avoidance of relatives and home area',
    schema: z.object({ collateralGenerations: pos, sensitiveWork: list }),
    defaults: { collateralGenerations: 3, sensitiveWork: ['组织人事', '纪检监察', '审计', '财务'] },
  },
  'M-07': {
    titleZh: '定期轮岗交流',
    titleEn: 'Rotation due',
    schema: z.object({
      samePostYears: pos,
      sameSectionYears: pos,
      middleRankPostYears: pos,
      keyPostYears: pos,
      termYears: pos,
      maxConsecutiveTerms: pos,
      samePostExchangeYears: pos,
      sameRankMaxYears: pos,
    }),
    defaults: {
      samePostYears: 6,
      sameSectionYears: 9,
      middleRankPostYears: 12,
      keyPostYears: 10,
      termYears: 5,
      maxConsecutiveTerms: 2,
      samePostExchangeYears: 10,
      sameRankMaxYears: 15,
    },
  },
  'M-12': {
    titleZh: '受理办理时限',
    titleEn: 'Acceptance and handling deadlines',
    schema: z.object({
      forwardWorkingDays: pos,
      acceptForwardedWorkingDays: pos,
      informNamedReporterWorkingDays: pos,
      informResultWorkingDays: pos,
      petitionDecideDays: pos,
      petitionHandleDays: pos,
      petitionExtensionDays: pos,
      reviewRequestDays: pos,
    }),
    defaults: {
      forwardWorkingDays: 5,
      acceptForwardedWorkingDays: 5,
      informNamedReporterWorkingDays: 15,
      informResultWorkingDays: 15,
      petitionDecideDays: 15,
      petitionHandleDays: 60,
      petitionExtensionDays: 30,
      reviewRequestDays: 30,
    },
  },
  'M-13': {
    titleZh: '重复件与关联件',
    titleEn: 'Duplicate and related reports',
    schema: z.object({ similarityThreshold: share, lookbackDays: pos }),
    defaults: { similarityThreshold: 0.4, lookbackDays: 730 },
  },
  'M-15': {
    titleZh: '函询回复期限',
    titleEn: 'Letter of inquiry reply deadline',
    schema: z.object({ replyWorkingDays: pos }),
    defaults: { replyWorkingDays: 15 },
  },
  'M-16': {
    titleZh: '处理结果影响期（月）',
    titleEn: 'Influence period of outcomes (months)',
    schema: z.object({
      admonition: pos,
      circulatedCriticism: pos,
      warning: pos,
      seriousWarning: pos,
      postAdjustment: pos,
      removal: pos,
      dismissalFromPartyPost: pos,
      probation: pos,
    }),
    defaults: {
      admonition: 6,
      circulatedCriticism: 0,
      warning: 12,
      seriousWarning: 18,
      postAdjustment: 12,
      removal: 12,
      dismissalFromPartyPost: 24,
      probation: 24,
    },
  },
  'M-19': {
    titleZh: '举报分析',
    titleEn: 'Report analysis',
    schema: z.object({ concentratedMatters: pos, periodMonths: pos }),
    defaults: { concentratedMatters: 2, periodMonths: 12 },
  },
  // Event → talk kind → days to hold it (0: the event opens no talk). Kinds are TALK_KINDS codes (modules/talks).
  'M-21': {
    titleZh: '八个必谈（事由触发谈话）',
    titleEn: 'Talks an occasion calls for',
    // occasionLookbackDays: how far back an occasion may be recorded by hand (older ones would open talks already long overdue).
    schema: z.object({
      ...(Object.fromEntries(
        OCCASION_EVENTS.flatMap((e) => [
          [`${e}Kind`, talkKind],
          [`${e}DueDays`, pos],
        ]),
      ) as OccasionShape),
      occasionLookbackDays: pos,
    }),
    defaults: { ...occasionDefaults, occasionLookbackDays: 365 },
  },
  'M-22': {
    titleZh: '任职谈话期限',
    titleEn: 'Appointment talk deadline',
    schema: z.object({ dueDays: pos }),
    defaults: { dueDays: 30 },
  },
  'M-23': {
    titleZh: '经常性监督',
    titleEn: 'Periodic supervision duties',
    schema: z.object({
      researchVisitsPerYear: pos,
      lecturesPerYear: pos,
      talksPerHalfYear: pos,
      specialChecksPerYear: pos,
    }),
    defaults: { researchVisitsPerYear: 2, lecturesPerYear: 1, talksPerHalfYear: 1, specialChecksPerYear: 1 },
  },
  'M-25': {
    titleZh: '听取汇报与约谈',
    titleEn: 'Hearings of reports and summons',
    schema: z.object({ memberHearingsPerYear: pos, lowerHearingsPerYear: pos, summonsDueDays: pos }),
    defaults: { memberHearingsPerYear: 1, lowerHearingsPerYear: 1, summonsDueDays: 30 },
  },
  // Quorum (M-30): more than `majorQuorumShare` of the members who should attend for 三重一大 items, at least
  // `appointmentQuorumShare` for appointments (`003` (十); the 2/3 of the 干部任用条例).
  'M-30': {
    titleZh: '三重一大会议到会人数',
    titleEn: 'Meeting quorum',
    schema: z.object({ majorQuorumShare: share, appointmentQuorumShare: share }),
    defaults: { majorQuorumShare: 0.5, appointmentQuorumShare: 2 / 3 },
  },
  // Preparatory steps (M-31) each category of agenda item needs before it is decided (`004` 大兴): codes of PREP_STEPS.
  'M-31': {
    titleZh: '议题前期程序',
    titleEn: 'Preparatory steps of an agenda item',
    schema: z.object({
      prepMajorDecision: prepList,
      prepAppointment: prepList,
      prepMajorProject: prepList,
      prepLargeFunds: prepList,
    }),
    defaults: {
      prepMajorDecision: ['research', 'consultation', 'legality_review'],
      prepAppointment: ['consultation'],
      prepMajorProject: ['research', 'consultation', 'legality_review'],
      prepLargeFunds: ['research', 'legality_review'],
    },
  },
  // Divergence (M-32, `003` (十)): the share of 不同意 + 保留 among the present voting members at which an item is deferred
  // (暂缓表决) unless the chair records an urgent reason; reaching it exactly defers.
  'M-32': {
    titleZh: '意见分歧暂缓表决',
    titleEn: 'Deferral on divided opinions',
    schema: z.object({ divergenceShare: share }),
    defaults: { divergenceShare: 1 / 3 },
  },
  // Recording (M-33): the full audio of an item's discussion, at most `audioMaxMiB` per file, streamed and sealed in
  // chunks; the categories whose items must have one (a sealed meeting without it is a finding, `004`).
  'M-33': {
    titleZh: '议题讨论录音',
    titleEn: 'Audio of the discussion',
    schema: z.object({
      audioMaxMiB: z.number().int().min(1).max(4096),
      audioRequired: z.array(z.enum(['major_decision', 'appointment', 'major_project', 'large_funds', 'other'])).max(5),
    }),
    defaults: { audioMaxMiB: 1024, audioRequired: ['major_decision', 'appointment', 'major_project', 'large_funds'] },
  },
  'M-34': {
    titleZh: '临时决策补记',
    titleEn: 'Emergency decision record',
    schema: z.object({ recordWithinDays: pos }),
    defaults: { recordWithinDays: 3 },
  },
  // Result review (M-36, `004` 结果查究): the categories of decided items whose outcome is reviewed once the project is
  // completed (projects, funds; procurement and asset disposal are recorded under these), and the calendar days after
  // completion by which the review is due.
  'M-36': {
    titleZh: '决策结果查究',
    titleEn: 'Result review of decisions',
    schema: z.object({
      reviewCategories: z
        .array(z.enum(['major_decision', 'appointment', 'major_project', 'large_funds', 'other']))
        .min(1)
        .max(5),
      reviewWithinDays: pos,
    }),
    defaults: { reviewCategories: ['major_project', 'large_funds'], reviewWithinDays: 90 },
  },
  // Interference records and joint signatures (M-37, `003` (十二) and 篇4): the quarterly report is due within
  // `reportWithinWorkingDays` working days after the quarter, for the quarters that begin on or after `reportsFrom`
  // (empty: the first quarter after this part of the app was installed, so nobody owes reports from before); an intervention
  // found unrecorded proposes `onceAction` the first time and `repeatAction` from the `repeatFrom`-th; an expense of
  // `jointSignatureYuan` or more (`003`: 3000元以上, which includes 3000) needs the signatures of the team members in
  // `jointSignerRoles`.
  'M-37': {
    titleZh: '插手干预记录与大额开支联签',
    titleEn: 'Interference records and joint signatures',
    schema: z.object({
      reportWithinWorkingDays: pos,
      reportsFrom: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]),
      onceAction: z.string().trim().min(1).max(50),
      repeatAction: z.string().trim().min(1).max(50),
      repeatFrom: z.number().int().min(2).max(100),
      jointSignatureYuan: z.number().int().min(0).max(100_000_000),
      jointSignerRoles: z
        .array(z.enum(['secretary', 'head', 'deputy_secretary', 'deputy', 'member']))
        .min(1)
        .max(5),
    }),
    defaults: {
      reportWithinWorkingDays: 10,
      reportsFrom: '',
      onceAction: '警告或通报批评',
      repeatAction: '纪律处分',
      repeatFrom: 2,
      jointSignatureYuan: 3000,
      jointSignerRoles: ['secretary', 'head', 'deputy_secretary', 'deputy', 'member'],
    },
  },
  // Personal matters reports (M-40): the annual report states 31 December and is due by `annualDue` (MM-DD) of the next
  // year; an event report is due `eventWithinDays` calendar days after the event (the event's day not counted). Who
  // reports: whoever holds a post of a rank in `reportingRanks` (县处级副职 and above by default); `sectionPrincipals`
  // adds 正科级 principals (`004`).
  'M-40': {
    titleZh: '个人有关事项报告',
    titleEn: 'Personal matters reports',
    schema: z.object({
      annualDue: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/),
      eventWithinDays: pos,
      reportingRanks: z.array(z.enum(['dept_full', 'dept_deputy', 'div_full', 'div_deputy', 'sec_full'])).max(5),
      sectionPrincipals: z.boolean(),
    }),
    defaults: {
      annualDue: '01-31',
      eventWithinDays: 30,
      reportingRanks: ['dept_full', 'dept_deputy', 'div_full', 'div_deputy'],
      sectionPrincipals: false,
    },
  },
  'M-41': {
    titleZh: '个人事项随机抽查',
    titleEn: 'Personal-matters spot check',
    schema: z.object({ spotCheckShare: share }),
    defaults: { spotCheckShare: 0.1 },
  },
  'M-50': {
    titleZh: '经济责任审计',
    titleEn: 'Economic-responsibility audit',
    schema: z.object({ mandatoryAuditYears: pos }),
    defaults: { mandatoryAuditYears: 3 },
  },
  'M-60': {
    titleZh: '廉政监督卡扣分',
    titleEn: 'Integrity card points',
    schema: z.object({
      noAwardPoints: pos,
      bonusWithheldPoints: pos,
      bonusWithheldShare: share,
      demotionPointsOneYear: pos,
      demotionPointsTwoYears: pos,
      demotionPointsThreeYears: pos,
    }),
    defaults: {
      noAwardPoints: 4,
      bonusWithheldPoints: 6,
      bonusWithheldShare: 0.5,
      demotionPointsOneYear: 10,
      demotionPointsTwoYears: 12,
      demotionPointsThreeYears: 14,
    },
  },
  'M-61': {
    titleZh: '政治素质考察',
    titleEn: 'Political-quality assessment',
    schema: z.object({ reminderBelowScore: pos }),
    defaults: { reminderBelowScore: 80 },
  },
  'M-70': {
    titleZh: '民主生活会',
    titleEn: 'Democratic life meeting',
    schema: z.object({ minAttendanceShare: share }),
    defaults: { minAttendanceShare: 2 / 3 },
  },
} as const satisfies Record<string, { titleZh: string; titleEn: string; schema: z.ZodObject; defaults: object }>;

export type RuleId = keyof typeof RULE_DEFINITIONS;
export const RULE_IDS = Object.keys(RULE_DEFINITIONS) as RuleId[];
export type RuleSettings<R extends RuleId> = z.infer<(typeof RULE_DEFINITIONS)[R]['schema']>;

export const isRuleId = (s: string): s is RuleId => Object.hasOwn(RULE_DEFINITIONS, s);
