// Result reviews (issue 14 §6, M-36), on the engine of the run: a decided item about funds, once its completion is
// recorded, owes a review due 90 calendar days later (on day 90 due, on day 91 overdue, and on the dashboard's list of
// open deadlines); a negative review is a finding on the proposer naming the members who agreed (the principal's
// deemed agreement included); a positive one is none. A team member who proposed nothing in a year is noted; a
// deemed proposal (the chair, none recorded) does not count. Refusals write nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { loginAs, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { CADRE, loadSmallTree, ORG } from '../../test/fixtures.js';
import { SYSTEM_ACTOR } from '../../platform/trail/index.js';
import { meetingWith, seatTeam } from './meetings.fixtures.js';
import { checkProposals } from './reviews.findings.js';

let t: TestApp;
let city: Client;
let countyB: Client;
let auditor: Client;
let team: number[];
let funds: number;
let appointment: number;
let open: number;

const review = (outcome: 'positive' | 'negative', extra: Record<string, unknown> = {}) => ({
  reviewedOn: '2026-06-01',
  reviewerKind: 'third_party',
  reviewer: '某会计师事务所',
  outcome,
  lossesYuan: outcome === 'negative' ? 1_200_000 : 0,
  excessProfitYuan: 0,
  savingsYuan: 0,
  quality: outcome === 'negative' ? 'poor' : 'good',
  summary: outcome === 'negative' ? '项目超概算，造成损失' : '按期完成，质量合格',
  ...extra,
});
const reviewCount = async () =>
  Number((await sql<{ n: string }>`select count(*) as n from result_reviews`.execute(t.ctx.db)).rows[0].n);
const reviewFindings = () =>
  t.ctx.db
    .selectFrom('findings')
    .select(['subject_id', 'rule_id', 'level', 'evidence'])
    .where('source', '=', 'decisions.review')
    .where('active', '=', true)
    .orderBy('id')
    .execute();

beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-10T02:00:00Z' });
  await loadSmallTree(t);
  city = await loginAs(t, { role: 'org_supervisor', orgId: ORG.R, scope: 4 });
  countyB = await loginAs(t, { role: 'org_supervisor', orgId: ORG.B, scope: 4 });
  auditor = await loginAs(t, { role: 'auditor', orgId: ORG.R, scope: 4 });
  team = await seatTeam(city, 4);
  const meetingId = await meetingWith(city, team, 5);
  const add = async (title: string, category: string) => {
    const r = await city.post(`/api/v1/meetings/${meetingId}/items`, { title, category, proposerCadreId: team[1] });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as number;
  };
  funds = await add('拨付老旧小区改造资金', 'large_funds');
  appointment = await add('研究工会经费使用', 'other');
  open = await add('研究重大项目', 'major_project');
  for (const cadreId of team.slice(1, 4)) {
    const r = await city.post(`/api/v1/meeting-items/${funds}/opinions`, { cadreId, opinion: 'agree' });
    expect(r.statusCode, r.body).toBe(201);
  }
  const no = await city.post(`/api/v1/meeting-items/${funds}/opinions`, {
    cadreId: team[4],
    opinion: 'disagree',
    reason: '资金来源不明确',
  });
  expect(no.statusCode, no.body).toBe(201);
  const closed = await city.post(`/api/v1/meeting-items/${funds}/close`, {}); // the secretary silent: deemed agreeing
  expect(closed.statusCode, closed.body).toBe(200);
  expect((await city.post(`/api/v1/meeting-items/${appointment}/close`, {})).statusCode).toBe(200);
});
afterAll(() => t.close());
const relog = async () => {
  city = await loginAs(t, { role: 'org_supervisor', orgId: ORG.R, scope: 4 });
  countyB = await loginAs(t, { role: 'org_supervisor', orgId: ORG.B, scope: 4 });
};

describe('result review (M-36)', () => {
  it('only a decided item of a reviewed category opens one; nothing is written when refused', async () => {
    const refused = [
      [await city.post(`/api/v1/meeting-items/${open}/completion`, { completedOn: '2026-03-10' }), 409],
      [await city.post(`/api/v1/meeting-items/${appointment}/completion`, { completedOn: '2026-03-10' }), 409],
      [await city.post(`/api/v1/meeting-items/${funds}/completion`, { completedOn: '2026-03-08' }), 400],
      [await city.post(`/api/v1/meeting-items/${funds}/completion`, { completedOn: '2026-03-11' }), 400],
      [await countyB.post(`/api/v1/meeting-items/${funds}/completion`, { completedOn: '2026-03-10' }), 404],
      [await auditor.post(`/api/v1/meeting-items/${funds}/completion`, { completedOn: '2026-03-10' }), 403],
    ] as const;
    for (const [r, status] of refused) expect(r.statusCode, r.body).toBe(status);
    expect(refused[0][0].json().error.message).toContain('只有已作出决定');
    expect(refused[2][0].json().error.message).toContain('完成日期不能早于会议日期');
    expect(await reviewCount()).toBe(0);
  });

  it('is due 90 calendar days after completion: due on day 90, overdue on day 91, listed among open deadlines', async () => {
    const r = await city.post(`/api/v1/meeting-items/${funds}/completion`, { completedOn: '2026-03-10' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().dueOn).toBe('2026-06-08');
    expect(
      (await city.post(`/api/v1/meeting-items/${funds}/completion`, { completedOn: '2026-03-10' })).statusCode,
    ).toBe(409);
    const status = async () => (await city.get('/api/v1/result-reviews')).json().items[0].status;
    t.clock.set('2026-06-08T15:59:00Z'); // 23:59 on day 90 in Beijing (the sessions of March have expired)
    await relog();
    expect(await status()).toBe('due');
    t.clock.set('2026-06-08T16:00:00Z'); // 00:00 on day 91
    expect(await status()).toBe('overdue');
    const dl = (await city.get('/api/v1/deadlines?overdue=true')).json();
    const mine = dl.items.find((d: { source: string }) => d.source === 'result_review');
    expect(mine).toMatchObject({ dueOn: '2026-06-08', overdueDays: 1, cadre: { id: team[1] } });
    expect((await countyB.get('/api/v1/result-reviews')).json().total).toBe(0);
  });

  it('a negative review is a finding on the proposer naming who agreed; it is final', async () => {
    const id = (await city.get('/api/v1/result-reviews')).json().items[0].id;
    const early = await city.post(
      `/api/v1/result-reviews/${id}/review`,
      review('negative', { reviewedOn: '2026-03-09' }),
    );
    expect(early.statusCode).toBe(400);
    expect((await countyB.post(`/api/v1/result-reviews/${id}/review`, review('negative'))).statusCode).toBe(404);
    expect(await reviewFindings()).toEqual([]);
    const r = await city.post(`/api/v1/result-reviews/${id}/review`, review('negative'));
    expect(r.statusCode, r.body).toBe(200);
    const [f, ...more] = await reviewFindings();
    expect(more).toEqual([]);
    expect(f).toMatchObject({ subject_id: team[1], rule_id: 'M-36', level: 'red' });
    const agreed = (f.evidence as Array<{ agreed: Array<{ cadreId: number }> }>)[0].agreed.map((a) => a.cadreId);
    expect(agreed.sort()).toEqual([...team.slice(1, 4), CADRE.A].sort()); // not team[4], who disagreed
    const dossier = (await city.get(`/api/v1/cadres/${team[1]}/timeline`)).json();
    expect(dossier.items.map((e: { summary: string }) => e.summary)).toContain(
      '所提议题「拨付老旧小区改造资金」结果查究：负面，追究提议人责任',
    );
    const again = await city.post(`/api/v1/result-reviews/${id}/review`, review('positive'));
    expect(again.statusCode).toBe(409);
    const row = (await city.get('/api/v1/result-reviews')).json().items[0];
    expect(row).toMatchObject({ status: 'done', review: { outcome: 'negative', lossesYuan: 1_200_000 } });
    expect(row.agreed.map((a: { cadreId: number }) => a.cadreId).sort()).toEqual(agreed.sort());
  });

  it('a member who proposed nothing in the year is noted; a deemed proposal is not a proposal', async () => {
    // team[1] proposed every item of 2026; the secretary chaired (deemed proposer of one more), the others proposed none.
    const m = await meetingWith(city, team, 5, '2026-03-20');
    const deemed = await city.post(`/api/v1/meetings/${m}/items`, { title: '其他事项', category: 'other' });
    expect(deemed.statusCode, deemed.body).toBe(201);
    const r = await checkProposals(t.ctx, SYSTEM_ACTOR, 2026);
    expect(r).toMatchObject({ year: 2026, evaluated: 5, found: 4 });
    const noted = await t.ctx.db
      .selectFrom('findings')
      .select('subject_id')
      .where('source', '=', 'decisions.proposals:2026')
      .where('active', '=', true)
      .execute();
    expect(noted.map((n) => n.subject_id).sort()).toEqual([CADRE.A, ...team.slice(2)].sort());
    // A year with no meeting of the unit evaluates nobody there.
    expect(await checkProposals(t.ctx, SYSTEM_ACTOR, 2024)).toMatchObject({ evaluated: 0, found: 0 });
  });
});
