// Names of the decisions module's codes (M-30, M-31), Chinese first.
import type { PREP_STEP_CODES } from '../../platform/rules/defaults.js';

export const MEETING_KINDS = {
  committee: ['党委（党组）会议', 'Party committee (group) meeting'],
  standing: ['常委会', 'Standing committee meeting'],
  office: ['办公会', 'Office meeting'],
} as const;
export type MeetingKind = keyof typeof MEETING_KINDS;

/** 三重一大 are the first four; `other` is any further item of the agenda. */
export const ITEM_CATEGORIES = {
  major_decision: ['重大事项决策', 'Major decision'],
  appointment: ['重要干部任免', 'Important appointment'],
  major_project: ['重大项目安排', 'Major project'],
  large_funds: ['大额度资金使用', 'Large use of funds'],
  other: ['其他议题', 'Other item'],
} as const;
export type ItemCategory = keyof typeof ITEM_CATEGORIES;

export const PREP_STEPS: Record<(typeof PREP_STEP_CODES)[number], readonly [string, string]> = {
  research: ['调查研究', 'Research'],
  consultation: ['征求意见', 'Consultation'],
  legality_review: ['合法性审查', 'Legality review'],
};
export type PrepStep = keyof typeof PREP_STEPS;

/** The M-31 setting that lists a category's steps. */
export const PREP_SETTING = {
  major_decision: 'prepMajorDecision',
  appointment: 'prepAppointment',
  major_project: 'prepMajorProject',
  large_funds: 'prepLargeFunds',
} as const;

// Interference records (M-37): the area, who asked, how it was handled.
export const INTERFERENCE_AREAS = {
  appointment: ['干部选拔任用', 'Appointments'],
  project: ['工程建设', 'Projects'],
  law_enforcement: ['执法', 'Law enforcement'],
  justice: ['司法', 'Justice'],
  approval: ['行政审批', 'Approvals'],
  procurement: ['政府采购', 'Procurement'],
  other: ['其他重大事项', 'Other'],
} as const;
export const ASKER_RELATIONS = {
  leader: ['领导干部本人', 'The leader'],
  relative: ['领导干部亲属', "A leader's relative"],
  friend: ['领导干部朋友', "A leader's friend"],
  staff: ['领导干部身边工作人员', "A leader's staff"],
  other: ['其他人员', 'Someone else'],
} as const;
export const HANDLINGS = {
  refused: ['予以拒绝', 'Refused'],
  reported: ['拒绝并向组织报告', 'Refused and reported'],
  complied: ['已按请托办理', 'Complied'],
  other: ['其他', 'Other'],
} as const;
