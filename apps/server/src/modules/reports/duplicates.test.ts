// M-13 related reports and M-19 counts by matter: similar text about the same cadre is proposed, a person decides,
// confirmed reports share one matter, and a matter found false (M-18) leaves the concentration list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type Client, type TestApp } from '../../test/harness.js';
import { caseDesk, startCaseApp } from './reports.fixtures.js';
import { CADRE, ORG } from '../../test/fixtures.js';
import { textSimilarity } from './duplicates.service.js';

describe('text similarity (M-13)', () => {
  it('is the Dice coefficient of character bigrams, blind to punctuation and spacing', () => {
    expect(textSimilarity('某某局局长收受礼金', '某某局局长收受礼金')).toBe(1);
    expect(textSimilarity('某某局局长收受礼金', '某某局局长，收受礼金！')).toBe(1);
    expect(textSimilarity('某某局局长收受礼金', '某某局局长收受红包')).toBeCloseTo(0.75, 2);
    expect(textSimilarity('某某局局长收受礼金', '村里的道路年久失修无人管')).toBe(0);
    expect(textSimilarity('', '')).toBe(1);
    expect(textSimilarity('甲', '乙')).toBe(0);
  });
});

describe('related reports and counts per matter (M-13, M-19)', () => {
  let t: TestApp;
  let petition: Client;
  let handler: Client;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await startCaseApp();
    ({ petition, handler } = await caseDesk(t));
    const reports: Array<[string, string, string]> = [
      ['first', '张局长', '张局长在办公楼维修工程招标中为亲属公司打招呼，收受好处费五万元。'],
      ['same', '张局长', '反映张局长在办公楼维修工程招标中为亲属公司打招呼并收受好处费。'],
      ['other', '张局长', '张局长经常工作日午间饮酒，影响工作。'],
      ['otherPerson', '钱局长', '钱局长在办公楼维修工程招标中为亲属公司打招呼，收受好处费五万元。'],
    ];
    for (const [key, name, content] of reports) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/public/reports',
        payload: { accused: { name }, content, anonymous: true },
      });
      expect(res.statusCode).toBe(201);
      const number = res.json().number;
      ids[key] = (await petition.get('/api/v1/reports?pageSize=50'))
        .json()
        .items.find((r: { number: string }) => r.number === number).id;
    }
  });
  afterAll(() => t.close());

  it('proposes the earlier report about the same cadre and matter only', async () => {
    const same = (await petition.get(`/api/v1/reports/${ids.same}`)).json();
    expect(same.links).toEqual([
      expect.objectContaining({ otherReportId: ids.first, status: 'proposed', canDecide: true }),
    ]);
    expect(same.links[0].similarity).toBeGreaterThanOrEqual(0.4);
    // Until a person decides, the analysis says how many such links wait, and the list shows just those reports.
    const a = (await handler.get(`/api/v1/reports/analysis?orgId=${ORG.R}`)).json();
    expect(a.totals.pendingLinks).toBe(1);
    const pending = (await petition.get('/api/v1/reports?pendingLinks=true')).json();
    expect(pending.items.map((r: { id: number }) => r.id)).toEqual([ids.same]);
    expect((await petition.get('/api/v1/reports?pendingLinks=yes')).statusCode).toBe(400);
    expect((await petition.get(`/api/v1/reports/${ids.other}`)).json().links).toEqual([]);
    expect((await petition.get(`/api/v1/reports/${ids.otherPerson}`)).json().links).toEqual([]);
    // The earlier report shows the link too, without the right to decide it there.
    expect((await petition.get(`/api/v1/reports/${ids.first}`)).json().links).toEqual([
      expect.objectContaining({ otherReportId: ids.same, canDecide: false }),
    ]);
  });

  it('never proposes a later report for an earlier one: a report registered now about something received before joins nothing', async () => {
    const res = await petition.post('/api/v1/reports', {
      channel: 'letter',
      receivedAt: '2026-02-01T09:00:00+08:00',
      anonymous: true,
      accused: { name: '张局长' },
      content: '张局长在办公楼维修工程招标中为亲属公司打招呼，收受好处费五万元。',
    });
    expect(res.statusCode).toBe(201);
    expect((await petition.get(`/api/v1/reports/${res.json().id}`)).json().links).toEqual([]);
    // Found by its number or by the accused's name.
    expect(
      (await petition.get(`/api/v1/reports?q=${res.json().number.toLowerCase()}`))
        .json()
        .items.map((r: { id: number }) => r.id),
    ).toEqual([res.json().id]);
    expect((await petition.get(`/api/v1/reports?q=${encodeURIComponent('钱局长')}`)).json().total).toBe(1);
    ids.backdated = res.json().id;
  });

  it('a person confirms: the report joins the matter and is merged; a decided link cannot be decided again', async () => {
    const linkId = (await petition.get(`/api/v1/reports/${ids.same}`)).json().links[0].id;
    const petitionB = await loginAs(t, { role: 'petition', orgId: ORG.B, scope: 4 });
    expect((await petitionB.post(`/api/v1/report-links/${linkId}/confirm`)).statusCode).toBe(404);
    expect((await petition.post(`/api/v1/report-links/${linkId}/confirm`)).statusCode).toBe(200);
    expect((await petition.post(`/api/v1/report-links/${linkId}/reject`)).json().error.code).toBe('LINK_DECIDED');
    const same = (await petition.get(`/api/v1/reports/${ids.same}`)).json();
    expect(same).toMatchObject({ status: 'merged', matterId: ids.first });
    expect(same.deadlines.find((d: { kind: string }) => d.kind === 'accept_decision').met).toBe(true);
    expect(
      (
        await petition.post(`/api/v1/reports/${ids.same}/accept`, {
          problemType: 'integrity',
          summary: '再次受理此件',
          handlingMode: 'self',
        })
      ).statusCode,
    ).toBe(409);
  });

  it('analysis counts matters, not reports, and concentration leaves out matters found false (M-18, M-19)', async () => {
    let a = (await handler.get(`/api/v1/reports/analysis?orgId=${ORG.R}`)).json();
    expect(a.totals).toEqual({ reports: 5, matters: 4, pendingLinks: 0 });
    // Every month of the last twelve is on the axis, empty ones as 0.
    expect(a.byMonth.map((m: { month: string }) => m.month)).toEqual(
      Array.from({ length: 13 }, (_, i) => `${i < 10 ? 2025 : 2026}-${String(((i + 2) % 12) + 1).padStart(2, '0')}`),
    );
    expect(a.byMonth.find((m: { month: string }) => m.month === '2025-12').n).toBe(0);
    expect(a.concentrated).toEqual([
      expect.objectContaining({ cadreId: CADRE.A_DEPT, matters: 3, reports: 4, principal: true }),
    ]);
    expect(a.byChannel).toEqual([
      { key: 'web', label: '网络举报', n: 4 },
      { key: 'letter', label: '来信', n: 1 },
    ]);
    expect(a.byUnit.map((u: { label: string }) => u.label).sort()).toEqual(['明湖区', '青石区']);

    // The drinking matter and the back-dated letter are found false or declined: 张局长 is left with one matter, under two.
    expect(
      (await petition.post(`/api/v1/reports/${ids.backdated}/decline`, { reason: '重复反映，已另案办理' })).statusCode,
    ).toBe(200);
    const head = await loginAs(t, { role: 'discipline', orgId: ORG.R, scope: 4, isHead: true });
    const clueId = (
      await petition.post(`/api/v1/reports/${ids.other}/accept`, {
        problemType: 'work',
        summary: '工作日饮酒',
        handlingMode: 'self',
      })
    ).json().clueId;
    let clue = (await handler.get(`/api/v1/clues/${clueId}`)).json();
    const p = (
      await handler.post(`/api/v1/clues/${clueId}/propose`, {
        disposal: 'verification',
        opinion: '建议初步核实',
        version: clue.version,
        collective: { meetingOn: '2026-03-02', participants: ['甲', '乙', '丙'], minutes: '同意初步核实' },
      })
    ).json();
    await head.post(`/api/v1/clues/${clueId}/approve`, { opinion: '同意', version: p.version });
    clue = (await handler.get(`/api/v1/clues/${clueId}`)).json();
    const concluded = await handler.post(`/api/v1/clues/${clueId}/conclude`, {
      result: 'false',
      opinion: '经核查系诬告',
      version: clue.version,
    });
    expect(concluded.statusCode, concluded.body).toBe(200);
    a = (await handler.get(`/api/v1/reports/analysis?orgId=${ORG.R}`)).json();
    expect(a.concentrated).toEqual([]);
    expect(a.byProblemType).toEqual(expect.arrayContaining([{ key: 'work', label: '违反工作纪律', n: 1 }]));
  });

  it('an account outside the subtree may not analyse it', async () => {
    const handlerB = await loginAs(t, { role: 'discipline', orgId: ORG.B, scope: 4 });
    expect((await handlerB.get(`/api/v1/reports/analysis?orgId=${ORG.A}`)).statusCode).toBe(404);
    const own = (await handlerB.get('/api/v1/reports/analysis')).json();
    expect(own.totals).toEqual({ reports: 1, matters: 1, pendingLinks: 0 });
    const org = await loginAs(t, { role: 'org_supervisor', orgId: ORG.R, scope: 4 });
    expect((await org.get('/api/v1/reports/analysis')).statusCode).toBe(403);
  });
});

describe('merging keeps matters whole (M-13), found in review', () => {
  it('a chain of merges stays one matter, and a declined or concluded matter takes no more reports', async () => {
    const { startCaseApp, caseDesk } = await import('./reports.fixtures.js');
    const t2 = await startCaseApp();
    try {
      const text = '钱局长在办公楼维修工程招标中为亲属公司打招呼，收受好处费。';
      const ids: number[] = [];
      for (const [i, named] of [false, false, true].entries()) {
        t2.clock.set(`2026-03-0${2 + i}T02:00:00Z`);
        await t2.app.inject({
          method: 'POST',
          url: '/api/v1/public/reports',
          payload: {
            accused: { name: '钱局长' },
            content: `${text}${'！'.repeat(i)}`,
            anonymous: !named,
            ...(named ? { reporter: { name: '实名者', phone: '13800001111' } } : {}),
          },
        });
      }
      const desk = await caseDesk(t2);
      for (const r of (await desk.petition.get('/api/v1/reports?pageSize=10')).json().items) ids.unshift(r.id);
      const linkOf = async (id: number, other: number) =>
        (await desk.petition.get(`/api/v1/reports/${id}`))
          .json()
          .links.find((l: { otherReportId: number }) => l.otherReportId === other).id;
      // C into B, then B into A: C follows B into A's matter.
      expect(
        (await desk.petition.post(`/api/v1/report-links/${await linkOf(ids[2], ids[1])}/confirm`)).statusCode,
      ).toBe(200);
      expect(
        (await desk.petition.post(`/api/v1/report-links/${await linkOf(ids[1], ids[0])}/confirm`)).statusCode,
      ).toBe(200);
      expect((await desk.petition.get(`/api/v1/reports/${ids[2]}`)).json().matterId).toBe(ids[0]);
      // Declining A sends B and C back to triage, each with a new acceptance clock.
      const declined = await desk.petition.post(`/api/v1/reports/${ids[0]}/decline`, { reason: '不属于受理范围' });
      expect(declined.json().backToTriage.sort()).toEqual([ids[1], ids[2]].sort());
      const c = (await desk.petition.get(`/api/v1/reports/${ids[2]}`)).json();
      expect(c).toMatchObject({ status: 'received', matterId: ids[2] });
      expect(
        c.deadlines.filter((d: { kind: string; met: boolean }) => d.kind === 'accept_decision' && !d.met),
      ).toHaveLength(1);
      // A's matter is now declined: nothing more can be merged into it.
      const d = await t2.app.inject({
        method: 'POST',
        url: '/api/v1/public/reports',
        payload: { accused: { name: '钱局长' }, content: `${text}。`, anonymous: true },
      });
      expect(d.statusCode).toBe(201);
      const dId = (await desk.petition.get('/api/v1/reports?pageSize=1')).json().items[0].id;
      const toA = (await desk.petition.get(`/api/v1/reports/${dId}`))
        .json()
        .links.find((l: { otherReportId: number }) => l.otherReportId === ids[0]);
      expect((await desk.petition.post(`/api/v1/report-links/${toA.id}/confirm`)).json().error.code).toBe(
        'MATTER_CLOSED',
      );
    } finally {
      await t2.close();
    }
  });

  it('refuses a mistyped year at intake with a 400, not a 500', async () => {
    const { startCaseApp, caseDesk } = await import('./reports.fixtures.js');
    const t2 = await startCaseApp();
    try {
      const { petition, handler } = await caseDesk(t2);
      for (const receivedAt of ['0099-06-01T00:00:00Z', '1900-01-01T00:00:00Z']) {
        const res = await petition.post('/api/v1/reports', {
          channel: 'letter',
          receivedAt,
          accused: { name: '某某' },
          content: '测试内容一二三',
          anonymous: true,
        });
        expect(res.statusCode, receivedAt).toBe(400);
      }
      expect((await handler.get('/api/v1/reports/analysis?from=2026-05-01&to=2026-01-01')).statusCode).toBe(400);
    } finally {
      await t2.close();
    }
  });
});
