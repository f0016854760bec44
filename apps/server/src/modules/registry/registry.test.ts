// Registry API (M-01 … M-03, M-08 backbone): writes, history that is never overwritten, derived fields,
// and bad input that gets a clear 400 while nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { CADRE, loadSmallTree, ORG } from '../../test/fixtures.js';
import { makeIdCard } from './index.js';
import { SYSTEM_ACTOR, write } from '../../platform/trail/index.js';

let t: TestApp;
let c: Client;
beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-02T02:00:00Z' });
  await loadSmallTree(t);
  c = await loginAs(t, { role: 'org_supervisor', orgId: ORG.R, scope: 4 });
});
afterAll(() => t.close());

const trailCount = async () =>
  Number(
    (
      await t.ctx.db
        .selectFrom('trail')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const cadreCount = async () =>
  Number(
    (
      await t.ctx.db
        .selectFrom('cadres')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('cadres (M-02)', () => {
  it('derives birth date and gender from the 身份证号 and refuses them typed again', async () => {
    const idCard = makeIdCard('339802', '1979-02-28', 123); // 17th digit 3 → odd → male
    const res = await c.post('/api/v1/cadres', { name: '欧阳明', idCard, partyStatus: 'member', orgId: ORG.A_DEPT });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ gender: 'M', birthDate: '1979-02-28' });
    const typed = await c.post('/api/v1/cadres', {
      name: '欧阳明',
      idCard,
      partyStatus: 'member',
      orgId: ORG.A_DEPT,
      birthDate: '1980-01-01',
    });
    expect(typed.statusCode).toBe(400);
  });

  it('refuses an invalid 身份证号 with a bilingual 400 and writes nothing', async () => {
    const good = makeIdCard('339802', '1985-07-01', 7);
    const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    const [n, tr] = [await cadreCount(), await trailCount()];
    const res = await c.post('/api/v1/cadres', { name: '错号', idCard: bad, partyStatus: 'member', orgId: ORG.A });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ path: 'idCard', code: 'ID_CARD_CHECKSUM' });
    expect(res.json().error.messageZh).toMatch(/校验/);
    expect(res.json().error.messageEn).toMatch(/check/i);
    expect([await cadreCount(), await trailCount()]).toEqual([n, tr]);
  });

  it('refuses a duplicate 身份证号 with 409', async () => {
    const idCard = makeIdCard('339802', '1983-03-03', 44);
    expect(
      (await c.post('/api/v1/cadres', { name: '甲', idCard, partyStatus: 'member', orgId: ORG.A })).statusCode,
    ).toBe(201);
    expect(
      (await c.post('/api/v1/cadres', { name: '乙', idCard, partyStatus: 'member', orgId: ORG.A })).statusCode,
    ).toBe(409);
  });

  it('refuses unknown dictionary codes, unknown fields, over-long strings and wrong types', async () => {
    const idCard = makeIdCard('339802', '1990-01-01', 1);
    const base = { name: '丙', idCard, partyStatus: 'member', orgId: ORG.A };
    for (const body of [
      { ...base, partyStatus: 'anarchist' },
      { ...base, salary: 1 },
      { ...base, name: '长'.repeat(51) },
      { ...base, orgId: '2' },
      { ...base, name: '' },
    ]) {
      const res = await c.post('/api/v1/cadres', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.messageZh).toBeTruthy();
      expect(res.json().error.messageEn).toBeTruthy();
    }
    expect((await c.get(`/api/v1/cadres?q=${encodeURIComponent('丙')}`)).json().total).toBe(0);
  });

  it('lists with paging, searches by name and by ID number prefix, sorts by pinyin', async () => {
    const all = (await c.get('/api/v1/cadres?pageSize=200')).json();
    expect(all.total).toBeGreaterThanOrEqual(6);
    const names = all.items.map((i: { name: string }) => i.name);
    // 李 (li) before 钱 (qian) before 孙 (sun) before 王 (wang) before 张 (zhang) before 赵 (zhao)
    const order = ['李书记', '钱局长', '孙书记', '王区长', '张局长', '赵区长'].map((n) => names.indexOf(n));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const page2 = (await c.get('/api/v1/cadres?page=2&pageSize=2')).json();
    expect(page2.items).toHaveLength(2);
    expect(page2.items[0].name).toBe(names[2]);
    const byName = (await c.get(`/api/v1/cadres?q=${encodeURIComponent('局长')}`)).json();
    expect(byName.items.map((i: { name: string }) => i.name).sort()).toEqual(['张局长', '钱局长']);
    const idCard = makeIdCard('339802', '1975-09-09', 12); // 张局长
    const byId = (await c.get(`/api/v1/cadres?q=${idCard.slice(0, 14)}`)).json();
    expect(byId.items.map((i: { name: string }) => i.name)).toEqual(['张局长']);
    expect(byId.items[0].idCardMasked).toBe(`${idCard.slice(0, 6)}********${idCard.slice(14)}`);
    expect(JSON.stringify(byId)).not.toContain(idCard);
  });

  it('returns the whole record and trails the read', async () => {
    const before = await trailCount();
    const res = await c.get(`/api/v1/cadres/${CADRE.A}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: CADRE.A,
      name: '王区长',
      posts: [expect.objectContaining({ isPrincipal: true })],
      team: [],
      relations: [],
    });
    expect(await trailCount()).toBe(before + 1);
    const last = await t.ctx.db
      .selectFrom('trail')
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(last).toMatchObject({ action: 'cadre.read', entity: 'cadre', entity_id: String(CADRE.A) });
    await c.get(`/api/v1/cadres/${CADRE.A}/timeline`);
    await c.get(`/api/v1/cadres?q=${encodeURIComponent('王区')}`);
    const [search, timeline] = await t.ctx.db.selectFrom('trail').selectAll().orderBy('seq', 'desc').limit(2).execute();
    expect(timeline).toMatchObject({ action: 'cadre.timeline_read', entity_id: String(CADRE.A) });
    expect(search).toMatchObject({ action: 'cadre.search', detail: { q: '王区', total: 1 } });
  });
});

describe('posts, teams and portfolios (M-02, M-03) with the dossier timeline (M-08)', () => {
  it('appoints, ends a post without deleting it, and writes both to the timeline', async () => {
    const add = await c.post(`/api/v1/cadres/${CADRE.A_DEPT}/posts`, {
      orgId: ORG.A_TOWN,
      title: '党工委书记',
      postKind: 'party_secretary',
      rank: 'sec_full',
      isPrincipal: true,
      startDate: '2026-01-05',
    });
    expect(add.statusCode).toBe(201);
    const postId = add.json().id;
    const end = await c.post(`/api/v1/posts/${postId}/end`, { endDate: '2026-02-01', reason: '调任' });
    expect(end.statusCode).toBe(200);
    expect((await c.post(`/api/v1/posts/${postId}/end`, { endDate: '2026-02-02', reason: '再次' })).statusCode).toBe(
      409,
    );
    const rec = (await c.get(`/api/v1/cadres/${CADRE.A_DEPT}`)).json();
    expect(rec.posts.find((p: { id: number }) => p.id === postId)).toMatchObject({
      endDate: '2026-02-01',
      endReason: '调任',
      current: false,
    });
    const tl = (await c.get(`/api/v1/cadres/${CADRE.A_DEPT}/timeline`)).json();
    expect(tl.items.slice(0, 2).map((e: { eventType: string }) => e.eventType)).toEqual([
      'registry.post_ended',
      'registry.appointed',
    ]);
    expect(tl.items[1].summary).toContain('城关街道党工委书记');
    // The record carries the same newest events, so the dossier page needs one request and one trailed read.
    expect(rec.timeline.total).toBe(tl.total);
    expect(rec.timeline.items.slice(0, tl.items.length)).toEqual(tl.items);
  });

  it('carries the newest 100 timeline events in the record, the 101st only through the timeline pages', async () => {
    const now = new Date();
    const rows = Array.from({ length: 101 }, (_, i) => ({
      cadre_id: CADRE.B,
      occurred_on: `2020-01-${String(1 + (i % 28)).padStart(2, '0')}`,
      recorded_at: now,
      event_type: 'registry.appointed',
      source_module: 'registry',
      summary: `事件 ${i}`,
      ref_entity: null,
      ref_id: null,
    }));
    const had = (await c.get(`/api/v1/cadres/${CADRE.B}`)).json().timeline.total;
    await write(t.ctx.db, t.ctx.clock, SYSTEM_ACTOR, async (w) => {
      await w.trx.insertInto('timeline_events').values(rows).execute();
      w.record({ action: 'test.timeline', entity: 'cadre', entityId: CADRE.B });
    });
    const rec = (await c.get(`/api/v1/cadres/${CADRE.B}`)).json();
    expect(rec.timeline.total).toBe(had + 101);
    expect(rec.timeline.items).toHaveLength(100);
    const last = (await c.get(`/api/v1/cadres/${CADRE.B}/timeline?page=${had + 101}&pageSize=1`)).json();
    expect(last.items).toHaveLength(1);
    expect(rec.timeline.items.map((e: { id: string }) => e.id)).not.toContain(last.items[0].id);
  });

  it('refuses an end date before the start date, on create and on end, writing nothing', async () => {
    const before = await trailCount();
    const res = await c.post(`/api/v1/cadres/${CADRE.B}/posts`, {
      orgId: ORG.B,
      title: '副区长',
      postKind: 'deputy_head',
      rank: 'div_deputy',
      startDate: '2025-05-01',
      endDate: '2025-04-30',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('endDate');
    expect(res.json().error.messageZh).toContain('离任日期不能早于任职日期');
    const end = await c.post('/api/v1/posts/4/end', { endDate: '2019-12-31', reason: '试' }); // post 4 started 2020-01-01
    expect(end.statusCode).toBe(400);
    expect(await trailCount()).toBe(before);
    expect(
      (await t.ctx.db.selectFrom('posts').select('end_date').where('id', '=', 4).executeTakeFirstOrThrow()).end_date,
    ).toBeNull();
  });

  it('keeps a team with portfolio history: changing a portfolio ends the old area and starts the new one', async () => {
    const join = await c.post(`/api/v1/orgs/${ORG.A_DEPT}/team`, {
      cadreId: CADRE.A_DEPT,
      teamRole: 'secretary',
      joinedOn: '2020-01-01',
      portfolios: ['overall', 'finance'],
    });
    expect(join.statusCode).toBe(201);
    expect(
      (
        await c.post(`/api/v1/orgs/${ORG.A_DEPT}/team`, {
          cadreId: CADRE.A_DEPT,
          teamRole: 'secretary',
          joinedOn: '2020-01-01',
        })
      ).statusCode,
    ).toBe(409);
    const memberId = join.json().id;
    const change = await c.put(`/api/v1/team-members/${memberId}/portfolios`, {
      areas: ['overall', 'audit'],
      effectiveOn: '2026-02-15',
    });
    expect(change.json()).toMatchObject({ added: ['audit'], ended: ['finance'] });
    const rec = (await c.get(`/api/v1/cadres/${CADRE.A_DEPT}`)).json();
    const pf = rec.team[0].portfolios;
    expect(pf).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ area: 'finance', startDate: '2020-01-01', endDate: '2026-02-15' }),
        expect.objectContaining({ area: 'audit', startDate: '2026-02-15', endDate: null }),
      ]),
    );
    const team = (await c.get(`/api/v1/orgs/${ORG.A_DEPT}/team`)).json().items;
    expect(team[0].portfolios.map((p: { area: string }) => p.area).sort()).toEqual(['audit', 'overall']);
    expect(
      (await c.put(`/api/v1/team-members/${memberId}/portfolios`, { areas: ['bogus'], effectiveOn: '2026-02-16' }))
        .statusCode,
    ).toBe(400);
  });
});

describe('relations', () => {
  it('stores both directions with the inverse kind and a generation for collateral relatives', async () => {
    const res = await c.post(`/api/v1/cadres/${CADRE.A}/relations`, { relativeCadreId: CADRE.A_TOWN, kind: 'child' });
    expect(res.statusCode).toBe(201);
    const a = (await c.get(`/api/v1/cadres/${CADRE.A}`)).json().relations;
    const b = (await c.get(`/api/v1/cadres/${CADRE.A_TOWN}`)).json().relations;
    expect(a).toEqual([
      expect.objectContaining({ kind: 'child', relative: expect.objectContaining({ id: CADRE.A_TOWN }) }),
    ]);
    expect(b).toEqual([
      expect.objectContaining({ kind: 'parent', relative: expect.objectContaining({ id: CADRE.A }) }),
    ]);
    const cousin = await c.post(`/api/v1/cadres/${CADRE.R}/relations`, {
      relativeCadreId: CADRE.B,
      kind: 'cousin',
      generation: 4,
    });
    expect(cousin.statusCode).toBe(201);
    expect((await c.get(`/api/v1/cadres/${CADRE.B}`)).json().relations[0]).toMatchObject({
      kind: 'cousin',
      generation: 4,
    });
  });

  it('refuses a sibling that is not second generation, a generation on a spouse, and a relation with oneself', async () => {
    expect(
      (
        await c.post(`/api/v1/cadres/${CADRE.B_DEPT}/relations`, {
          relativeCadreId: CADRE.A_DEPT,
          kind: 'sibling',
          generation: 3,
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await c.post(`/api/v1/cadres/${CADRE.B_DEPT}/relations`, {
          relativeCadreId: CADRE.A_DEPT,
          kind: 'spouse',
          generation: 3,
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await c.post(`/api/v1/cadres/${CADRE.B_DEPT}/relations`, { relativeCadreId: CADRE.B_DEPT, kind: 'spouse' }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await c.post(`/api/v1/cadres/${CADRE.B_DEPT}/relations`, {
          relativeCadreId: CADRE.A_DEPT,
          kind: 'cousin',
          generation: 2,
        })
      ).statusCode,
    ).toBe(400);
  });
});

describe('organization tree (M-01)', () => {
  it('moves a unit with its subtree, keeps the move in history, and refuses cycles', async () => {
    const town = (
      await c.post('/api/v1/orgs', {
        parentId: ORG.A_TOWN,
        name: '幸福社区',
        level: 'village',
        unitType: 'village_org',
      })
    ).json();
    const cycle = await c.post(`/api/v1/orgs/${ORG.A}/move`, { newParentId: town.id, reason: '试图成环' });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.code).toBe('ORG_CYCLE');
    expect((await c.post(`/api/v1/orgs/${ORG.A}/move`, { newParentId: ORG.A, reason: '自己' })).json().error.code).toBe(
      'ORG_CYCLE',
    );
    const move = await c.post(`/api/v1/orgs/${ORG.A_TOWN}/move`, { newParentId: ORG.B, reason: '区划调整' });
    expect(move.statusCode).toBe(200);
    const treeB = (await c.get(`/api/v1/orgs/${ORG.B}/tree?depth=3`)).json();
    const moved = treeB.children.find((n: { id: number }) => n.id === ORG.A_TOWN);
    expect(moved.children.map((n: { name: string }) => n.name)).toEqual(['幸福社区']);
    const treeA = (await c.get(`/api/v1/orgs/${ORG.A}/tree?depth=3`)).json();
    expect(treeA.children.map((n: { id: number }) => n.id)).not.toContain(ORG.A_TOWN);
    const hist = (await c.get(`/api/v1/orgs/${ORG.A_TOWN}/moves`)).json().items;
    expect(hist).toEqual([expect.objectContaining({ fromParentId: ORG.A, toParentId: ORG.B, reason: '区划调整' })]);
  });

  it('answers malformed JSON, an oversized body and a bad id with 4xx, never 500', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': 'application/json' },
      payload: '{"name": "x",',
    });
    expect(bad.statusCode).toBe(400);
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(2_000_000) }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.messageZh).toBe('请求体过大');
    expect((await c.get('/api/v1/orgs/abc')).statusCode).toBe(400);
    expect((await c.get('/api/v1/orgs/99999999999')).statusCode).toBe(400);
    expect((await c.get('/api/v1/cadres/999999')).statusCode).toBe(404);
  });
});
