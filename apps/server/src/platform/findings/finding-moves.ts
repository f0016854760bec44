// A finding's status, moved by a person (issue 12 §5): open → handled with a note, or dismissed with a reason; the
// store reopens one whose evidence has changed since (the system's move). On the one state machine (platform/moves).
import { conflict } from '../http/index.js';
import { stateMachine } from '../moves/index.js';

export const FINDING_STATUS = {
  open: ['待处理', 'Open'],
  handled: ['已处理', 'Handled'],
  dismissed: ['已排除', 'Dismissed'],
} as const;
export type FindingStatus = keyof typeof FINDING_STATUS;

export const FINDING_MACHINE = stateMachine({
  title: '预警发现 Findings (M-80, M-81)',
  entity: 'finding',
  table: 'findings',
  column: 'status',
  states: FINDING_STATUS,
  moves: {
    handle: { from: ['open'], to: 'handled', verb: ['标记已处理', 'mark handled'] },
    dismiss: { from: ['open'], to: 'dismissed', verb: ['排除', 'dismiss'] },
    reopen: {
      from: ['handled', 'dismissed'],
      to: 'open',
      verb: ['重新打开（证据已变化）', 'reopen (the evidence changed)'],
    },
  },
  stale: () =>
    conflict('FINDING_MOVED', '该预警已被他人处理，请刷新', 'Someone else has just moved this finding; reload'),
});
