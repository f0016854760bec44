// Supervision duties (M-21 … M-25) on the platform's one deadline engine: a duty is a row of `duties`, done by the
// record that fulfilled it (done_on; for a duty needing several, the last of them), or waived with a reason.
import { deadlineTable } from '../../platform/deadlines/index.js';

export const DUTIES = deadlineTable({
  table: 'duties',
  entity: 'duty',
  action: 'duty',
  met: 'done_on',
  closed: ['DUTY_CLOSED', '该项义务已完成或已免除', 'This duty is already done or waived'],
});
