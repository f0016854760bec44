// The demo city: deterministic, big enough (≥ 2,000 cadres, ≥ 4 counties), loads through the trailed write path,
// and its accounts work only in demo mode.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/harness.js';
import { verifyTrail } from '../platform/trail/index.js';
import { parseIdCard, REGISTRY_RULES, sweepAll } from '../modules/registry/index.js';
import { SYSTEM_ACTOR } from '../platform/trail/index.js';
import { totpCode } from '../platform/auth/index.js';
import { DEMO_ACCOUNTS, DEMO_CITY_OPTIONS, DEMO_PASSWORD, generateRegistry, seedDemo } from './index.js';
import { sweepInterference } from '../modules/decisions/index.js';

const digest = (v: unknown) => createHash('sha256').update(JSON.stringify(v)).digest('hex');

describe('demo generator', () => {
  const r = generateRegistry(DEMO_CITY_OPTIONS);

  it('is deterministic', () => {
    expect(digest(generateRegistry(DEMO_CITY_OPTIONS))).toBe(digest(r));
    expect(digest(generateRegistry({ ...DEMO_CITY_OPTIONS, seed: 'other' }))).not.toBe(digest(r));
  });

  it('makes a realistic city: ≥ 4 counties, departments, towns, villages, SOEs, ≥ 2,000 cadres with valid ID numbers', () => {
    expect(
      r.orgs.filter((o) => o.level === 'county' && o.unitType === 'party_committee').length,
    ).toBeGreaterThanOrEqual(4);
    expect(r.orgs.filter((o) => o.level === 'township').length).toBeGreaterThanOrEqual(20);
    expect(r.orgs.filter((o) => o.level === 'village').length).toBeGreaterThanOrEqual(50);
    expect(r.orgs.filter((o) => o.unitType === 'soe').length).toBeGreaterThanOrEqual(3);
    expect(r.cadres.length).toBeGreaterThanOrEqual(2000);
    expect(new Set(r.cadres.map((c) => c.idCard)).size).toBe(r.cadres.length);
    for (const c of r.cadres.slice(0, 300)) {
      const p = parseIdCard(c.idCard, '2026-11-22');
      expect(p.ok && p.value.birthDate === c.birthDate && p.value.gender === c.gender).toBe(true);
    }
    // Every unit has exactly one current party-secretary principal in its team.
    const principals = r.posts.filter((p) => p.isPrincipal && !p.endDate && p.postKind === 'party_secretary');
    expect(new Set(principals.map((p) => p.orgId)).size).toBe(r.orgs.length);
    expect(r.relations.length).toBeGreaterThan(20);
    expect(
      r.portfolios.some(
        (p) =>
          p.area === 'construction' &&
          principals.some((x) => r.members.find((m) => m.id === p.teamMemberId)?.cadreId === x.cadreId),
      ),
    ).toBe(true);
  });

  it('keeps every post history consistent: earlier posts end before the next begins, none after the reference date', () => {
    for (const p of r.posts) {
      expect(p.startDate <= DEMO_CITY_OPTIONS.refDate).toBe(true);
      if (p.endDate) expect(p.endDate >= p.startDate).toBe(true);
    }
  });
});

describe('demo seeding', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Late in the year, so the first half-year's talk duties have come due (issue 5).
    t = await startTestApp({ demo: true, now: '2026-11-25T02:00:00Z' });
    await seedDemo(t.ctx);
  });
  afterAll(() => t.close());

  it('shows a newcomer every registry rule: at least one cadre flagged by each of M-04 … M-07', async () => {
    const r = await sweepAll(t.ctx, SYSTEM_ACTOR);
    for (const rule of REGISTRY_RULES) expect(r.byRule[rule], rule).toBeGreaterThan(0);
    const m04 = await t.ctx.db
      .selectFrom('cadre_flags')
      .innerJoin('cadres', 'cadres.id', 'cadre_flags.cadre_id')
      .innerJoin('orgs', 'orgs.id', 'cadres.org_id')
      .select('orgs.path')
      .where('rule_id', '=', 'M-04')
      .execute();
    const countyA = await t.ctx.db
      .selectFrom('orgs')
      .select('path')
      .where('name', '=', '明湖区')
      .executeTakeFirstOrThrow();
    expect(m04.some((m) => m.path.startsWith(`${countyA.path}.`))).toBe(true); // demo_county_a sees one
  });

  it('loads through the trailed write path: the chain verifies', async () => {
    expect(await verifyTrail(t.ctx.db)).toMatchObject({ ok: true });
    const n = await t.ctx.db
      .selectFrom('cadres')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBeGreaterThanOrEqual(2000);
  });

  it('demo accounts log in in demo mode; demo_county_a sees its county and not the sibling county', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'demo_county_a', password: DEMO_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    const list = (await t.app.inject({ url: '/api/v1/cadres?pageSize=200', headers: { cookie } })).json();
    expect(list.total).toBeGreaterThan(150);
    expect(list.items.every((i: { orgName: string }) => !i.orgName.startsWith('青石区'))).toBe(true);
    expect(DEMO_ACCOUNTS.map((a) => a.username)).toEqual(
      expect.arrayContaining(['demo_city', 'demo_county_a', 'demo_county_b']),
    );
  });

  it("shows every report state and every overdue queue (issue 4), and keeps reports away from the demo accounts' own cadres", async () => {
    const count = async (table: 'reports' | 'clues', col: 'status' | 'state') =>
      new Set(
        (
          await t.ctx.db
            .selectFrom(table)
            .select(col as never)
            .execute()
        ).map((r) => (r as Record<string, string>)[col]),
      );
    expect([...(await count('reports', 'status'))].sort()).toEqual([
      'accepted',
      'concluded',
      'not_accepted',
      'received',
    ]);
    expect([...(await count('clues', 'state'))].sort()).toEqual([
      'closed',
      'inquiry',
      'on_hold',
      'proposed',
      'registered',
    ]);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: {
        username: 'demo_discipline',
        password: DEMO_PASSWORD,
        totp: totpCode('MJDEMODISCIPLINE', t.clock.now()),
      },
    });
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    const queues = (await t.app.inject({ url: '/api/v1/reports/queues', headers: { cookie } })).json().queues;
    for (const q of queues) expect(q.overdue, q.queue).toBeGreaterThan(0);
    const analysis = (await t.app.inject({ url: '/api/v1/reports/analysis', headers: { cookie } })).json();
    expect(analysis.concentrated.length).toBeGreaterThan(0);
    expect(analysis.totals.reports).toBeGreaterThan(analysis.totals.matters - 1);
    const links = await t.ctx.db.selectFrom('report_links').select('status').execute();
    expect(links.map((l) => l.status)).toContain('proposed');
    const linked = (
      await t.ctx.db.selectFrom('accounts').select('cadre_id').where('cadre_id', 'is not', null).execute()
    ).map((a) => a.cadre_id);
    const touched = await t.ctx.db
      .selectFrom('reports')
      .select('accused_cadre_id')
      .where('accused_cadre_id', 'in', linked as number[])
      .execute();
    expect(touched).toEqual([]);
  });

  it('has talks, and overdue duties of superior principals for the compliance view (issue 5)', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'demo_city', password: DEMO_PASSWORD },
    });
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    const overdue = (await t.app.inject({ url: '/api/v1/obligations?status=overdue', headers: { cookie } })).json();
    const done = (await t.app.inject({ url: '/api/v1/obligations?status=done', headers: { cookie } })).json();
    expect(overdue.total).toBeGreaterThan(10);
    expect(done.total).toBeGreaterThan(overdue.total);
    expect(overdue.items[0]).toMatchObject({ ruleId: expect.stringMatching(/^M-2[1235]$/), status: 'overdue' });
    // Every kind of obligation is there: occasions (M-21) and 约谈 after a failing hearing (M-25) overdue, the yearly
    // templates (M-23) partly done by recorded visits, lectures, checks and hearings.
    const all = (
      await t.app.inject({ url: '/api/v1/obligations?pageSize=200&status=overdue&ruleId=M-25', headers: { cookie } })
    ).json();
    expect(all.items.some((d: { obligation: string }) => d.obligation === 'hearing_summons')).toBe(true);
    expect(
      (await t.app.inject({ url: '/api/v1/obligations?status=overdue&ruleId=M-21', headers: { cookie } })).json().total,
    ).toBeGreaterThan(3);
    const kinds = new Set(
      (await t.app.inject({ url: '/api/v1/activities?pageSize=200', headers: { cookie } }))
        .json()
        .items.map((a: { kind: string }) => a.kind),
    );
    expect([...kinds].sort()).toEqual(['lower_hearing', 'party_lecture', 'research_visit', 'special_check']);
  });

  it('shows a year of sealed meetings and every decisions finding (issue 14 §8)', async () => {
    const seals = await t.ctx.db.selectFrom('meeting_seals').select('meeting_id').execute();
    expect(seals.length).toBe(12);
    const items = await t.ctx.db.selectFrom('meeting_items').select(['status', 'category']).execute();
    expect(new Set(items.map((i) => i.category)).size).toBe(5);
    expect(items.filter((i) => i.status === 'deferred').length).toBe(1);
    expect((await t.ctx.db.selectFrom('item_recusals').select('item_id').execute()).length).toBe(1);
    const proposed = await t.ctx.db
      .selectFrom('timeline_events')
      .select('cadre_id')
      .where('event_type', '=', 'decisions.proposed')
      .execute();
    expect(proposed.length).toBe(12 * 4 + 2); // four proposed items a meeting (the fifth is the chair's, deemed), two emergencies
    const found = await t.ctx.db
      .selectFrom('findings')
      .select(['source', 'message'])
      .where('active', '=', true)
      .where('rule_id', 'in', ['M-34', 'M-36', 'M-37'])
      .execute();
    const has = (text: string) => found.filter((f) => f.message.includes(text)).length;
    expect(has('书面补记')).toBe(2); // both emergency decisions recorded late
    expect(has('会议上通报')).toBe(1); // one not reported at the next meeting
    expect(has('结果查究为负面')).toBe(1);
    expect(has('零报告')).toBe(1);
    expect(has('未按期报告')).toBe(0); // the sweep's job, not yet run: see below
    expect(has('未经班子会签')).toBe(1);
    expect(has('未按规定记录')).toBe(1);
    await sweepInterference(t.ctx, SYSTEM_ACTOR);
    const missing = await t.ctx.db
      .selectFrom('findings')
      .innerJoin('orgs', 'orgs.id', 'findings.subject_id')
      .select('orgs.name')
      .where('active', '=', true)
      .where('message', 'like', '%未按期报告%')
      .execute();
    expect(new Set(missing.map((m) => m.name))).toEqual(new Set(['明湖区发展和改革局'])); // only the unit that owes them
  });

  it('demo accounts are refused when demo mode is off', async () => {
    t.ctx.demo = false;
    try {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'demo_city', password: DEMO_PASSWORD },
      });
      expect(res.statusCode).toBe(401);
    } finally {
      t.ctx.demo = true;
    }
  });
});
