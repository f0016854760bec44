// The one deadline engine (issue 12 §1) on a real database: periods, idempotent opening, extend once, waive, pause and
// resume counted in the clock's own unit (working days skip the Qingming holiday), refusals when closed, and the list
// of every open deadline of every kind — each source as its own reads see it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { loginAs, type Client, type TestApp } from '../../test/harness.js';
import { ORG } from '../../test/fixtures.js';
import { startCaseApp } from '../../modules/reports/reports.fixtures.js';
import { CASE_CLOCKS } from '../../modules/reports/index.js';
import { SYSTEM_ACTOR, write } from '../trail/index.js';
import { periods } from './index.js';

let t: TestApp;
let petition: Client;
let city: Client;

beforeAll(async () => {
  t = await startCaseApp('2026-03-02T02:00:00Z');
  petition = await loginAs(t, { role: 'petition', orgId: ORG.R, scope: 4 });
  city = await loginAs(t, { role: 'org_supervisor', orgId: ORG.R, scope: 4 });
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/public/reports',
    payload: {
      accused: { name: '张局长', unit: '明湖区财政局' },
      content: '违规使用公车。',
      anonymous: false,
      reporter: { name: '实名者', phone: '13800001111' },
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  expect((await city.post('/api/v1/obligations/generate', { from: '2026-01-01', to: '2026-12-31' })).statusCode).toBe(
    200,
  );
});
afterAll(() => t.close());

const clock = async (kind: string) =>
  (
    await sql<{ id: number; due_on: string }>`select id, due_on::text from case_deadlines where kind = ${kind}`.execute(
      t.ctx.db,
    )
  ).rows[0];
const run = <T>(fn: Parameters<typeof write<T>>[3]) => write(t.ctx.db, t.ctx.clock, SYSTEM_ACTOR, fn);
const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'no refusal';
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe('periods', () => {
  it('are months, quarters, half-years and years, with the real last day of February', () => {
    expect(periods('2028-02-10', '2028-03-01', 'month')).toEqual([
      ['2028-02-01', '2028-02-29', '2028M02'],
      ['2028-03-01', '2028-03-31', '2028M03'],
    ]);
    expect(periods('2026-06-30', '2026-07-01', 'half_year').map((p) => p[2])).toEqual(['2026H1', '2026H2']);
  });
});

describe('the engine on a report clock', () => {
  it('opens idempotently: the same open clock twice is one row', async () => {
    const c = await clock('accept_decision');
    const row = await sql<Record<string, unknown>>`select * from case_deadlines where id = ${c.id}`.execute(t.ctx.db);
    const { id: _, ...again } = row.rows[0];
    const ids = await run(async (w) => {
      w.record({ action: 'test.open', entity: 'case_deadline' });
      return CASE_CLOCKS.open(w, [again as never]);
    });
    expect(ids).toEqual([]);
    const n = await sql<{
      n: number;
    }>`select count(*)::int as n from case_deadlines where kind = 'accept_decision'`.execute(t.ctx.db);
    expect(n.rows[0].n).toBe(1);
  });

  it('pauses and resumes a working-day clock: the due date moves by the working days it stood still', async () => {
    // inform_named: 15 working days from Monday 2 March, due Monday 23 March. Paused Friday 3 April, resumed Wednesday
    // 8 April: 4–6 April is the Qingming holiday, so only 7 and 8 April were working days lost.
    const c = await clock('inform_named');
    expect(c.due_on).toBe('2026-03-23');
    await run((w) => CASE_CLOCKS.pause(w, c.id, '2026-04-03', '等待举报人补充材料'));
    expect(await refusal(run((w) => CASE_CLOCKS.pause(w, c.id, '2026-04-03', 'again')))).toBe('ALREADY_PAUSED');
    const r = await run((w) => CASE_CLOCKS.resume(w, t.ctx.calendar, c.id, '2026-04-08'));
    expect(r.dueOn).toBe('2026-03-25');
    expect(await refusal(run((w) => CASE_CLOCKS.resume(w, t.ctx.calendar, c.id, '2026-04-09')))).toBe('NOT_PAUSED');
  });

  it('extends once with a reason; waives with a reason; a closed clock refuses every change', async () => {
    const c = await clock('accept_decision');
    const e = await run((w) => CASE_CLOCKS.extend(w, t.ctx.calendar, c.id, 10, '案情复杂'));
    expect(e.dueOn).toBe(t.ctx.calendar.addCalendarDays(c.due_on, 10));
    expect(await refusal(run((w) => CASE_CLOCKS.extend(w, t.ctx.calendar, c.id, 10, '再延')))).toBe('ALREADY_EXTENDED');
    await run((w) => CASE_CLOCKS.waive(w, c.id, '举报人撤回', null));
    expect(await refusal(run((w) => CASE_CLOCKS.waive(w, c.id, 'again', null)))).toBe('DEADLINE_MET');
    expect(await refusal(run((w) => CASE_CLOCKS.pause(w, c.id, '2026-04-01', 'x')))).toBe('DEADLINE_MET');
    const trail = await sql<{ action: string }>`select action from trail where entity = 'case_deadline'
      and entity_id = ${String(c.id)} order by seq`.execute(t.ctx.db);
    expect(trail.rows.map((r) => r.action)).toEqual(['deadline.extend', 'deadline.waive']);
  });
});

describe('every open deadline in scope', () => {
  it('lists report clocks and duties together; a waived clock is gone; overdue counts per kind', async () => {
    t.clock.set('2026-07-10T02:00:00Z');
    petition = await loginAs(t, { role: 'petition', orgId: ORG.R, scope: 4 });
    const res = await petition.get('/api/v1/deadlines?pageSize=200');
    expect(res.statusCode, res.body).toBe(200);
    const all = res.json();
    const sources = new Set(all.items.map((d: { source: string }) => d.source));
    expect([...sources].sort()).toEqual(['case_deadline', 'duty']);
    expect(all.items.filter((d: { kind: string }) => d.kind === 'accept_decision')).toEqual([]);
    const inform = all.counts.find((c: { kind: string }) => c.kind === 'inform_named');
    expect(inform).toMatchObject({
      source: 'case_deadline',
      kindLabel: '实名举报人待告知受理情况',
      open: 1,
      overdue: 1,
    });
    const h1 = all.counts.find((c: { kind: string }) => c.kind === 'lower_principal_talk');
    expect(h1.overdue).toBeGreaterThan(0);
    const overdue = (await petition.get('/api/v1/deadlines?overdue=true&pageSize=200')).json();
    expect(overdue.total).toBe(all.counts.reduce((n: number, c: { overdue: number }) => n + c.overdue, 0));
    expect(overdue.items.every((d: { overdueDays: number }) => d.overdueDays > 0)).toBe(true);
  });

  it('shows a role its own sources only: no report clock to the organization department', async () => {
    city = await loginAs(t, { role: 'org_supervisor', orgId: ORG.R, scope: 4 });
    const dept = (await city.get('/api/v1/deadlines?pageSize=200')).json();
    expect(dept.items.length).toBeGreaterThan(0);
    expect(dept.items.some((d: { source: string }) => d.source === 'case_deadline')).toBe(false);
    // A county account sees its own county's duties only.
    const countyB = await loginAs(t, { role: 'org_supervisor', orgId: ORG.B, scope: 4 });
    const b = (await countyB.get('/api/v1/deadlines?pageSize=200')).json();
    expect(b.items.length).toBeGreaterThan(0);
    expect(b.items.every((d: { org: { id: number } }) => [ORG.B, ORG.B_DEPT].includes(d.org.id as 3 | 6))).toBe(true);
    // Another county's unit as a filter is refused (404 of the scope check), not answered empty.
    expect((await countyB.get(`/api/v1/deadlines?orgId=${ORG.A}`)).statusCode).toBe(404);
  });
});
