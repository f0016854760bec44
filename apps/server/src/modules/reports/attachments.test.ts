// M-10, M-11 attachments on public reports: types are read from the content (not the name), limits on size and
// count, refused files leave no row and no trail; the content is sealed at rest and reaches only staff who may read
// the report (scope and recusal), as a trailed download; the reporter's status view carries a count, never a file.
import { crc32, deflateRawSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { loginAs, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { CADRE, loadSmallTree, ORG } from '../../test/fixtures.js';
import { publicApi } from './reports.fixtures.js';
import { detectType } from '../../platform/files/index.js';

let t: TestApp;
let petitionCity: Client;
let petitionA: Client;
const LENIENT = { submissionsPerHour: 1000, lookupsPerTenMinutes: 1000, wrongReceiptDelayMs: 1 };

beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-02T02:00:00Z', app: { publicLimits: LENIENT } });
  await loadSmallTree(t);
  petitionCity = await loginAs(t, { role: 'petition', orgId: ORG.R, scope: 4 });
  petitionA = await loginAs(t, { role: 'petition', orgId: ORG.A, scope: 4 });
});
afterAll(() => t.close());

// ── Sample files, built byte by byte ────────────────────────────────────────────────────────────────────────────
const jpeg = () =>
  Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    Buffer.from('JFIF\0'),
    randomBytes(3000),
    Buffer.from([0xff, 0xd9]),
  ]);
const png = () =>
  Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    Buffer.from('IHDR'),
    randomBytes(2000),
  ]);
const pdf = () => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(2000), Buffer.from('\n%%EOF\n')]);

/** A minimal ZIP (deflated entries, central directory, end record), enough to be an OOXML package. */
function zip(files: Record<string, string | Buffer>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const plain = Buffer.from(content);
    const data = deflateRawSync(plain);
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(plain), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(plain.length, 22);
    local.writeUInt16LE(n.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(crc32(plain), 16);
    cd.writeUInt32LE(data.length, 20);
    cd.writeUInt32LE(plain.length, 24);
    cd.writeUInt16LE(n.length, 28);
    cd.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    central.push(cd, n);
    offset += 30 + n.length + data.length;
  }
  const cdBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cdBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cdBuf, end]);
}
const contentTypes = (part: string, type: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>
<Override ContentType="${type}" PartName="${part}"/></Types>`;
const WORD_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const docx = (main = WORD_MAIN, withPart = true) =>
  zip({
    '[Content_Types].xml': contentTypes('/word/document.xml', main),
    '_rels/.rels': '<Relationships/>',
    ...(withPart ? { 'word/document.xml': `<w:document>${randomBytes(500).toString('hex')}</w:document>` } : {}),
  });
const xlsx = () =>
  zip({
    '[Content_Types].xml': contentTypes(
      '/xl/workbook.xml',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
    ),
    'xl/workbook.xml': '<workbook/>',
  });

// ── Helpers ─────────────────────────────────────────────────────────────────────────────────────────────────────
const submit = async (accused = { name: '钱局长', unit: '青石区财政局' }) => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/public/reports',
    payload: { accused, content: '工程招标中打招呼。', anonymous: true },
  });
  expect(res.statusCode).toBe(201);
  const { receipt, number } = res.json();
  const id = (await sql<{ id: number }>`select id from reports where number = ${number}`.execute(t.ctx.db)).rows[0].id;
  return { receipt: receipt as string, id };
};
const upload = (receipt: string, name: string, body: Buffer | string, type = 'application/octet-stream', app = t.app) =>
  publicApi(app).attach(receipt, name, body, type);
const counts = async () => {
  const n = async (table: string) =>
    Number((await sql<{ n: string }>`select count(*) n from ${sql.table(table)}`.execute(t.ctx.db)).rows[0].n);
  return { rows: await n('report_attachments'), trail: await n('trail') };
};

describe('attachments: accepted types (M-11)', () => {
  it('JPEG, PNG, PDF, DOCX and XLSX are stored sealed and come back byte-identical to scoped staff, trailed', async () => {
    const { receipt, id } = await submit();
    const files = [
      ['现场照片.jpg', jpeg()],
      ['截图.PNG', png()],
      ['转账记录.pdf', pdf()],
      ['情况说明.docx', docx()],
      ['台账.xlsx', xlsx()],
    ] as const;
    for (const [name, body] of files) {
      const res = await upload(receipt, name, body);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(201);
      expect(res.json()).toMatchObject({ name, size: body.length });
    }
    const record = (await petitionCity.get(`/api/v1/reports/${id}`)).json();
    expect(record.attachments.map((a: { typeLabel: string }) => a.typeLabel)).toEqual([
      'JPEG',
      'PNG',
      'PDF',
      'DOCX',
      'XLSX',
    ]);
    expect(Object.keys(record.attachments[0]).sort()).toEqual([
      'at',
      'id',
      'name',
      'sha256',
      'size',
      'type',
      'typeLabel',
    ]);
    for (const [i, [name, body]] of files.entries()) {
      const a = record.attachments[i];
      const res = await petitionCity.get(`/api/v1/reports/${id}/attachments/${a.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.equals(body), name).toBe(true);
      expect(res.headers['content-type']).toContain(a.type);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      );
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      // issue 11 §7: the download keeps its own sandboxing CSP and also gets the app's headers (no framing, no referrer).
      expect(res.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
      expect([res.headers['x-frame-options'], res.headers['referrer-policy']]).toEqual(['DENY', 'no-referrer']);
      const last = await t.ctx.db
        .selectFrom('trail')
        .select(['action', 'entity_id', 'detail'])
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      expect(last).toMatchObject({
        action: 'report.attachment_read',
        entity_id: String(id),
        detail: { attachmentId: a.id, sha256: a.sha256 },
      });
    }
  });

  it('stores no plain bytes and no plain name: the sealed column differs from the content and is bound to its report and attachment', async () => {
    const { receipt } = await submit();
    const body = pdf();
    expect((await upload(receipt, '证据.pdf', body)).statusCode).toBe(201);
    const row = (
      await sql<{ id: number; report_id: number; content_sealed: Buffer; sha256: string }>`
      select id, report_id, content_sealed, sha256 from report_attachments order by id desc limit 1`.execute(t.ctx.db)
    ).rows[0];
    const sealed = Buffer.from(row.content_sealed);
    expect(sealed.includes(body.subarray(0, 9))).toBe(false); // no '%PDF-1.7\n'
    expect(sealed.includes(body.subarray(1000, 1032))).toBe(false);
    expect(t.ctx.box.openBytes(sealed, `report-attachment:${row.report_id}:${row.id}`).equals(body)).toBe(true);
    expect(() => t.ctx.box.openBytes(sealed, `report-attachment:${row.report_id}:${row.id + 1}`)).toThrow();
    // The name is sealed too: a name can identify the reporter.
    const stored = JSON.stringify(
      (await sql`select * from report_attachments where id = ${row.id}`.execute(t.ctx.db)).rows,
    );
    expect(stored).not.toContain('证据');
    // The trail names the digest, never the file name.
    const trail = JSON.stringify(
      (await sql`select detail from trail where action = 'report.attachment_add'`.execute(t.ctx.db)).rows,
    );
    expect(trail).toContain(row.sha256);
    expect(trail).not.toContain('证据');
  });

  it('keeps the seal contexts stored rows were sealed with, so files stored before the one store still open', async () => {
    const { receipt, id } = await submit();
    expect((await upload(receipt, '旧附件.pdf', pdf())).statusCode).toBe(201);
    const row = (
      await sql<{ id: number; n: string }>`select id, file_name_sealed n from report_attachments
        where report_id = ${id}`.execute(t.ctx.db)
    ).rows[0];
    expect(t.ctx.box.open(row.n, `report-attachment-name:${id}:${row.id}`)).toBe('旧附件.pdf');
  });

  it('takes the name from the x-file-name header only: a name in the query string is refused and writes nothing', async () => {
    const { receipt } = await submit();
    const before = await counts();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/reports/attachments?name=${encodeURIComponent('照片.jpg')}`,
      headers: { 'content-type': 'application/octet-stream', 'x-receipt': receipt, 'x-file-name': 'a.jpg' },
      payload: jpeg(),
    });
    expect(res.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
    const raw = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/reports/attachments',
      headers: { 'content-type': 'application/octet-stream', 'x-receipt': receipt, 'x-file-name': '%E7%85' },
      payload: jpeg(),
    });
    expect(raw.json().error.code).toBe('ATTACHMENT_NAME');
  });

  it('a file of exactly 10 MiB is accepted (the limit is inclusive)', async () => {
    const { receipt } = await submit();
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(10 * 1024 * 1024 - 9)]);
    expect((await upload(receipt, 'big.pdf', big)).statusCode).toBe(201);
  });
});

describe('attachments: refused files write nothing (M-10, M-11)', () => {
  it('mismatched content and name, unknown content, empty, oversize, bad names: 4xx with bilingual messages, no row, no trail', async () => {
    const { receipt } = await submit();
    const cases: Array<[string, Buffer | string, number, string, string?]> = [
      ['照片.pdf', png(), 400, 'ATTACHMENT_MISMATCH'],
      ['scan.jpg', pdf(), 400, 'ATTACHMENT_MISMATCH'],
      ['表格.docx', xlsx(), 400, 'ATTACHMENT_MISMATCH'],
      ['照片.jpg', Buffer.concat([Buffer.from('MZ\x90\0'), randomBytes(500)]), 400, 'ATTACHMENT_TYPE'], // an .exe renamed .jpg
      ['说明.docx', zip({ 'readme.txt': 'plain zip' }), 400, 'ATTACHMENT_TYPE'],
      ['宏.docx', docx('application/vnd.ms-word.document.macroEnabled.main+xml'), 400, 'ATTACHMENT_TYPE'],
      ['残缺.docx', docx(WORD_MAIN, false), 400, 'ATTACHMENT_TYPE'], // declares a main part it does not contain
      ['notes.txt', 'just some text', 400, 'ATTACHMENT_TYPE'],
      ['空.pdf', Buffer.alloc(0), 400, 'ATTACHMENT_EMPTY'],
      [
        '大.pdf',
        Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024 - 8)]),
        413,
        'ATTACHMENT_TOO_LARGE',
      ],
      ['..', jpeg(), 400, 'ATTACHMENT_NAME'],
      ['a.json', '{"a":1}', 415, 'INVALID_MEDIA_TYPE', 'application/json'],
      ['a.jpg', jpeg(), 415, 'INVALID_MEDIA_TYPE', 'multipart/form-data; boundary=x'],
    ];
    const before = await counts();
    for (const [name, body, status, code, type] of cases) {
      const res = await upload(receipt, name, body, type);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(status);
      const err = res.json().error;
      expect(err.code, name).toBe(code);
      expect(err.messageZh).toMatch(/[\u4e00-\u9fa5]/);
      expect(err.messageEn).toMatch(/[a-z]/);
    }
    expect((await upload(receipt, '', jpeg())).statusCode).toBe(400);
    expect(await counts()).toEqual(before);
    expect((await publicApi(t.app).status(receipt)).json().attachmentCount).toBe(0);
  });

  it('at most 5 files per report, also when two arrive at once; the sixth is refused and writes nothing', async () => {
    const { receipt } = await submit();
    for (let i = 0; i < 4; i++) expect((await upload(receipt, `p${i}.png`, png())).statusCode).toBe(201);
    const race = await Promise.all([upload(receipt, 'x.png', png()), upload(receipt, 'y.png', png())]);
    expect(race.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const before = await counts();
    const res = await upload(receipt, 'z.jpg', jpeg());
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'ATTACHMENT_LIMIT',
      messageZh: expect.stringContaining('最多 5 个附件'),
    });
    expect(await counts()).toEqual(before);
  });

  it('an unknown receipt gets 404 and writes nothing', async () => {
    const before = await counts();
    const res = await upload('1234-5678-9012-3456', 'a.jpg', jpeg());
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('UNKNOWN_RECEIPT');
    expect((await upload('12345', 'a.jpg', jpeg())).statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('uploads share the per-address limit of receipt lookups (429), and a wrong receipt is slowed down', async () => {
    const tight = await startTestApp({
      app: { publicLimits: { ...LENIENT, lookupsPerTenMinutes: 2, wrongReceiptDelayMs: 300 } },
    });
    try {
      await loadSmallTree(tight);
      const started = Date.now();
      const codes = [];
      for (let i = 0; i < 3; i++)
        codes.push((await upload('1111-2222-3333-4444', 'a.jpg', jpeg(), undefined, tight.app)).statusCode);
      expect(codes).toEqual([404, 404, 429]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(550);
    } finally {
      await tight.close();
    }
  });
});

describe('attachments: who sees them (M-11, M-17)', () => {
  it("out-of-scope and recused staff get 404; another report's attachment id gets 404; the public view shows a count only", async () => {
    const { receipt, id } = await submit(); // 钱局长 (principal of 青石区财政局) → routed up to 青石区
    const body = jpeg();
    expect((await upload(receipt, '照片.jpg', body)).statusCode).toBe(201);
    const [a] = (await petitionCity.get(`/api/v1/reports/${id}`)).json().attachments;
    const url = `/api/v1/reports/${id}/attachments/${a.id}`;
    expect((await petitionA.get(url)).statusCode).toBe(404); // 明湖区 is outside 青石区
    const accused = await loginAs(t, { role: 'petition', orgId: ORG.R, scope: 1, cadreId: CADRE.B_DEPT });
    expect((await accused.get(url)).statusCode).toBe(404);
    expect((await accused.get(`/api/v1/reports/${id}`)).statusCode).toBe(404);
    const other = await submit({ name: '查无此人', unit: '某单位' });
    expect((await petitionCity.get(`/api/v1/reports/${other.id}/attachments/${a.id}`)).statusCode).toBe(404);
    expect((await petitionCity.get(`/api/v1/reports/${id}/attachments/999999`)).statusCode).toBe(404);
    expect((await petitionCity.get(`/api/v1/reports/${id}/attachments/abc`)).statusCode).toBe(400);
    const org = await loginAs(t, { role: 'org_supervisor', orgId: ORG.R, scope: 4 });
    expect((await org.get(url)).statusCode).toBe(403);
    expect((await t.app.inject({ url })).statusCode).toBe(401);

    const status = await publicApi(t.app).status(receipt);
    expect(status.json().attachmentCount).toBe(1);
    expect(Object.keys(status.json()).sort()).toEqual([
      'additions',
      'attachmentCount',
      'number',
      'receivedAt',
      'replies',
      'status',
      'statusZh',
    ]);
    for (const enc of ['base64', 'hex', 'latin1'] as const)
      expect(status.body).not.toContain(body.subarray(100, 140).toString(enc));
    expect(status.body).not.toContain(a.sha256);
  });

  it('both endpoints are in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/public/reports/attachments', '/api/v1/reports/{id}/attachments/{attachmentId}']),
    );
  });

  it('the content checker never throws on garbage (a refused file is a 400, never a 500)', () => {
    for (let i = 0; i < 300; i++) {
      const junk = randomBytes(i * 7);
      if (i % 3 === 0 && junk.length >= 4) junk.writeUInt32LE(0x04034b50, 0);
      if (i % 5 === 0 && junk.length >= 22) junk.writeUInt32LE(0x06054b50, junk.length - 22);
      expect(() => detectType(junk)).not.toThrow();
    }
  });
});
