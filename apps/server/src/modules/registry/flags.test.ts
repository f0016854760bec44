// Flags of M-04 … M-07 through the API: on the dossier with rule, settings and evidence; list filters; refreshed
// by registry writes and by rule overrides; scoped like everything else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { CADRE, loadSmallTree, ORG } from '../../test/fixtures.js';
import { sweepAll } from './index.js';
import { SYSTEM_ACTOR } from '../../platform/trail/index.js';

let t: TestApp;
let city: Client;
let countyA: Client;
let countyB: Client;
let admin: Client;
beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-02T02:00:00Z' });
  await loadSmallTree(t);
  await sweepAll(t.ctx, SYSTEM_ACTOR);
  city = await loginAs(t, { role: 'org_supervisor', orgId: ORG.R, scope: 4 });
  countyA = await loginAs(t, { role: 'org_supervisor', orgId: ORG.A, scope: 4 });
  countyB = await loginAs(t, { role: 'org_supervisor', orgId: ORG.B, scope: 4 });
  admin = await loginAs(t, { role: 'admin', orgId: ORG.R, scope: 1 });
});
afterAll(() => t.close());

const flagsOf = async (c: Client, id: number) =>
  (await c.get(`/api/v1/cadres/${id}`)).json().flags as Array<{
    ruleId: string;
    level: string;
    message: string;
    settings: Record<string, unknown>;
    evidence: Array<Record<string, unknown>>;
  }>;
const ids = async (c: Client, url: string) =>
  (await c.get(url)).json().items.map((i: { id?: number; cadreId?: number }) => i.id ?? i.cadreId);

describe('M-04 on the dossier and in lists', () => {
  it('giving the principal 财务管理 raises a red M-04 flag with its settings and evidence at once', async () => {
    expect((await flagsOf(countyA, CADRE.A_DEPT)).filter((f) => f.ruleId === 'M-04')).toEqual([]);
    const res = await countyA.post(`/api/v1/orgs/${ORG.A_DEPT}/team`, {
      cadreId: CADRE.A_DEPT,
      teamRole: 'head',
      joinedOn: '2020-01-01',
      portfolios: ['finance', 'overall'],
    });
    expect(res.statusCode).toBe(201);
    const [m04] = (await flagsOf(countyA, CADRE.A_DEPT)).filter((f) => f.ruleId === 'M-04');
    expect(m04).toMatchObject({
      level: 'red',
      settings: { areas: ['personnel', 'finance', 'construction', 'approval', 'procurement'] },
    });
    expect(m04.message).toContain('财务管理');
    expect((m04 as unknown as { messageEn: string }).messageEn).toMatch(/principal .* oversees finance/);
    expect(m04.evidence[0]).toMatchObject({ area: 'finance', orgId: ORG.A_DEPT });
  });

  it('?flag=M-04 lists the flagged cadre in scope, and nothing for the sibling county', async () => {
    expect(await ids(countyA, '/api/v1/cadres?flag=M-04')).toEqual([CADRE.A_DEPT]);
    expect(await ids(city, '/api/v1/cadres?flag=M-04&flagLevel=red')).toEqual([CADRE.A_DEPT]);
    expect(await ids(countyB, '/api/v1/cadres?flag=M-04')).toEqual([]);
    const item = (await countyA.get('/api/v1/cadres?flag=M-04')).json().items[0];
    expect(item.flags).toEqual(expect.arrayContaining([{ ruleId: 'M-04', level: 'red' }]));
    expect((await countyB.get(`/api/v1/flags/M-04`)).json().total).toBe(0);
  });

  it('an administrator narrowing M-04 for the county clears the flag; clearing the override brings it back', async () => {
    const put = await admin.put(`/api/v1/rules/M-04/overrides/${ORG.A}`, { settings: { areas: ['personnel'] } });
    expect(put.statusCode).toBe(200);
    expect((await flagsOf(countyA, CADRE.A_DEPT)).some((f) => f.ruleId === 'M-04')).toBe(false);
    expect(await ids(countyA, '/api/v1/cadres?flag=M-04')).toEqual([]);
    expect((await admin.del(`/api/v1/rules/M-04/overrides/${ORG.A}`)).statusCode).toBe(200);
    expect(await ids(countyA, '/api/v1/cadres?flag=M-04')).toEqual([CADRE.A_DEPT]);
  });

  it('refuses an unknown rule id or level with 400', async () => {
    expect((await countyA.get('/api/v1/cadres?flag=M-99')).statusCode).toBe(400);
    expect((await countyA.get('/api/v1/cadres?flagLevel=purple')).statusCode).toBe(400);
    expect((await countyA.get('/api/v1/flags/X-04')).statusCode).toBe(400);
  });
});

describe('M-07 rotation-due list', () => {
  it('a middle-level post reaches six years on its anniversary: listed as due, before that as coming due', async () => {
    const p = await city.post(`/api/v1/cadres/${CADRE.B_DEPT}/posts`, {
      orgId: ORG.B_DEPT,
      title: '预算科科长',
      postKind: 'middle_manager',
      rank: 'staff',
      startDate: '2020-03-03',
    });
    expect(p.statusCode).toBe(201);
    const due = async () =>
      (await city.get(`/api/v1/flags/M-07?orgId=${ORG.B}`))
        .json()
        .items.filter((i: { cadreId: number }) => i.cadreId === CADRE.B_DEPT)
        .map((i: { level: string }) => i.level);
    expect(await due()).toEqual(['green']); // 5 years 364 days on 2026-03-02
    t.clock.advance(24 * 3600_000);
    await sweepAll(t.ctx, SYSTEM_ACTOR); // the daily sweep
    // Sessions last 8 hours: log in again on the new day.
    city = await loginAs(t, { role: 'org_supervisor', orgId: ORG.R, scope: 4 });
    countyA = await loginAs(t, { role: 'org_supervisor', orgId: ORG.A, scope: 4 });
    countyB = await loginAs(t, { role: 'org_supervisor', orgId: ORG.B, scope: 4 });
    expect(await due()).toEqual(['yellow']);
    expect((await countyA.get(`/api/v1/flags/M-07?orgId=${ORG.B}`)).statusCode).toBe(404);
  });

  it('summary counts per rule and level in scope', async () => {
    const items = (await city.get('/api/v1/flags/summary')).json().items as Array<{
      ruleId: string;
      level: string;
      cadres: number;
    }>;
    expect(items).toEqual(expect.arrayContaining([{ ruleId: 'M-04', level: 'red', flags: 1, cadres: 1 }]));
    const b = (await countyB.get('/api/v1/flags/summary')).json().items as Array<{ ruleId: string }>;
    expect(b.some((i) => i.ruleId === 'M-04')).toBe(false);
  });

  it('a sweep outside the caller’s scope is a 404; inside it reports what it did and is trailed', async () => {
    expect((await countyA.post('/api/v1/flags/sweep', { orgId: ORG.B })).statusCode).toBe(404);
    const res = await countyA.post('/api/v1/flags/sweep', { orgId: ORG.A });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ cadres: 3 });
    const last = await t.ctx.db
      .selectFrom('trail')
      .select('action')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(last.action).toBe('flags.sweep');
  });
});
