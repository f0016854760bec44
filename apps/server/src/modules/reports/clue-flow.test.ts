// The whole path of a report through the commission (M-12 … M-18) on a real database: triage into a numbered clue,
// a disposal proposed with a collective decision and approved by the head, a letter of inquiry with its deadline,
// the cadre's reply, the principal's countersignature, the outcome in the dossier, and the reporter's view.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type Client, type TestApp } from '../../test/harness.js';
import { caseDesk, publicApi, startCaseApp } from './reports.fixtures.js';
import { CADRE, ORG } from '../../test/fixtures.js';

let t: TestApp;
let petition: Client;
let handler: Client;
let head: Client;
let accused: Client;
let principal: Client;

const REPORTER = { name: '实名举报人丙', phone: '13700002222' };
const CONTENT = '张局长在办公楼维修工程招标中为亲属公司打招呼，收受好处费。';
const collective = {
  meetingOn: '2026-03-02',
  participants: ['甲委员', '乙委员', '丙委员'],
  minutes: '经集体研究，同意采取函询方式了解。',
};

beforeAll(async () => {
  t = await startCaseApp();
  ({ petition, handler, head } = await caseDesk(t));
  accused = await loginAs(t, { role: 'cadre', orgId: ORG.A_DEPT, scope: 5, cadreId: CADRE.A_DEPT });
  principal = await loginAs(t, { role: 'committee_leader', orgId: ORG.A, scope: 4, cadreId: CADRE.A });
});
afterAll(() => t.close());

const submit = async (body: object) => {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/public/reports', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { receipt: string; number: string };
};
const reportIdOf = async (number: string) =>
  ((await petition.get('/api/v1/reports?pageSize=200')).json().items as Array<{ id: number; number: string }>).find(
    (r) => r.number === number,
  )!.id;
const clueOf = async (id: number) => (await handler.get(`/api/v1/clues/${id}`)).json();

describe('report → clue → letter → reply → countersign → outcome (M-12 … M-16)', () => {
  it('walks the whole path, and the accused finds no trace of the reporter anywhere', async () => {
    const { receipt, number } = await submit({
      accused: { name: '张局长', unit: '明湖区财政局', post: '局长' },
      content: CONTENT,
      anonymous: false,
      reporter: REPORTER,
    });
    const reportId = await reportIdOf(number);

    // Triage: the petition office accepts it as a numbered clue; the handling clock starts (60 days).
    const accepted = await petition.post(`/api/v1/reports/${reportId}/accept`, {
      problemType: 'integrity',
      summary: '反映张局长工程招标中打招呼、收受好处费',
      handlingMode: 'self',
    });
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json()).toMatchObject({
      number: expect.stringMatching(/^XS2026\d{6}$/),
      state: 'registered',
      handlingDueOn: '2026-05-01',
    });
    expect(
      (
        await petition.post(`/api/v1/reports/${reportId}/accept`, {
          problemType: 'integrity',
          summary: '再次受理',
          handlingMode: 'self',
        })
      ).statusCode,
    ).toBe(409);
    const clueId = accepted.json().clueId as number;
    expect((await handler.get('/api/v1/clues')).json().items.map((c: { id: number }) => c.id)).toContain(clueId);

    // Disposal: proposed with the collective decision, approved by the head — not by the handler, not by the proposer.
    let clue = await clueOf(clueId);
    expect(
      (
        await handler.post(`/api/v1/clues/${clueId}/propose`, {
          disposal: 'inquiry',
          opinion: '建议函询',
          version: clue.version,
          collective: { ...collective, participants: ['甲', '乙'] },
        })
      ).statusCode,
    ).toBe(400);
    // A mistyped year (a meeting before the clue existed) is refused with a plain Chinese message naming no field code.
    const early = await handler.post(`/api/v1/clues/${clueId}/propose`, {
      disposal: 'inquiry',
      opinion: '建议函询',
      version: clue.version,
      collective: { ...collective, meetingOn: '1125-02-02' },
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error).toMatchObject({
      messageZh: '集体研究日期不能早于线索登记日期（2026-03-02）',
      details: [{ path: 'collective.meetingOn' }],
    });
    const proposed = await handler.post(`/api/v1/clues/${clueId}/propose`, {
      disposal: 'inquiry',
      opinion: '建议函询了解情况',
      version: clue.version,
      collective,
    });
    expect(proposed.statusCode, proposed.body).toBe(200);
    expect(
      (
        await handler.post(`/api/v1/clues/${clueId}/approve`, { opinion: '同意', version: proposed.json().version })
      ).json().error.code,
    ).toBe('HEAD_ONLY');
    const approved = await head.post(`/api/v1/clues/${clueId}/approve`, {
      opinion: '同意函询',
      version: proposed.json().version,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().state).toBe('inquiry');

    // The letter: 15 working days from Monday 2 March 2026 is Monday 23 March; copied to the district committee.
    const letter = await handler.post(`/api/v1/clues/${clueId}/letters`, {
      questions: '1. 请说明办公楼维修工程招标中是否为他人打招呼。\n2. 请说明是否收受相关企业财物。',
    });
    expect(letter.statusCode, letter.body).toBe(201);
    expect(letter.json()).toMatchObject({ dueOn: '2026-03-23', copyTo: '明湖区' });
    const letterId = letter.json().id as number;
    const docx = await handler.get(`/api/v1/letters/${letterId}/letter.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');

    // The cadre replies in the app; only the countersigning principal may sign, and not with a bare “同意”.
    // The letter cannot be bypassed: concluding while it is open is refused.
    const early2 = await handler.post(`/api/v1/clues/${clueId}/conclude`, {
      result: 'unsubstantiated',
      opinion: '提前办结',
      version: (await clueOf(clueId)).version,
    });
    expect(early2.json().error.code).toBe('LETTER_OPEN');
    const mine = (await accused.get('/api/v1/my/letters')).json().items;
    expect(mine).toMatchObject([
      { id: letterId, myPart: 'reply', status: 'sent', dueOn: '2026-03-23', copyToLabel: '中共明湖区委' },
    ]);
    expect(
      (await principal.post(`/api/v1/my/letters/${letterId}/reply`, { reply: '代为说明的内容不被允许。。' }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await accused.post(`/api/v1/my/letters/${letterId}/reply`, {
          reply: '本人未在招标中打招呼，亦未收受任何财物，特此说明。',
        })
      ).statusCode,
    ).toBe(200);
    for (const opinion of ['', '同意。', '已阅']) {
      expect(
        (await principal.post(`/api/v1/my/letters/${letterId}/countersign`, { opinion })).statusCode,
        opinion,
      ).toBe(400);
    }
    expect(
      (
        await accused.post(`/api/v1/my/letters/${letterId}/countersign`, {
          opinion: '本人对自己的回复签署意见，应被拒绝。',
        })
      ).json().error,
    ).toMatchObject({
      code: 'NOT_COUNTERSIGNER',
      messageZh: '被函询人是本单位主要负责人，须由上一级明湖区主要负责人签署意见',
    });
    const signed = await principal.post(`/api/v1/my/letters/${letterId}/countersign`, {
      opinion: '经了解，该同志说明的情况与单位掌握的情况一致，建议予以采信。',
    });
    expect(signed.statusCode, signed.body).toBe(200);

    // The commission accepts the reply and concludes: a first-form admonition, six months of influence.
    expect(
      (
        await handler.post(`/api/v1/letters/${letterId}/decision`, {
          decision: 'accept',
          note: '回复基本属实，予以采信',
        })
      ).statusCode,
    ).toBe(200);
    clue = await clueOf(clueId);
    const done = await handler.post(`/api/v1/clues/${clueId}/conclude`, {
      result: 'partly',
      opinion: '部分属实，给予诫勉',
      version: clue.version,
      outcomes: [{ kind: 'admonition', decidedOn: '2026-03-02', summary: '对其进行诫勉' }],
    });
    expect(done.statusCode, done.body).toBe(200);
    clue = await clueOf(clueId);
    expect(clue).toMatchObject({
      state: 'closed',
      result: 'partly',
      outcomes: [{ form: 1, kind: 'admonition', influenceUntil: '2026-09-02' }],
    });
    expect(clue.steps.map((s: { action: string }) => s.action)).toEqual(['register', 'propose', 'approve', 'conclude']);
    expect(clue.steps.every((s: { signedBy: string; at: string }) => s.signedBy && s.at)).toBe(true);

    // The dossier carries the letter and the outcome; the reporter sees the conclusion with the receipt.
    const city = await loginAs(t, { role: 'org_supervisor', orgId: ORG.R, scope: 4 });
    // M-21 群众有举报时必谈: only now, with the matter found, does the superior principal owe a reminder talk (30 days).
    const talkDue = (await city.get('/api/v1/obligations?ruleId=M-21')).json().items;
    expect(talkDue).toMatchObject([
      {
        obligation: 'publicReport',
        talkKind: 'reminder',
        dueOn: '2026-04-01',
        owner: { name: '王区长' },
        subject: { name: '张局长' },
      },
    ]);
    expect(JSON.stringify(talkDue)).not.toContain(CONTENT);
    const timeline = (await city.get(`/api/v1/cadres/${CADRE.A_DEPT}/timeline`))
      .json()
      .items.map((e: { eventType: string }) => e.eventType);
    expect(timeline).toEqual(expect.arrayContaining(['reports.letter', 'reports.outcome']));
    // …and files them under the archive sections of M-08 as they happen.
    const archive = (await city.get(`/api/v1/cadres/${CADRE.A_DEPT}`)).json().archive as Array<{
      titleZh: string;
      items: Array<{ summary: string }>;
    }>;
    expect(archive.find((a) => a.titleZh === '函询情况')!.items).toHaveLength(1);
    expect(archive.find((a) => a.titleZh === '处分情况')!.items[0].summary).toContain('诫勉');
    expect(archive.find((a) => a.titleZh === '房产')!.items).toEqual([]);
    await publicApi(t.app).add(receipt, '补充：另见附件。');
    const status = (await publicApi(t.app).status(receipt)).json();
    expect(status).toMatchObject({
      status: 'concluded',
      statusZh: '已办结',
      additions: [{ body: '补充：另见附件。' }],
    });

    // Nothing the accused can reach names the reporter or quotes the report.
    const seen = [];
    for (const url of [
      '/api/v1/my/letters',
      `/api/v1/my/letters/${letterId}`,
      `/api/v1/cadres/${CADRE.A_DEPT}`,
      `/api/v1/cadres/${CADRE.A_DEPT}/timeline`,
      '/api/v1/reports',
      `/api/v1/reports/${reportId}`,
      '/api/v1/clues',
      `/api/v1/clues/${clueId}`,
      '/api/v1/reports/analysis',
      '/api/v1/reports/queues',
    ]) {
      const res = await accused.get(url);
      seen.push(res.body);
      if (url.startsWith('/api/v1/reports') || url.startsWith('/api/v1/clues')) expect(res.statusCode, url).toBe(403);
    }
    const all = seen.join('\n');
    for (const secret of [REPORTER.name, REPORTER.phone, CONTENT, number]) expect(all).not.toContain(secret);
  });
});

describe('the transition table refuses what it does not list (M-14)', () => {
  it('refuses conclusion before a disposal, a stale version, a hold without a review date, and writes nothing', async () => {
    const { number } = await submit({
      accused: { name: '孙书记', unit: '城关街道' },
      content: '孙书记违规接受宴请。',
      anonymous: true,
    });
    const reportId = await reportIdOf(number);
    const clueId = (
      await petition.post(`/api/v1/reports/${reportId}/accept`, {
        problemType: 'integrity',
        summary: '违规接受宴请',
        handlingMode: 'self',
      })
    ).json().clueId;
    const clue = await clueOf(clueId);
    const steps = clue.steps.length;
    expect(
      (
        await handler.post(`/api/v1/clues/${clueId}/conclude`, {
          result: 'unsubstantiated',
          opinion: '不属实了结',
          version: clue.version,
        })
      ).json().error.code,
    ).toBe('BAD_STATE');
    expect(
      (
        await handler.post(`/api/v1/clues/${clueId}/propose`, {
          disposal: 'hold',
          opinion: '暂存待查',
          version: clue.version,
          collective,
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await handler.post(`/api/v1/clues/${clueId}/propose`, {
          disposal: 'close',
          opinion: '予以了结',
          version: clue.version + 5,
          collective,
        })
      ).json().error.code,
    ).toBe('STALE');
    expect((await clueOf(clueId)).steps.length).toBe(steps);

    // A hold with a review date: approved, the review clock runs to that date.
    const held = await handler.post(`/api/v1/clues/${clueId}/propose`, {
      disposal: 'hold',
      opinion: '暂存待查',
      version: clue.version,
      collective,
      holdReviewOn: '2026-06-30',
    });
    expect(held.statusCode, held.body).toBe(200);
    const own = await loginAs(t, { role: 'discipline', orgId: ORG.R, scope: 4, isHead: true });
    const p2 = await own.post(`/api/v1/clues/${clueId}/return`, { opinion: '退回', version: held.json().version });
    expect(p2.statusCode).toBe(200); // a head who did not propose may return it
    const again = await own.post(`/api/v1/clues/${clueId}/propose`, {
      disposal: 'hold',
      opinion: '暂存待查',
      version: p2.json().version,
      collective,
      holdReviewOn: '2026-06-30',
    });
    expect(
      (await own.post(`/api/v1/clues/${clueId}/approve`, { opinion: '同意', version: again.json().version })).json()
        .error.code,
    ).toBe('OWN_PROPOSAL');
    expect(
      (await head.post(`/api/v1/clues/${clueId}/approve`, { opinion: '同意', version: again.json().version }))
        .statusCode,
    ).toBe(200);
    const after = await clueOf(clueId);
    expect(after).toMatchObject({ state: 'on_hold', holdReviewOn: '2026-06-30' });
    expect(after.deadlines).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'hold_review', dueOn: '2026-06-30', met: false })]),
    );
    // The hold parks the handling clock; taking the clue up again starts a fresh one.
    expect(after.deadlines.filter((d: { kind: string; met: boolean }) => d.kind === 'disposal' && !d.met)).toEqual([]);
    const again2 = await handler.post(`/api/v1/clues/${clueId}/propose`, {
      disposal: 'verification',
      opinion: '复查后初步核实',
      version: after.version,
      collective,
    });
    expect(
      (await head.post(`/api/v1/clues/${clueId}/approve`, { opinion: '同意初核', version: again2.json().version }))
        .statusCode,
    ).toBe(200);
    const resumed = await clueOf(clueId);
    expect(resumed.deadlines.filter((d: { kind: string; met: boolean }) => d.kind === 'disposal' && !d.met)).toEqual([
      expect.objectContaining({ dueOn: '2026-05-01' }),
    ]);
    expect(resumed.deadlines.find((d: { kind: string }) => d.kind === 'hold_review').met).toBe(true);
  });

  it('a false accusation clears the name in the dossier (M-18)', async () => {
    const { number } = await submit({
      accused: { name: '钱局长', unit: '青石区财政局' },
      content: '钱局长收受红包若干。',
      anonymous: true,
    });
    const reportId = await reportIdOf(number);
    const clueId = (
      await petition.post(`/api/v1/reports/${reportId}/accept`, {
        problemType: 'integrity',
        summary: '收受红包',
        handlingMode: 'self',
      })
    ).json().clueId;
    let clue = await clueOf(clueId);
    const p = (
      await handler.post(`/api/v1/clues/${clueId}/propose`, {
        disposal: 'verification',
        opinion: '初步核实',
        version: clue.version,
        collective,
      })
    ).json();
    await head.post(`/api/v1/clues/${clueId}/approve`, { opinion: '同意初核', version: p.version });
    clue = await clueOf(clueId);
    const withOutcome = await handler.post(`/api/v1/clues/${clueId}/conclude`, {
      result: 'false',
      opinion: '诬告',
      version: clue.version,
      outcomes: [{ kind: 'criticism', decidedOn: '2026-03-02', summary: '不应有' }],
    });
    expect(withOutcome.statusCode).toBe(400);
    const res = await handler.post(`/api/v1/clues/${clueId}/conclude`, {
      result: 'false',
      opinion: '经核查系诬告',
      version: clue.version,
      referAccuser: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    const city = await loginAs(t, { role: 'org_supervisor', orgId: ORG.R, scope: 4 });
    const events = (await city.get(`/api/v1/cadres/${CADRE.B_DEPT}/timeline`)).json().items;
    expect(events.find((e: { eventType: string }) => e.eventType === 'reports.cleared')?.summary).toContain('澄清正名');
    // A false accusation calls for no reminder talk.
    expect(
      (await city.get('/api/v1/obligations?ruleId=M-21'))
        .json()
        .items.filter((d: { subject: { name: string } }) => d.subject.name === '钱局长'),
    ).toEqual([]);
  });
});
