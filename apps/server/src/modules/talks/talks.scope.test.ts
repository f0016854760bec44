// Issue 11 §2, as the adversarial test found it: a sibling county closing or opening duties of another through a
// secondary id, jobs by hand writing for the whole city, and the responsibility list updated by roles that are nobody's
// lead leader. (Every id of every route is covered by platform/scope/id-matrix.test.ts; these name the findings.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { loginAs, makeAccount, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { CADRE, loadSmallTree, ORG } from '../../test/fixtures.js';
import { SYSTEM_ACTOR, write } from '../../platform/trail/index.js';
import type { Role } from '../../platform/auth/index.js';

let t: TestApp;
let city: Client;
let countyA: Client;
let countyB: Client;
/** Duties per county, by the unit they are about. */
const duties = async () =>
  (
    await sql<{
      county: string;
      n: number;
    }>`select case when u.path <@ '1.2' then 'A' when u.path <@ '1.3' then 'B' else 'R' end as county,
  count(*)::int as n from duties d join orgs u on u.id = d.subject_org_id group by 1 order by 1`.execute(t.ctx.db)
  ).rows;
const noticesOf = async (cadreId: number) =>
  Number(
    (
      await sql<{ n: string }>`select count(*) as n from notifications x join accounts a on a.id = x.account_id
  where a.cadre_id = ${cadreId}`.execute(t.ctx.db)
    ).rows[0].n,
  );

beforeAll(async () => {
  t = await startTestApp({ now: '2026-06-25T02:00:00Z' });
  await loadSmallTree(t);
  city = await loginAs(t, { role: 'org_supervisor', orgId: ORG.R, scope: 4 });
  countyA = await loginAs(t, { role: 'org_supervisor', orgId: ORG.A, scope: 4 });
  countyB = await loginAs(t, { role: 'org_supervisor', orgId: ORG.B, scope: 4 });
  for (const cadreId of [CADRE.R, CADRE.A, CADRE.B])
    await makeAccount(t, { role: 'committee_leader', orgId: ORG.R, scope: 4, cadreId });
}, 60_000);
afterAll(() => t.close());

describe('jobs run by hand', () => {
  it('a county opens the duties of its own units only; the city then opens the rest, and nothing twice', async () => {
    const res = await countyA.post('/api/v1/obligations/generate', { from: '2026-01-01', to: '2026-12-31' });
    expect(res.statusCode, res.body).toBe(200);
    // About 明湖区's units only (the talks, hearings and checks its principals owe, and 李书记's towards 王区长); it was the whole city.
    const mine = await duties();
    expect(mine.map((d) => d.county)).toEqual(['A']);
    await city.post('/api/v1/obligations/generate', { from: '2026-01-01', to: '2026-12-31' });
    const all = await duties();
    expect(all.map((d) => d.county)).toEqual(['A', 'B', 'R']);
    expect(all[0]).toEqual(mine[0]);
  });

  it('a county reminds the leaders of its own units’ duties only', async () => {
    // The half-year's talks are due on 30 June: 王区长 hears of his, 赵区长 (青石区) of none.
    expect((await countyA.post('/api/v1/obligations/remind')).json().soon).toBeGreaterThan(0);
    expect(await noticesOf(CADRE.A)).toBeGreaterThan(0);
    expect(await noticesOf(CADRE.B)).toBe(0);
    expect((await countyB.post('/api/v1/obligations/remind')).json().soon).toBeGreaterThan(0);
    expect(await noticesOf(CADRE.B)).toBeGreaterThan(0);
    // The city's run finds only what is about the city itself left to tell.
    const before = await noticesOf(CADRE.A);
    await city.post('/api/v1/obligations/remind');
    expect(await noticesOf(CADRE.A)).toBe(before);
  });
});

describe('a sibling county naming another county’s cadre in a body', () => {
  it('cannot close its duty (actorCadreId), open a duty owed by them (talkerCadreId) or record them as talker', async () => {
    const open = async () =>
      Number(
        (await sql<{ n: string }>`select count(*) as n from duties where done_on is null`.execute(t.ctx.db)).rows[0].n,
      );
    const before = await open();
    const visit = {
      kind: 'research_visit',
      orgId: ORG.B,
      actorCadreId: CADRE.A,
      heldOn: '2026-06-01',
      title: '专题调研',
      summary: '全面从严治党专题调研。',
    };
    expect((await countyB.post('/api/v1/activities', visit)).statusCode).toBe(404);
    expect(
      (
        await countyB.post('/api/v1/talk-occasions', {
          event: 'commendation',
          cadreId: CADRE.B_DEPT,
          occurredOn: '2026-06-01',
          talkerCadreId: CADRE.A,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await countyB.post('/api/v1/talks', {
          kind: 'supervision',
          talkerCadreId: CADRE.A,
          talkeeCadreId: CADRE.B_DEPT,
          heldOn: '2026-06-01',
          summary: '监督谈话测试',
        })
      ).statusCode,
    ).toBe(404);
    expect(await open()).toBe(before);
    expect((await countyB.get(`/api/v1/obligations?ownerCadreId=${CADRE.A}`)).statusCode).toBe(404);
  });
});

describe('PATCH /responsibilities/:id', () => {
  it('is refused to the auditor, administrator, petition and discipline roles; the department and the lead leader may', async () => {
    const task = (lead: number | null) =>
      write(t.ctx.db, t.ctx.clock, SYSTEM_ACTOR, async (w) => {
        const r = await w.trx
          .insertInto('responsibility_tasks')
          .values({
            org_id: ORG.A,
            list_name: `清单${lead}`,
            seq: 1,
            task: '专题研究党风廉政建设',
            lead_leader: lead ? '王区长' : '区委书记',
            lead_cadre_id: lead,
            created_at: w.now,
            updated_at: w.now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        w.record({ action: 'responsibility.import', entity: 'org', entityId: ORG.A });
        return r.id;
      });
    // A leader named as written (no cadre linked) is where `null !== null` let everyone in.
    const unlinked = await task(null);
    const linked = await task(CADRE.A);
    for (const role of ['auditor', 'admin', 'petition', 'discipline'] as Role[]) {
      const c = await loginAs(t, { role, orgId: ORG.A, scope: 4 });
      for (const id of [unlinked, linked])
        expect(
          (await c.patch(`/api/v1/responsibilities/${id}`, { status: 'in_progress' })).statusCode,
          `${role} ${id}`,
        ).toBe(403);
    }
    const lead = await loginAs(t, { role: 'committee_leader', orgId: ORG.A, scope: 4, cadreId: CADRE.A });
    expect((await lead.patch(`/api/v1/responsibilities/${unlinked}`, { status: 'in_progress' })).statusCode).toBe(403);
    expect((await lead.patch(`/api/v1/responsibilities/${linked}`, { status: 'in_progress' })).statusCode).toBe(200);
    expect((await countyA.patch(`/api/v1/responsibilities/${unlinked}`, { status: 'in_progress' })).statusCode).toBe(
      200,
    );
    expect(
      (await countyB.patch(`/api/v1/responsibilities/${linked}`, { status: 'done', completedOn: '2026-06-01' }))
        .statusCode,
    ).toBe(404);
  });
});
