// M-11: the reporter's identity and contact appear in no answer of any endpoint that returns a report, a clue, a
// letter, a dossier, an export or the trail, for any role — only the petition role's reasoned reveal returns them.
// And the proof of submission is checked by the server: altered or replayed against another receipt, it is a 400.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { loginAs, type Client, type TestApp } from '../../test/harness.js';
import { caseDesk, startCaseApp } from './reports.fixtures.js';
import { CADRE, ORG } from '../../test/fixtures.js';
import { zipEntries } from '../../test/zip.js';

let t: TestApp;
let petition: Client;
let handler: Client;
let ids: { report: number; clue: number; letter: number };
let answer: { receipt: string; proof: { payload: Record<string, string> } & Record<string, unknown> };
const REPORTER = { name: '欧阳举报', phone: '13911112222', address: '示例市幸福路88号' };

beforeAll(async () => {
  t = await startCaseApp();
  let head: Client;
  ({ petition, handler, head } = await caseDesk(t));
  answer = (
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/reports',
      payload: {
        accused: { name: '张局长', unit: '明湖区财政局' },
        content: '张局长违规报销差旅费。',
        anonymous: false,
        reporter: REPORTER,
      },
    })
  ).json();
  const report = (await petition.get('/api/v1/reports')).json().items[0].id;
  await petition.post(`/api/v1/reports/${report}/replies`, { body: '已收到，正在办理。' });
  const clue = (
    await petition.post(`/api/v1/reports/${report}/accept`, {
      problemType: 'integrity',
      summary: '违规报销差旅费',
      handlingMode: 'self',
    })
  ).json().clueId;
  const p = (
    await handler.post(`/api/v1/clues/${clue}/propose`, {
      disposal: 'inquiry',
      opinion: '建议函询',
      version: 1,
      collective: { meetingOn: '2026-03-02', participants: ['甲', '乙', '丙'], minutes: '同意函询了解' },
    })
  ).json();
  await head.post(`/api/v1/clues/${clue}/approve`, { opinion: '同意', version: p.version });
  const letter = (await handler.post(`/api/v1/clues/${clue}/letters`, { questions: '请说明差旅费报销情况。' })).json()
    .id;
  ids = { report, clue, letter };
});
afterAll(() => t.close());

const secrets = [REPORTER.name, REPORTER.phone, REPORTER.address];

/** Every answer that could carry a report, a clue or a cadre's record, as text (exports unzipped). */
async function everything(c: Client): Promise<string> {
  const json = [
    '/api/v1/reports',
    `/api/v1/reports/${ids.report}`,
    '/api/v1/reports/queues',
    '/api/v1/reports/queues/disposal',
    '/api/v1/reports/queues/inquiry',
    '/api/v1/reports/queues/hold',
    '/api/v1/reports/queues/inform',
    '/api/v1/reports/analysis',
    '/api/v1/clues',
    `/api/v1/clues/${ids.clue}`,
    '/api/v1/my/letters',
    `/api/v1/my/letters/${ids.letter}`,
    `/api/v1/cadres/${CADRE.A_DEPT}`,
    `/api/v1/cadres/${CADRE.A_DEPT}/timeline`,
    '/api/v1/cadres?q=张局长',
    '/api/v1/trail?pageSize=200',
    '/api/v1/flags/summary',
  ];
  const files = [
    `/api/v1/letters/${ids.letter}/letter.docx`,
    `/api/v1/cadres/${CADRE.A_DEPT}/dossier.docx`,
    '/api/v1/cadres/export.xlsx',
  ];
  const out: string[] = [];
  for (const url of json) out.push((await c.get(url)).body);
  for (const url of files) {
    const res = await c.get(url);
    out.push(res.statusCode === 200 ? [...zipEntries(res.rawPayload).values()].join('\n') : res.body);
  }
  return out.join('\n');
}

describe('the reporter appears nowhere (M-11)', () => {
  it('for every role and scope, through every endpoint that returns a report, a clue, a letter, a dossier, an export or the trail', async () => {
    const accounts: Array<[string, Client]> = [
      ['petition', petition],
      ['discipline', handler],
      ['head', await loginAs(t, { role: 'discipline', orgId: ORG.R, scope: 1, isHead: true })],
      ['org_supervisor', await loginAs(t, { role: 'org_supervisor', orgId: ORG.R, scope: 4 })],
      ['auditor', await loginAs(t, { role: 'auditor', orgId: ORG.R, scope: 1 })],
      ['accused', await loginAs(t, { role: 'cadre', orgId: ORG.A_DEPT, scope: 5, cadreId: CADRE.A_DEPT })],
      [
        'principal of the unit',
        await loginAs(t, { role: 'committee_leader', orgId: ORG.A, scope: 4, cadreId: CADRE.A }),
      ],
      ['admin', await loginAs(t, { role: 'admin', orgId: ORG.R, scope: 1 })],
      ['joint member', await loginAs(t, { role: 'joint_member', orgId: ORG.R, scope: 3 })],
    ];
    for (const [who, c] of accounts) {
      const seen = await everything(c);
      expect(seen.length, who).toBeGreaterThan(1000); // the sweep really returned content
      for (const s of secrets) expect(seen, `${who} sees ${s}`).not.toContain(s);
    }
    // The staff did see the report itself: the answers were not simply empty.
    expect(await everything(handler)).toContain('违规报销差旅费');
  });

  it('is stored nowhere in plain: not in any table, not in the trail', async () => {
    const tables = [
      'reports',
      'report_messages',
      'clues',
      'clue_steps',
      'inquiry_letters',
      'case_deadlines',
      'timeline_events',
      'trail',
    ];
    for (const table of tables) {
      const dump = JSON.stringify((await sql`select * from ${sql.table(table)}`.execute(t.ctx.db)).rows);
      for (const s of secrets) expect(dump, `${table} holds ${s}`).not.toContain(s);
    }
  });

  it('only the petition role’s reasoned reveal returns it (the positive control)', async () => {
    expect(
      (await handler.post(`/api/v1/reports/${ids.report}/reveal`, { reason: '需要联系举报人核实' })).statusCode,
    ).toBe(403);
    expect(
      (await petition.post(`/api/v1/reports/${ids.report}/reveal`, { reason: '需要联系举报人核实' })).json(),
    ).toEqual(REPORTER);
  });
});

describe('proof of submission checked by the server (M-11)', () => {
  const verify = (body: unknown) =>
    t.app.inject({ method: 'POST', url: '/api/v1/public/proofs/verify', payload: body as object });

  it('accepts the proof as issued, alone or with its own receipt', async () => {
    expect((await verify({ proof: answer.proof })).json()).toMatchObject({
      valid: true,
      receivedAt: '2026-03-02T02:00:00.000Z',
    });
    expect((await verify({ proof: answer.proof, receipt: answer.receipt })).statusCode).toBe(200);
  });

  it('refuses an altered proof and one replayed against another receipt, with a clear 400', async () => {
    const altered = await verify({
      proof: { ...answer.proof, payload: { ...answer.proof.payload, receivedAt: '2026-03-01T00:00:00.000Z' } },
    });
    expect(altered.statusCode).toBe(400);
    expect(altered.json().error).toMatchObject({ code: 'PROOF_INVALID', messageZh: expect.stringContaining('无效') });
    const other = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/public/reports',
        payload: { accused: { name: '某人' }, content: '另一件事。', anonymous: true },
      })
    ).json();
    const replayed = await verify({ proof: answer.proof, receipt: other.receipt });
    expect(replayed.json().error.code).toBe('PROOF_MISMATCH');
    expect((await verify({ proof: { ...answer.proof, signature: 'x'.repeat(86) } })).statusCode).toBe(400);
    expect((await verify({ proof: 'not a proof' })).statusCode).toBe(400);
  });

  it('refuses a named report with no way to reach the reporter (M-12: they must be told)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/reports',
      payload: { accused: { name: '某人' }, content: '某事。', anonymous: false, reporter: { name: '无联系' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('实名举报须留电话或通信地址');
  });

  it('refuses malformed and oversized bodies on the public endpoint and writes nothing', async () => {
    const before = Number((await sql<{ n: string }>`select count(*) n from reports`.execute(t.ctx.db)).rows[0].n);
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/reports',
      headers: { 'content-type': 'application/json' },
      payload: '{"accused":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.messageZh).toBeTruthy();
    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/reports',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ accused: { name: '某人' }, content: '长'.repeat(600_000), anonymous: true }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.messageEn).toBeTruthy();
    expect(Number((await sql<{ n: string }>`select count(*) n from reports`.execute(t.ctx.db)).rows[0].n)).toBe(before);
  });
});
