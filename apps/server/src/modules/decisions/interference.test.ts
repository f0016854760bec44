// Interference records, quarterly reports and joint signatures (issue 14 §7, M-37), on the engine of the run.
// A record is read by its recorder and by the organization department and commission in scope, never by the person
// named as intervening or the leader they acted for, nor by the sibling county. The quarterly report is signed by the
// principal only; missing on the deadline's day is not yet a finding, the next day it is; a zero report contradicted
// by a record dated in its quarter is flagged. An intervention found unrecorded proposes 警告或通报批评 the first time
// and 纪律处分 the second, seen only by those who read interference records. An expense of 2,999 yuan needs no joint
// signatures, one of 3,000 does (`003`: 3000元以上 includes 3000) until every team member has signed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { PASSWORD, loginAs, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { CADRE, loadSmallTree, ORG } from '../../test/fixtures.js';
import { seatTeam } from './meetings.fixtures.js';
import { sweepInterference } from './interference.findings.js';
import { SYSTEM_ACTOR } from '../../platform/trail/index.js';

let t: TestApp;
let city: Client;
let countyB: Client;
let commission: Client;
let asked: Client;
let leader: Client;
let member: Client;
let team: number[];

beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-10T02:00:00Z' });
  await loadSmallTree(t);
  city = await loginAs(t, { role: 'org_supervisor', orgId: ORG.R, scope: 4 });
  countyB = await loginAs(t, { role: 'org_supervisor', orgId: ORG.B, scope: 4 });
  commission = await loginAs(t, { role: 'discipline', orgId: ORG.R, scope: 4 });
  team = await seatTeam(city, 1); // 王区长 (CADRE.A, secretary and principal of 明湖区) and one member
  asked = await loginAs(t, { role: 'cadre', orgId: ORG.A_DEPT, scope: 5, cadreId: CADRE.A_DEPT }); // 张局长
  leader = await loginAs(t, { role: 'committee_leader', orgId: ORG.A, scope: 4, cadreId: CADRE.A });
  member = await loginAs(t, { role: 'cadre', orgId: ORG.A, scope: 5, cadreId: team[1] });
  // Reports are owed from 2026 (by default only from the quarter after the feature was installed: here, today).
  const admin = await loginAs(t, { role: 'admin', orgId: ORG.R, scope: 1 });
  const set = await admin.put(`/api/v1/rules/M-37/overrides/${ORG.R}`, {
    settings: { reportsFrom: '2026-01-01' },
  });
  expect(set.statusCode, set.body).toBe(200);
});
afterAll(() => t.close());

const record = (extra: Record<string, unknown> = {}) => ({
  orgId: ORG.A_DEPT,
  askedOn: '2026-03-05',
  askerName: '王某某',
  askerRelation: 'relative',
  leaderCadreId: CADRE.A,
  area: 'project',
  matter: '城区道路改造工程招标',
  request: '请在评标中关照某建设公司',
  handling: 'reported',
  ...extra,
});
const count = async (table: 'interference_records' | 'interference_reports' | 'expense_signatures') =>
  Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(t.ctx.db)).rows[0].n);
const active = (source: string) =>
  t.ctx.db
    .selectFrom('findings')
    .select(['subject_id', 'level', 'message', 'evidence'])
    .where('source', '=', source)
    .where('active', '=', true)
    .orderBy('id')
    .execute();

describe('interference records (M-37)', () => {
  it('bad input is refused and writes nothing', async () => {
    const bad = [
      [await asked.post('/api/v1/interference-records', record({ askerName: undefined })), 400],
      [
        await asked.post('/api/v1/interference-records', record({ askerRelation: 'leader', askerCadreId: CADRE.R })),
        400,
      ],
      // 青石区's head is neither above 张局长 nor in his scope.
      [await asked.post('/api/v1/interference-records', record({ leaderCadreId: CADRE.B })), 404],
      [await asked.post('/api/v1/interference-records', record({ askedOn: '2026-03-11' })), 400],
      [await asked.post('/api/v1/interference-records', record({ unrecordedCadreId: CADRE.A_DEPT })), 403],
      [await countyB.post('/api/v1/interference-records', record()), 404],
    ] as const;
    for (const [i, [r, status]] of bad.entries()) expect(r.statusCode, `${i} ${r.body}`).toBe(status);
    expect(bad[0][0].json().error.message).toContain('请选择或填写请托人');
    expect(await count('interference_records')).toBe(0);
  });

  it('is read by the recorder and the readers in scope; never by the leader named, nor the sibling county', async () => {
    const r = await asked.post('/api/v1/interference-records', record());
    expect(r.statusCode, r.body).toBe(201);
    const seen = async (c: Client) => (await c.get('/api/v1/interference-records')).json().total;
    expect(await seen(asked)).toBe(1);
    expect(await seen(city)).toBe(1);
    expect(await seen(commission)).toBe(1);
    expect(await seen(countyB)).toBe(0);
    expect(await seen(member)).toBe(0); // a cadre reads only their own
    // The leader named has a reader's role here and the unit in scope, and still does not see it.
    const named = await loginAs(t, { role: 'org_supervisor', orgId: ORG.A, scope: 4, cadreId: CADRE.A });
    expect(await seen(named)).toBe(0);
    const row = (await city.get('/api/v1/interference-records')).json().items[0];
    expect(row).toMatchObject({ asker: { name: '王某某' }, leader: { cadreId: CADRE.A }, handling: 'reported' });
    const trail = await sql<{ n: string }>`select count(*) as n from trail where action = 'interference.list'`.execute(
      t.ctx.db,
    );
    expect(Number(trail.rows[0].n)).toBeGreaterThanOrEqual(4); // every read that returned a record
  });

  it('in the dossier of the leader named: the discipline commission only (issue 14 §8)', async () => {
    const url = `/api/v1/cadres/${CADRE.A}/interference-records`;
    const r = await commission.get(url);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().items.map((x: { leader: { cadreId: number } }) => x.leader.cadreId)).toEqual([CADRE.A]);
    expect((await commission.get(`/api/v1/cadres/${CADRE.A_DEPT}/interference-records`)).json().total).toBe(0);
    expect((await city.get(url)).statusCode).toBe(403); // the organization department reads the list, not the dossier
    expect((await leader.get(url)).statusCode).toBe(403);
    const otherCounty = await loginAs(t, { role: 'discipline', orgId: ORG.B, scope: 4 });
    expect((await otherCounty.get(url)).statusCode).toBe(404);
  });

  it('found unrecorded: the first proposes 警告或通报批评, the second 纪律处分; readers of records only', async () => {
    for (const askedOn of ['2026-02-01', '2026-02-20']) {
      const r = await commission.post(
        '/api/v1/interference-records',
        record({ askedOn, unrecordedCadreId: CADRE.A_DEPT, askedName: '张局长' }),
      );
      expect(r.statusCode, r.body).toBe(201);
    }
    const f = await active('decisions.interference.cadre');
    expect(f.map((x) => [x.subject_id, x.level])).toEqual([
      [CADRE.A_DEPT, 'yellow'],
      [CADRE.A_DEPT, 'red'],
    ]);
    expect(f[0].message).toContain('建议警告或通报批评');
    expect(f[1].message).toContain('建议纪律处分');
    const listed = async (c: Client) =>
      (await c.get('/api/v1/findings?ruleId=M-37'))
        .json()
        .items.filter((x: { message: string }) => x.message.includes('未按规定记录')).length;
    expect(await listed(city)).toBe(2);
    expect(await listed(leader)).toBe(0); // a committee leader does not read interference records
  });
});

describe('quarterly reports (M-37)', () => {
  it('only the principal signs; a quarter is reported once it has ended, once', async () => {
    const q1 = { orgId: ORG.A, year: 2026, quarter: 1, password: PASSWORD };
    expect((await member.post('/api/v1/interference-reports', q1)).statusCode).toBe(403);
    expect((await leader.post('/api/v1/interference-reports', q1)).statusCode).toBe(400); // 2026-03-10: not ended
    expect((await leader.post('/api/v1/interference-reports', { ...q1, password: 'wrong' })).statusCode).toBe(400);
    expect(await count('interference_reports')).toBe(0);
  });

  it('missing on the deadline day is no finding, the next day it is; a zero report later contradicted is flagged', async () => {
    const due = t.ctx.calendar.addWorkingDays('2026-03-31', 10).due;
    const missing = async () =>
      (await active('decisions.interference')).filter(
        (f) => f.subject_id === ORG.A && f.message.includes('未按期报告'),
      );
    t.clock.set(`${due}T15:59:00Z`); // 23:59 Beijing on the deadline
    await sweepInterference(t.ctx, SYSTEM_ACTOR);
    expect(await missing()).toEqual([]);
    t.clock.set(`${due}T16:00:00Z`); // the next day
    await sweepInterference(t.ctx, SYSTEM_ACTOR);
    expect((await missing()).map((f) => f.evidence)).toEqual([[{ year: 2026, quarter: 1, dueOn: due }]]);

    leader = await loginAs(t, { role: 'committee_leader', orgId: ORG.A, scope: 4, cadreId: CADRE.A });
    city = await loginAs(t, { role: 'org_supervisor', orgId: ORG.R, scope: 4 });
    const filed = await leader.post('/api/v1/interference-reports', {
      orgId: ORG.A,
      year: 2026,
      quarter: 1,
      password: PASSWORD,
    });
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json()).toMatchObject({ records: 0, zero: true });
    expect(await missing()).toEqual([]);
    const again = await leader.post('/api/v1/interference-reports', {
      orgId: ORG.A,
      year: 2026,
      quarter: 1,
      password: PASSWORD,
    });
    expect(again.statusCode).toBe(409);

    // A record of 明湖区 itself dated in March, entered afterwards, contradicts the zero report.
    const late = await city.post('/api/v1/interference-records', record({ orgId: ORG.A, askedOn: '2026-03-20' }));
    expect(late.statusCode, late.body).toBe(201);
    const flagged = (await active('decisions.interference')).filter((f) => f.message.includes('零报告'));
    expect(flagged).toMatchObject([{ subject_id: ORG.A, level: 'red' }]);
    const list = (await city.get(`/api/v1/interference-reports?orgId=${ORG.A}&year=2026`)).json();
    const a = list.items.find((u: { orgId: number }) => u.orgId === ORG.A);
    expect(a.quarters[0]).toMatchObject({ state: 'filed', contradicted: true, recordsNow: 1 });
    expect(a.quarters[1].state).toBe('open');
  });
});

describe('joint signatures on large expenses (M-37)', () => {
  it('2,999 yuan needs none; 3,000 needs every team member, each signing in person', async () => {
    const small = await city.post('/api/v1/expenses', {
      orgId: ORG.A,
      spentOn: '2026-04-01',
      purpose: '购置办公用品',
      amountYuan: 2999,
    });
    expect(small.json().needsJointSignatures).toBe(false);
    const big = await city.post('/api/v1/expenses', {
      orgId: ORG.A,
      spentOn: '2026-04-01',
      purpose: '维修会议室',
      amountYuan: 3000,
    });
    expect(big.json().needsJointSignatures).toBe(true);
    const lacking = async () =>
      (await active('decisions.interference')).filter((f) => f.message.includes('未经班子会签'));
    expect((await lacking()).length).toBe(1);
    const id = big.json().id;
    member = await loginAs(t, { role: 'cadre', orgId: ORG.A, scope: 5, cadreId: team[1] });
    countyB = await loginAs(t, { role: 'org_supervisor', orgId: ORG.B, scope: 4 });
    expect((await city.post(`/api/v1/expenses/${id}/sign`, { password: PASSWORD })).statusCode).toBe(403);
    expect((await countyB.post(`/api/v1/expenses/${id}/sign`, { password: PASSWORD })).statusCode).toBe(404);
    expect((await leader.post(`/api/v1/expenses/${id}/sign`, { password: PASSWORD })).statusCode).toBe(201);
    expect((await leader.post(`/api/v1/expenses/${id}/sign`, { password: PASSWORD })).statusCode).toBe(409);
    expect((await lacking())[0].message).toContain(`缺 常委A1`);
    expect((await member.post(`/api/v1/expenses/${id}/sign`, { password: PASSWORD })).statusCode).toBe(201);
    expect(await lacking()).toEqual([]);
    const row = (await city.get(`/api/v1/expenses?orgId=${ORG.A}`))
      .json()
      .items.find((e: { id: number }) => e.id === id);
    expect(row).toMatchObject({ needsJointSignatures: true, missing: [] });
    expect(row.signed.map((s: { cadreId: number }) => s.cadreId).sort()).toEqual([CADRE.A, team[1]].sort());
  });
});
