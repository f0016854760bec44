// Statuses move only through these tables (ARCHITECTURE non-negotiable 6): who may move what from which state to
// which. Services look a move up here and refuse anything the table does not list; every move is a signed step.

/** A report's status, as the public sees it with the receipt (M-11) and staff see it in the list. */
export const REPORT_STATUS = {
  received: ['已受理登记，待甄别', 'Received, awaiting triage'],
  accepted: ['已转为问题线索，正在办理', 'Accepted as a clue, in hand'],
  merged: ['已并入相关举报一并办理', 'Merged with a related report'],
  not_accepted: ['不予受理', 'Not accepted'],
  concluded: ['已办结', 'Concluded'],
} as const;
export type ReportStatus = keyof typeof REPORT_STATUS;

/** Report triage (M-12, M-13): the petition or discipline staff decide what a received report becomes. */
export const REPORT_MOVES: Record<string, { from: ReportStatus[]; to: ReportStatus }> = {
  accept: { from: ['received'], to: 'accepted' },
  merge: { from: ['received'], to: 'merged' },
  not_accept: { from: ['received'], to: 'not_accepted' },
  conclude: { from: ['accepted', 'merged'], to: 'concluded' },
};

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

/** Who acts: 'handler' is the discipline staff (clues.handle); 'head' is the commission head (clues.approve). */
export type ClueActor = 'handler' | 'head';

export interface ClueMove {
  from: ClueState[];
  /** A fixed target, or 'by-disposal' for approval (the approved disposal decides). */
  to: ClueState | 'by-disposal';
  by: ClueActor;
  zh: string;
}

export const CLUE_MOVES = {
  // A disposal is proposed with the collective decision (集体研究) behind it; a hold is proposed again on review.
  propose: { from: ['registered', 'on_hold'], to: 'proposed', by: 'handler', zh: '提出处置意见' },
  approve: { from: ['proposed'], to: 'by-disposal', by: 'head', zh: '审批同意' },
  return: { from: ['proposed'], to: 'registered', by: 'head', zh: '退回重议' },
  // A letter's reply not accepted moves the clue on to verification (M-15).
  escalate: { from: ['inquiry'], to: 'verification', by: 'handler', zh: '转初步核实' },
  conclude: { from: ['inquiry', 'verification'], to: 'closed', by: 'handler', zh: '办结' },
} as const satisfies Record<string, ClueMove>;
export type ClueMoveName = keyof typeof CLUE_MOVES;

/** The state a move leads to, or null when the table does not allow it from `state`. */
export function clueMoveTarget(move: ClueMoveName, state: ClueState, disposal?: Disposal | null): ClueState | null {
  const m: ClueMove = CLUE_MOVES[move];
  if (!m.from.includes(state)) return null;
  if (m.to !== 'by-disposal') return m.to;
  return disposal ? DISPOSALS[disposal].state : null;
}

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
