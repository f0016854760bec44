// Opinions, votes, recusals and deferral (issue 14 §2, M-30, M-32), on the engine of the run. 明湖区's standing
// committee has 9 members. Boundaries: a candidate passes with 5 of 9 agreeing and not with 4, however many came; an
// appointment is decided with 6 present and not with 5; dissent exactly at one third defers. The principal speaks
// and votes last; silence at close is 「未表态，视为同意」; recused members neither speak nor count; every refusal
// writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { loadSmallTree, ORG } from '../../test/fixtures.js';
import { makeIdCard } from '../registry/index.js';
import { candidateResult, divergence, tally } from './tally.js';
import { meetingWith, seatTeam } from './meetings.fixtures.js';

let t: TestApp;
let city: Client;
let countyB: Client;
let commission: Client;
let team: number[];

beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-10T02:00:00Z' });
  await loadSmallTree(t);
  city = await loginAs(t, { role: 'org_supervisor', orgId: ORG.R, scope: 4 });
  countyB = await loginAs(t, { role: 'org_supervisor', orgId: ORG.B, scope: 4 });
  commission = await loginAs(t, { role: 'discipline', orgId: ORG.R, scope: 4 });
  team = await seatTeam(city);
});
afterAll(() => t.close());

const item = async (meetingId: number, category: string, title = `议题${category}`) => {
  const r = await city.post(`/api/v1/meetings/${meetingId}/items`, { title, category, proposerCadreId: team[1] });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as number;
};
const say = (itemId: number, cadreId: number, opinion = 'agree', reason?: string) =>
  city.post(`/api/v1/meeting-items/${itemId}/opinions`, { cadreId, opinion, ...(reason ? { reason } : {}) });
const vote = (itemId: number, candidateId: number, cadreId: number, v = 'agree') =>
  city.post(`/api/v1/meeting-items/${itemId}/votes`, { cadreId, candidateId, vote: v });
const candidate = async (itemId: number, body: Record<string, unknown>) => {
  const r = await city.post(`/api/v1/meeting-items/${itemId}/candidates`, { post: '拟任区财政局局长', ...body });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: number; recused: number[] };
};
const close = (itemId: number, body: Record<string, unknown> = {}) =>
  city.post(`/api/v1/meeting-items/${itemId}/close`, body);
const read = async (meetingId: number, itemId: number) =>
  (await city.get(`/api/v1/meetings/${meetingId}`)).json().items.find((i: { id: number }) => i.id === itemId);
const rows = async (table: 'item_opinions' | 'candidate_votes' | 'item_recusals') =>
  Number(
    (
      await t.ctx.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('counting (M-32), in whole people', () => {
  it('a candidate needs more than half of those who should attend: 5 of 9 passes, 4 of 9 does not', () => {
    expect(candidateResult(tally(['agree', 'agree', 'agree', 'agree', 'agree'], 9))).toBe('passed');
    expect(candidateResult(tally(['agree', 'agree', 'agree', 'agree', 'disagree'], 9))).toBe('rejected');
    expect(candidateResult(tally(['agree', 'agree', 'agree', 'agree'], 9))).toBe('rejected');
    expect(candidateResult(tally(['agree', 'agree', 'defer', 'defer', 'defer', 'disagree'], 9))).toBe('deferred');
    expect(tally([], 8).needed).toBe(5);
  });
  it('dissent exactly at one third defers; just below does not', () => {
    const six = (n: number) => [...Array(n).fill('disagree'), ...Array(6 - n).fill('agree')];
    expect(divergence(six(2), 1 / 3).reached).toBe(true);
    expect(divergence(six(1), 1 / 3).reached).toBe(false);
    expect(divergence(['agree', 'reserve', 'agree', 'agree', 'agree', 'agree', 'agree'], 1 / 3).reached).toBe(false);
    expect(divergence([], 1 / 3).reached).toBe(false);
  });
});

describe('an appointment item: order, recusal, candidate-by-candidate votes', () => {
  let meetingId: number;
  let itemId: number;
  let first: { id: number; recused: number[] };
  let second: { id: number; recused: number[] };
  let spouse: number;

  beforeAll(async () => {
    meetingId = await meetingWith(city, team, 7); // team[7], team[8] away
    itemId = await item(meetingId, 'appointment', '研究区财政局局长人选');
    const c = await city.post('/api/v1/cadres', {
      name: '候选甲',
      idCard: makeIdCard('339802', '1980-05-05', 91),
      partyStatus: 'member',
      orgId: ORG.A,
    });
    spouse = c.json().id;
    const rel = await city.post(`/api/v1/cadres/${team[3]}/relations`, { relativeCadreId: spouse, kind: 'spouse' });
    expect(rel.statusCode, rel.body).toBe(201);
  });

  it('a candidate related to a member inside the M-06 circle recuses that member; a declared conflict recuses too', async () => {
    first = await candidate(itemId, { cadreId: spouse });
    expect(first.recused).toEqual([team[3]]);
    second = await candidate(itemId, { name: '王某' });
    expect(second.recused).toEqual([]);
    const both = await city.post(`/api/v1/meeting-items/${itemId}/candidates`, {
      cadreId: spouse,
      name: 'x',
      post: 'y',
    });
    expect(both.statusCode).toBe(400);
    const declared = await city.post(`/api/v1/meeting-items/${itemId}/conflicts`, {
      cadreId: team[2],
      note: '拟任人选系本人原秘书',
    });
    expect(declared.statusCode, declared.body).toBe(201);
    const again = await city.post(`/api/v1/meeting-items/${itemId}/conflicts`, { cadreId: team[2], note: '重复申明' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ALREADY_RECUSED');
    const rec = (await read(meetingId, itemId)).recusals;
    expect(rec.map((r: { cadreId: number; reason: string }) => [r.cadreId, r.reason])).toEqual(
      expect.arrayContaining([
        [team[3], 'relation'],
        [team[2], 'declared'],
      ]),
    );
  });

  it('the principal speaks last; the absent, the recused, a second opinion, a dissent without reasons are refused', async () => {
    const before = await rows('item_opinions');
    const early = await say(itemId, team[0]);
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({
      code: 'PRINCIPAL_LAST',
      messageZh: expect.stringContaining('还有 4 名'),
    });
    expect((await read(meetingId, itemId)).principal).toEqual({ cadreId: team[0], locked: true });
    expect((await say(itemId, team[7])).json().error.code).toBe('NOT_PRESENT');
    expect((await say(itemId, team[3])).json().error.code).toBe('RECUSED');
    expect((await say(itemId, team[4], 'disagree')).statusCode).toBe(400);
    expect(await rows('item_opinions')).toBe(before);
    expect((await say(itemId, team[1])).json()).toEqual({ seq: 1 });
    expect((await say(itemId, team[1], 'reserve', '再听听意见')).json().error.code).toBe('ALREADY_SPOKEN');
    expect((await say(itemId, team[4], 'disagree', '任职经历不足')).json()).toEqual({ seq: 2 });
    const late = await city.post(`/api/v1/meeting-items/${itemId}/conflicts`, { cadreId: team[4], note: '迟到的申明' });
    expect(late.json().error.code).toBe('ALREADY_SPOKEN');
  });

  it('votes are one candidate at a time; the principal votes on each last; a candidate passes on those who should attend', async () => {
    const before = await rows('candidate_votes');
    const batch = await city.post(`/api/v1/meeting-items/${itemId}/votes`, {
      cadreId: team[1],
      candidateIds: [first.id, second.id],
      vote: 'agree',
    });
    expect(batch.statusCode).toBe(400);
    expect(batch.json().error.messageZh).toContain('逐人表决');
    expect((await vote(itemId, first.id, team[0])).json().error.code).toBe('PRINCIPAL_LAST');
    expect((await vote(itemId, first.id, team[2])).json().error.code).toBe('RECUSED');
    expect(await rows('candidate_votes')).toBe(before);
    // Base: 9 less 2 recused = 7, so 4 agreeing pass. 候选甲: 5 agree. 王某: 3 agree, 2 against — a majority of
    // those who voted, not of those who should attend.
    for (const c of [team[1], team[4], team[5], team[6]])
      expect((await vote(itemId, first.id, c)).statusCode).toBe(201);
    expect((await vote(itemId, first.id, team[1], 'disagree')).json().error.code).toBe('ALREADY_VOTED');
    expect((await vote(itemId, first.id, team[0])).statusCode).toBe(201);
    for (const [c, v] of [
      [team[1], 'agree'],
      [team[4], 'disagree'],
      [team[5], 'agree'],
      [team[6], 'disagree'],
      [team[0], 'agree'],
    ] as const)
      expect((await vote(itemId, second.id, c, v)).statusCode).toBe(201);
  });

  it('closing writes 未表态视为同意 for the silent (the principal too), in member order after the speakers', async () => {
    const res = await close(itemId);
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json();
    expect(out).toMatchObject({ status: 'decided', deemed: [team[0], team[5], team[6]] });
    expect(out.divergence).toMatchObject({ dissent: 1, voters: 5, reached: false });
    expect(
      out.candidates.map((c: { result: string; agree: number; base: number }) => [c.result, c.agree, c.base]),
    ).toEqual([
      ['passed', 5, 7],
      ['rejected', 3, 7],
    ]);
    const r = await read(meetingId, itemId);
    expect(r.opinions.map((o: { cadreId: number; deemed: boolean }) => [o.cadreId, o.deemed])).toEqual([
      [team[1], false],
      [team[4], false],
      [team[0], true],
      [team[5], true],
      [team[6], true],
    ]);
    expect(r.candidates.map((c: { resultLabel: string[] }) => c.resultLabel[0])).toEqual(['通过', '未通过']);
    expect((await say(itemId, team[5], 'disagree', '补充意见')).json().error.code).toBe('ITEM_CLOSED');
    const att = await city.put(`/api/v1/meetings/${meetingId}/attendance`, {
      members: [{ cadreId: team[7], attended: true }],
    });
    expect(att.json().error.code).toBe('DISCUSSION_BEGUN');
  });
});

describe('quorum, divergence and 5 of 9 (M-30, M-32)', () => {
  it('6 of 9 present decide an appointment; 5 agreeing of 9 pass, 4 do not', async () => {
    const meetingId = await meetingWith(city, team, 6);
    const itemId = await item(meetingId, 'appointment');
    const a = await candidate(itemId, { name: '人选一' });
    const b = await candidate(itemId, { name: '人选二' });
    const votes: Array<[number, string[]]> = [
      [a.id, ['agree', 'agree', 'agree', 'agree', 'disagree', 'agree']], // team[1..5], then the principal
      [b.id, ['agree', 'agree', 'agree', 'disagree', 'disagree', 'agree']],
    ];
    for (const [cand, vs] of votes)
      for (const [i, v] of vs.entries()) {
        const r = await vote(itemId, cand, i < 5 ? team[i + 1] : team[0], v);
        expect(r.statusCode, r.body).toBe(201);
      }
    const out = (await close(itemId)).json();
    expect(out.candidates.map((c: { result: string; agree: number }) => [c.result, c.agree])).toEqual([
      ['passed', 5],
      ['rejected', 4],
    ]);
  });

  it('5 of 9 present cannot decide an appointment (nothing written); 5 can decide a major item, 4 cannot', async () => {
    const meetingId = await meetingWith(city, team, 5);
    const appoint = await item(meetingId, 'appointment');
    await candidate(appoint, { name: '人选三' });
    const before = await rows('item_opinions');
    const below = await close(appoint);
    expect(below.statusCode).toBe(409);
    expect(below.json().error).toMatchObject({
      code: 'BELOW_QUORUM',
      messageZh: '应到 9 人，实到 5 人，不足 6 人，不能作出决定',
    });
    expect(await rows('item_opinions')).toBe(before);
    expect((await close(await item(meetingId, 'major_decision'))).json().status).toBe('decided');
    const four = await meetingWith(city, team, 4);
    expect((await close(await item(four, 'major_decision'))).json().error.code).toBe('BELOW_QUORUM');
  });

  it('2 of 6 dissenting (exactly one third) defers; 1 of 6 decides; an urgent reason decides and is a finding', async () => {
    const meetingId = await meetingWith(city, team, 6);
    const speak = async (itemId: number, dissent: number) => {
      for (let i = 1; i <= 5; i++) {
        const r = await say(itemId, team[i], i <= dissent ? (i % 2 ? 'disagree' : 'reserve') : 'agree', '需进一步论证');
        expect(r.statusCode, r.body).toBe(201);
      }
      expect((await say(itemId, team[0])).statusCode).toBe(201);
    };
    const atThreshold = await item(meetingId, 'major_project', '城区道路改造');
    await speak(atThreshold, 2);
    const deferred = (await close(atThreshold)).json();
    expect(deferred).toMatchObject({ status: 'deferred', divergence: { dissent: 2, voters: 6, reached: true } });
    const below = await item(meetingId, 'large_funds', '购置执法车辆');
    await speak(below, 1);
    expect((await close(below)).json().status).toBe('decided');
    const urgent = await item(meetingId, 'major_decision', '防汛应急物资调拨');
    await speak(urgent, 3);
    const decided = (await close(urgent, { urgentReason: '汛期临近，须立即调拨物资' })).json();
    expect(decided).toMatchObject({ status: 'decided', divergence: { dissent: 3, reached: true } });
    expect((await read(meetingId, urgent)).overDivergence).toBe(true);
    const findings = await t.ctx.db
      .selectFrom('findings')
      .select(['rule_id', 'subject_id', 'message', 'evidence'])
      .where('source', '=', 'decisions')
      .where('active', '=', true)
      .execute();
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule_id: 'M-32', subject_id: ORG.A });
    expect(findings[0].message).toContain('防汛应急物资调拨');
  });

  it('scope and roles: another county gets 404 on an item, the commission 403; no item of a closed meeting moves', async () => {
    const meetingId = await meetingWith(city, team, 6);
    const itemId = await item(meetingId, 'other');
    expect(
      (await countyB.post(`/api/v1/meeting-items/${itemId}/opinions`, { cadreId: team[1], opinion: 'agree' }))
        .statusCode,
    ).toBe(404);
    expect((await countyB.post(`/api/v1/meeting-items/${itemId}/close`, {})).statusCode).toBe(404);
    expect((await commission.post(`/api/v1/meeting-items/${itemId}/close`, {})).statusCode).toBe(403);
    const other = await item(meetingId, 'major_decision');
    expect(
      (await city.post(`/api/v1/meeting-items/${other}/candidates`, { name: '某', post: '某职' })).json().error.code,
    ).toBe('NOT_APPOINTMENT');
  });
});
