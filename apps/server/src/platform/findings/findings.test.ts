// The one findings store (issue 12 §5) through the registry's M-04: a finding opens when the rule finds it, a person
// marks it handled with a note, an unchanged re-evaluation leaves it so, changed evidence reopens it (trailed), a
// finding no longer found stops being active but is kept; scope and roles are refused before anything moves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { loginAs, type Client, startTestApp, type TestApp } from '../../test/harness.js';
import { CADRE, loadSmallTree, ORG } from '../../test/fixtures.js';
import { sweepAll } from '../../modules/registry/index.js';
import { SYSTEM_ACTOR } from '../trail/index.js';

let t: TestApp;
let countyA: Client;
let countyB: Client;
let seat: number;
let findingId: number;

beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-02T02:00:00Z' });
  await loadSmallTree(t);
  await sweepAll(t.ctx, SYSTEM_ACTOR);
  countyA = await loginAs(t, { role: 'org_supervisor', orgId: ORG.A, scope: 4 });
  countyB = await loginAs(t, { role: 'org_supervisor', orgId: ORG.B, scope: 4 });
  const res = await countyA.post(`/api/v1/orgs/${ORG.A_DEPT}/team`, {
    cadreId: CADRE.A_DEPT,
    teamRole: 'head',
    joinedOn: '2020-01-01',
    portfolios: ['finance', 'overall'],
  });
  expect(res.statusCode, res.body).toBe(201);
  seat = res.json().id;
});
afterAll(() => t.close());

const m04 = async (c: Client, extra = '') => (await c.get(`/api/v1/findings?ruleId=M-04${extra}`)).json();
const setAreas = (areas: string[]) =>
  countyA.put(`/api/v1/team-members/${seat}/portfolios`, { areas, effectiveOn: '2026-03-02' });

describe('findings of the registry rules', () => {
  it('the rule opens a finding about the cadre, seen in scope only', async () => {
    const a = await m04(countyA);
    expect(a.total).toBe(1);
    expect(a.items[0]).toMatchObject({
      source: 'registry',
      ruleId: 'M-04',
      level: 'red',
      status: 'open',
      active: true,
      firstSeenOn: '2026-03-02',
      subject: { kind: 'cadre', id: CADRE.A_DEPT, orgId: ORG.A_DEPT },
    });
    findingId = a.items[0].id;
    expect((await m04(countyB)).total).toBe(0);
    const counts = (await countyA.get('/api/v1/findings/counts')).json().items;
    expect(counts).toContainEqual({ ruleId: 'M-04', level: 'red', status: 'open', count: 1 });
  });

  it('refuses another county (404), a role that may not write (403) and a missing note (400), moving nothing', async () => {
    expect((await countyB.post(`/api/v1/findings/${findingId}/handle`, { note: '已调整分工' })).statusCode).toBe(404);
    const leader = await loginAs(t, { role: 'committee_leader', orgId: ORG.A, scope: 4 });
    expect((await leader.post(`/api/v1/findings/${findingId}/handle`, { note: '已调整分工' })).statusCode).toBe(403);
    const bad = await countyA.post(`/api/v1/findings/${findingId}/handle`, { note: ' ' });
    expect(bad.statusCode).toBe(400);
    expect((await m04(countyA)).items[0].status).toBe('open');
  });

  it('is handled with a note once; an unchanged re-evaluation leaves it handled', async () => {
    const ok = await countyA.post(`/api/v1/findings/${findingId}/handle`, { note: '已报区委调整分工' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'handled', statusLabel: '已处理' });
    const again = await countyA.post(`/api/v1/findings/${findingId}/dismiss`, { note: '误报' });
    expect(again.statusCode).toBe(409);
    await sweepAll(t.ctx, SYSTEM_ACTOR);
    expect((await m04(countyA)).items[0]).toMatchObject({
      id: findingId,
      status: 'handled',
      statusNote: '已报区委调整分工',
    });
  });

  it('reopens when its evidence changes (trailed), and stops being active when no longer found', async () => {
    expect((await setAreas(['finance', 'approval', 'overall'])).statusCode).toBe(200);
    const reopened = (await m04(countyA)).items[0];
    expect(reopened).toMatchObject({ id: findingId, status: 'open', statusNote: null });
    expect(reopened.evidence.map((e: { area: string }) => e.area).sort()).toEqual(['approval', 'finance']);
    const trail = await sql<{
      action: string;
    }>`select action from trail where entity = 'finding' and action like 'finding.%' order by seq`.execute(t.ctx.db);
    expect(trail.rows.map((r) => r.action)).toEqual(['finding.handle', 'finding.reopen']);
    expect((await setAreas(['overall'])).statusCode).toBe(200);
    expect((await m04(countyA)).total).toBe(0);
    const kept = await m04(countyA, '&all=true');
    expect(kept.items).toEqual([expect.objectContaining({ id: findingId, active: false })]);
    // The registry's own lists read the active findings only.
    expect((await countyA.get('/api/v1/cadres?flag=M-04')).json().items).toEqual([]);
  });
});
