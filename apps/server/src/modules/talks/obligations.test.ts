// Obligations beyond the half-yearly talk, under a controlled clock (issue 5 §2, §3, §5): M-23 templates (two research
// visits a year per member, one lecture, one special check by the committee), M-25 hearings and the 约谈 a failing
// report opens, M-21 occasions (by hand, and promotions found by the job), M-26 discipline records; scope and roles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { CADRE, ORG, smallRegistry } from '../../test/fixtures.js';
import { loadRegistry } from '../../demo/index.js';
import { makeIdCard } from '../registry/index.js';
import { SYSTEM_ACTOR } from '../../platform/trail/index.js';
import { periods } from '../../platform/deadlines/index.js';
import { TALK_KIND_CODES } from '../../platform/rules/index.js';
import { TALK_KINDS } from './talk-kinds.dicts.js';
import { recordActivities } from './activities.service.js';
import { loadSession } from '../../platform/auth/sessions.js';

let t: TestApp;
let city: Client;
let countyA: Client;
let countyB: Client;
/** 陈副书记 sits on 明湖区's team with 王区长; 周科长 was promoted in 明湖区财政局 on 2026-02-01. */
const CHEN = 7;
const ZHOU = 8;
/** 吴组长 is 明湖区's discipline secretary (M-26). */
const WU = 9;

async function at(day: string) {
  t.clock.set(`${day}T02:00:00Z`);
  city = await loginAs(t, { role: 'org_supervisor', orgId: ORG.R, scope: 4 });
  countyA = await loginAs(t, { role: 'org_supervisor', orgId: ORG.A, scope: 4 });
  countyB = await loginAs(t, { role: 'org_supervisor', orgId: ORG.B, scope: 4 });
}
type Duty = {
  id: number;
  obligation: string;
  what: string;
  status: string;
  required: number;
  doneCount: number;
  doneOn: string | null;
  dueOn: string;
  talkKind: string | null;
  byCommittee: boolean;
  owner: { cadreId: number; name: string };
  subject: { cadreId: number | null; name: string | null; orgId: number };
};
const duties = async (c: Client, q = '') =>
  (await c.get(`/api/v1/obligations?pageSize=200${q}`)).json().items as Duty[];
const one = async (c: Client, pick: (d: Duty) => boolean) => (await duties(c)).filter(pick);

beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-02T02:00:00Z' });
  const reg = smallRegistry();
  const cadre = (id: number, name: string, orgId: number, birth: string) => ({
    id,
    name,
    idCard: makeIdCard('339802', birth, 30 + id),
    gender: 'M' as const,
    birthDate: birth,
    partyStatus: 'member',
    partyJoinedOn: null,
    birthplaceCode: '339802',
    growthPlaceCode: '339802',
    orgId,
  });
  reg.cadres.push(
    cadre(CHEN, '陈副书记', ORG.A, '1976-04-04'),
    cadre(ZHOU, '周科长', ORG.A_DEPT, '1985-08-08'),
    cadre(WU, '吴组长', ORG.A, '1978-02-02'),
  );
  const post = (
    id: number,
    cadreId: number,
    orgId: number,
    postKind: string,
    rank: string,
    startDate: string,
    endDate: string | null,
  ) => ({
    id,
    cadreId,
    orgId,
    title: postKind === 'deputy_secretary' ? '副书记' : '科长',
    postKind,
    rank,
    isPrincipal: false,
    startDate,
    endDate,
    endReason: endDate ? '提拔' : null,
    appointDoc: '明组干〔2026〕1号',
  });
  reg.posts.push(
    post(7, CHEN, ORG.A, 'deputy_secretary', 'div_deputy', '2021-01-01', null),
    post(8, ZHOU, ORG.A_DEPT, 'staff', 'sec_deputy', '2018-01-01', '2026-01-31'),
    post(9, ZHOU, ORG.A_DEPT, 'middle_manager', 'sec_full', '2026-02-01', null),
    post(10, WU, ORG.A, 'discipline_secretary', 'div_deputy', '2022-01-01', null),
  );
  reg.members.push(
    { id: 1, orgId: ORG.A, cadreId: CADRE.A, teamRole: 'secretary', sort: 1, joinedOn: '2020-01-01' },
    { id: 2, orgId: ORG.A, cadreId: CHEN, teamRole: 'deputy_secretary', sort: 2, joinedOn: '2021-01-01' },
  );
  await loadRegistry(t.ctx.db, t.ctx.clock, SYSTEM_ACTOR, reg);
  await at('2026-03-02');
});
afterAll(() => t.close());

describe('periods and kinds', () => {
  it('the M-21 setting offers exactly the talk kinds of M-20', () => {
    expect([...TALK_KIND_CODES]).toEqual(Object.keys(TALK_KINDS));
  });

  it('are the years, half-years or quarters that overlap a range', () => {
    expect(periods('2026-03-02', '2027-01-05', 'year').map((p) => p[2])).toEqual(['2026', '2027']);
    expect(periods('2026-03-31', '2026-04-01', 'quarter')).toEqual([
      ['2026-01-01', '2026-03-31', '2026Q1'],
      ['2026-04-01', '2026-06-30', '2026Q2'],
    ]);
  });
});

describe('obligation templates (M-23, M-25)', () => {
  it('the job opens each template once per owner, subject and year, and a promotion opens its talk (M-21)', async () => {
    const first = (await city.post('/api/v1/obligations/generate', { from: '2026-01-01', to: '2026-12-31' })).json();
    // Research visits and lectures for 王区长 and 陈副书记 (2 + 2), special checks by 示例市, 明湖区, 青石区 (3), 王区长 hears
    // 陈副书记 (1), each committee hears each lower principal (2 + 2 + 1).
    expect(first).toMatchObject({ templates: 13, occasions: 1 });
    expect(
      (await city.post('/api/v1/obligations/generate', { from: '2026-01-01', to: '2026-12-31' })).json(),
    ).toMatchObject({ templates: 0, occasions: 0 });
    const visits = await one(city, (d) => d.obligation === 'research_visit');
    expect(visits.map((d) => `${d.owner.name} ${d.required} ${d.dueOn}`).sort()).toEqual([
      '王区长 2 2026-12-31',
      '陈副书记 2 2026-12-31',
    ]);
    const checks = await one(city, (d) => d.obligation === 'special_check');
    expect(checks.every((d) => d.byCommittee && d.subject.cadreId == null)).toBe(true);
    // A committee's hearing of a lower principal is about the lower unit and owed by the committee's unit.
    const hearing = (
      await one(city, (d) => d.obligation === 'lower_hearing' && d.subject.name === '张局长')
    )[0] as Duty & { owner: { orgId: number } };
    expect(hearing).toMatchObject({ subject: { orgId: ORG.A_DEPT }, owner: { name: '王区长', orgId: ORG.A } });
    // 周科长, 副科 → 正科 in the same unit: the unit's principal owes a talk within 30 days (setting M-21 promotionDueDays).
    const [promo] = await one(city, (d) => d.obligation === 'promotion');
    expect(promo).toMatchObject({
      what: '提拔重用时必谈',
      whatEn: 'On promotion',
      talkKind: 'appointment',
      dueOn: '2026-03-03',
      owner: { name: '张局长' },
      subject: { name: '周科长' },
    });
  });

  it('a duty needing two records is done at the second, and only records by its owner within its year count', async () => {
    const chen = await loginAs(t, { role: 'committee_leader', orgId: ORG.A, scope: 4, cadreId: CHEN });
    const visit = (actorCadreId: number, heldOn: string, by = chen) =>
      by.post('/api/v1/activities', {
        kind: 'research_visit',
        orgId: ORG.A,
        actorCadreId,
        targetOrgId: ORG.A_TOWN,
        heldOn,
        title: '赴城关街道开展全面从严治党调研',
        summary: '听取街道党工委落实主体责任情况，走访两个社区。',
      });
    // A committee leader records only their own work; a visit before the year does not count.
    expect((await visit(CADRE.A, '2026-02-10')).statusCode).toBe(403);
    expect((await visit(CHEN, '2025-12-31')).json().fulfilled).toEqual([]);
    const firstVisit = await visit(CHEN, '2026-02-10');
    expect(firstVisit.statusCode, firstVisit.body).toBe(201);
    const mine = async () =>
      (await one(countyA, (d) => d.obligation === 'research_visit' && d.owner.cadreId === CHEN))[0];
    expect(await mine()).toMatchObject({ doneCount: 1, required: 2, status: 'due', doneOn: null });
    await visit(CHEN, '2026-02-20');
    expect(await mine()).toMatchObject({ doneCount: 2, status: 'done', doneOn: '2026-02-20' });
    // 我的监督责任 lists what is still open before what is done.
    const order = (await chen.get('/api/v1/my/duties')).json().items.map((d: Duty) => (d.status === 'done' ? 1 : 0));
    expect(order).toEqual([...order].sort());
    expect(order).toContain(1);
    // 王区长's own duty is untouched by 陈副书记's visits.
    expect(
      (await one(countyA, (d) => d.obligation === 'research_visit' && d.owner.cadreId === CADRE.A))[0],
    ).toMatchObject({ doneCount: 0, status: 'due' });
    expect((await visit(CHEN, '2026-03-03')).statusCode).toBe(400); // tomorrow
  });

  it("is not overdue on the year's last day and overdue the day after", async () => {
    await at('2026-12-31');
    expect(await one(city, (d) => d.obligation === 'research_visit' && d.status === 'overdue')).toHaveLength(0);
    await at('2027-01-01');
    expect(
      (await one(city, (d) => d.obligation === 'research_visit' && d.status === 'overdue')).map((d) => d.owner.name),
    ).toEqual(['王区长']);
    // The compliance view says who is behind on what, and which county lags (the city's own duties first).
    const view = (await city.get('/api/v1/obligations/compliance')).json();
    const wang = view.items.find((i: { owner: { name: string } }) => i.owner.name === '王区长');
    expect(wang.overdueOn).toEqual(
      expect.arrayContaining(['全面从严治党调研', '在分管领域讲党课', '听取班子成员履行“一岗双责”情况汇报']),
    );
    const chen = view.items.find((i: { owner: { name: string } }) => i.owner.name === '陈副书记');
    expect(chen).toMatchObject({ owner: { orgName: '明湖区' }, overdue: 1, overdueOn: ['在分管领域讲党课'] });
    expect(view.units.map((u: { name: string; own: boolean }) => `${u.name}${u.own ? '（本级）' : ''}`)).toEqual([
      '示例市（本级）',
      '明湖区',
      '青石区',
    ]);
    const sum = (xs: Array<{ total: number }>) => xs.reduce((a, x) => a + x.total, 0);
    expect(sum(view.units)).toBe(sum(view.items));
    await at('2026-03-02');
  });

  it("a special check by the committee closes the committee's duty, not a sibling's", async () => {
    const res = await countyA.post('/api/v1/activities', {
      kind: 'special_check',
      orgId: ORG.A,
      heldOn: '2026-03-01',
      title: '主体责任落实情况专项监督检查',
      summary: '对区财政局、城关街道落实全面从严治党主体责任情况开展专项检查。',
    });
    expect(res.statusCode, res.body).toBe(201);
    const checks = await one(city, (d) => d.obligation === 'special_check');
    expect(checks.map((d) => `${d.subject.orgId} ${d.status}`).sort()).toEqual(
      [`${ORG.R} due`, `${ORG.A} done`, `${ORG.B} due`].sort(),
    );
    // A county supervisor cannot record for, or list, the sibling county.
    expect(
      (
        await countyB.post('/api/v1/activities', {
          kind: 'special_check',
          orgId: ORG.A,
          heldOn: '2026-03-01',
          title: '越权登记',
          summary: '越权登记测试内容',
        })
      ).statusCode,
    ).toBe(404);
    expect((await countyB.get(`/api/v1/activities?orgId=${ORG.A}`)).statusCode).toBe(404);
    expect((await countyB.get('/api/v1/activities')).json().total).toBe(0);
    // A unit's own duties (no subject person) stay in its subtree too.
    expect(new Set((await duties(countyB)).map((d) => d.subject.orgId))).toEqual(new Set([ORG.B, ORG.B_DEPT]));
    // Roles without the permission are refused, whatever their scope.
    for (const role of ['auditor', 'cadre', 'joint_member', 'admin', 'petition'] as const) {
      const c = await loginAs(t, {
        role,
        orgId: ORG.A,
        scope: 4,
        cadreId: role === 'cadre' ? CADRE.A_DEPT : undefined,
      });
      expect(
        (
          await c.post('/api/v1/activities', {
            kind: 'special_check',
            orgId: ORG.A,
            heldOn: '2026-03-01',
            title: '无权登记',
            summary: '无权登记测试内容',
          })
        ).statusCode,
        role,
      ).toBe(403);
      expect((await c.get('/api/v1/activities')).statusCode, role).toBe(403);
    }
  });

  it('a hearing takes a verdict per person; a failing one opens a 约谈 by the chair, which a summons talk closes (M-25)', async () => {
    const hearing = {
      kind: 'lower_hearing',
      orgId: ORG.A,
      heldOn: '2026-03-01',
      title: '区委常委会听取下级一把手履责情况汇报',
      summary: '听取区财政局、城关街道主要负责人汇报。',
    };
    expect(
      (await countyA.post('/api/v1/activities', { ...hearing, subjects: [{ cadreId: CADRE.A_DEPT }] })).statusCode,
    ).toBe(400);
    expect((await countyA.post('/api/v1/activities', hearing)).statusCode).toBe(400);
    // Only principals of the units directly below report to the committee; only team members at a member hearing.
    expect(
      (await countyA.post('/api/v1/activities', { ...hearing, subjects: [{ cadreId: ZHOU, verdict: 'good' }] })).json()
        .error.messageZh,
    ).toContain('不是下一级单位的主要负责人');
    expect(
      (
        await countyA.post('/api/v1/activities', {
          ...hearing,
          kind: 'member_hearing',
          actorCadreId: CADRE.A,
          subjects: [{ cadreId: CADRE.A_DEPT, verdict: 'good' }],
        })
      ).json().error.messageZh,
    ).toContain('不是本单位领导班子成员');
    const res = await countyA.post('/api/v1/activities', {
      ...hearing,
      subjects: [
        { cadreId: CADRE.A_DEPT, verdict: 'good' },
        { cadreId: CADRE.A_TOWN, verdict: 'failing', comment: '主体责任落实不到位，专题研究不足' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().summonsDuties).toHaveLength(1);
    const heard = await one(
      countyA,
      (d) => d.obligation === 'lower_hearing' && d.subject.orgId !== ORG.A && d.owner.cadreId === CADRE.A,
    );
    expect(heard.map((d) => `${d.subject.name} ${d.status}`).sort()).toEqual(['孙书记 done', '张局长 done']);
    const [summons] = await one(countyA, (d) => d.obligation === 'hearing_summons');
    // No chair named: the committee's principal holds the 约谈, within setting M-25 summonsDueDays (30).
    expect(summons).toMatchObject({
      talkKind: 'summons',
      dueOn: '2026-03-31',
      owner: { name: '王区长' },
      subject: { name: '孙书记', orgId: ORG.A_TOWN },
      status: 'due',
    });
    const dossier = (await countyA.get(`/api/v1/cadres/${CADRE.A_TOWN}`)).json();
    expect(dossier.archive.find((s: { titleZh: string }) => s.titleZh === '述责述廉').items[0].summary).toBe(
      '听取下级一把手履责汇报：履责不到位',
    );
    const leader = await loginAs(t, { role: 'committee_leader', orgId: ORG.A, scope: 4, cadreId: CADRE.A });
    // A talk of another kind does not close it; a 约谈 does.
    await leader.post('/api/v1/talks', {
      kind: 'heart',
      talkerCadreId: CADRE.A,
      talkeeCadreId: CADRE.A_TOWN,
      heldOn: '2026-03-02',
      summary: '谈心谈话，了解思想状况。',
    });
    expect((await one(countyA, (d) => d.id === summons.id))[0].status).toBe('due');
    await leader.post('/api/v1/talks', {
      kind: 'summons',
      talkerCadreId: CADRE.A,
      talkeeCadreId: CADRE.A_TOWN,
      heldOn: '2026-03-02',
      summary: '约谈，指出主体责任落实不到位问题，限期整改。',
    });
    expect((await one(countyA, (d) => d.id === summons.id))[0].status).toBe('done');
  });
});

describe('occasions that call for a talk (M-21)', () => {
  const occasion = (c: Client, body: Record<string, unknown>) => c.post('/api/v1/talk-occasions', body);

  it('opens the talk for the superior principal, of the kind and within the days the setting gives', async () => {
    // 张局长 leads 明湖区财政局: the principal one level up (王区长) owes the talk; 陈副书记 is not a principal: 明湖区's own principal.
    const res = await occasion(countyA, {
      event: 'commendation',
      cadreId: CADRE.A_DEPT,
      occurredOn: '2026-02-27',
      note: '获评全省优秀县级财政部门',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      dueOn: '2026-03-29',
      talkKind: 'heart',
      talkKindLabel: '谈心谈话',
      ownerCadreId: CADRE.A,
      ownerName: '王区长',
      subjectName: '张局长',
      done: false,
    });
    expect(
      (await occasion(countyA, { event: 'urgentTask', cadreId: CHEN, occurredOn: '2026-03-01' })).json(),
    ).toMatchObject({ dueOn: '2026-03-16', ownerCadreId: CADRE.A });
    // A talk of the right kind closes it.
    const leader = await loginAs(t, { role: 'committee_leader', orgId: ORG.A, scope: 4, cadreId: CADRE.A });
    const talk = await leader.post('/api/v1/talks', {
      kind: 'heart',
      talkerCadreId: CADRE.A,
      talkeeCadreId: CADRE.A_DEPT,
      heldOn: '2026-03-02',
      summary: '表彰后谈心谈话，提醒戒骄戒躁。',
    });
    expect(talk.json().fulfilledDuties).toContain(res.json().dutyId);
  });

  it("refuses the future, a cadre outside scope, and an occasion the unit's setting turns off", async () => {
    expect(
      (await occasion(countyA, { event: 'errorSigns', cadreId: CADRE.A_DEPT, occurredOn: '2026-03-03' })).statusCode,
    ).toBe(400);
    // At most a year back (setting M-21 occasionLookbackDays, 365): 2025-03-02 is the first day allowed on 2026-03-02.
    expect(
      (await occasion(countyA, { event: 'errorSigns', cadreId: CADRE.A_DEPT, occurredOn: '2025-03-01' })).json().error
        .messageZh,
    ).toContain('2025-03-02 以后');
    expect(
      (await occasion(countyA, { event: 'commendation', cadreId: CADRE.A_DEPT, occurredOn: '2025-03-02' })).statusCode,
    ).toBe(201);
    expect(
      (await occasion(countyB, { event: 'errorSigns', cadreId: CADRE.A_DEPT, occurredOn: '2026-03-01' })).statusCode,
    ).toBe(404);
    expect(
      (await occasion(countyA, { event: 'nonsense', cadreId: CADRE.A_DEPT, occurredOn: '2026-03-01' })).statusCode,
    ).toBe(400);
    const admin = await loginAs(t, { role: 'admin', orgId: ORG.R, scope: 1 });
    expect(
      (
        await admin.put(`/api/v1/rules/M-21/overrides/${ORG.A}`, {
          settings: { teamDisunityDueDays: 0, errorSignsKind: 'admonition' },
        })
      ).statusCode,
    ).toBe(200);
    const off = await occasion(countyA, { event: 'teamDisunity', cadreId: CHEN, occurredOn: '2026-03-01' });
    expect(off.statusCode).toBe(409);
    expect(off.json().error.code).toBe('OCCASION_OFF');
    expect(
      (await occasion(countyA, { event: 'errorSigns', cadreId: CHEN, occurredOn: '2026-03-01' })).json().talkKind,
    ).toBe('admonition');
    // 李书记 leads the top unit: nobody above him, so a talker must be named.
    const top = await occasion(city, { event: 'majorDifficulty', cadreId: CADRE.R, occurredOn: '2026-03-01' });
    expect(top.statusCode).toBe(409);
    expect(
      (
        await occasion(city, {
          event: 'majorDifficulty',
          cadreId: CADRE.R,
          occurredOn: '2026-03-01',
          talkerCadreId: CADRE.A,
        })
      ).statusCode,
    ).toBe(201);
    const cadre = await loginAs(t, { role: 'cadre', orgId: ORG.A_DEPT, scope: 5, cadreId: CADRE.A_DEPT });
    expect(
      (await occasion(cadre, { event: 'errorSigns', cadreId: CADRE.A_DEPT, occurredOn: '2026-03-01' })).statusCode,
    ).toBe(403);
  });
});

describe('discipline secretary records (M-26)', () => {
  it("are written and read by the discipline commission only; a failure to report goes into the secretary's dossier", async () => {
    const reminder = {
      kind: 'secretary_reminder',
      orgId: ORG.A,
      actorCadreId: WU,
      heldOn: '2026-03-01',
      title: '对分管领域苗头性问题谈话提醒',
      summary: '提醒注意公务接待超标准苗头。',
      subjects: [{ cadreId: CADRE.A_DEPT }],
    };
    expect((await countyA.post('/api/v1/activities', reminder)).statusCode).toBe(403);
    const discipline = await loginAs(t, { role: 'discipline', orgId: ORG.A, scope: 4 });
    // Only a serving discipline secretary reminds or reports.
    expect(
      (await discipline.post('/api/v1/activities', { ...reminder, actorCadreId: CHEN })).json().error.messageZh,
    ).toContain('纪委书记');
    expect((await discipline.post('/api/v1/activities', reminder)).statusCode).toBe(201);
    expect(
      (await discipline.post('/api/v1/activities', { ...reminder, kind: 'upward_report', title: '报告重要问题' }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await discipline.post('/api/v1/activities', {
          ...reminder,
          kind: 'upward_report',
          title: '报告重要问题',
          reportedTo: '市纪委监委、区委书记',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await discipline.post('/api/v1/activities', {
          kind: 'non_report',
          orgId: ORG.A,
          actorCadreId: WU,
          heldOn: '2026-03-01',
          title: '发现问题未报告',
          summary: '对班子成员重要问题未及时向上级纪委报告。',
        })
      ).statusCode,
    ).toBe(201);
    // The organization department sees none of them, and may not ask for them.
    expect(
      (await countyA.get('/api/v1/activities?pageSize=100')).json().items.map((a: { kind: string }) => a.kind),
    ).not.toContain('upward_report');
    expect((await countyA.get('/api/v1/activities?kind=upward_report')).statusCode).toBe(403);
    expect((await discipline.get('/api/v1/activities?kind=upward_report')).json().items[0].reportedTo).toBe(
      '市纪委监委、区委书记',
    );
    const dossier = (await countyA.get(`/api/v1/cadres/${WU}`)).json();
    expect(dossier.archive.find((s: { titleZh: string }) => s.titleZh === '问责情况').items[0].summary).toBe(
      '该报告未报告或不如实报告',
    );
    // The reported cadre's dossier shows the reminder, never the upward report.
    const reported = JSON.stringify((await countyA.get(`/api/v1/cadres/${CADRE.A_DEPT}`)).json());
    expect(reported).toContain('纪委书记谈话提醒');
    expect(reported).not.toContain('报告重要问题');
  });
});

describe('reminders for duties without a subject person (M-27)', () => {
  it('name the work and its date', async () => {
    await at('2026-12-24');
    await loginAs(t, { role: 'committee_leader', orgId: ORG.A, scope: 4, cadreId: CADRE.A });
    await city.post('/api/v1/obligations/remind');
    const rows = await t.ctx.db
      .selectFrom('notifications as n')
      .innerJoin('accounts as a', 'a.id', 'n.account_id')
      .select('n.title')
      .where('a.cadre_id', '=', CADRE.A)
      .execute();
    expect(rows.map((r) => r.title)).toContain('请于 2026-12-31 前完成全面从严治党调研');
    expect(rows.map((r) => r.title)).toContain(
      '请于 2026-12-31 前与陈副书记同志完成听取班子成员履行“一岗双责”情况汇报',
    );
  });
});

describe('a batch of records in one transaction (recordActivities, the demo year)', () => {
  it('settles duties once for all of them, counts every record and trails each with what it fulfilled', async () => {
    await at('2026-06-01');
    const token = decodeURIComponent(countyA.cookie.split('=')[1]);
    const auth = (await loadSession(t.ctx, token))!;
    const mine = async () =>
      (await one(countyA, (d) => d.obligation === 'research_visit' && d.owner.cadreId === CADRE.A))[0];
    const duty = await mine();
    expect(duty).toMatchObject({ doneCount: 0, required: 2, doneOn: null });
    const visit = (heldOn: string) => ({
      kind: 'research_visit' as const,
      orgId: ORG.A,
      actorCadreId: CADRE.A,
      targetOrgId: ORG.A_TOWN,
      heldOn,
      title: '赴城关街道开展全面从严治党调研',
      summary: '听取街道党工委落实主体责任情况。',
    });
    const seqBefore = Number(
      (await t.ctx.db.selectFrom('trail').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow()).seq,
    );
    const out = await recordActivities(t.ctx, auth, SYSTEM_ACTOR, [
      visit('2026-05-20'),
      visit('2026-04-01'),
      visit('2026-05-01'),
    ]);
    expect(out.map((o) => o.fulfilled)).toEqual([1, 2, 3].map(() => [{ dutyId: duty.id, done: true }]));
    // Done on the date of the second visit held, whatever the order they were given in; all three count.
    expect(await mine()).toMatchObject({ doneCount: 3, status: 'done', doneOn: '2026-05-01' });
    const rows = await t.ctx.db
      .selectFrom('trail')
      .select(['action', 'entity_id', 'detail'])
      .where('seq', '>', String(seqBefore))
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => r.action)).toEqual(['activity.record', 'activity.record', 'activity.record']);
    expect(rows.map((r) => r.entity_id)).toEqual(out.map((o) => String(o.id)));
  });
});
