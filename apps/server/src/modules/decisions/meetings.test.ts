// Meetings and agenda items (issue 14 §1, M-30, M-31), on the engine of the run: who should attend is the team on
// the meeting's date; quorum counts against them — 9 members: an appointment needs 6 present (5 is not enough), a
// 三重一大 item more than half, 5 (4 is not); the proposer is a member of the team or, when none is recorded, the chair
// as deemed proposer; a stranger's attendance, an absence without reason, a chair from outside the team are 400 and
// write nothing; another county's meeting is 404; the discipline commission reads and does not write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { CADRE, loadSmallTree, ORG } from '../../test/fixtures.js';
import { quorum } from './quorum.js';
import { seatTeam } from './meetings.fixtures.js';

let t: TestApp;
let city: Client;
let countyB: Client;
let commission: Client;
const team: number[] = [];
let meetingId: number;

beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-10T02:00:00Z' });
  await loadSmallTree(t);
  city = await loginAs(t, { role: 'org_supervisor', orgId: ORG.R, scope: 4 });
  countyB = await loginAs(t, { role: 'org_supervisor', orgId: ORG.B, scope: 4 });
  commission = await loginAs(t, { role: 'discipline', orgId: ORG.R, scope: 4 });
  team.push(...(await seatTeam(city)));
});
afterAll(() => t.close());

const count = async (table: 'meetings' | 'meeting_members' | 'meeting_items') =>
  Number(
    (
      await t.ctx.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const attend = (present: number) =>
  city.put(`/api/v1/meetings/${meetingId}/attendance`, {
    members: team.map((cadreId, i) =>
      i < present ? { cadreId, attended: true } : { cadreId, attended: false, absenceReason: '外出学习' },
    ),
  });

describe('quorum counted in whole people (M-30)', () => {
  const s = { majorQuorumShare: 0.5, appointmentQuorumShare: 2 / 3 };
  it('9 members: an appointment needs 6, a major item 5; 10 members: 7 and 6', () => {
    expect(quorum(true, 9, 6, s)).toMatchObject({ required: 6, met: true });
    expect(quorum(true, 9, 5, s)).toMatchObject({ required: 6, met: false });
    expect(quorum(false, 9, 5, s)).toMatchObject({ required: 5, met: true });
    expect(quorum(false, 9, 4, s)).toMatchObject({ required: 5, met: false });
    expect(quorum(true, 10, 7, s).required).toBe(7);
    expect(quorum(false, 10, 5, s)).toMatchObject({ required: 6, met: false });
  });
});

describe('meetings (M-30, M-31)', () => {
  it('records a meeting: who should attend is the team on that date, in its order', async () => {
    const res = await city.post('/api/v1/meetings', {
      orgId: ORG.A,
      kind: 'standing',
      heldOn: '2026-03-09',
      place: '区委常委会议室',
      chairCadreId: CADRE.A,
      recorder: '区委办公室',
      guests: [{ name: '区纪委监委派驻组长', capacity: '列席' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    meetingId = res.json().id;
    const m = (await city.get(`/api/v1/meetings/${meetingId}`)).json();
    expect(m.members.map((x: { cadreId: number }) => x.cadreId)).toEqual(team);
    expect(m).toMatchObject({ kindLabel: ['常委会', 'Standing committee meeting'], attendanceRecorded: false });
    expect(m.guests).toEqual([{ name: '区纪委监委派驻组长', capacity: '列席' }]);
  });

  it('refuses a chair from outside the team, a day without a team, a day after today — writing nothing', async () => {
    const before = await count('meetings');
    const base = { orgId: ORG.A, kind: 'standing', place: '会议室', recorder: '办公室' };
    const outsider = await city.post('/api/v1/meetings', { ...base, heldOn: '2026-03-09', chairCadreId: CADRE.A_DEPT });
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().error.messageZh).toBe('主持人须是会议当日的班子成员');
    const early = await city.post('/api/v1/meetings', { ...base, heldOn: '2024-12-31', chairCadreId: CADRE.A });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('NO_TEAM');
    const future = await city.post('/api/v1/meetings', { ...base, heldOn: '2026-03-11', chairCadreId: CADRE.A });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.messageZh).toContain('不能晚于今天（2026-03-10');
    expect(await count('meetings')).toBe(before);
  });

  it('attendance: only the members who should attend, an absence with its reason; a bad entry writes nothing', async () => {
    const stranger = await city.put(`/api/v1/meetings/${meetingId}/attendance`, {
      members: [
        { cadreId: team[1], attended: true },
        { cadreId: CADRE.B, attended: true },
      ],
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.messageZh).toBe('不是本次会议的应到会成员');
    const noReason = await city.put(`/api/v1/meetings/${meetingId}/attendance`, {
      members: [{ cadreId: team[1], attended: false }],
    });
    expect(noReason.statusCode).toBe(400);
    const m = (await city.get(`/api/v1/meetings/${meetingId}`)).json();
    expect(m.members.every((x: { attended: unknown }) => x.attended === null)).toBe(true);
    expect((await attend(6)).statusCode).toBe(200);
  });

  it('items: the proposer is a member, or the chair as deemed proposer; quorum per item against those who should attend', async () => {
    const appoint = await city.post(`/api/v1/meetings/${meetingId}/items`, {
      title: '研究区财政局局长人选',
      category: 'appointment',
      proposerCadreId: team[2],
      prepDone: ['consultation'],
    });
    expect(appoint.json()).toMatchObject({ seq: 1, proposerDeemed: false });
    const major = await city.post(`/api/v1/meetings/${meetingId}/items`, {
      title: '审议城区道路改造项目',
      category: 'major_project',
      prepDone: ['research'],
    });
    expect(major.json()).toMatchObject({ seq: 2, proposerDeemed: true });
    const outsider = await city.post(`/api/v1/meetings/${meetingId}/items`, {
      title: '外人提议',
      category: 'other',
      proposerCadreId: CADRE.B,
    });
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().error.messageZh).toBe('初始动议人须是本次会议的班子成员');

    let m = (await city.get(`/api/v1/meetings/${meetingId}`)).json();
    expect(m.items[1].proposer).toEqual({ cadreId: CADRE.A, name: expect.any(String), deemed: true });
    expect(m.items[1].prepMissing.map((p: { code: string }) => p.code)).toEqual(['consultation', 'legality_review']);
    expect(m.items[0].prepMissing).toEqual([]);
    expect(m.items[0].quorum).toEqual({ expected: 9, present: 6, required: 6, met: true, rule: 'at_least' });
    await attend(5);
    m = (await city.get(`/api/v1/meetings/${meetingId}`)).json();
    expect(m.items[0].quorum).toMatchObject({ present: 5, met: false });
    expect(m.items[1].quorum).toMatchObject({ required: 5, met: true });
    await attend(4);
    m = (await city.get(`/api/v1/meetings/${meetingId}`)).json();
    expect(m.items[1].quorum).toMatchObject({ present: 4, met: false });
  });

  it('scope and roles: another county gets 404, the commission reads but may not write, reads are trailed', async () => {
    expect((await countyB.get(`/api/v1/meetings/${meetingId}`)).statusCode).toBe(404);
    expect(
      (await countyB.post(`/api/v1/meetings/${meetingId}/items`, { title: '越权', category: 'other' })).statusCode,
    ).toBe(404);
    expect((await countyB.get('/api/v1/meetings')).json().total).toBe(0);
    expect((await commission.get(`/api/v1/meetings/${meetingId}`)).statusCode).toBe(200);
    expect(
      (await commission.post(`/api/v1/meetings/${meetingId}/items`, { title: '纪委', category: 'other' })).statusCode,
    ).toBe(403);
    const list = (await city.get(`/api/v1/meetings?orgId=${ORG.A}`)).json();
    expect(list.items).toEqual([
      expect.objectContaining({ id: meetingId, expected: 9, present: 4, items: 2, chairName: expect.any(String) }),
    ]);
    const reads = await t.ctx.db.selectFrom('trail').select('entity_id').where('action', '=', 'meeting.read').execute();
    expect(reads.length).toBeGreaterThan(3);
  });
});
