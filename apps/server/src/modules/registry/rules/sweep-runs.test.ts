// Re-evaluation after a rule change (issue 12 §5): a large subtree is swept after the answer and the run is listed
// (running, then done with when it finished) to the units that can see it; a small one is swept within the request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { CADRE, loadSmallTree, ORG } from '../../../test/fixtures.js';
import { SYSTEM_ACTOR } from '../../../platform/trail/index.js';
import { sweepAll } from '../index.js';

interface Run {
  orgId: number;
  ruleId: string;
  state: string;
  cadres: number;
  finishedAt: string | null;
}

async function setUp(sweepInRequestMax?: number) {
  const t = await startTestApp({ now: '2026-03-02T02:00:00Z', app: { sweepInRequestMax } });
  await loadSmallTree(t);
  const countyA = await loginAs(t, { role: 'org_supervisor', orgId: ORG.A, scope: 4 });
  const countyB = await loginAs(t, { role: 'org_supervisor', orgId: ORG.B, scope: 4 });
  const admin = await loginAs(t, { role: 'admin', orgId: ORG.R, scope: 1 });
  const team = await countyA.post(`/api/v1/orgs/${ORG.A_DEPT}/team`, {
    cadreId: CADRE.A_DEPT,
    teamRole: 'head',
    joinedOn: '2020-01-01',
    portfolios: ['finance', 'overall'],
  });
  expect(team.statusCode).toBe(201);
  await sweepAll(t.ctx, SYSTEM_ACTOR);
  return { t, countyA, countyB, admin };
}
const m04Of = async (c: Client) =>
  ((await c.get(`/api/v1/cadres/${CADRE.A_DEPT}`)).json().flags as Array<{ ruleId: string }>).filter(
    (f) => f.ruleId === 'M-04',
  );
const runs = async (c: Client) => (await c.get('/api/v1/rules/reevaluations')).json().items as Run[];

describe('re-evaluation of a large subtree after the answer', () => {
  let s: Awaited<ReturnType<typeof setUp>>;
  beforeAll(async () => {
    s = await setUp(0);
  });
  afterAll(() => s.t.close());

  it('answers the override, lists the run, and clears the flag once the run is done', async () => {
    expect(await m04Of(s.countyA)).toHaveLength(1);
    const put = await s.admin.put(`/api/v1/rules/M-04/overrides/${ORG.R}`, { settings: { areas: ['personnel'] } });
    expect(put.statusCode).toBe(200);
    const [run] = await runs(s.admin);
    expect(run).toMatchObject({ orgId: ORG.R, ruleId: 'M-04', state: expect.stringMatching(/^(running|done)$/) });
    expect(run.cadres).toBeGreaterThan(0);
    let done: Run | undefined;
    for (let i = 0; i < 200 && !done; i++) {
      done = (await runs(s.admin)).find((r) => r.state === 'done');
      if (!done) await new Promise((r) => setTimeout(r, 50));
    }
    expect(done?.finishedAt).toEqual(expect.any(String));
    expect(await m04Of(s.countyA)).toEqual([]);
  });

  it('shows a run to the units that can see where it ran, and not to a sibling county', async () => {
    expect((await runs(s.countyA)).length).toBe(0); // the city's run is above county A
    expect(await runs(s.countyB)).toEqual([]);
    await s.admin.put(`/api/v1/rules/M-04/overrides/${ORG.B}`, { settings: { areas: ['finance'] } });
    expect((await runs(s.countyB)).map((r) => r.orgId)).toEqual([ORG.B]);
    expect(await runs(s.countyA)).toEqual([]);
  });
});

describe('re-evaluation of a small subtree', () => {
  it('is done by the time the override is answered', async () => {
    const s = await setUp();
    try {
      const put = await s.admin.put(`/api/v1/rules/M-04/overrides/${ORG.A}`, { settings: { areas: ['personnel'] } });
      expect(put.statusCode).toBe(200);
      expect(await m04Of(s.countyA)).toEqual([]);
      expect((await runs(s.admin))[0]).toMatchObject({ orgId: ORG.A, state: 'done' });
    } finally {
      await s.t.close();
    }
  });
});
