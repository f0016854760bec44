// Demo accounts (demo mode only), password mingjian-demo. The TOTP secrets are fixed so the README can give them;
// `npm run demo:totp` prints the current codes.
import type { ScopeCode } from '../platform/scope/index.js';
import type { Role } from '../platform/auth/index.js';

export const DEMO_PASSWORD = 'mingjian-demo';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  scope: ScopeCode;
  /** Unit by exact name in the demo city. */
  orgName: string;
  /** Link the account to the cadre holding this post title in orgName (committee leader, the cadre). */
  cadreTitle?: string;
  totpSecret?: string;
  /** Head of the body (纪委书记): approves clue disposals (M-14). */
  isHead?: boolean;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'demo_city', displayName: '市委组织部干部监督科', role: 'org_supervisor', scope: 4, orgName: '示例市' },
  { username: 'demo_county_a', displayName: '明湖区委组织部', role: 'org_supervisor', scope: 4, orgName: '明湖区' },
  { username: 'demo_county_b', displayName: '青石区委组织部', role: 'org_supervisor', scope: 4, orgName: '青石区' },
  {
    username: 'demo_discipline',
    displayName: '市纪委监委案件监督管理室',
    role: 'discipline',
    scope: 4,
    orgName: '示例市',
    totpSecret: 'MJDEMODISCIPLINE',
  },
  {
    username: 'demo_discipline_head',
    displayName: '市纪委书记',
    role: 'discipline',
    scope: 4,
    orgName: '示例市',
    totpSecret: 'MJDEMODISCHEADAA',
    isHead: true,
  },
  {
    username: 'demo_petition',
    displayName: '市纪委监委信访室',
    role: 'petition',
    scope: 4,
    orgName: '示例市',
    totpSecret: 'MJDEMOPETITIONAA',
  },
  { username: 'demo_auditor', displayName: '市审计局经济责任审计科', role: 'auditor', scope: 4, orgName: '示例市' },
  {
    username: 'demo_leader',
    displayName: '明湖区委书记',
    role: 'committee_leader',
    scope: 4,
    orgName: '明湖区',
    cadreTitle: '区委书记',
  },
  {
    username: 'demo_cadre',
    displayName: '明湖区财政局局长',
    role: 'cadre',
    scope: 5,
    orgName: '明湖区财政局',
    cadreTitle: '党组书记、局长',
  },
  {
    username: 'demo_joint',
    displayName: '市公安局（联席成员单位）',
    role: 'joint_member',
    scope: 3,
    orgName: '示例市公安局',
  },
  { username: 'demo_admin', displayName: '系统管理员', role: 'admin', scope: 1, orgName: '示例市' },
];
