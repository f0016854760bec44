// The roles of SPEC §1 and what each may do. Scope (which units) is separate: see platform/scope.
export const ROLES = {
  org_supervisor: { zh: '组织部干部监督', en: 'Organization department supervisor' },
  discipline: { zh: '纪委监委', en: 'Discipline commission' },
  petition: { zh: '信访', en: 'Petition officer' },
  auditor: { zh: '审计/巡察', en: 'Auditor / inspection team' },
  committee_leader: { zh: '党委领导', en: 'Committee leader' },
  cadre: { zh: '干部本人', en: 'Cadre' },
  joint_member: { zh: '联席成员单位', en: 'Joint-meeting member' },
  admin: { zh: '系统管理员', en: 'Administrator' },
} as const;
export type Role = keyof typeof ROLES;
export const ROLE_NAMES = Object.keys(ROLES) as Role[];

export type Permission =
  | 'orgs.read'
  | 'orgs.write'
  | 'cadres.read'
  | 'cadres.write'
  | 'rules.read'
  | 'rules.write'
  | 'trail.read'
  | 'accounts.manage'
  | 'reports.read'
  | 'reports.write'
  | 'reports.intake'
  | 'reports.reveal'
  | 'clues.read'
  | 'clues.handle'
  | 'clues.approve'
  | 'talks.read'
  | 'talks.write'
  | 'duties.manage'
  | 'jobs.manage'
  | 'decisions.read'
  | 'decisions.write'
  /** Sign an item as its proposer or chair (M-33): the route checks that the account is that person. */
  | 'decisions.sign'
  /** Record a request to intervene one was given (M-37): anyone asked; each sees their own records. */
  | 'interference.record'
  /** Read the interference records of units in scope (M-37): the organization department and the commission. */
  | 'interference.read'
  /** The interference records naming a cadre, in their dossier: the discipline commission only (issue 14 §8). */
  | 'interference.dossier'
  /** File one's own personal matters report (M-40): any account linked to a cadre. */
  | 'personal.file'
  /** Enter, read and follow the personal matters reports of cadres in scope (M-40): the organization department. */
  | 'personal.manage';

// Joint-meeting members see only what they sent (later modules); the administrator manages accounts and
// rule settings and never reads cadre records by default (SPEC §1).
const GRANTS: Record<Role, Permission[]> = {
  org_supervisor: [
    'orgs.read',
    'orgs.write',
    'cadres.read',
    'cadres.write',
    'rules.read',
    'talks.read',
    'talks.write',
    'duties.manage',
    'decisions.read',
    'decisions.write',
    'decisions.sign',
    'interference.record',
    'interference.read',
    'personal.file',
    'personal.manage',
  ],
  // Approving a disposal also needs the account to be the commission's head (accounts.is_head, M-14).
  discipline: [
    'orgs.read',
    'cadres.read',
    'rules.read',
    'reports.read',
    'reports.write',
    'clues.read',
    'clues.handle',
    'clues.approve',
    'talks.read',
    'talks.write',
    'decisions.read',
    'interference.record',
    'interference.read',
    'interference.dossier',
    'personal.file',
  ],
  // Only the petition role may reveal a reporter's identity (M-11), with a reason, trailed.
  petition: [
    'orgs.read',
    'cadres.read',
    'reports.read',
    'reports.write',
    'reports.intake',
    'reports.reveal',
    'interference.record',
    'personal.file',
  ],
  auditor: ['orgs.read', 'cadres.read', 'trail.read', 'decisions.read', 'interference.record', 'personal.file'],
  // A committee leader records the talks they hold themselves (M-20) and sees their subtree's duties.
  committee_leader: [
    'orgs.read',
    'cadres.read',
    'rules.read',
    'talks.read',
    'talks.write',
    'decisions.read',
    'decisions.write',
    'decisions.sign',
    'interference.record',
    'personal.file',
  ],
  cadre: ['orgs.read', 'cadres.read', 'decisions.sign', 'interference.record', 'personal.file'],
  joint_member: [],
  admin: ['orgs.read', 'rules.read', 'rules.write', 'trail.read', 'accounts.manage', 'jobs.manage'],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role]?.includes(permission) ?? false;
}

export function permissionsOf(role: Role): Permission[] {
  return [...(GRANTS[role] ?? [])];
}

/** TOTP second factor is required for the roles that handle reporters and cases. */
export function requiresTotp(role: Role): boolean {
  return role === 'petition' || role === 'discipline';
}

/** Whether this account must use a second factor: its role requires one, or the administrator asked for it. */
export function needsTotp(role: Role, required: boolean): boolean {
  return required || requiresTotp(role);
}
