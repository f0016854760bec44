// Talks and duties under a controlled clock (issue 5 §7): a superior principal with no talk with a lower principal in a
// half-year is overdue the day after it ends and not on its last day; a new lower principal without an appointment talk
// is overdue after the due period; a talk recorded in time closes the duty; the job is idempotent; scope holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { CADRE, loadSmallTree, ORG } from '../../test/fixtures.js';
import { makeIdCard } from '../registry/index.js';
import { halfYears } from './duties.service.js';

let t: TestApp;
let city: Client;
let countyA: Client;

/** Moves the clock to 10:00 in Beijing on that day; sessions last 8 hours, so the staff log in again. */
async function at(day: string) {
  t.clock.set(`${day}T02:00:00Z`);
  city = await loginAs(t, { role: 'org_supervisor', orgId: ORG.R, scope: 4 });
  countyA = await loginAs(t, { role: 'org_supervisor', orgId: ORG.A, scope: 4 });
}
const overdue = async (c: Client, extra = '') =>
  (await c.get(`/api/v1/obligations?status=overdue&pageSize=200${extra}`)).json();

beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-02T02:00:00Z' });
  await loadSmallTree(t);
  await at('2026-03-02');
});
afterAll(() => t.close());

describe('half-years', () => {
  it('are the periods that overlap a range', () => {
    expect(halfYears('2026-03-02', '2026-12-31')).toEqual([
      ['2026-01-01', '2026-06-30', '2026H1'],
      ['2026-07-01', '2026-12-31', '2026H2'],
    ]);
    expect(halfYears('2026-07-01', '2027-01-01').map((p) => p[2])).toEqual(['2026H2', '2027H1']);
  });
});

describe('duties of the superior principal (M-22, M-23)', () => {
  it('the job opens one half-yearly talk per superior and lower principal, and running it again adds nothing', async () => {
    const first = await city.post('/api/v1/obligations/generate', { from: '2026-01-01', to: '2026-12-31' });
    expect(first.statusCode, first.body).toBe(200);
    // 李书记 → 王区长, 赵区长; 王区长 → 张局长, 孙书记; 赵区长 → 钱局长: five pairs, two half-years.
    expect(first.json()).toMatchObject({ periodic: 10, appointments: 0 });
    expect(
      (await city.post('/api/v1/obligations/generate', { from: '2026-01-01', to: '2026-12-31' })).json(),
    ).toMatchObject({ periodic: 0, appointments: 0 });
    // Reads never create duties, and a cadre without the permission cannot run the job.
    const cadre = await loginAs(t, { role: 'cadre', orgId: ORG.A_DEPT, scope: 5, cadreId: CADRE.A_DEPT });
    expect(
      (await cadre.post('/api/v1/obligations/generate', { from: '2026-01-01', to: '2026-12-31' })).statusCode,
    ).toBe(403);
  });

  it('a talk recorded in the half-year closes that duty, and only that one', async () => {
    const leader = await loginAs(t, { role: 'committee_leader', orgId: ORG.A, scope: 4, cadreId: CADRE.A });
    // A committee leader records only the talks they hold; a talker outside the scope is not found (issue 11 §2).
    expect(
      (
        await leader.post('/api/v1/talks', {
          kind: 'supervision',
          talkerCadreId: CADRE.A_TOWN,
          talkeeCadreId: CADRE.A_DEPT,
          heldOn: '2026-03-01',
          summary: '代他人登记',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await leader.post('/api/v1/talks', {
          kind: 'supervision',
          talkerCadreId: CADRE.R,
          talkeeCadreId: CADRE.A_DEPT,
          heldOn: '2026-03-01',
          summary: '代他人登记',
        })
      ).statusCode,
    ).toBe(404);
    const res = await leader.post('/api/v1/talks', {
      kind: 'supervision',
      talkerCadreId: CADRE.A,
      talkeeCadreId: CADRE.A_DEPT,
      heldOn: '2026-03-01',
      place: '区委小会议室',
      summary: '听取履行全面从严治党主体责任情况，提醒注意工程建设领域廉洁风险。',
      followUp: '一个月内报送整改清单',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().fulfilledDuties).toHaveLength(1);
    // The half-yearly talks (the yearly hearings and checks of M-23/M-25 are tested in obligations.test.ts).
    const mine = (await leader.get('/api/v1/my/duties?ruleId=M-23'))
      .json()
      .items.filter((d: { activity: string }) => d.activity === 'talk');
    expect(
      mine
        .map(
          (d: { subject: { name: string }; periodStart: string; status: string }) =>
            `${d.subject.name} ${d.periodStart} ${d.status}`,
        )
        .sort(),
    ).toEqual(['孙书记 2026-01-01 due', '孙书记 2026-07-01 due', '张局长 2026-01-01 done', '张局长 2026-07-01 due']);
    // The talk is in the talkee's dossier, under 谈话记录.
    const record = (await city.get(`/api/v1/cadres/${CADRE.A_DEPT}`)).json();
    expect(record.archive.find((s: { titleZh: string }) => s.titleZh === '谈话记录').items[0].summary).toBe(
      '监督谈话（谈话人：王区长）',
    );
  });

  it('reminds the leader a week before the due date and again when overdue, once each (M-27)', async () => {
    await at('2026-06-22');
    expect((await city.post('/api/v1/obligations/remind')).json()).toEqual({ soon: 0, overdue: 0 });
    await at('2026-06-23');
    const leader = await loginAs(t, { role: 'committee_leader', orgId: ORG.A, scope: 4, cadreId: CADRE.A });
    // 王区长 owes 孙书记 this half-year's talk (张局长's was held): each of the accounts linked to 王区长 (two by now) is told,
    // once; the other open duties are owed by leaders without an account here.
    expect((await city.post('/api/v1/obligations/remind')).json()).toEqual({ soon: 2, overdue: 0 });
    expect((await city.post('/api/v1/obligations/remind')).json()).toEqual({ soon: 0, overdue: 0 });
    const inbox = (await leader.get('/api/v1/my/notifications?unread=true')).json();
    expect(inbox.items.map((n: { title: string }) => n.title)).toEqual([
      '请于 2026-06-30 前与孙书记同志完成本半年度谈话',
    ]);
    expect((await leader.post(`/api/v1/my/notifications/${inbox.items[0].id}/read`)).statusCode).toBe(200);
    expect((await leader.get('/api/v1/my/notifications?unread=true')).json().unread).toBe(0);
    // Someone else's reminder is not found.
    expect((await city.post(`/api/v1/my/notifications/${inbox.items[0].id}/read`)).statusCode).toBe(404);
  });

  it('no talk in the half-year: not overdue on its last day, overdue the day after', async () => {
    await at('2026-06-30');
    expect((await overdue(city)).total).toBe(0);
    await at('2026-07-01');
    const o = await overdue(city);
    expect(o.total).toBe(4);
    expect((await city.post('/api/v1/obligations/remind')).json()).toMatchObject({ overdue: 2 });
    expect(
      o.items.every((d: { dueOn: string; ruleId: string }) => d.dueOn === '2026-06-30' && d.ruleId === 'M-23'),
    ).toBe(true);
    // A talk after the period does not close the past half-year (it counts for the new one).
    const leader = await loginAs(t, { role: 'committee_leader', orgId: ORG.A, scope: 4, cadreId: CADRE.A });
    const late = await leader.post('/api/v1/talks', {
      kind: 'supervision',
      talkerCadreId: CADRE.A,
      talkeeCadreId: CADRE.A_TOWN,
      heldOn: '2026-07-01',
      summary: '补谈：了解街道工作',
    });
    expect(late.json().fulfilledDuties).toHaveLength(1);
    expect((await overdue(city)).total).toBe(4);
    // The county sees the duties about its own cadres (owed by its secretary, and owed to its head by the city's); compliance
    // names who is behind and since when.
    expect((await overdue(countyA)).items.map((d: { owner: { name: string } }) => d.owner.name).sort()).toEqual([
      '李书记',
      '王区长',
    ]);
    const countyB = await loginAs(t, { role: 'org_supervisor', orgId: ORG.B, scope: 4 });
    expect((await overdue(countyB)).items.map((d: { subject: { name: string } }) => d.subject.name).sort()).toEqual([
      '赵区长',
      '钱局长',
    ]);
    const comp = (await city.get('/api/v1/obligations/compliance')).json().items;
    expect(comp.find((c: { owner: { name: string } }) => c.owner.name === '李书记')).toMatchObject({
      owner: { orgName: '示例市' },
      overdue: 2,
      overdueSince: '2026-06-30',
    });
  });

  it('a new lower principal without an appointment talk is overdue after the due period (30 days); a talk in time closes it', async () => {
    await at('2026-07-01');
    // Two new town units under 明湖区, each with a new principal from 1 July.
    const ids: number[] = [];
    for (const [i, name] of (['新区街道', '湖滨街道'] as const).entries()) {
      const org = await city.post('/api/v1/orgs', {
        parentId: ORG.A,
        name,
        level: 'township',
        unitType: 'party_committee',
      });
      expect(org.statusCode, org.body).toBe(201);
      const cadre = await city.post('/api/v1/cadres', {
        name: `新书记${i}`,
        idCard: makeIdCard('339802', '1985-01-0' + (i + 1), 30 + i),
        partyStatus: 'member',
        orgId: org.json().id,
      });
      expect(cadre.statusCode, cadre.body).toBe(201);
      const post = await city.post(`/api/v1/cadres/${cadre.json().id}/posts`, {
        orgId: org.json().id,
        title: '党工委书记',
        postKind: 'party_secretary',
        rank: 'sec_full',
        isPrincipal: true,
        startDate: '2026-07-01',
      });
      expect(post.statusCode, post.body).toBe(201);
      ids.push(cadre.json().id);
    }
    // Issue 12 §1: each appointment opened its M-22 talk in its own transaction, before any job ran (due in 30 days);
    // the job then has no appointment left to open, only the half-year's periodic talks.
    const opened = (await city.get('/api/v1/obligations?ruleId=M-22&status=due&pageSize=200')).json();
    expect(
      opened.items
        .filter((d: { subject: { cadreId: number } }) => ids.includes(d.subject.cadreId))
        .map((d: { subject: { cadreId: number }; dueOn: string; owner: { cadreId: number } }) => [
          d.subject.cadreId,
          d.owner.cadreId,
          d.dueOn,
        ]),
    ).toEqual(ids.map((id) => [id, CADRE.A, '2026-07-31']).reverse());
    const job = (await city.post('/api/v1/obligations/generate', { from: '2026-01-01', to: '2026-12-31' })).json();
    expect(job).toMatchObject({ appointments: 0, periodic: 2 });
    await at('2026-07-20');
    const leader = await loginAs(t, { role: 'committee_leader', orgId: ORG.A, scope: 4, cadreId: CADRE.A });
    const talk = await leader.post('/api/v1/talks', {
      kind: 'appointment',
      talkerCadreId: CADRE.A,
      talkeeCadreId: ids[0],
      heldOn: '2026-07-20',
      summary: '任职谈话，提出廉洁要求。',
    });
    // It answers both the appointment duty and the half-year's periodic talk with this principal.
    expect(talk.json().fulfilledDuties, talk.body).toHaveLength(2);
    // A talk cannot be recorded ahead of time.
    expect(
      (
        await leader.post('/api/v1/talks', {
          kind: 'appointment',
          talkerCadreId: CADRE.A,
          talkeeCadreId: ids[1],
          heldOn: '2026-07-21',
          summary: '预先登记的谈话',
        })
      ).statusCode,
    ).toBe(400);
    await at('2026-07-31');
    const appointmentsOverdue = async () =>
      (await overdue(city)).items.filter((d: { ruleId: string }) => d.ruleId === 'M-22');
    expect(await appointmentsOverdue()).toEqual([]);
    await at('2026-08-01');
    expect(
      (await appointmentsOverdue()).map((d: { subject: { cadreId: number }; dueOn: string }) => [
        d.subject.cadreId,
        d.dueOn,
      ]),
    ).toEqual([[ids[1], '2026-07-31']]);
  });

  it('waiving needs a reason and the organization department; an outsider sees nothing of another county', async () => {
    const d = (await overdue(countyA)).items[0];
    const leader = await loginAs(t, { role: 'committee_leader', orgId: ORG.A, scope: 4, cadreId: CADRE.A });
    expect((await leader.post(`/api/v1/obligations/${d.id}/waive`, { reason: '病休期间' })).statusCode).toBe(403);
    expect((await countyA.post(`/api/v1/obligations/${d.id}/waive`, { reason: '' })).statusCode).toBe(400);
    expect(
      (await countyA.post(`/api/v1/obligations/${d.id}/waive`, { reason: '谈话对象长期病休' })).json(),
    ).toMatchObject({ status: 'waived' });
    expect(
      (await countyA.post(`/api/v1/obligations/${d.id}/waive`, { reason: '谈话对象长期病休' })).json().error.code,
    ).toBe('DUTY_CLOSED');
    const countyB = await loginAs(t, { role: 'org_supervisor', orgId: ORG.B, scope: 4 });
    expect((await countyB.post(`/api/v1/obligations/${d.id}/waive`, { reason: '越权免除尝试' })).statusCode).toBe(404);
    expect((await countyB.get(`/api/v1/obligations?orgId=${ORG.A}`)).statusCode).toBe(404);
    expect(
      (await countyB.get('/api/v1/talks'))
        .json()
        .items.every((x: { talkee: { cadreId: number } }) =>
          [CADRE.B, CADRE.B_DEPT].includes(x.talkee.cadreId as 4 | 5),
        ),
    ).toBe(true);
  });

  it('counts talks by kind, phrased as the seeds phrase them (M-27)', async () => {
    const stats = (await city.get('/api/v1/talks/stats?from=2026-01-01&to=2026-12-31')).json();
    expect(stats).toMatchObject({ total: 3, phrase: '廉政谈话和履职谈话0人次' });
    expect(stats.phrases).toEqual(['任职谈话1人次', '监督谈话2人次']);
  });
});
