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
  'M-22': { zh: '新任下级一把手任职谈话', en: 'Appointment talk with a new lower principal' },
  'M-23': { zh: '每半年与下级一把手谈话', en: 'Half-yearly talk with each lower principal' },
} as const;
export type DutyRule = keyof typeof DUTY_RULES;
