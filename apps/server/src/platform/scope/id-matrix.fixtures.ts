// For the id matrix (issue 11 §2): one record of every kind of id in county A (明湖区, the caller's) and one in its
// sibling B (青石区), on the small tree of test/fixtures.ts. Built through the API as the city's staff would, except
// for two rows no endpoint creates (a responsibility task is imported from a spreadsheet, a reminder comes from the job).
import { expect } from 'vitest';
import { sql, type RawBuilder } from 'kysely';
import { loginAs, makeAccount, type Client, type TestApp } from '../../test/harness.js';
import { CADRE, ORG } from '../../test/fixtures.js';
import { SYSTEM_ACTOR, write } from '../trail/index.js';
import { recordFindings } from '../findings/index.js';
import { submitPublicReport } from '../../modules/reports/index.js';
import { addAttachment } from '../../modules/reports/attachments.service.js';

export type Ids = Record<string, number>;
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('测试附件'), Buffer.from('\n%%EOF\n')]);
const ok = async (p: Promise<{ statusCode: number; body: string; json(): any }>, what: string) => {
  // eslint-disable-line @typescript-eslint/no-explicit-any
  const r = await p;
  expect(r.statusCode, `${what}: ${r.body}`).toBeLessThan(300);
  return r.json();
};
const upload = (t: TestApp, c: Client, url: string) =>
  t.app.inject({
    method: 'POST',
    url,
    payload: PDF,
    headers: {
      cookie: c.cookie,
      'x-csrf-token': c.csrf,
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent('记录.pdf'),
    },
  });

/** The signed-in caller of the matrix is this cadre of A: the letter of inquiry is addressed to them. */
export const SIGNED_IN_CADRE = CADRE.A_DEPT;

interface County {
  org: number;
  dept: number;
  principal: number;
  deptHead: number;
  other: number;
  deptName: string;
}
const A: County = {
  org: ORG.A,
  dept: ORG.A_DEPT,
  principal: CADRE.A,
  deptHead: CADRE.A_DEPT,
  other: CADRE.A_TOWN,
  deptName: '明湖区财政局',
};
const B: County = {
  org: ORG.B,
  dept: ORG.B_DEPT,
  principal: CADRE.B,
  deptHead: CADRE.B_DEPT,
  other: CADRE.B,
  deptName: '青石区财政局',
};

export async function buildTwoCounties(t: TestApp): Promise<{ own: Ids; sibling: Ids; signedInAccount: number }> {
  const city = await loginAs(t, { role: 'org_supervisor', orgId: ORG.R, scope: 4 });
  const petition = await loginAs(t, { role: 'petition', orgId: ORG.R, scope: 4 });
  const handler = await loginAs(t, { role: 'discipline', orgId: ORG.R, scope: 4 });
  const head = await loginAs(t, { role: 'discipline', orgId: ORG.R, scope: 4, isHead: true });
  await ok(city.post('/api/v1/obligations/generate', { from: '2026-01-01', to: '2026-12-31' }), 'duties');
  const one = async (q: RawBuilder<{ id: number }>) => {
    const { rows } = await q.execute(t.ctx.db);
    expect(rows.length).toBeGreaterThan(0);
    return rows[0].id;
  };
  const build = async (x: County, signedIn: number): Promise<Ids> => {
    const ids: Ids = { org: x.dept, cadre: x.deptHead, post: x.deptHead, leader: x.deptHead };
    ids.teamMember = (
      await ok(
        city.post(`/api/v1/orgs/${x.dept}/team`, { cadreId: x.deptHead, teamRole: 'member', joinedOn: '2024-01-01' }),
        'seat',
      )
    ).id;
    ids.meeting = (
      await ok(
        city.post('/api/v1/meetings', {
          orgId: x.dept,
          kind: 'office',
          heldOn: '2026-03-01',
          place: '会议室',
          chairCadreId: x.deptHead,
          recorder: '办公室',
        }),
        'meeting',
      )
    ).id;
    ids.meetingItem = (
      await ok(
        city.post(`/api/v1/meetings/${ids.meeting}/items`, { title: '干部任免', category: 'appointment' }),
        'item',
      )
    ).id;
    ids.itemCandidate = (
      await ok(
        city.post(`/api/v1/meeting-items/${ids.meetingItem}/candidates`, { name: '候选人', post: '拟任科长' }),
        'candidate',
      )
    ).id;
    const mp3 = Buffer.concat([Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00', 'latin1'), Buffer.alloc(200, 7)]);
    ids.itemAudio = (
      await ok(
        t.app.inject({
          method: 'POST',
          url: `/api/v1/meeting-items/${ids.meetingItem}/audio`,
          payload: mp3,
          headers: {
            cookie: city.cookie,
            'x-csrf-token': city.csrf,
            'content-type': 'application/octet-stream',
            'x-file-name': encodeURIComponent('录音.mp3'),
          },
        }),
        'audio',
      )
    ).id;
    ids.emergency = (
      await ok(
        city.post('/api/v1/emergency-decisions', {
          orgId: x.dept,
          kind: 'office',
          title: '临时决策',
          category: 'other',
          decidedOn: '2026-03-01',
          reason: '时间紧急',
          content: '同意先行处置',
          proposerCadreId: x.deptHead,
        }),
        'emergency',
      )
    ).id;
    ids.expense = (
      await ok(
        city.post('/api/v1/expenses', {
          orgId: x.dept,
          spentOn: '2026-03-01',
          purpose: '购置办公设备',
          amountYuan: 5000,
        }),
        'expense',
      )
    ).id;
    ids.pmReport = (
      await ok(city.post('/api/v1/personal-reports', { kind: 'annual', cadreId: x.deptHead, year: 2025 }), 'pm report')
    ).id;
    ids.pmDraw = (await ok(city.post('/api/v1/personal-draws', { orgId: x.dept, year: 2025 }), 'pm draw')).id;
    // A result review (M-36) of the department's item, as a recorded completion opens it.
    ids.resultReview = await one(sql`insert into result_reviews (item_id, org_id, completed_on, due_on, opened_by,
      created_at) values (${ids.meetingItem}, ${x.dept}, '2026-03-02', '2026-05-31', ${signedIn}, now()) returning id`);
    ids.relation = (
      await ok(
        city.post(`/api/v1/cadres/${x.deptHead}/relations`, { relativeCadreId: x.other, kind: 'cousin' }),
        'relation',
      )
    ).id;
    ids.duty = await one(sql`select id from duties where subject_cadre_id = ${x.deptHead} order by id limit 1`);
    // A finding about the department head, as a module's rule would record it (source 'matrix', untouched by sweeps).
    await write(t.ctx.db, t.ctx.clock, SYSTEM_ACTOR, async (w) => {
      const finding = {
        ruleId: 'M-05' as const,
        level: 'green' as const,
        message: '测试发现',
        settings: {},
        evidence: [],
      };
      w.record({ action: 'test.findings', entity: 'finding' });
      return recordFindings(w, {
        source: 'matrix',
        subjectKind: 'cadre',
        subjectIds: [x.deptHead],
        found: [{ ...finding, subjectId: x.deptHead }],
        today: '2026-03-02',
      });
    });
    ids.finding = await one(sql`select id from findings where source = 'matrix' and subject_id = ${x.deptHead}`);
    ids.talk = (
      await ok(
        city.post('/api/v1/talks', {
          kind: 'supervision',
          talkerCadreId: x.principal,
          talkeeCadreId: x.deptHead,
          heldOn: '2026-03-01',
          summary: '监督谈话，听取汇报。',
        }),
        'talk',
      )
    ).id;
    ids.activity = (
      await ok(
        city.post('/api/v1/activities', {
          kind: 'research_visit',
          orgId: x.org,
          actorCadreId: x.principal,
          heldOn: '2026-03-01',
          title: '专题调研',
          summary: '全面从严治党专题调研。',
        }),
        'activity',
      )
    ).id;
    ids.talkFile = (await ok(upload(t, city, `/api/v1/talks/${ids.talk}/attachments`), 'talk file')).id;
    ids.activityFile = (
      await ok(upload(t, city, `/api/v1/activities/${ids.activity}/attachments`), 'activity file')
    ).id;
    // Two reports about the unit's head (the later one, with a file, proposed as related to the first); the first becomes a clue
    // disposed of by a letter of inquiry, addressed to the head.
    const content = `${x.deptName}负责人违规发放津贴补贴，金额较大，群众反映强烈。`;
    const accused = { name: x.deptHead === CADRE.A_DEPT ? '张局长' : '钱局长', unit: x.deptName };
    const second = await ok(
      petition.post('/api/v1/reports', {
        channel: 'letter',
        receivedAt: '2026-03-01T09:00:00+08:00',
        accused,
        content,
        anonymous: true,
      }),
      'report',
    );
    const pub = await submitPublicReport(t.ctx, SYSTEM_ACTOR, { accused, content, anonymous: true });
    ids.report = await one(sql`select id from reports where number = ${pub.number}`);
    await addAttachment(t.ctx, SYSTEM_ACTOR, pub.receipt, '照片.pdf', PDF);
    ids.reportAttachment = await one(sql`select id from report_attachments where report_id = ${ids.report}`);
    ids.reportLink = await one(sql`select id from report_links where report_id = ${ids.report}`);
    ids.deadline = await one(sql`select id from case_deadlines where report_id = ${ids.report} order by id limit 1`);
    ids.clue = (
      await ok(
        handler.post(`/api/v1/reports/${second.id}/accept`, {
          problemType: 'integrity',
          summary: '违规发放津贴补贴',
          handlingMode: 'self',
        }),
        'clue',
      )
    ).clueId;
    const p = await ok(
      handler.post(`/api/v1/clues/${ids.clue}/propose`, {
        disposal: 'inquiry',
        opinion: '建议函询',
        version: 1,
        collective: { meetingOn: '2026-03-02', participants: ['甲', '乙', '丙'], minutes: '同意函询了解情况' },
      }),
      'proposal',
    );
    await ok(head.post(`/api/v1/clues/${ids.clue}/approve`, { opinion: '同意', version: p.version }), 'approval');
    ids.letter = (
      await ok(
        handler.post(`/api/v1/clues/${ids.clue}/letters`, { questions: '请说明津贴补贴发放的依据和审批情况。' }),
        'letter',
      )
    ).id;
    ids.myLetter = ids.letter;
    ids.responsibility = await write(t.ctx.db, t.ctx.clock, SYSTEM_ACTOR, async (w) => {
      const r = await w.trx
        .insertInto('responsibility_tasks')
        .values({
          org_id: x.dept,
          list_name: '责任清单',
          seq: 1,
          task: '专题研究党风廉政建设',
          lead_cadre_id: x.deptHead,
          created_at: w.now,
          updated_at: w.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      w.record({ action: 'responsibility.import', entity: 'org', entityId: x.dept });
      return r.id;
    });
    ids.account = (await makeAccount(t, { role: 'cadre', orgId: x.dept, scope: 4 })).id;
    // Its own account: the account routes above end the sessions of ids.account.
    const holder = (await makeAccount(t, { role: 'cadre', orgId: x.dept, scope: 4 })).id;
    ids.session = (
      await t.ctx.db
        .insertInto('sessions')
        .values({
          token_hash: `matrix-${holder}`,
          account_id: holder,
          csrf_token: 'x',
          created_at: t.clock.now(),
          expires_at: new Date(t.clock.now().getTime() + 3600_000),
          client_ip: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    ids.notification = (
      await t.ctx.db
        .insertInto('notifications')
        .values({
          account_id: signedIn,
          kind: 'duty.soon',
          dedupe_key: `test:${x.org}`,
          title: '提醒',
          link: '/my/duties',
          created_at: t.clock.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    return ids;
  };
  const signedIn = await makeAccount(t, {
    role: 'cadre',
    orgId: ORG.A,
    scope: 4,
    cadreId: SIGNED_IN_CADRE,
    username: 'matrix_signed_in',
  });
  const someoneElse = await makeAccount(t, { role: 'cadre', orgId: ORG.B, scope: 4, cadreId: CADRE.B_DEPT });
  return { own: await build(A, signedIn.id), sibling: await build(B, someoneElse.id), signedInAccount: signedIn.id };
}
