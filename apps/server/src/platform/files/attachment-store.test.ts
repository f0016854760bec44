// The attachment store's own rules (issue 12 §3), on an owner kind made for the test, so that a wrong rule fails here
// whatever the modules' tests happen to cover: the count at N and N+1, per owner; a file whose content is not its
// name's type; seals bound to the owner and the file; the module's callbacks deciding who may add and read.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSmallTree } from '../../test/fixtures.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { type AppError, forbidden, notFound } from '../http/index.js';
import { SYSTEM_ACTOR } from '../trail/index.js';
import { attachmentStore } from './attachment-store.js';
import { fileNameOf } from './file-routes.js';

let t: TestApp;
beforeAll(async () => {
  // Owners are made through the public form: its hourly limit opened wide.
  t = await startTestApp({
    app: { publicLimits: { submissionsPerHour: 1000, lookupsPerTenMinutes: 1000, wrongReceiptDelayMs: 1 } },
  });
  await loadSmallTree(t);
});
afterAll(() => t.close());

const pdf = () => Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(300), Buffer.from('\n%%EOF\n')]);
const png = () =>
  Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    Buffer.from('IHDR'),
    randomBytes(200),
  ]);

const SEAL = { content: 'test-attachment', name: 'test-attachment-name' };
/** Owners are reports (a row to lock); who may is whatever the test says. */
const store = attachmentStore({
  kind: 'report',
  table: 'report_attachments',
  ownerColumn: 'report_id',
  ownerTable: 'reports',
  seal: SEAL,
  limit: { count: 2, zh: '件测试', en: 'test owner' },
  mayAdd: async (_ctx, as: { ownerId: number; allowed?: boolean }) => {
    if (as.allowed === false) throw forbidden();
    return as.ownerId;
  },
  mayRead: async (_ctx, as: { allowed: boolean }) => {
    if (!as.allowed) throw notFound();
  },
});

const newOwner = async () => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/public/reports',
    payload: { accused: { name: '某甲', unit: '某单位' }, content: '测试举报内容。', anonymous: true },
  });
  const { number } = res.json();
  return (await sql<{ id: number }>`select id from reports where number = ${number}`.execute(t.ctx.db)).rows[0].id;
};
const counts = async () => {
  const n = async (table: string) =>
    Number((await sql<{ n: string }>`select count(*) n from ${sql.table(table)}`.execute(t.ctx.db)).rows[0].n);
  return { files: await n('report_attachments'), trail: await n('trail') };
};
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: AppError) => ({ status: e.status, code: e.code, zh: e.messageZh }),
  );
const add = (ownerId: number, name: string, body: Buffer, allowed?: boolean) =>
  store.add(t.ctx, { ownerId, allowed }, SYSTEM_ACTOR, name, body);

describe('the attachment store', () => {
  it('holds N files per owner and refuses the N+1th with a 409 that writes nothing; another owner counts apart', async () => {
    const [a, b] = [await newOwner(), await newOwner()];
    expect((await add(a, '一.pdf', pdf())).count).toBe(1);
    expect((await add(a, '二.pdf', pdf())).count).toBe(2);
    const before = await counts();
    expect(await refusal(add(a, '三.pdf', pdf()))).toEqual({
      status: 409,
      code: 'ATTACHMENT_LIMIT',
      zh: '每件测试最多 2 个附件，已达上限',
    });
    expect(await counts()).toEqual(before);
    expect(await store.count(t.ctx, a)).toBe(2);
    expect((await add(b, '一.pdf', pdf())).count).toBe(1);
  });

  it('lets one of two uploads at once take the last place', async () => {
    const a = await newOwner();
    await add(a, '一.pdf', pdf());
    const race = await Promise.all([refusal(add(a, '甲.pdf', pdf())), refusal(add(a, '乙.pdf', pdf()))]);
    expect(race.map((r) => r?.status ?? 201).sort()).toEqual([201, 409]);
    expect(await store.count(t.ctx, a)).toBe(2);
  });

  it('refuses a file whose content is not its name’s type, or no accepted type, before anything is written', async () => {
    const a = await newOwner();
    const before = await counts();
    expect((await refusal(add(a, '照片.pdf', png())))?.code).toBe('ATTACHMENT_MISMATCH');
    expect((await refusal(add(a, 'scan.png', pdf())))?.code).toBe('ATTACHMENT_MISMATCH');
    expect((await refusal(add(a, '说明.pdf', Buffer.from('plain text, not a PDF'))))?.code).toBe('ATTACHMENT_TYPE');
    expect(await counts()).toEqual(before);
  });

  it('seals content and name bound to the owner and the file: neither opens under another owner id or file id', async () => {
    const [a, b] = [await newOwner(), await newOwner()];
    const body = pdf();
    const { id } = await add(a, '张三工资条.pdf', body);
    const row = (
      await sql<{ n: string; c: Buffer }>`select file_name_sealed n, content_sealed c
        from report_attachments where id = ${id}`.execute(t.ctx.db)
    ).rows[0];
    expect(row.n).not.toContain('张三');
    expect(t.ctx.box.open(row.n, `${SEAL.name}:${a}:${id}`)).toBe('张三工资条.pdf');
    expect(t.ctx.box.openBytes(Buffer.from(row.c), `${SEAL.content}:${a}:${id}`).equals(body)).toBe(true);
    for (const wrong of [`${SEAL.name}:${b}:${id}`, `${SEAL.name}:${a}:${id + 1}`, `${SEAL.content}:${a}:${id}`])
      expect(() => t.ctx.box.open(row.n, wrong), wrong).toThrow();
    expect(() => t.ctx.box.openBytes(Buffer.from(row.c), `${SEAL.content}:${b}:${id}`)).toThrow();
    // The trail names the file by its digest, never by its name.
    const trail = JSON.stringify(
      (await sql`select detail from trail order by seq desc limit 1`.execute(t.ctx.db)).rows,
    );
    expect(trail).toContain(String(id));
    expect(trail).not.toContain('张三');
  });

  it('asks the owner kind who may add (before the file is looked at) and who may read (before the row)', async () => {
    const a = await newOwner();
    const before = await counts();
    expect(await refusal(add(a, '空.pdf', Buffer.alloc(0), false))).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(await counts()).toEqual(before);

    const body = pdf();
    const { id } = await add(a, '记录.pdf', body);
    const trailed = (await counts()).trail;
    expect(await refusal(store.read(t.ctx, { allowed: false }, SYSTEM_ACTOR, a, id))).toMatchObject({ status: 404 });
    expect((await counts()).trail).toBe(trailed); // refused: no content, no read trailed
    const file = await store.read(t.ctx, { allowed: true }, SYSTEM_ACTOR, a, id);
    expect(file).toMatchObject({ name: '记录.pdf', type: 'application/pdf' });
    expect(file.content.equals(body)).toBe(true);
    const read = (
      await sql<{ action: string; detail: unknown }>`select action, detail from trail order by seq desc
      limit 1`.execute(t.ctx.db)
    ).rows[0];
    expect(read).toMatchObject({ action: 'report.attachment_read', detail: { attachmentId: id } });
    // A file of another owner is not found through this one, even for a reader who may read both.
    const b = await newOwner();
    expect(await refusal(store.read(t.ctx, { allowed: true }, SYSTEM_ACTOR, b, id))).toMatchObject({ status: 404 });
  });

  it('lists the files of several owners, each under its own owner, never their content', async () => {
    const [a, b] = [await newOwner(), await newOwner()];
    await add(a, 'a.pdf', pdf());
    await add(b, 'b1.png', png());
    await add(b, 'b2.pdf', pdf());
    const files = await store.list(t.ctx, [a, b]);
    expect(files(a).map((f) => f.name)).toEqual(['a.pdf']);
    expect(files(b).map((f) => [f.name, f.typeLabel])).toEqual([
      ['b1.png', 'PNG'],
      ['b2.pdf', 'PDF'],
    ]);
    expect(Object.keys(files(a)[0]).sort()).toEqual(['at', 'id', 'name', 'sha256', 'size', 'type', 'typeLabel']);
    expect((await store.list(t.ctx, []))(a)).toEqual([]);
  });

  it('reads an upload’s name from its percent-encoded header; a malformed encoding is a bad name', () => {
    expect(fileNameOf(encodeURIComponent('现场 照片%1.jpg'))).toBe('现场 照片%1.jpg');
    expect(() => fileNameOf('%E7%8E')).toThrow(expect.objectContaining({ code: 'ATTACHMENT_NAME', status: 400 }));
  });
});
