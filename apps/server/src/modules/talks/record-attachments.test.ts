// Attachments of talks and supervision records (M-20 issue 5 §1; M-23 … M-26): type read from the bytes, sealed at rest,
// downloaded only by whoever may read the record (trailed), added only by whoever may record it; a refused file
// writes nothing.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { loginAs, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { CADRE, ORG, smallRegistry } from '../../test/fixtures.js';
import { loadRegistry } from '../../demo/index.js';
import { makeIdCard } from '../registry/index.js';
import { SYSTEM_ACTOR, write } from '../../platform/trail/index.js';

let t: TestApp;
let countyA: Client;
let countyB: Client;
let talkId: number;
const PDF = Buffer.concat([
  Buffer.from('%PDF-1.4\n'),
  Buffer.from('谈话记录（签字版）机密内容 12345'),
  Buffer.from('\n%%EOF\n'),
]);

const upload = (c: Client, path: string, name: string, body: Buffer) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/${path}/attachments`,
    headers: {
      cookie: c.cookie,
      'x-csrf-token': c.csrf,
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(name),
    },
    payload: body,
  });
const stored = async () =>
  Number((await sql<{ n: string }>`select count(*) n from record_attachments`.execute(t.ctx.db)).rows[0].n);

beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-02T02:00:00Z' });
  // 明湖区 with a discipline secretary (cadre 7), whose records M-26 are.
  const reg = smallRegistry();
  reg.cadres.push({
    ...reg.cadres[1],
    id: 7,
    name: '吴组长',
    idCard: makeIdCard('339802', '1978-02-02', 77),
    birthDate: '1978-02-02',
  });
  reg.posts.push({
    ...reg.posts[1],
    id: 7,
    cadreId: 7,
    title: '纪委书记',
    postKind: 'discipline_secretary',
    rank: 'div_deputy',
    isPrincipal: false,
  });
  await loadRegistry(t.ctx.db, t.ctx.clock, SYSTEM_ACTOR, reg);
  countyA = await loginAs(t, { role: 'org_supervisor', orgId: ORG.A, scope: 4 });
  countyB = await loginAs(t, { role: 'org_supervisor', orgId: ORG.B, scope: 4 });
  const talk = await countyA.post('/api/v1/talks', {
    kind: 'supervision',
    talkerCadreId: CADRE.A,
    talkeeCadreId: CADRE.A_DEPT,
    heldOn: '2026-03-01',
    summary: '监督谈话，听取汇报。',
  });
  talkId = talk.json().id;
});
afterAll(() => t.close());

describe('attachments of a talk', () => {
  it('are listed with the talk, downloaded as they were, trailed, and sealed at rest', async () => {
    const res = await upload(countyA, `talks/${talkId}`, '谈话记录签字版.pdf', PDF);
    expect(res.statusCode, res.body).toBe(201);
    const item = (await countyA.get(`/api/v1/talks?cadreId=${CADRE.A_DEPT}`)).json().items[0];
    expect(item.attachments).toMatchObject([{ name: '谈话记录签字版.pdf', typeLabel: 'PDF', size: PDF.length }]);
    const dl = await countyA.get(`/api/v1/talks/${talkId}/attachments/${item.attachments[0].id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(PDF)).toBe(true);
    expect(dl.headers['content-disposition']).toMatch(/^attachment;/);
    const trail = (
      await sql<{
        action: string;
      }>`select action from trail where entity = 'talk' and entity_id = ${String(talkId)} order by seq`.execute(
        t.ctx.db,
      )
    ).rows.map((r) => r.action);
    expect(trail).toEqual(expect.arrayContaining(['talk.attachment_add', 'talk.attachment_read']));
    const raw = (
      await sql<{ c: Buffer; n: string }>`select content_sealed c, file_name_sealed n from record_attachments`.execute(
        t.ctx.db,
      )
    ).rows[0];
    expect(Buffer.from(raw.c).includes(Buffer.from('机密内容'))).toBe(false);
    expect(raw.n).not.toContain('谈话记录');
  });

  it('are out of reach of a sibling county and closed to a leader who did not hold the talk', async () => {
    const id = (await countyA.get(`/api/v1/talks?cadreId=${CADRE.A_DEPT}`)).json().items[0].attachments[0].id;
    expect((await countyB.get(`/api/v1/talks/${talkId}/attachments/${id}`)).statusCode).toBe(404);
    expect((await upload(countyB, `talks/${talkId}`, 'x.pdf', PDF)).statusCode).toBe(404);
    const other = await loginAs(t, { role: 'committee_leader', orgId: ORG.A, scope: 4, cadreId: CADRE.A_TOWN });
    expect((await upload(other, `talks/${talkId}`, 'x.pdf', PDF)).statusCode).toBe(403);
    const holder = await loginAs(t, { role: 'committee_leader', orgId: ORG.A, scope: 4, cadreId: CADRE.A });
    expect((await upload(holder, `talks/${talkId}`, '补充.pdf', PDF)).statusCode).toBe(201);
    const cadre = await loginAs(t, { role: 'cadre', orgId: ORG.A_DEPT, scope: 5, cadreId: CADRE.A_DEPT });
    expect((await upload(cadre, `talks/${talkId}`, 'x.pdf', PDF)).statusCode).toBe(403);
  });

  it('refuses a file that is not what it says, empty, or over 10 MiB, and writes nothing', async () => {
    const before = await stored();
    expect((await upload(countyA, `talks/${talkId}`, 'notes.txt', Buffer.from('plain text'))).json().error.code).toBe(
      'ATTACHMENT_TYPE',
    );
    expect((await upload(countyA, `talks/${talkId}`, 'photo.jpg', PDF)).json().error.code).toBe('ATTACHMENT_MISMATCH');
    expect((await upload(countyA, `talks/${talkId}`, 'empty.pdf', Buffer.alloc(0))).statusCode).toBe(400);
    const big = await upload(
      countyA,
      `talks/${talkId}`,
      'big.pdf',
      Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]),
    );
    expect(big.statusCode).toBe(413);
    expect(big.json().error.messageZh).toContain('10 MB');
    expect(await stored()).toBe(before);
  });
});

describe('attachments stored before the one store (issue 12 §3)', () => {
  it('still open: the seal contexts are those the rows were written with', async () => {
    const id = (
      await sql<{ id: number }>`select nextval(pg_get_serial_sequence('record_attachments', 'id'))::int id`.execute(
        t.ctx.db,
      )
    ).rows[0].id;
    await write(t.ctx.db, t.ctx.clock, SYSTEM_ACTOR, async (w) => {
      await w.trx
        .insertInto('record_attachments')
        .values({
          id,
          entity: 'talk',
          entity_id: talkId,
          file_name_sealed: t.ctx.box.seal('旧记录.pdf', `talk-attachment-name:${talkId}:${id}`),
          mime_type: 'application/pdf',
          size_bytes: PDF.length,
          sha256: createHash('sha256').update(PDF).digest('hex'),
          content_sealed: t.ctx.box.sealBytes(PDF, `talk-attachment-content:${talkId}:${id}`),
          uploaded_by: null,
          created_at: w.now,
        })
        .execute();
      w.record({ action: 'talk.attachment_add', entity: 'talk', entityId: talkId, detail: { attachmentId: id } });
    });
    const item = (await countyA.get(`/api/v1/talks?cadreId=${CADRE.A_DEPT}`)).json().items[0];
    expect(item.attachments).toContainEqual(expect.objectContaining({ id, name: '旧记录.pdf', typeLabel: 'PDF' }));
    const dl = await countyA.get(`/api/v1/talks/${talkId}/attachments/${id}`);
    expect(dl.rawPayload.equals(PDF)).toBe(true);
  });
});

describe('attachments of a supervision record', () => {
  it("follow the record: a discipline record's files only for the discipline commission", async () => {
    const discipline = await loginAs(t, { role: 'discipline', orgId: ORG.A, scope: 4 });
    const rec = await discipline.post('/api/v1/activities', {
      kind: 'upward_report',
      orgId: ORG.A,
      actorCadreId: 7,
      heldOn: '2026-03-01',
      title: '报告重要问题',
      summary: '向上级纪委报告班子成员重要问题。',
      reportedTo: '市纪委监委',
      subjects: [{ cadreId: CADRE.A_DEPT }],
    });
    const id = rec.json().id;
    expect((await upload(countyA, `activities/${id}`, '报告.pdf', PDF)).statusCode).toBe(404);
    const res = await upload(discipline, `activities/${id}`, '报告.pdf', PDF);
    expect(res.statusCode, res.body).toBe(201);
    expect((await countyA.get(`/api/v1/activities/${id}/attachments/${res.json().id}`)).statusCode).toBe(404);
    expect((await discipline.get(`/api/v1/activities/${id}/attachments/${res.json().id}`)).rawPayload.equals(PDF)).toBe(
      true,
    );
    expect((await discipline.get('/api/v1/activities?kind=upward_report')).json().items[0].attachments).toHaveLength(1);
  });
});
