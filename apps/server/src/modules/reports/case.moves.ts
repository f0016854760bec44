// Statuses move only through these tables (ARCHITECTURE non-negotiable 6, issue 12 §2): who may move what from which
// state to which. Services make a move with `<MACHINE>.apply`; nothing else writes these status columns. The
// diagrams in docs/states.md are generated from here (`npm run docs:states`).
import { AppError, conflict } from '../../platform/http/index.js';
import { stateMachine } from '../../platform/moves/index.js';
import { CLUE_STATE, DISPOSALS, LETTER_STATUS, REPORT_STATUS, type LetterStatus } from './case-states.dicts.js';

export const reportTriaged = () =>
  conflict('REPORT_TRIAGED', '该举报已甄别处理', 'This report has already been triaged');
const notMergeable = () =>
  conflict(
    'REPORT_TRIAGED',
    '该举报已甄别，不能再并入其他举报',
    'This report has already been triaged and cannot be merged',
  );

/** Report triage (M-12, M-13): the petition or discipline staff decide what a received report becomes. */
export const REPORT_MACHINE = stateMachine({
  title: '举报 Reports (M-11, M-12, M-13)',
  entity: 'report',
  table: 'reports',
  column: 'status',
  states: REPORT_STATUS,
  moves: {
    accept: { from: ['received'], to: 'accepted', verb: ['转为问题线索', 'accept as a clue'] },
    merge: { from: ['received'], to: 'merged', verb: ['并入相关举报', 'merge into a related report'] },
    not_accept: { from: ['received'], to: 'not_accepted', verb: ['不予受理', 'decline'] },
    // A report merged into one that is then declined goes back to triage on its own.
    release: { from: ['merged'], to: 'received', verb: ['退回待甄别', 'return to triage'] },
    conclude: { from: ['accepted', 'merged'], to: 'concluded', verb: ['办结', 'conclude'] },
  },
  stale: (move) => (move === 'merge' ? notMergeable() : reportTriaged()),
  refuse: (_state, move) => (move === 'merge' ? notMergeable() : reportTriaged()),
});

const linkDecided = () => conflict('LINK_DECIDED', '该关联建议已处理', 'This proposal has already been decided');

/** A proposed link between two reports about the same matter (M-13), decided by a person. */
export const LINK_MACHINE = stateMachine({
  title: '举报关联建议 Related-report proposals (M-13)',
  entity: 'report_link',
  table: 'report_links',
  column: 'status',
  states: {
    proposed: ['系统建议关联', 'Proposed'],
    confirmed: ['确认为同一事项', 'Confirmed'],
    rejected: ['不予关联', 'Rejected'],
  },
  moves: {
    confirm: { from: ['proposed'], to: 'confirmed', verb: ['确认关联', 'confirm'] },
    reject: { from: ['proposed'], to: 'rejected', verb: ['不予关联', 'reject'] },
  },
  stale: linkDecided,
  refuse: linkDecided,
});

export const staleClue = () =>
  conflict('STALE', '该线索已被他人处理，请刷新后重试', 'Someone else has just acted on this clue; reload and retry');

/** M-14 clue disposal. 'handler' is the discipline staff (clues.handle); 'head' is the commission head. */
export const CLUE_MACHINE = stateMachine({
  title: '问题线索 Clues (M-14, M-15)',
  entity: 'clue',
  table: 'clues',
  column: 'state',
  versioned: true,
  states: CLUE_STATE,
  moves: {
    // A disposal is proposed with the collective decision (集体研究) behind it; a hold is proposed again on review.
    propose: { from: ['registered', 'on_hold'], to: 'proposed', by: 'handler', verb: ['提出处置意见', 'propose'] },
    // The approved disposal decides where the clue goes.
    approve: {
      from: ['proposed'],
      to: Object.values(DISPOSALS).map((d) => d.state),
      by: 'head',
      verb: ['审批同意', 'approve'],
    },
    return: { from: ['proposed'], to: 'registered', by: 'head', verb: ['退回重议', 'return'] },
    // A letter's reply not accepted moves the clue on to verification (M-15).
    escalate: { from: ['inquiry'], to: 'verification', by: 'handler', verb: ['转初步核实', 'move to verification'] },
    conclude: { from: ['inquiry', 'verification'], to: 'closed', by: 'handler', verb: ['办结', 'conclude'] },
  },
  seats: {
    head: {
      may: (auth) => auth.isHead,
      refusal: () =>
        new AppError(
          403,
          'HEAD_ONLY',
          '须由纪委监委主要负责人审批',
          'Only the commission head may approve or return a disposal',
        ),
    },
  },
  steps: { table: 'clue_steps', key: 'clue_id' },
  stale: staleClue,
  refuse: (state, _move, verb) =>
    conflict(
      'BAD_STATE',
      `线索当前为“${CLUE_STATE[state]?.[0] ?? state}”，不能${verb[0]}`,
      `The clue is ${CLUE_STATE[state]?.[1] ?? state}; it cannot be moved this way`,
    ),
});
export type ClueMoveName = keyof typeof CLUE_MACHINE.moves;

export const letterStale = () =>
  conflict('LETTER_STATE', '函询状态已变化，请刷新后重试', 'The letter has moved on; reload and retry');

/** A letter of inquiry (M-15): the cadre replies, their principal countersigns, the commission decides. */
export const LETTER_MACHINE = stateMachine({
  title: '函询 Letters of inquiry (M-15)',
  entity: 'inquiry_letter',
  table: 'inquiry_letters',
  column: 'status',
  states: LETTER_STATUS,
  moves: {
    reply: { from: ['sent'], to: 'replied', by: 'addressee', verb: ['回复', 'reply'] },
    countersign: { from: ['replied'], to: 'countersigned', by: 'principal', verb: ['签署意见', 'countersign'] },
    accept: { from: ['countersigned'], to: 'accepted', verb: ['采信回复', 'accept the reply'] },
    verify: { from: ['countersigned'], to: 'to_verification', verb: ['转初步核实', 'move to verification'] },
  },
  stale: letterStale,
  refuse: (state, move) => letterRefused(state, move),
});

/** A move the letter's state does not allow, said as what is missing or what has already happened (issue 13 §6). */
function letterRefused(state: LetterStatus, move: string) {
  const closed = state === 'accepted' || state === 'to_verification';
  const [zh, en]: [string, string] = closed
    ? [`函询已办结（${LETTER_STATUS[state][0]}）`, `The letter is closed (${LETTER_STATUS[state][1]})`]
    : move === 'reply'
      ? ['已经回复过，不能再次回复', 'The reply has been given already']
      : state === 'sent'
        ? [
            '被函询人尚未回复，回复后才能' + (move === 'countersign' ? '签署意见' : '审核'),
            'The cadre has not replied yet',
          ]
        : move === 'countersign'
          ? ['主要负责人已签署意见', 'The principal has countersigned already']
          : ['主要负责人尚未签署意见，签署后才能审核', 'The principal has not countersigned yet'];
  return conflict('LETTER_STATE', zh, en);
}
