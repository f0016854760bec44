// The annual report as a deadline (issue 15 §1, M-40): who must report comes from the unit's M-40 settings (ranks, and
// 正科级 principals when set); the duty opens once (a second run opens nothing), is met by the submitted report in the
// same write, and on the day after its due day the daily job makes a missing report a red finding and a reminder, and
// a report filed late a yellow one. 报告管理 lists filed, late, missing and due in the department's scope only.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../platform/trail/index.js';
import { loginAs, PASSWORD, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { CADRE, loadSmallTree, ORG } from '../../test/fixtures.js';
import { openAnnualDuties, personalDutiesJob } from './duties.service.js';

let t: TestApp;
let admin: Client;
const cadreA = { role: 'cadre', orgId: ORG.A_DEPT, scope: 5, cadreId: CADRE.A_DEPT } as const;
const countyA = { role: 'org_supervisor', orgId: ORG.A, scope: 4 } as const;
const countyB = { role: 'org_supervisor', orgId: ORG.B, scope: 4 } as const;

beforeAll(async () => {
  t = await startTestApp({ now: '2026-01-20T02:00:00Z' });
  await loadSmallTree(t);
  admin = await loginAs(t, { role: 'admin', orgId: ORG.R, scope: 1 });
});
afterAll(() => t.close());

const findings = async () =>
  (
    await sql<{ subject_id: number; level: string }>`select subject_id, level from findings
      where source = 'personal.annual:2025' and active order by subject_id`.execute(t.ctx.db)
  ).rows;

describe('annual report duties (M-40)', () => {
  it('with the default ranks nobody in a 正科 post reports; the settings extend it, and a second run opens nothing', async () => {
    expect(await openAnnualDuties(t.ctx, SYSTEM_ACTOR, 2025)).toMatchObject({ reporting: 0, opened: 0 });
    const ranks = await admin.put(`/api/v1/rules/M-40/overrides/${ORG.A}`, {
      settings: { reportingRanks: ['dept_full', 'dept_deputy', 'div_full', 'div_deputy', 'sec_full'] },
    });
    expect(ranks.statusCode, ranks.body).toBe(200);
    const principals = await admin.put(`/api/v1/rules/M-40/overrides/${ORG.B}`, {
      settings: { sectionPrincipals: true },
    });
    expect(principals.statusCode, principals.body).toBe(200);
    expect(await openAnnualDuties(t.ctx, SYSTEM_ACTOR, 2025)).toMatchObject({ reporting: 5, opened: 5 });
    expect(await openAnnualDuties(t.ctx, SYSTEM_ACTOR, 2025)).toMatchObject({ reporting: 5, opened: 0 });
    const due = await sql<{ cadre_id: number; due_on: string }>`select cadre_id, due_on::text from pm_duties
      where year = 2025 order by cadre_id`.execute(t.ctx.db);
    expect(due.rows).toEqual(
      [CADRE.A, CADRE.A_DEPT, CADRE.B, CADRE.B_DEPT, CADRE.A_TOWN]
        .sort((a, b) => a - b)
        .map((id) => ({ cadre_id: id, due_on: '2026-01-31' })),
    ); // not the city's secretary: R keeps the default ranks
  });

  it('filed on 31 January the duty is met; the next day the missing are red findings and reminded', async () => {
    t.clock.set('2026-01-31T08:00:00Z');
    const own = await loginAs(t, cadreA);
    const r = (await own.post('/api/v1/personal-reports', { kind: 'annual', year: 2025 })).json();
    expect((await own.post(`/api/v1/personal-reports/${r.id}/submit`, { password: PASSWORD })).statusCode).toBe(200);
    t.clock.set('2026-02-01T03:00:00Z');
    const town = await loginAs(t, { role: 'cadre', orgId: ORG.A_TOWN, scope: 5, cadreId: CADRE.A_TOWN });
    const job = await personalDutiesJob(t.ctx, SYSTEM_ACTOR);
    expect(job).toMatchObject({ year: 2025, reporting: 5, opened: 0, active: 4, reminders: { soon: 0, overdue: 1 } });
    const bell = (await town.get('/api/v1/my/notifications')).json();
    expect(bell.items[0]).toMatchObject({
      title: '已逾期：2025 年度个人有关事项报告应于 2026-01-31 前提交',
      link: '/my/personal',
    });
    expect(await findings()).toEqual(
      [CADRE.A, CADRE.B, CADRE.B_DEPT, CADRE.A_TOWN]
        .sort((a, b) => a - b)
        .map((id) => ({ subject_id: id, level: 'red' })),
    );
    const a = await loginAs(t, countyA);
    const list = (await a.get('/api/v1/personal-duties?year=2025')).json();
    expect(list.counts).toEqual({ filed: 1, late: 0, missing: 2, due: 0, waived: 0 });
    expect(list.items.map((i: { cadreId: number; state: string }) => [i.cadreId, i.state])).toEqual([
      [CADRE.A, 'missing'],
      [CADRE.A_TOWN, 'missing'],
      [CADRE.A_DEPT, 'filed'],
    ]);
    expect(list.items.find((i: { cadreId: number }) => i.cadreId === CADRE.A_DEPT).reportId).toBe(r.id);
    const missing = (await a.get('/api/v1/personal-duties?year=2025&state=missing')).json();
    expect(missing.total).toBe(2);
    const open = (await a.get('/api/v1/deadlines?overdue=true')).json();
    expect(open.items.filter((i: { source: string }) => i.source === 'pm_duty')).toHaveLength(2);
    // A second run on the same day writes no second reminder.
    expect((await personalDutiesJob(t.ctx, SYSTEM_ACTOR)).reminders).toEqual({ soon: 0, overdue: 0 });
  });

  it('filed late by the department, the red finding becomes a yellow one', async () => {
    const a = await loginAs(t, countyA);
    const r = (await a.post('/api/v1/personal-reports', { kind: 'annual', year: 2025, cadreId: CADRE.A })).json();
    const done = await a.post(`/api/v1/personal-reports/${r.id}/submit`, { password: PASSWORD });
    expect(done.json()).toMatchObject({ late: true });
    expect((await findings()).find((f) => f.subject_id === CADRE.A)).toEqual({ subject_id: CADRE.A, level: 'yellow' });
    const list = (await a.get('/api/v1/personal-duties?year=2025')).json();
    expect(list.counts).toMatchObject({ filed: 1, late: 1, missing: 1 });
  });

  it('the sibling county sees its own only; a unit outside scope is refused; a cadre may not list', async () => {
    const b = await loginAs(t, countyB);
    const list = (await b.get('/api/v1/personal-duties?year=2025')).json();
    expect(list.items.map((i: { cadreId: number }) => i.cadreId).sort()).toEqual([CADRE.B, CADRE.B_DEPT]);
    expect((await b.get(`/api/v1/personal-duties?year=2025&orgId=${ORG.A}`)).statusCode).toBe(404);
    expect((await b.get('/api/v1/personal-duties?year=1999')).statusCode).toBe(400);
    const own = await loginAs(t, cadreA);
    expect((await own.get('/api/v1/personal-duties?year=2025')).statusCode).toBe(403);
  });
});
