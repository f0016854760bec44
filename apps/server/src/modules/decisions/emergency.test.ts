// Emergency decisions (issue 14 §4, M-34), on the engine of the run: written down on day 3 after the decision is on
// time and on day 4 late (a finding); the body's next meeting lists those still to report; reported at it, the list
// clears; that meeting closed without reporting one is a finding. Bad input and other counties write nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, loginAs, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { CADRE, loadSmallTree, ORG } from '../../test/fixtures.js';
import { daysBetween } from './emergency.dates.js';
import { meetingWith, seatTeam } from './meetings.fixtures.js';

let t: TestApp;
let city: Client;
let countyB: Client;
let commission: Client;
let team: number[];

beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-10T02:00:00Z' }); // 10:00 on 2026-03-10 in Beijing
  await loadSmallTree(t);
  city = await loginAs(t, { role: 'org_supervisor', orgId: ORG.R, scope: 4 });
  countyB = await loginAs(t, { role: 'org_supervisor', orgId: ORG.B, scope: 4 });
  commission = await loginAs(t, { role: 'discipline', orgId: ORG.R, scope: 4 });
  team = await seatTeam(city, 6);
});
afterAll(() => t.close());

const body = (decidedOn: string, title: string, extra: Record<string, unknown> = {}) => ({
  orgId: ORG.A,
  kind: 'standing',
  title,
  category: 'large_funds',
  decidedOn,
  reason: '突发险情，来不及召开常委会',
  content: '同意先行拨付抢险资金',
  proposerCadreId: CADRE.A,
  ...extra,
});
const count = async () =>
  Number(
    (
      await t.ctx.db
        .selectFrom('emergency_decisions')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const findings = () =>
  t.ctx.db
    .selectFrom('findings')
    .select(['rule_id', 'message', 'evidence'])
    .where('source', '=', 'decisions')
    .where('active', '=', true)
    .orderBy('id')
    .execute();

describe('emergency decisions (M-34)', () => {
  it('counts calendar days, the day of the decision not counted', () => {
    expect(daysBetween('2026-03-07', '2026-03-10')).toBe(3);
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3); // over the end of February
  });

  let onTime: number;
  let late: number;
  it('day 3 is on time, day 4 late and a finding; a future day, an outside proposer are refused and write nothing', async () => {
    const a = await city.post('/api/v1/emergency-decisions', body('2026-03-07', '拨付防汛抢险资金'));
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ recordedOn: '2026-03-10', late: false });
    onTime = a.json().id;
    const b = await city.post('/api/v1/emergency-decisions', body('2026-03-06', '临时租用抢险设备'));
    expect(b.json()).toMatchObject({ late: true });
    late = b.json().id;
    const before = await count();
    const future = await city.post('/api/v1/emergency-decisions', body('2026-03-11', '明天的决定'));
    expect(future.statusCode).toBe(400);
    const outsider = await city.post(
      '/api/v1/emergency-decisions',
      body('2026-03-09', '外人', { proposerCadreId: CADRE.B }),
    );
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().error.messageZh).toBe('提议人须是决策当日该单位的班子成员');
    expect(await count()).toBe(before);
    const f = await findings();
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule_id: 'M-34', evidence: [{ emergencyId: late, decidedOn: '2026-03-06' }] });
    expect(f[0].message).toContain('4 天后才书面补记，超过 3 天');
    const list = (await city.get(`/api/v1/emergency-decisions?orgId=${ORG.A}`)).json();
    expect(list.items.map((e: { id: number; late: boolean }) => [e.id, e.late])).toEqual([
      [onTime, false],
      [late, true],
    ]);
  });

  it('the next meeting lists both until reported; reported once, at a meeting of the same body; closed unreported → finding', async () => {
    const meetingId = await meetingWith(city, team, 7, '2026-03-10');
    let m = (await city.get(`/api/v1/meetings/${meetingId}`)).json();
    expect(m.emergencies.map((e: { id: number; reported: boolean }) => [e.id, e.reported])).toEqual([
      [late, false],
      [onTime, false],
    ]);
    const rep = await city.post(`/api/v1/emergency-decisions/${onTime}/report`, { meetingId });
    expect(rep.statusCode, rep.body).toBe(200);
    expect((await city.post(`/api/v1/emergency-decisions/${onTime}/report`, { meetingId })).json().error.code).toBe(
      'ALREADY_REPORTED',
    );
    const office = await city.post('/api/v1/meetings', {
      orgId: ORG.A,
      kind: 'office',
      heldOn: '2026-03-10',
      place: '会议室',
      chairCadreId: CADRE.A,
      recorder: '办公室',
    });
    const wrongBody = await city.post(`/api/v1/emergency-decisions/${late}/report`, { meetingId: office.json().id });
    expect(wrongBody.statusCode).toBe(400);
    m = (await city.get(`/api/v1/meetings/${meetingId}`)).json();
    expect(m.emergencies.map((e: { id: number; reported: boolean }) => [e.id, e.reported])).toEqual([
      [late, false],
      [onTime, true],
    ]);
    expect((await findings()).filter((f) => f.message.includes('未在其后'))).toEqual([]);
    const item = await city.post(`/api/v1/meetings/${meetingId}/items`, { title: '其他事项', category: 'other' });
    expect((await city.post(`/api/v1/meeting-items/${item.json().id}/close`, {})).statusCode).toBe(200);
    const unreported = (await findings()).filter((f) => f.message.includes('未在其后'));
    expect(unreported).toHaveLength(1);
    expect(unreported[0].evidence).toEqual([
      { emergencyId: late, decidedOn: '2026-03-06', nextMeetingId: meetingId, reportedOn: null },
    ]);
  });

  it('the proposer alone signs, in person and once (M-34 由提议人签字)', async () => {
    const proposer = await loginAs(t, { role: 'committee_leader', orgId: ORG.A, scope: 4, cadreId: CADRE.A });
    const member = await loginAs(t, { role: 'cadre', orgId: ORG.A, scope: 4, cadreId: team[1] });
    const url = `/api/v1/emergency-decisions/${onTime}/sign`;
    expect((await member.post(url, { password: PASSWORD })).json().error.code).toBe('NOT_SIGNER');
    expect((await proposer.post(url, { password: 'wrong-password-12' })).statusCode).toBe(401);
    expect((await t.ctx.db.selectFrom('emergency_signatures').selectAll().execute()).length).toBe(0);
    const ok = await proposer.post(url, { password: PASSWORD });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({
      id: onTime,
      method: 'password',
      digest: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect((await proposer.post(url, { password: PASSWORD })).json().error.code).toBe('ALREADY_SIGNED');
    const list = (await city.get(`/api/v1/emergency-decisions?orgId=${ORG.A}`)).json();
    const signed = list.items.map((e: { id: number; signed: unknown }) => [e.id, e.signed !== null]);
    expect(signed).toEqual([
      [onTime, true],
      [late, false],
    ]);
  });

  it('scope and roles: another county gets 404, the commission reads and may not write', async () => {
    expect((await countyB.post(`/api/v1/emergency-decisions/${late}/report`, { meetingId: 1 })).statusCode).toBe(404);
    expect((await countyB.get('/api/v1/emergency-decisions')).json().total).toBe(0);
    expect((await commission.get('/api/v1/emergency-decisions')).json().total).toBe(2);
    expect((await commission.post('/api/v1/emergency-decisions', body('2026-03-09', '纪委'))).statusCode).toBe(403);
  });
});
