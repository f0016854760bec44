// One answer to who leads (issue 12 §4): in 明湖区 both the 书记 (王区长, party secretary since 2020) and the 区长
// (周区长, administrative head since 2018, so the earlier start) are marked principal. The letter's countersigner, the
// report's routing and the talks and obligations all name the party secretary. The tie-breaks: earliest start, then
// the lowest post id.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { CADRE, ORG, smallRegistry } from '../../test/fixtures.js';
import { loadRegistry } from '../../demo/index.js';
import { SYSTEM_ACTOR } from '../../platform/trail/index.js';
import { caseDesk, collectiveOn, OPEN_LIMITS } from '../reports/reports.fixtures.js';
import { currentPrincipal, makeIdCard, principals, superiorPrincipalOf } from './index.js';

/** 周区长: 明湖区's 区长, marked principal too. 陈副书记: a deputy in 明湖区. 吴主任 and 郑局长: see the tie-breaks. */
const ZHOU = 7;
const CHEN = 8;
const WU = 9;
const ZHENG = 10;

let t: TestApp;
let petition: Client;
let handler: Client;
let head: Client;
let countyA: Client;

beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-02T02:00:00Z', app: OPEN_LIMITS });
  const reg = smallRegistry();
  const cadre = (id: number, name: string, orgId: number) => ({
    ...reg.cadres[0],
    id,
    name,
    idCard: makeIdCard('339802', '1975-05-05', 40 + id),
    birthDate: '1975-05-05',
    orgId,
  });
  reg.cadres.push(cadre(ZHOU, '周区长', ORG.A), cadre(CHEN, '陈副书记', ORG.A), cadre(WU, '吴主任', ORG.B));
  reg.cadres.push(cadre(ZHENG, '郑局长', ORG.B_DEPT));
  const post = (
    id: number,
    cadreId: number,
    orgId: number,
    postKind: string,
    isPrincipal: boolean,
    startDate: string,
  ) => ({
    ...reg.posts[0],
    id,
    cadreId,
    orgId,
    title: postKind === 'admin_head' ? '行政主要负责人' : '副书记',
    postKind,
    isPrincipal,
    startDate,
  });
  // 青石区 and its 财政局 have no party secretary among their principals: the earliest start, then the lowest post id.
  reg.posts[CADRE.B - 1].postKind = 'admin_head';
  reg.posts[CADRE.B_DEPT - 1].postKind = 'admin_head';
  reg.posts.push(
    post(ZHOU, ZHOU, ORG.A, 'admin_head', true, '2018-01-01'),
    post(CHEN, CHEN, ORG.A, 'deputy_secretary', false, '2021-01-01'),
    post(WU, WU, ORG.B, 'admin_head', true, '2019-01-01'),
    post(ZHENG, ZHENG, ORG.B_DEPT, 'admin_head', true, '2020-01-01'),
  );
  await loadRegistry(t.ctx.db, t.ctx.clock, SYSTEM_ACTOR, reg);
  ({ petition, handler, head } = await caseDesk(t));
  countyA = await loginAs(t, { role: 'org_supervisor', orgId: ORG.A, scope: 4 });
});
afterAll(() => t.close());

/** A report about `name` of `unit`, taken up as a clue, disposed of by a letter: its routing and its countersigner. */
async function reportToLetter(name: string, unit: string) {
  const route = await petition.post('/api/v1/reports', {
    channel: 'letter',
    receivedAt: '2026-03-01T09:00:00+08:00',
    accused: { name, unit },
    content: `来信反映${name}违规问题。`,
    anonymous: true,
  });
  expect(route.statusCode, route.body).toBe(201);
  const accepted = await petition.post(`/api/v1/reports/${route.json().id}/accept`, {
    problemType: 'integrity',
    summary: '违规问题',
    handlingMode: 'self',
  });
  expect(accepted.statusCode, accepted.body).toBe(201);
  const clueId = accepted.json().clueId;
  const proposed = await handler.post(`/api/v1/clues/${clueId}/propose`, {
    disposal: 'inquiry',
    opinion: '建议函询',
    version: 1,
    collective: collectiveOn('2026-03-02'),
  });
  await head.post(`/api/v1/clues/${clueId}/approve`, { opinion: '同意', version: proposed.json().version });
  const letter = await handler.post(`/api/v1/clues/${clueId}/letters`, {
    questions: '请就反映的违规问题说明有关情况。',
  });
  expect(letter.statusCode, letter.body).toBe(201);
  const { countersign_cadre_id } = await t.ctx.db
    .selectFrom('inquiry_letters')
    .select('countersign_cadre_id')
    .where('id', '=', letter.json().id)
    .executeTakeFirstOrThrow();
  return { competentOrgId: route.json().competentOrgId, routedUp: route.json().routedUp, countersign_cadre_id };
}

const occasionOwner = async (cadreId: number) => {
  const res = await countyA.post('/api/v1/talk-occasions', { event: 'urgentTask', cadreId, occurredOn: '2026-03-01' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().ownerCadreId;
};

describe('who leads a unit with two principals (issue 12 §4)', () => {
  it('the registry names the party secretary, not the earlier-started 区长', async () => {
    expect(await currentPrincipal(t.ctx.db, ORG.A)).toBe(CADRE.A);
    expect(await superiorPrincipalOf(t.ctx.db, CHEN)).toMatchObject({
      orgId: ORG.A,
      isPrincipal: false,
      cadreId: CADRE.A,
    });
    expect(await superiorPrincipalOf(t.ctx.db, CADRE.A_DEPT)).toMatchObject({
      orgId: ORG.A_DEPT,
      isPrincipal: true,
      answeringOrgId: ORG.A,
      cadreId: CADRE.A,
    });
    // The 区长 is a principal: his superior is the principal one level up, as the 书记's is.
    expect(await superiorPrincipalOf(t.ctx.db, ZHOU)).toMatchObject({ answeringOrgId: ORG.R, cadreId: CADRE.R });
    expect(await superiorPrincipalOf(t.ctx.db, CADRE.A)).toMatchObject({ answeringOrgId: ORG.R, cadreId: CADRE.R });
  });

  it('the letter countersigner, the routing target and the talk owner are the same person: the 书记', async () => {
    // 张局长 leads 明湖区财政局: the report goes up to 明湖区, whose principal countersigns and owes the talk.
    const lower = await reportToLetter('张局长', '明湖区财政局');
    expect(lower).toMatchObject({ competentOrgId: ORG.A, routedUp: true, countersign_cadre_id: CADRE.A });
    expect(await currentPrincipal(t.ctx.db, lower.competentOrgId)).toBe(CADRE.A);
    expect(await occasionOwner(CADRE.A_DEPT)).toBe(CADRE.A);
    // 陈副书记 is a deputy in 明湖区: the report stays there, and 明湖区's principal is the same 书记.
    const deputy = await reportToLetter('陈副书记', '明湖区');
    expect(deputy).toMatchObject({ competentOrgId: ORG.A, routedUp: false, countersign_cadre_id: CADRE.A });
    expect(await occasionOwner(CHEN)).toBe(CADRE.A);
  });

  it('the obligations of 明湖区 are owed by the same 书记', async () => {
    const city = await loginAs(t, { role: 'org_supervisor', orgId: ORG.R, scope: 4 });
    const res = await city.post('/api/v1/obligations/generate', { from: '2026-01-01', to: '2026-06-30' });
    expect(res.statusCode, res.body).toBe(200);
    const owed = await t.ctx.db
      .selectFrom('duties')
      .select(['rule_id', 'obligation', 'owner_cadre_id', 'subject_cadre_id', 'subject_org_id'])
      .where((eb) => eb.or([eb('subject_org_id', 'in', [ORG.A_DEPT, ORG.A_TOWN]), eb('owner_cadre_id', '=', ZHOU)]))
      .where('rule_id', 'in', ['M-23', 'M-25'])
      .execute();
    // The half-yearly talks with 明湖区's lower principals and the committee's hearing of them: all by the 书记.
    expect(owed.filter((d) => d.obligation === 'lower_principal_talk').length).toBe(2);
    expect(owed.filter((d) => d.subject_cadre_id != null).every((d) => d.owner_cadre_id === CADRE.A)).toBe(true);
    expect(owed.some((d) => d.owner_cadre_id === ZHOU)).toBe(false);
  });

  it('without a party secretary: the earliest start, then the lowest post id; the set-based form agrees', async () => {
    // 青石区: 赵区长 since 2020, 吴主任 since 2019 → 吴主任. 青石区财政局: 钱局长 (post 6) and 郑局长 (post 10), both 2020-01-01.
    expect(await currentPrincipal(t.ctx.db, ORG.B)).toBe(WU);
    expect(await currentPrincipal(t.ctx.db, ORG.B_DEPT)).toBe(CADRE.B_DEPT);
    const all = (
      await sql<{
        org_id: number;
        cadre_id: number;
      }>`select org_id, cadre_id from ${principals} sp order by org_id`.execute(t.ctx.db)
    ).rows;
    for (const r of all) expect(await currentPrincipal(t.ctx.db, r.org_id)).toBe(r.cadre_id);
    expect(all.map((r) => r.org_id)).toEqual([ORG.R, ORG.A, ORG.B, ORG.A_DEPT, ORG.A_TOWN, ORG.B_DEPT]);
  });
});
