// Scope, roles and recusal for clues and letters (M-11, M-14, M-15, M-17): a sibling unit, a linked account and a
// role without the permission all fail the same way, through every clue endpoint; a clue passed down (交办) is seen by
// the unit that handles it; a letter is read only by its two parties. And an empty installation refuses politely.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { caseDesk, startCaseApp } from './reports.fixtures.js';
import { CADRE, ORG } from '../../test/fixtures.js';

let t: TestApp;
let petition: Client;
let handler: Client;
let head: Client;
let clueId: number;
let letterId: number;
let version: number;
const collective = { meetingOn: '2026-03-02', participants: ['甲', '乙', '丙'], minutes: '同意函询了解情况' };

beforeAll(async () => {
  t = await startCaseApp();
  ({ petition, handler, head } = await caseDesk(t));
  // 孙书记 leads 城关街道 (under 明湖区): the report goes up to 明湖区; the clue is assigned down to 明湖区财政局 (never to
  // 城关街道 itself, the accused's own unit).
  await t.app.inject({
    method: 'POST',
    url: '/api/v1/public/reports',
    payload: { accused: { name: '孙书记', unit: '城关街道' }, content: '孙书记违规发放补贴。', anonymous: true },
  });
  const reportId = (await petition.get('/api/v1/reports')).json().items[0].id;
  const accepted = await petition.post(`/api/v1/reports/${reportId}/accept`, {
    problemType: 'integrity',
    summary: '违规发放补贴',
    handlingMode: 'assign',
    handlingOrgId: ORG.A_DEPT,
  });
  expect(accepted.statusCode, accepted.body).toBe(201);
  clueId = accepted.json().clueId;
  const p = (
    await handler.post(`/api/v1/clues/${clueId}/propose`, {
      disposal: 'inquiry',
      opinion: '建议函询',
      version: 1,
      collective,
    })
  ).json();
  await head.post(`/api/v1/clues/${clueId}/approve`, { opinion: '同意', version: p.version });
  letterId = (
    await handler.post(`/api/v1/clues/${clueId}/letters`, { questions: '请说明补贴发放的依据和审批情况。' })
  ).json().id;
  version = (await handler.get(`/api/v1/clues/${clueId}`)).json().version;
});
afterAll(() => t.close());

const clueEndpoints = () =>
  [
    ['GET', `/api/v1/clues/${clueId}`],
    ['POST', `/api/v1/clues/${clueId}/propose`],
    ['POST', `/api/v1/clues/${clueId}/conclude`],
    ['POST', `/api/v1/clues/${clueId}/letters`],
    ['GET', `/api/v1/letters/${letterId}/letter.docx`],
    ['POST', `/api/v1/letters/${letterId}/decision`],
  ] as const;
const bodies = (): Record<string, object> => ({
  propose: { disposal: 'close', opinion: '予以了结', version, collective },
  conclude: { result: 'unsubstantiated', opinion: '不实了结', version },
  letters: { questions: '请再次说明有关情况。' },
  decision: { decision: 'accept', note: '予以采信' },
});
const call = (c: Client, method: 'GET' | 'POST', url: string) =>
  method === 'GET' ? c.get(url) : c.post(url, bodies()[url.split('/').at(-1)!] ?? {});

describe('clue scope and recusal', () => {
  it('a sibling county, and an account linked to the accused, get 404 from every clue endpoint and see no ledger line', async () => {
    await loginAs(t, { role: 'org_supervisor', orgId: ORG.R, scope: 4 }).then((c) =>
      c.post(`/api/v1/cadres/${CADRE.A_TOWN}/relations`, { relativeCadreId: CADRE.R, kind: 'spouse' }),
    );
    const sibling = await loginAs(t, { role: 'discipline', orgId: ORG.B, scope: 4, isHead: true });
    const spouse = await loginAs(t, { role: 'discipline', orgId: ORG.R, scope: 1, cadreId: CADRE.R, isHead: true });
    for (const [who, c] of [
      ['sibling', sibling],
      ['spouse', spouse],
    ] as const) {
      for (const [method, url] of clueEndpoints())
        expect((await call(c, method, url)).statusCode, `${who} ${method} ${url}`).toBe(404);
      expect(
        (await c.get('/api/v1/clues')).json().items.map((x: { id: number }) => x.id),
        who,
      ).not.toContain(clueId);
    }
    expect((await handler.get(`/api/v1/clues/${clueId}`)).json().version).toBe(version); // nothing moved
  });

  it('roles without the permission get 403', async () => {
    for (const role of [
      'org_supervisor',
      'petition',
      'auditor',
      'committee_leader',
      'cadre',
      'joint_member',
      'admin',
    ] as const) {
      const c = await loginAs(t, { role, orgId: ORG.R, scope: 4 });
      for (const [method, url] of clueEndpoints())
        expect((await call(c, method, url)).statusCode, `${role} ${method} ${url}`).toBe(403);
      expect((await c.get('/api/v1/clues')).statusCode, role).toBe(403);
    }
  });

  it('the unit the clue is assigned down to (交办) sees and handles it; the accused’s own town does not', async () => {
    const dept = await loginAs(t, { role: 'discipline', orgId: ORG.A_DEPT, scope: 4 });
    expect((await dept.get(`/api/v1/clues/${clueId}`)).statusCode).toBe(200);
    expect((await dept.get('/api/v1/clues')).json().items.map((x: { id: number }) => x.id)).toContain(clueId);
    const town = await loginAs(t, { role: 'discipline', orgId: ORG.A_TOWN, scope: 4 });
    expect((await town.get(`/api/v1/clues/${clueId}`)).statusCode).toBe(404);
    // Passing down needs a unit under the competent one: a sibling county is refused, nothing written.
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/reports',
      payload: { accused: { name: '张局长', unit: '明湖区财政局' }, content: '张局长违规插手工程。', anonymous: true },
    });
    const reportId = (await petition.get('/api/v1/reports?status=received')).json().items[0].id;
    const bad = await petition.post(`/api/v1/reports/${reportId}/accept`, {
      problemType: 'integrity',
      summary: '插手工程项目',
      handlingMode: 'transfer',
      handlingOrgId: ORG.B_DEPT /* under 青石区, not 明湖区 */,
    });
    expect(bad.statusCode).toBe(400);
    expect((await petition.get(`/api/v1/reports/${reportId}`)).json()).toMatchObject({
      status: 'received',
      clue: null,
    });
    // A principal's report went up (M-17): it is never passed back down to the unit they lead or below it.
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/reports',
      payload: { accused: { name: '王区长', unit: '明湖区' }, content: '王区长插手工程项目。', anonymous: true },
    });
    const up = (await petition.get('/api/v1/reports?status=received')).json().items[0];
    expect(up).toMatchObject({ routedUp: true, competentOrgId: ORG.R });
    const down = await petition.post(`/api/v1/reports/${up.id}/accept`, {
      problemType: 'integrity',
      summary: '插手工程项目',
      handlingMode: 'transfer',
      handlingOrgId: ORG.A_TOWN,
    });
    expect(down.statusCode).toBe(400);
    expect(down.json().error.messageZh).toContain('被反映人任职的单位');
    expect(
      (
        await petition.post(`/api/v1/reports/${up.id}/accept`, {
          problemType: 'integrity',
          summary: '插手工程项目',
          handlingMode: 'assign',
          handlingOrgId: ORG.B,
        })
      ).statusCode,
    ).toBe(201);
  });

  it('a letter is read only by its two parties: the cadre and the countersigning principal', async () => {
    const cadre = await loginAs(t, { role: 'cadre', orgId: ORG.A_TOWN, scope: 5, cadreId: CADRE.A_TOWN });
    const signer = await loginAs(t, { role: 'committee_leader', orgId: ORG.A, scope: 4, cadreId: CADRE.A });
    const other = await loginAs(t, { role: 'committee_leader', orgId: ORG.B, scope: 4, cadreId: CADRE.B });
    const noCadre = await loginAs(t, { role: 'discipline', orgId: ORG.R, scope: 4 });
    expect((await cadre.get(`/api/v1/my/letters/${letterId}`)).json()).toMatchObject({
      myPart: 'reply',
      countersignerName: '王区长',
      copyTo: '明湖区',
    });
    expect((await signer.get(`/api/v1/my/letters/${letterId}`)).json()).toMatchObject({ myPart: 'countersign' });
    for (const c of [other, noCadre]) {
      expect((await c.get(`/api/v1/my/letters/${letterId}`)).statusCode).toBe(404);
      expect(
        (await c.post(`/api/v1/my/letters/${letterId}/reply`, { reply: '冒名回复的内容不应被接受。' })).statusCode,
      ).toBe(404);
      expect((await c.get('/api/v1/my/letters')).json().items).toEqual([]);
    }
    // Countersigning before the reply is refused, saying what is missing (issue 13 §6); the states move in order.
    const early = await signer.post(`/api/v1/my/letters/${letterId}/countersign`, {
      opinion: '经了解，情况说明属实，建议采信。',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({
      code: 'LETTER_STATE',
      messageZh: '被函询人尚未回复，回复后才能签署意见',
      messageEn: 'The cadre has not replied yet',
    });
    // The cadre, a principal themself, is told whose signature it is: the principal one level up.
    const self = await cadre.post(`/api/v1/my/letters/${letterId}/countersign`, {
      opinion: '本人为自己签署意见，应被拒绝。',
    });
    expect(self.statusCode).toBe(403);
    expect(self.json().error.messageZh).toBe('被函询人是本单位主要负责人，须由上一级明湖区主要负责人签署意见');
  });
});

describe('an installation with no units', () => {
  it('refuses a public report with a clear 503, not a 500', async () => {
    const empty = await startTestApp();
    try {
      const res = await empty.app.inject({
        method: 'POST',
        url: '/api/v1/public/reports',
        payload: { accused: { name: '某人' }, content: '某事。', anonymous: true },
      });
      expect(res.statusCode).toBe(503);
      expect(res.json().error).toMatchObject({
        code: 'NOT_CONFIGURED',
        messageZh: expect.stringContaining('尚未建立单位'),
      });
    } finally {
      await empty.close();
    }
  });
});
