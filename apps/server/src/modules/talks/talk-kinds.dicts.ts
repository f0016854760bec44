// M-20 kinds of talk, as the seeds name them (`000`, `003`).
export const TALK_KINDS = {
  appointment: { zh: '任职谈话', en: 'Appointment talk' },
  supervision: { zh: '监督谈话', en: 'Supervision talk' },
  integrity: { zh: '廉政谈话', en: 'Integrity talk' },
  performance: { zh: '履职谈话', en: 'Performance talk' },
  heart: { zh: '谈心谈话', en: 'Heart-to-heart talk' },
  reminder: { zh: '提醒谈话', en: 'Reminder talk' },
  admonition: { zh: '诫勉谈话', en: 'Admonition talk' },
  summons: { zh: '约谈', en: 'Summons' },
  home_visit: { zh: '家访', en: 'Home visit' },
  election_discipline: { zh: '换届纪律谈话', en: 'Election discipline talk' },
} as const;
export type TalkKind = keyof typeof TALK_KINDS;

/** The duties the job opens, by rule. */
export const DUTY_RULES = {
  'M-21': { zh: '事由触发的必谈', en: 'Talk an occasion calls for' },
  'M-22': { zh: '新任下级一把手任职谈话', en: 'Appointment talk with a new lower principal' },
  'M-23': { zh: '每半年与下级一把手谈话', en: 'Half-yearly talk with each lower principal' },
  'M-25': { zh: '听取汇报与约谈', en: 'Hearings and summons' },
} as const;
export type DutyRule = keyof typeof DUTY_RULES;

/** M-23, M-25, M-26 records other than talks (activities.service.ts); M-26 ones are the discipline commission's. */
export const ACTIVITY_KINDS = {
  research_visit: { rule: 'M-23', zh: '全面从严治党调研', en: 'Research visit', subjects: 'none' },
  party_lecture: { rule: 'M-23', zh: '讲党课', en: 'Party lecture', subjects: 'none' },
  special_check: { rule: 'M-23', zh: '专项监督检查', en: 'Special supervision check', subjects: 'none' },
  member_hearing: { rule: 'M-25', zh: '听取班子成员“一岗双责”汇报', en: 'Hearing team members', subjects: 'verdict' },
  lower_hearing: { rule: 'M-25', zh: '听取下级一把手履责汇报', en: 'Hearing lower principals', subjects: 'verdict' },
  secretary_reminder: {
    rule: 'M-26',
    zh: '纪委书记谈话提醒',
    en: 'Reminder by the discipline secretary',
    subjects: 'required',
  },
  upward_report: {
    rule: 'M-26',
    zh: '向上级纪委和党委主要负责人报告',
    en: 'Serious problem reported upward',
    subjects: 'required',
  },
  non_report: { rule: 'M-26', zh: '该报告未报告（不如实报告）', en: 'Failure to report', subjects: 'none' },
} as const;
export type ActivityKind = keyof typeof ACTIVITY_KINDS;
/** Held by the committee as a body (the one who chaired may be left out); every other kind is someone's own work. */
export const COMMITTEE_KINDS: readonly ActivityKind[] = ['special_check', 'lower_hearing'];
export const VERDICTS = { good: '好', adequate: '较好', failing: '履责不到位' } as const;
