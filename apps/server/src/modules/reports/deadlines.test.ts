// M-12 statutory clocks under a controlled clock: due dates from the working-day calendar, the exact boundary (due
// today is not overdue, the day after is), the clocks that stop when the step is done, and one extension with a reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type Client, type TestApp } from '../../test/harness.js';
import { caseDesk, startCaseApp } from './reports.fixtures.js';
import { ORG } from '../../test/fixtures.js';

let t: TestApp;
let petition: Client;
let handler: Client;

beforeAll(async () => {
  t = await startCaseApp();
  ({ petition, handler } = await caseDesk(t));
});
afterAll(() => t.close());

/** Moves the clock to 10:00 in Beijing on that day; sessions last 8 hours, so the staff log in again. */
async function at(isoDay: string) {
  t.clock.set(`${isoDay}T02:00:00Z`);
  petition = await loginAs(t, { role: 'petition', orgId: ORG.R, scope: 4 });
  handler = await loginAs(t, { role: 'discipline', orgId: ORG.R, scope: 4 });
}
const queues = async () =>
  Object.fromEntries(
    ((await petition.get('/api/v1/reports/queues')).json().queues as Array<{ queue: string; overdue: number }>).map(
      (q) => [q.queue, q.overdue],
    ),
  );

describe('deadlines and overdue queues (M-12)', () => {
  let reportId: number;

  it('a named report starts two clocks: the acceptance decision (15 days) and telling the reporter (15 working days)', async () => {
    await at('2026-03-02');
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
    expect(res.statusCode).toBe(201);
    reportId = (await petition.get('/api/v1/reports')).json().items[0].id;
    const detail = (await petition.get(`/api/v1/reports/${reportId}`)).json();
    expect(detail.deadlines).toEqual([
      expect.objectContaining({ kind: 'accept_decision', dueOn: '2026-03-17', met: false }),
      // 15 working days after Monday 2 March 2026: Monday 23 March.
      expect.objectContaining({ kind: 'inform_named', dueOn: '2026-03-23', met: false }),
    ]);
  });

  it('due today is not overdue; the day after is', async () => {
    await at('2026-03-17');
    expect(await queues()).toMatchObject({ disposal: 0, inform: 0 });
    await at('2026-03-18');
    expect(await queues()).toMatchObject({ disposal: 1, inform: 0 });
    const items = (await petition.get('/api/v1/reports/queues/disposal')).json();
    expect(items).toMatchObject({
      total: 1,
      items: [{ reportId, kind: 'accept_decision', dueOn: '2026-03-17', overdueDays: 1, overdueUnit: 'calendar' }],
    });
    expect(JSON.stringify(items)).not.toContain('实名者');
    await at('2026-03-23');
    expect((await queues()).inform).toBe(0);
    await at('2026-03-24');
    expect((await queues()).inform).toBe(1);
  });

  it('a reply tells the named reporter and stops that clock; accepting stops the acceptance clock and starts 60 days of handling', async () => {
    expect(
      (await petition.post(`/api/v1/reports/${reportId}/replies`, { body: '您的举报已收到，正在办理。' })).statusCode,
    ).toBe(201);
    expect((await queues()).inform).toBe(0);
    const accepted = await petition.post(`/api/v1/reports/${reportId}/accept`, {
      problemType: 'work',
      summary: '违规使用公车',
      handlingMode: 'self',
    });
    expect(accepted.json().handlingDueOn).toBe('2026-05-23');
    expect((await queues()).disposal).toBe(0);
  });

  it('the handling period is extended once, by 30 days, with a reason; a second extension is refused', async () => {
    const detail = (await petition.get(`/api/v1/reports/${reportId}`)).json();
    const disposal = detail.deadlines.find((d: { kind: string }) => d.kind === 'disposal');
    const acceptClock = detail.deadlines.find((d: { kind: string }) => d.kind === 'accept_decision');
    expect(
      (await petition.post(`/api/v1/deadlines/${disposal.id}/extend`, { reason: '情况复杂需延期' })).statusCode,
    ).toBe(403);
    expect((await handler.post(`/api/v1/deadlines/${disposal.id}/extend`, { reason: '' })).statusCode).toBe(400);
    expect(
      (await handler.post(`/api/v1/deadlines/${acceptClock.id}/extend`, { reason: '情况复杂需要延期' })).json().error
        .code,
    ).toBe('NOT_EXTENDABLE');
    const ext = await handler.post(`/api/v1/deadlines/${disposal.id}/extend`, { reason: '涉及多个单位，情况复杂' });
    expect(ext.statusCode, ext.body).toBe(200);
    expect(ext.json()).toMatchObject({ dueOn: '2026-06-22', extendedDays: 30 });
    expect(
      (await handler.post(`/api/v1/deadlines/${disposal.id}/extend`, { reason: '再次申请延期' })).json().error.code,
    ).toBe('ALREADY_EXTENDED');
    const trail = await t.ctx.db
      .selectFrom('trail')
      .select(['detail'])
      .where('action', '=', 'deadline.extend')
      .execute();
    expect(trail).toHaveLength(1);
    await at('2026-06-22');
    expect((await queues()).disposal).toBe(0);
    await at('2026-06-23');
    expect((await queues()).disposal).toBe(1);
  });

  it('an unanswered letter of inquiry is overdue the working day after its due date (M-15)', async () => {
    await at('2026-06-23');
    const clueId = (await petition.get(`/api/v1/reports/${reportId}`)).json().clue.id;
    const head = await loginAs(t, { role: 'discipline', orgId: ORG.R, scope: 4, isHead: true });
    let clue = (await handler.get(`/api/v1/clues/${clueId}`)).json();
    const p = await handler.post(`/api/v1/clues/${clueId}/propose`, {
      disposal: 'inquiry',
      opinion: '函询了解',
      version: clue.version,
      collective: { meetingOn: '2026-06-23', participants: ['甲', '乙', '丙'], minutes: '同意函询了解情况' },
    });
    expect(
      (await head.post(`/api/v1/clues/${clueId}/approve`, { opinion: '同意', version: p.json().version })).statusCode,
    ).toBe(200);
    const letter = (
      await handler.post(`/api/v1/clues/${clueId}/letters`, { questions: '请说明公车使用情况及相关审批手续。' })
    ).json();
    // 15 working days after Tuesday 23 June 2026 (端午节 19 June is before it): Tuesday 14 July.
    expect(letter.dueOn).toBe('2026-07-14');
    await at('2026-07-14');
    expect((await queues()).inquiry).toBe(0);
    await at('2026-07-15');
    expect((await queues()).inquiry).toBe(1);
    clue = (await handler.get(`/api/v1/clues/${clueId}`)).json();
    expect(clue.deadlines.find((d: { kind: string }) => d.kind === 'inquiry_reply')).toMatchObject({
      dueOn: '2026-07-14',
      met: false,
    });
  });

  it("a unit filter outside the caller's scope is a 404, not an empty answer", async () => {
    const petitionB = await loginAs(t, { role: 'petition', orgId: ORG.B, scope: 4 });
    expect((await petitionB.get(`/api/v1/reports/queues?orgId=${ORG.A}`)).statusCode).toBe(404);
    expect(
      (await petitionB.get('/api/v1/reports/queues')).json().queues.every((q: { overdue: number }) => q.overdue === 0),
    ).toBe(true);
  });
});
