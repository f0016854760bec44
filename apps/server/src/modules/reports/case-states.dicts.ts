// The states of reports, clues and letters (M-11 … M-15). Their moves are tables in case.moves.ts.

/** A report's status, as the public sees it with the receipt (M-11) and staff see it in the list. */
export const REPORT_STATUS = {
  received: ['已受理登记，待甄别', 'Received, awaiting triage'],
  accepted: ['已转为问题线索，正在办理', 'Accepted as a clue, in hand'],
  merged: ['已并入相关举报一并办理', 'Merged with a related report'],
  not_accepted: ['不予受理', 'Not accepted'],
  concluded: ['已办结', 'Concluded'],
} as const;
export type ReportStatus = keyof typeof REPORT_STATUS;

/** M-14 clue states. */
export const CLUE_STATE = {
  registered: ['待处置', 'Awaiting disposal'],
  proposed: ['待审批', 'Disposal proposed, awaiting approval'],
  inquiry: ['谈话函询', 'Talk or letter of inquiry'],
  verification: ['初步核实', 'Preliminary verification'],
  on_hold: ['暂存待查', 'On hold'],
  closed: ['已了结', 'Closed'],
  transferred: ['已移送', 'Transferred'],
} as const;
export type ClueState = keyof typeof CLUE_STATE;

/** The five disposals of M-14 and the state each leads to once the head approves it. */
export const DISPOSALS = {
  inquiry: { zh: '谈话函询', en: 'Talk or letter of inquiry', state: 'inquiry' },
  verification: { zh: '初步核实', en: 'Preliminary verification', state: 'verification' },
  hold: { zh: '暂存待查', en: 'Hold for later review', state: 'on_hold' },
  close: { zh: '予以了结', en: 'Close', state: 'closed' },
  transfer: { zh: '移送', en: 'Transfer to the competent body', state: 'transferred' },
} as const satisfies Record<string, { zh: string; en: string; state: ClueState }>;
export type Disposal = keyof typeof DISPOSALS;

export const HANDLING_MODES = {
  self: ['自办', 'Handled itself'],
  transfer: ['转办', 'Passed down'],
  assign: ['交办', 'Assigned down, report back'],
  supervise: ['督办', 'Supervised'],
} as const;
export type HandlingMode = keyof typeof HANDLING_MODES;

/** The signed steps of a clue as its history shows them: the moves of CLUE_MACHINE (case.moves.ts) and the registration at triage. */
export const STEP_ACTIONS = {
  register: ['登记为问题线索', 'Registered'],
  propose: ['提出处置意见', 'Disposal proposed'],
  approve: ['审批同意', 'Approved'],
  return: ['退回重议', 'Returned'],
  escalate: ['转初步核实', 'Moved to verification'],
  conclude: ['办结', 'Concluded'],
} as const;

export const OPEN_CLUE_STATES: ClueState[] = ['registered', 'proposed', 'inquiry', 'verification', 'on_hold'];

/** Problem types at triage (M-19 analysis), after the six disciplines of the party's disciplinary rules. */
export const PROBLEM_TYPES = {
  political: ['违反政治纪律', 'Political discipline'],
  organizational: ['违反组织纪律', 'Organizational discipline'],
  integrity: ['违反廉洁纪律', 'Integrity discipline'],
  mass: ['违反群众纪律', 'Mass discipline'],
  work: ['违反工作纪律', 'Work discipline'],
  life: ['违反生活纪律', 'Personal conduct'],
  other: ['其他', 'Other'],
} as const;
export type ProblemType = keyof typeof PROBLEM_TYPES;

/** Letter of inquiry statuses (M-15). */
export const LETTER_STATUS = {
  sent: ['已发函，待回复', 'Sent, awaiting reply'],
  replied: ['已回复，待主要负责人签署', 'Replied, awaiting the principal’s countersignature'],
  countersigned: ['已签署意见，待审核', 'Countersigned, awaiting review'],
  accepted: ['回复属实，予以采信', 'Reply accepted'],
  to_verification: ['转初步核实', 'Moved to verification'],
} as const;
export type LetterStatus = keyof typeof LETTER_STATUS;
