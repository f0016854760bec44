// Personal matters reports (issue 15 §1, M-40), on the engine of the run: a cadre opens, fills and signs their own
// annual report; on 31 January it is on time and on 1 February late; an event report on day 30 is on time and on day 31
// late; the items are checked field by field (a credit code's check character, a share over 100 %, an amount that is
// not a number, an event in the future) and a refused save leaves the draft as it was; a second annual report for the
// year is refused (it is a correction), a correction is a new linked version and both stay; a submitted report is
// fixed in the database; the values are sealed at rest and every read is trailed; another county reads nothing.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, PASSWORD, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { CADRE, loadSmallTree, ORG } from '../../test/fixtures.js';

let t: TestApp;
let own: Client; // the cadre of county A's department (CADRE.A_DEPT), for themselves
let ownAccount: Parameters<typeof loginAs>[1];
let countyA: Client; // county A's organization department
let countyB: Client; // the sibling county's
const house = {
  kind: 'house',
  values: {
    owner: 'self',
    address: '明湖区湖滨路 8 号 3 幢 502 室',
    areaM2: 120.5,
    kind: 'commercial',
    sharePct: 50,
    priceYuan: 1_800_000,
    fundsSource: '工资积蓄及住房公积金贷款',
  },
};
const business = {
  kind: 'family_business',
  values: {
    relation: 'spouse',
    person: '王某',
    name: '明湖某某商贸有限公司',
    creditCode: '91310110666007217T',
    regionCode: '339800',
    industry: '批发和零售业',
    role: 'shareholder',
  },
};

beforeAll(async () => {
  t = await startTestApp({ now: '2026-01-20T02:00:00Z' });
  await loadSmallTree(t);
  own = await loginAs(t, { role: 'cadre', orgId: ORG.A_DEPT, scope: 5, cadreId: CADRE.A_DEPT });
  countyA = await loginAs(t, { role: 'org_supervisor', orgId: ORG.A, scope: 4 });
  ownAccount = { role: 'cadre', orgId: ORG.A_DEPT, scope: 5, cadreId: CADRE.A_DEPT };
  countyB = await loginAs(t, { role: 'org_supervisor', orgId: ORG.B, scope: 4 });
});
afterAll(() => t.close());

const open = async (c: Client, body: Record<string, unknown>) => {
  const r = await c.post('/api/v1/personal-reports', body);
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: number; dueOn: string };
};
/** Moves the clock and signs in again (a session does not last days). */
async function at(iso: string) {
  t.clock.set(iso);
  own = await loginAs(t, ownAccount);
  countyA = await loginAs(t, { role: 'org_supervisor', orgId: ORG.A, scope: 4 });
}
const sign = (id: number) => own.post(`/api/v1/personal-reports/${id}/submit`, { password: PASSWORD });

describe('personal matters reports (M-40)', () => {
  let annual: number;

  it('the cadre opens a draft of last year, due 31 January, and saves structured items, sealed at rest', async () => {
    const r = await open(own, { kind: 'annual', year: 2025 });
    annual = r.id;
    expect(r.dueOn).toBe('2026-01-31');
    const saved = await own.put(`/api/v1/personal-reports/${annual}/items`, { items: [house, business] });
    expect(saved.statusCode, saved.body).toBe(200);
    const rows = await sql<{ values_enc: string; match_digests: string[] }>`select values_enc, match_digests
      from pm_report_items where report_id = ${annual} order by seq`.execute(t.ctx.db);
    const stored = JSON.stringify(rows.rows);
    for (const secret of ['湖滨路', '91310110666007217T', '明湖某某商贸', '1800000'])
      expect(stored).not.toContain(secret);
    expect(rows.rows[1].match_digests).toHaveLength(2); // the credit code and the name, as keyed digests
    const read = (await own.get(`/api/v1/personal-reports/${annual}`)).json();
    expect(read.items.map((i: { values: Record<string, unknown> }) => i.values)).toEqual([
      house.values,
      business.values,
    ]);
    const trail = await t.ctx.db
      .selectFrom('trail')
      .select('action')
      .where('entity', '=', 'pm_report')
      .where('entity_id', '=', String(annual))
      .execute();
    expect(trail.map((x) => x.action)).toContain('pm_report.read');
  });

  it('refuses bad items field by field, leaving the draft as it was', async () => {
    const bad = [
      { ...business, values: { ...business.values, creditCode: '91310110666007217X' } },
      { ...house, values: { ...house.values, sharePct: 100.5 } },
      { ...house, values: { ...house.values, priceYuan: '一百万' } },
      { kind: 'travel', values: { destination: '日本', from: '2025-05-02', to: '2025-05-01', reason: '旅游' } },
      { kind: 'salary', values: { annualYuan: 1, note: '多余字段' } },
      { kind: 'lottery', values: {} },
    ];
    for (const item of bad) {
      const r = await own.put(`/api/v1/personal-reports/${annual}/items`, { items: [house, item] });
      expect(r.statusCode, JSON.stringify(item)).toBe(400);
      expect(r.json().error.message).toMatch(/[\u4e00-\u9fa5].* \/ [A-Za-z]/);
    }
    const check = (await own.put(`/api/v1/personal-reports/${annual}/items`, { items: [bad[0]] })).json();
    expect(check.error.details[0].path).toBe('items.0.values.creditCode');
    const kept = (await own.get(`/api/v1/personal-reports/${annual}`)).json();
    expect(kept.items).toHaveLength(2);
  });

  it('a second annual report for the year is refused as a correction; another county reads and changes nothing', async () => {
    const again = await own.post('/api/v1/personal-reports', { kind: 'annual', year: 2025 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ANNUAL_EXISTS');
    for (const r of [
      await countyB.get(`/api/v1/personal-reports/${annual}`),
      await countyB.put(`/api/v1/personal-reports/${annual}/items`, { items: [] }),
      await countyB.post('/api/v1/personal-reports', { kind: 'annual', year: 2025, cadreId: CADRE.A_DEPT }),
    ])
      expect(r.statusCode).toBe(404);
    expect((await countyB.get(`/api/v1/personal-reports?cadreId=${CADRE.A_DEPT}`)).statusCode).toBe(404);
    // The county's own organization department sees the list, without values.
    const list = (await countyA.get(`/api/v1/personal-reports?cadreId=${CADRE.A_DEPT}`)).json();
    expect(list.items.map((r: { id: number }) => r.id)).toEqual([annual]);
    expect(JSON.stringify(list)).not.toContain('湖滨路');
  });

  it('signed on 31 January it is on time, fixed from then on; a correction is a linked new version', async () => {
    await at('2026-01-31T15:59:00Z'); // 23:59 in Beijing
    expect((await own.post(`/api/v1/personal-reports/${annual}/submit`, { password: 'wrong' })).statusCode).toBe(401);
    expect((await countyA.post(`/api/v1/personal-reports/${annual}/submit`, { password: PASSWORD })).statusCode).toBe(
      403,
    ); // the cadre entered it: only the cadre signs
    const done = await sign(annual);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ submittedOn: '2026-01-31', late: false });
    const edit = await own.put(`/api/v1/personal-reports/${annual}/items`, { items: [] });
    expect(edit.statusCode).toBe(409);
    await expect(
      sql`update pm_report_items set kind = 'salary' where report_id = ${annual}`.execute(t.ctx.db),
    ).rejects.toThrow();
    await expect(sql`delete from pm_reports where id = ${annual}`.execute(t.ctx.db)).rejects.toThrow();
    const c = await own.post(`/api/v1/personal-reports/${annual}/corrections`, {});
    expect(c.statusCode, c.body).toBe(201);
    expect(c.json().version).toBe(2);
    const copy = (await own.get(`/api/v1/personal-reports/${c.json().id}`)).json();
    expect(copy).toMatchObject({ correctsId: annual, status: 'draft', dueOn: '2026-01-31' });
    expect(copy.items).toHaveLength(2);
    expect((await own.post(`/api/v1/personal-reports/${annual}/corrections`, {})).statusCode).toBe(409);
  });

  it('on 1 February an annual report is late', async () => {
    await at('2026-01-31T16:00:00Z'); // 00:00 on 1 February in Beijing
    const r = await open(countyA, { kind: 'annual', year: 2025, cadreId: CADRE.A });
    const done = await countyA.post(`/api/v1/personal-reports/${r.id}/submit`, { password: PASSWORD }); // entered by the department
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ submittedOn: '2026-02-01', late: true });
  });

  it('an event report is due 30 days after the event: day 30 on time, day 31 late; an event in the future is refused', async () => {
    await at('2026-03-02T02:00:00Z');
    const future = await own.post('/api/v1/personal-reports', {
      kind: 'event',
      eventKind: 'marriage',
      eventOn: '2026-03-03',
    });
    expect(future.statusCode).toBe(400);
    const onTime = await open(own, { kind: 'event', eventKind: 'marriage', eventOn: '2026-01-31' });
    expect(onTime.dueOn).toBe('2026-03-02'); // 31 January + 30 days
    expect((await sign(onTime.id)).json()).toMatchObject({ submittedOn: '2026-03-02', late: false });
    const late = await open(own, { kind: 'event', eventKind: 'travel', eventOn: '2026-01-30' });
    expect(late.dueOn).toBe('2026-03-01');
    expect((await sign(late.id)).json()).toMatchObject({ late: true });
  });
});
