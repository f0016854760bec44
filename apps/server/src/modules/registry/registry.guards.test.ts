// Registry guards found in review: parallel requests that must not both win, records that must not leak across
// scopes (team seats, timeline summaries, duplicate ID numbers, search terms), and dates that cannot be real.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { CADRE, loadSmallTree, ORG } from '../../test/fixtures.js';
import { makeIdCard } from './index.js';

let t: TestApp;
let city: Client;
let countyA: Client;
beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-02T02:00:00Z' });
  await loadSmallTree(t);
  city = await loginAs(t, { role: 'org_supervisor', orgId: ORG.R, scope: 4 });
  countyA = await loginAs(t, { role: 'org_supervisor', orgId: ORG.A, scope: 4 });
});
afterAll(() => t.close());

const lastTrail = () =>
  t.ctx.db.selectFrom('trail').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();

describe('parallel requests (M-02, M-03, M-01)', () => {
  it('ends a post once: of two parallel requests one wins, the other gets 409, one timeline event', async () => {
    const { id } = (
      await city.post(`/api/v1/cadres/${CADRE.A_DEPT}/posts`, {
        orgId: ORG.A_DEPT,
        title: '副局长',
        postKind: 'deputy_head',
        rank: 'sec_deputy',
        startDate: '2021-01-01',
      })
    ).json();
    const answers = await Promise.all(
      [1, 2].map(() => city.post(`/api/v1/posts/${id}/end`, { endDate: '2025-12-31', reason: '调任' })),
    );
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const events = await t.ctx.db
      .selectFrom('timeline_events')
      .select('id')
      .where('ref_entity', '=', 'post')
      .where('ref_id', '=', String(id))
      .where('event_type', '=', 'registry.post_ended')
      .execute();
    expect(events).toHaveLength(1);
  });

  it('seats a cadre in a team once: two parallel adds give one 201 and one 409', async () => {
    const body = { cadreId: CADRE.A_TOWN, teamRole: 'member', joinedOn: '2024-01-01' };
    const answers = await Promise.all([1, 2].map(() => city.post(`/api/v1/orgs/${ORG.A}/team`, body)));
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const seats = await t.ctx.db
      .selectFrom('team_members')
      .select('id')
      .where('org_id', '=', ORG.A)
      .where('cadre_id', '=', CADRE.A_TOWN)
      .where('left_on', 'is', null)
      .execute();
    expect(seats).toHaveLength(1);
  });

  it('never lets two crossing moves build a cycle: one is refused and every path stays consistent', async () => {
    const answers = await Promise.all([
      city.post(`/api/v1/orgs/${ORG.A}/move`, { newParentId: ORG.B_DEPT, reason: '试验' }),
      city.post(`/api/v1/orgs/${ORG.B}/move`, { newParentId: ORG.A_DEPT, reason: '试验' }),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 400]);
    expect(answers.find((r) => r.statusCode === 400)!.json().error.code).toBe('ORG_CYCLE');
    const orgs = await t.ctx.db.selectFrom('orgs').select(['id', 'parent_id', 'path']).execute();
    const byId = new Map(orgs.map((o) => [o.id, o]));
    for (const o of orgs) {
      const expected = o.parent_id == null ? String(o.id) : `${byId.get(o.parent_id)!.path}.${o.id}`;
      expect(o.path).toBe(expected);
    }
    // Put the tree back for the tests below.
    const moved = answers.findIndex((r) => r.statusCode === 200) === 0 ? ORG.A : ORG.B;
    expect((await city.post(`/api/v1/orgs/${moved}/move`, { newParentId: ORG.R, reason: '复原' })).statusCode).toBe(
      200,
    );
  });
});

describe('nothing leaks across scopes', () => {
  it('a timeline summary names the relation, not the relative', async () => {
    expect(
      (await city.post(`/api/v1/cadres/${CADRE.A}/relations`, { relativeCadreId: CADRE.B, kind: 'spouse' })).statusCode,
    ).toBe(201);
    const res = await countyA.get(`/api/v1/cadres/${CADRE.A}/timeline`);
    expect(res.statusCode).toBe(200);
    const text = JSON.stringify(res.json());
    expect(text).toContain('登记亲属关系');
    expect(text).not.toContain('赵区长');
  });

  it('a team lists and changes only seats whose cadre is in scope', async () => {
    const seat = await city.post(`/api/v1/orgs/${ORG.A}/team`, {
      cadreId: CADRE.R,
      teamRole: 'member',
      joinedOn: '2024-01-01',
    });
    expect(seat.statusCode).toBe(201);
    const cityView = (await city.get(`/api/v1/orgs/${ORG.A}/team`)).json().items.map((m: { name: string }) => m.name);
    const countyView = (await countyA.get(`/api/v1/orgs/${ORG.A}/team`))
      .json()
      .items.map((m: { name: string }) => m.name);
    expect(cityView).toContain('李书记');
    expect(countyView).not.toContain('李书记');
    const id = seat.json().id;
    expect(
      (await countyA.put(`/api/v1/team-members/${id}/portfolios`, { areas: ['finance'], effectiveOn: '2025-01-01' }))
        .statusCode,
    ).toBe(404);
    expect((await countyA.post(`/api/v1/team-members/${id}/leave`, { leftOn: '2025-01-01' })).statusCode).toBe(404);
    expect((await lastTrail()).action).toBe('scope.denied');
  });

  it('a self-scope account sees only its own seat in its unit’s team', async () => {
    const self = await loginAs(t, { role: 'cadre', orgId: ORG.A, scope: 5, cadreId: CADRE.A });
    await city.post(`/api/v1/orgs/${ORG.A}/team`, { cadreId: CADRE.A, teamRole: 'secretary', joinedOn: '2024-01-01' });
    const names = (await self.get(`/api/v1/orgs/${ORG.A}/team`)).json().items.map((m: { name: string }) => m.name);
    expect(names).toEqual(['王区长']);
  });

  it('a duplicate 身份证号 held outside the caller’s scope gets a neutral 409 that names nobody, and is trailed', async () => {
    const countyB = await loginAs(t, { role: 'org_supervisor', orgId: ORG.B, scope: 4 });
    const existing = await t.ctx.db
      .selectFrom('cadres')
      .select('id_card')
      .where('id', '=', CADRE.A)
      .executeTakeFirstOrThrow();
    const res = await countyB.post('/api/v1/cadres', {
      name: '冒名',
      idCard: existing.id_card,
      partyStatus: 'member',
      orgId: ORG.B,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('ID_CARD_TAKEN');
    expect(res.body).not.toContain('王区长');
    expect(res.body).not.toContain('明湖');
    const row = await lastTrail();
    expect(row).toMatchObject({ action: 'cadre.duplicate_id_card', entity_id: String(CADRE.A) });
    expect(JSON.stringify(row.detail)).not.toContain(existing.id_card);
  });

  it('a search by ID number goes into the trail masked, with a keyed digest', async () => {
    const { id_card } = await t.ctx.db
      .selectFrom('cadres')
      .select('id_card')
      .where('id', '=', CADRE.A_DEPT)
      .executeTakeFirstOrThrow();
    const res = await city.get(`/api/v1/cadres?q=${id_card}`);
    expect(res.json().total).toBe(1);
    const row = await lastTrail();
    expect(row.action).toBe('cadre.search');
    expect(JSON.stringify(row)).not.toContain(id_card);
    expect(row.detail).toMatchObject({
      q: `${id_card.slice(0, 6)}************`,
      qDigest: t.ctx.box.digest(id_card, 'trail:cadre.search'),
    });
  });

  it('the trail shows a county auditor only what the county’s accounts did, and trails the reading', async () => {
    const auditorA = await loginAs(t, { role: 'auditor', orgId: ORG.A, scope: 4 });
    const auditorAll = await loginAs(t, { role: 'auditor', orgId: ORG.R, scope: 1 });
    const names = async (c: Client) =>
      new Set(
        (await c.get('/api/v1/trail?pageSize=200')).json().items.map((r: { actorId: number | null }) => r.actorId),
      );
    const cityAccount = (
      await t.ctx.db
        .selectFrom('accounts')
        .select('id')
        .where('org_id', '=', ORG.R)
        .where('role', '=', 'org_supervisor')
        .executeTakeFirstOrThrow()
    ).id;
    const seenByA = await names(auditorA);
    expect(seenByA.has(cityAccount)).toBe(false);
    expect(seenByA.has(null)).toBe(false);
    expect((await names(auditorAll)).has(cityAccount)).toBe(true);
    expect((await lastTrail()).action).toBe('trail.read');
    // An action family and part of a username both find their rows, and nothing else.
    const family = (await auditorAll.get('/api/v1/trail?action=cadre&pageSize=200')).json().items as Array<{
      action: string;
    }>;
    expect(family.length).toBeGreaterThan(0);
    expect(family.every((r) => r.action.startsWith('cadre.'))).toBe(true);
    const who = (await auditorAll.get('/api/v1/trail?actor=org_supervisor_4&pageSize=200')).json().items as Array<{
      actorName: string;
    }>;
    expect(who.length).toBeGreaterThan(0);
    expect(who.every((r) => r.actorName.includes('org_supervisor_4'))).toBe(true);
    expect((await auditorAll.get('/api/v1/trail?actor=%25&pageSize=5')).json().total).toBe(0); // % is a character, not a wildcard
  });
});

describe('dates that cannot be real are refused and nothing is written', () => {
  it('PATCH refuses joining the party before birth or in the future', async () => {
    for (const partyJoinedOn of ['1960-01-01', '2026-03-03']) {
      const res = await city.patch(`/api/v1/cadres/${CADRE.A_DEPT}`, { partyJoinedOn });
      expect(res.statusCode, partyJoinedOn).toBe(400);
      expect(res.json().error.details[0].path).toBe('partyJoinedOn');
    }
    expect((await city.patch(`/api/v1/cadres/${CADRE.A_DEPT}`, { partyJoinedOn: '2026-03-02' })).statusCode).toBe(200);
  });

  it('PATCH refuses a new 身份证号 whose birth date falls after the cadre’s first post', async () => {
    const before = await t.ctx.db
      .selectFrom('cadres')
      .select(['id_card', 'birth_date'])
      .where('id', '=', CADRE.B_DEPT)
      .executeTakeFirstOrThrow();
    const res = await city.patch(`/api/v1/cadres/${CADRE.B_DEPT}`, { idCard: makeIdCard('339802', '2021-05-05', 3) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.messageZh).toContain('晚于已有任职');
    const after = await t.ctx.db
      .selectFrom('cadres')
      .select(['id_card', 'birth_date'])
      .where('id', '=', CADRE.B_DEPT)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
  });

  it('posts and team seats may start up to a year ahead, not in 2099', async () => {
    const post = (startDate: string) =>
      city.post(`/api/v1/cadres/${CADRE.B}/posts`, {
        orgId: ORG.B,
        title: '区长',
        postKind: 'admin_head',
        rank: 'sec_full',
        startDate,
      });
    const far = await post('2099-01-01');
    expect(far.statusCode).toBe(400);
    expect(far.json().error.details[0].path).toBe('startDate');
    // A year from 2026-03-02 is 2027-03-02, the same date: not 366 days (issue 13 §6), and the message says so.
    const over = await post('2027-03-03');
    expect(over.statusCode).toBe(400);
    expect(over.json().error.messageZh).toBe(
      '输入有误：任职日期不能晚于 2027-03-02（今天 2026-03-02 起一年内，北京时间）',
    );
    expect(over.json().error.message).not.toContain('startDate');
    expect((await post('2027-03-02')).statusCode).toBe(201);
    expect(
      (await city.post(`/api/v1/orgs/${ORG.B}/team`, { cadreId: CADRE.B, teamRole: 'member', joinedOn: '2030-01-01' }))
        .statusCode,
    ).toBe(400);
  });

  it("today is Beijing's date: at 00:30 on 2 March in Beijing (still 1 March in UTC) the year runs to 2027-03-02", async () => {
    const was = t.clock.now();
    t.clock.set('2026-03-01T16:30:00Z');
    try {
      const at = (joinedOn: string) =>
        city.post(`/api/v1/orgs/${ORG.B}/team`, { cadreId: CADRE.B_DEPT, teamRole: 'member', joinedOn });
      const late = await at('2027-03-03');
      expect(late.statusCode).toBe(400);
      expect(late.json().error.messageZh).toContain('不能晚于 2027-03-02（今天 2026-03-02 起一年内');
      expect((await at('2027-03-02')).statusCode).toBe(201); // by the UTC date (1 March) this would be refused
    } finally {
      t.clock.set(was);
    }
  });
});
