// Sample requests for the route-table-driven id tests (issue 11 §2, §7): what a valid request to each route looks like
// apart from its ids, which the tests fill in from the route's id fields.
import type { RouteEntry } from '../http/index.js';
import type { IdField } from './id-kinds.js';
import { makeIdCard } from '../../modules/registry/index.js';

/** What a valid request looks like apart from its ids (which the matrix fills in from the route's id fields). */
export interface Sample {
  body?: Record<string, unknown>;
  query?: Record<string, string>;
  params?: Record<string, string>;
  /** With a file: its name, percent-encoded, as an upload sends it. */
  headers?: Record<string, string>;
  file?: Buffer;
}
const PDF = Buffer.from('%PDF-1.4\n测试\n%%EOF\n');
const collective = { meetingOn: '2026-03-02', participants: ['甲', '乙', '丙'], minutes: '经集体研究同意' };
export const SAMPLES: Record<string, Sample> = {
  'POST /api/v1/accounts': {
    body: {
      username: 'matrix_user',
      displayName: '矩阵测试',
      password: 'Lake-river-7-stones',
      role: 'cadre',
      scope: 4,
      customOrgIds: [0],
    },
  },
  'POST /api/v1/accounts/:id/disable': { body: { reason: '调离本单位' } },
  'POST /api/v1/accounts/:id/enable': { body: { reason: '重新启用' } },
  'PATCH /api/v1/accounts/:id': { body: { displayName: '改名', customOrgIds: [0], reason: '更正姓名' } },
  'POST /api/v1/auth/password': { body: { current: 'x', next: 'y' } },
  'POST /api/v1/auth/totp/begin': {},
  'POST /api/v1/auth/totp/confirm': { body: { code: '123456' } },
  'POST /api/v1/accounts/:id/reset-password': { body: { reason: '忘记密码' } },
  'POST /api/v1/accounts/:id/reset-totp': { body: { reason: '更换手机' } },
  'POST /api/v1/accounts/:id/unlock': { body: { reason: '本人确认' } },
  'POST /api/v1/sessions/:id/end': { body: { reason: '异常登录' } },
  'POST /api/v1/meetings': {
    body: { orgId: 0, kind: 'office', heldOn: '2026-03-01', place: '会议室', chairCadreId: 0, recorder: '办公室' },
  },
  'POST /api/v1/meetings/:id/seal': { body: {} },
  'POST /api/v1/meetings/:id/addenda': { body: { reason: '笔误', correction: '地点应为第二会议室' } },
  'GET /api/v1/personal-duties': { query: { year: '2025' } },
  'POST /api/v1/personal-draws': { body: { orgId: 0, year: 2025 } },
  'POST /api/v1/personal-draws/:id/draw': { body: { cohorts: [{ cadreId: 0, cohort: 'reserve' }] } },
  'POST /api/v1/personal-reports': { body: { kind: 'annual', cadreId: 0, year: 2024 } },
  'PUT /api/v1/personal-reports/:id/items': { body: { items: [] } },
  'POST /api/v1/personal-reports/:id/submit': { body: { password: 'not-the-password' } },
  'POST /api/v1/personal-reports/:id/corrections': {},
  'PUT /api/v1/meetings/:id/attendance': { body: { members: [{ cadreId: 0, attended: true }] } },
  'POST /api/v1/meetings/:id/items': { body: { title: '研究议题', category: 'other', proposerCadreId: 0 } },
  'POST /api/v1/emergency-decisions': {
    body: {
      orgId: 0,
      kind: 'office',
      title: '临时决策',
      category: 'other',
      decidedOn: '2026-03-01',
      reason: '时间紧急',
      content: '同意先行处置',
      proposerCadreId: 0,
    },
  },
  'POST /api/v1/emergency-decisions/:id/report': { body: { meetingId: 0 } },
  'POST /api/v1/emergency-decisions/:id/sign': { body: { password: 'correct-horse-battery' } },
  'POST /api/v1/meeting-items/:id/opinions': { body: { cadreId: 0, opinion: 'agree' } },
  'POST /api/v1/meeting-items/:id/votes': { body: { cadreId: 0, candidateId: 0, vote: 'agree' } },
  'POST /api/v1/meeting-items/:id/candidates': { body: { cadreId: 0, post: '拟任局长' } },
  'POST /api/v1/meeting-items/:id/conflicts': { body: { cadreId: 0, note: '与议题有利害关系' } },
  'POST /api/v1/meeting-items/:id/close': { body: {} },
  'POST /api/v1/meeting-items/:id/audio': {
    headers: { 'x-file-name': encodeURIComponent('录音.mp3') },
    file: Buffer.concat([Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00', 'latin1'), Buffer.alloc(100, 1)]),
  },
  'POST /api/v1/meeting-items/:id/sign': { body: { password: 'correct-horse-battery' } },
  'POST /api/v1/interference-records': {
    body: {
      orgId: 0,
      askedOn: '2026-03-01',
      askerCadreId: 0,
      askerRelation: 'relative',
      leaderCadreId: 0,
      area: 'project',
      matter: '工程招标',
      request: '请关照某公司',
      handling: 'refused',
    },
  },
  'POST /api/v1/interference-reports': {
    body: { orgId: 0, year: 2025, quarter: 4, password: 'correct-horse-battery' },
  },
  'POST /api/v1/expenses': { body: { orgId: 0, spentOn: '2026-03-01', purpose: '购置设备', amountYuan: 5000 } },
  'POST /api/v1/expenses/:id/sign': { body: { password: 'correct-horse-battery' } },
  'POST /api/v1/meeting-items/:id/completion': { body: { completedOn: '2026-03-02' } },
  'POST /api/v1/result-reviews/:id/review': {
    body: {
      reviewedOn: '2026-03-03',
      reviewerKind: 'department',
      reviewer: '市审计局',
      outcome: 'positive',
      lossesYuan: 0,
      excessProfitYuan: 0,
      savingsYuan: 0,
      quality: 'good',
      summary: '按期完成',
    },
  },
  'POST /api/v1/orgs': { body: { name: '测试单位', level: 'village', unitType: 'village_org' } },
  'PATCH /api/v1/orgs/:id': { body: { sort: 7 } },
  'POST /api/v1/orgs/:id/move': { body: { reason: '测试调整隶属' } },
  'POST /api/v1/orgs/:id/team': { body: { teamRole: 'member', joinedOn: '2024-01-01' } },
  'POST /api/v1/team-members/:id/leave': { body: { leftOn: '2026-03-01' } },
  'PUT /api/v1/team-members/:id/portfolios': { body: { areas: [], effectiveOn: '2026-03-01' } },
  'POST /api/v1/flags/sweep': {},
  'POST /api/v1/cadres': {
    body: { name: '测试干部', idCard: makeIdCard('339802', '1985-01-01', 77), partyStatus: 'member' },
  },
  'PATCH /api/v1/cadres/:id': { body: { ethnicity: '汉族' } },
  'POST /api/v1/cadres/:id/posts': {
    body: { title: '兼职', postKind: 'staff', rank: 'staff', startDate: '2024-01-01' },
  },
  'POST /api/v1/posts/:id/end': { body: { endDate: '2026-03-01', reason: '工作调动' } },
  'POST /api/v1/cadres/:id/relations': { body: { kind: 'cousin' } },
  'DELETE /api/v1/relations/:id': { query: { reason: '录入错误' } },
  'PUT /api/v1/rules/:ruleId/overrides/:id': {
    params: { ruleId: 'M-15' },
    body: { settings: { replyWorkingDays: 20 } },
  },
  'DELETE /api/v1/rules/:ruleId/overrides/:id': { params: { ruleId: 'M-15' } },
  'POST /api/v1/reports/:id/replies': { body: { body: '您反映的问题已收到。' } },
  'POST /api/v1/reports/:id/reveal': { body: { reason: '核实举报人身份需要' } },
  'POST /api/v1/reports/:id/accept': {
    body: { problemType: 'integrity', summary: '测试线索摘要', handlingMode: 'assign' },
  },
  'POST /api/v1/reports/:id/decline': { body: { reason: '不属于受理范围' } },
  'POST /api/v1/report-links/:id/confirm': {},
  'POST /api/v1/report-links/:id/reject': {},
  'POST /api/v1/deadlines/:id/extend': { body: { reason: '案情复杂需要延期' } },
  'POST /api/v1/findings/:id/handle': { body: { note: '已调整分工' } },
  'POST /api/v1/findings/:id/dismiss': { body: { note: '经核实不属实' } },
  'POST /api/v1/clues/:id/propose': { body: { disposal: 'close', opinion: '予以了结', version: 1, collective } },
  'POST /api/v1/clues/:id/approve': { body: { opinion: '同意', version: 1 } },
  'POST /api/v1/clues/:id/return': { body: { opinion: '退回', version: 1 } },
  'POST /api/v1/clues/:id/conclude': { body: { result: 'unsubstantiated', opinion: '经核实不实', version: 1 } },
  'POST /api/v1/clues/:id/letters': { body: { questions: '请再次说明有关情况。' } },
  'POST /api/v1/letters/:id/decision': { body: { decision: 'accept', note: '予以采信' } },
  'POST /api/v1/my/letters/:id/reply': { body: { reply: '关于津贴补贴发放的情况说明如下。' } },
  'POST /api/v1/my/letters/:id/countersign': { body: { opinion: '经了解，所作说明与实际情况相符。' } },
  'POST /api/v1/talks': { body: { kind: 'supervision', heldOn: '2026-03-01', summary: '监督谈话测试' } },
  'POST /api/v1/talk-occasions': { body: { event: 'commendation', occurredOn: '2026-03-01' } },
  'POST /api/v1/activities': {
    body: {
      kind: 'member_hearing',
      heldOn: '2026-03-01',
      title: '听取汇报',
      summary: '听取班子成员汇报。',
      subjects: [{ verdict: 'good' }],
    },
  },
  'POST /api/v1/talks/:id/attachments': { headers: { 'x-file-name': encodeURIComponent('记录.pdf') }, file: PDF },
  'POST /api/v1/activities/:id/attachments': { headers: { 'x-file-name': encodeURIComponent('记录.pdf') }, file: PDF },
  'POST /api/v1/obligations/:id/waive': { body: { reason: '人员已调离本单位' } },
  'POST /api/v1/my/notifications/:id/read': {},
  'POST /api/v1/responsibilities/import': { query: { listName: '测试清单', dryRun: 'true' }, file: PDF },
  'PATCH /api/v1/responsibilities/:id': { body: { status: 'in_progress', progress: '已召开专题会' } },
  'GET /api/v1/rules/:ruleId/settings': { params: { ruleId: 'M-15' } },
  'GET /api/v1/flags/:ruleId': { params: { ruleId: 'M-07' } },
  'GET /api/v1/flags/:ruleId/export.xlsx': { params: { ruleId: 'M-07' } },
  'GET /api/v1/reports/queues/:queue': { params: { queue: 'disposal' } },
};
/** Write routes that take no id (checked below: the route table agrees). */
export const NO_IDS = new Set([
  'POST /api/v1/auth/logout',
  'POST /api/v1/roster/import',
  'POST /api/v1/reports',
  'POST /api/v1/trail/verify',
  'POST /api/v1/obligations/remind',
  'POST /api/v1/obligations/generate',
  'PUT /api/v1/calendar/:year',
  'POST /api/v1/jobs/:name/run', // a job's name, one of the installation's own jobs, not a record in anyone's scope
]);
/** No account: public report pages, login, health. They take no id (a receipt is not one). */
export const isPublic = (r: RouteEntry) =>
  r.url.startsWith('/api/v1/public/') || ['/api/v1/auth/login', '/api/v1/health'].includes(r.url);
export const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const key = (r: RouteEntry) => `${r.method} ${r.url}`;

function setAt(target: Record<string, unknown>, path: string[], value: unknown) {
  const [head, ...rest] = path;
  if (head === '*') {
    const list = target as unknown as unknown[];
    // An array of ids (`customOrgIds: [0]`) has each element replaced; an array of objects has its field set.
    if (!rest.length) list.fill(value);
    else for (const el of list as Array<Record<string, unknown>>) setAt(el, rest, value);
  } else if (!rest.length) target[head] = value;
  else {
    target[head] ??= {};
    setAt(target[head] as Record<string, unknown>, rest, value);
  }
}

/** The sample request of a route with each id field set by `idOf` (path and query values go into the URL as they are). */
export function requestFor(r: RouteEntry, idOf: (f: IdField, i: number) => unknown) {
  const s = SAMPLES[key(r)] ?? {};
  const params: Record<string, string> = { ...s.params };
  const query = Object.entries(s.query ?? {}).map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  const body: Record<string, unknown> = structuredClone(s.body ?? {});
  r.ids.forEach((f, i) => {
    const v = idOf(f, i);
    if (f.in === 'params') params[f.path[0]] = String(v);
    else if (f.in === 'querystring') query.push(`${f.path[0]}=${String(v)}`);
    else setAt(body, f.path, v);
  });
  const url = `${r.url.replace(/:(\w+)/g, (_m, p: string) => params[p])}${query.length ? `?${query.join('&')}` : ''}`;
  const withBody = WRITE.has(r.method) && r.method !== 'DELETE';
  return {
    method: r.method as 'POST',
    url,
    file: s.file,
    headers: s.headers ?? {},
    body: withBody && !s.file ? body : undefined,
  };
}
