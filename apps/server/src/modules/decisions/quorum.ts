// Quorum (M-30): of the members who should attend (应到会成员), more than half must be present for a 三重一大 item
// and at least two thirds for an appointment (settings M-30). Counted in whole people, so a share that lands exactly
// on a count is decided without floating-point doubt: 2/3 of 9 is 6, and 6 present is enough.
const EPS = 1e-9;

export interface Quorum {
  expected: number;
  present: number;
  /** The fewest present that meet it. */
  required: number;
  met: boolean;
  rule: 'more_than' | 'at_least';
}

export function quorum(
  appointment: boolean,
  expected: number,
  present: number,
  s: { majorQuorumShare: number; appointmentQuorumShare: number },
): Quorum {
  const required = appointment
    ? Math.ceil(s.appointmentQuorumShare * expected - EPS)
    : Math.floor(s.majorQuorumShare * expected + EPS) + 1;
  return {
    expected,
    present,
    required: Math.max(required, 1),
    met: present >= Math.max(required, 1),
    rule: appointment ? 'at_least' : 'more_than',
  };
}
