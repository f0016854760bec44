// Issue 11 §3: hostile workbooks (a zip bomb, a lying size header, too many rows, columns, sheets or parts, bytes
// hidden between the entries) are refused with a bilingual 4xx before they are parsed, parsing runs in a worker with
// a time limit, and /health answers in milliseconds meanwhile. Route tests run on both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { loginAs, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { loadSmallTree, ORG } from '../../test/fixtures.js';
import { makeZip, zipEntries, type ZipPart } from '../../test/zip.js';
import { checkFile } from '../files/index.js';
import { AppError } from '../http/index.js';
import { readWorkbook, SHEET_LIMITS, writeWorkbook, XLSX_TYPE } from './index.js';

const MIB = 1024 * 1024;
let t: TestApp;
let county: Client;
let base: Map<string, string>;
beforeAll(async () => {
  t = await startTestApp();
  await loadSmallTree(t);
  county = await loginAs(t, { role: 'org_supervisor', orgId: ORG.A, scope: 4 });
  base = zipEntries(await writeWorkbook([{ name: '名单', columns: [{ title: '姓名' }], rows: [['周一']] }]));
});
afterAll(() => t.close());

const SHEET = 'xl/worksheets/sheet1.xml';
const sheetXml = (data: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${data}</sheetData></worksheet>`;
/** A real workbook with sheet1 replaced (and parts added). */
const book = (sheet: Buffer | string, extra: ZipPart[] = [], claimSize?: number) =>
  makeZip([
    ...[...base].map(([name, data]) => (name === SHEET ? { name, data: sheet, claimSize } : { name, data })),
    ...extra,
  ]);
const rows = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>x</t></is></c></row>`,
  ).join('');
/** 100 MiB of XML that deflates to about 100 KiB (made once: it takes a while). */
let bombSheet: Buffer | undefined;
const bombXml = () =>
  (bombSheet ??= Buffer.concat([
    Buffer.from(sheetXml('').replace('</sheetData>', '')),
    Buffer.alloc(100 * MIB, 0x20),
    Buffer.from('</sheetData></worksheet>'),
  ]));
const bombs = new Map<number, Buffer>();
/** The bomb workbook, honest about its size or claiming `claim` bytes for the sheet. */
const bomb = (claim = 0) => bombs.get(claim) ?? bombs.set(claim, book(bombXml(), [], claim || undefined)).get(claim)!;

async function refusal(file: Buffer, limits = {}) {
  const started = performance.now();
  const e = await readWorkbook(file, limits).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e, 'refused').toBeInstanceOf(AppError);
  const a = e as AppError;
  expect(a.messageZh).toMatch(/[\u4e00-\u9fff]/);
  return { status: a.status, code: a.code, en: a.messageEn, ms: performance.now() - started };
}

describe('hostile workbooks are refused before they are parsed (issue 11 §3)', () => {
  it('reads a real workbook as before', async () => {
    expect(
      await readWorkbook(book(sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>周一</t></is></c></row>'))),
    ).toEqual([{ name: '名单', rows: [['周一']] }]);
  });

  it('refuses a zip bomb (≈100 KiB holding a 100 MiB sheet) by its directory, in milliseconds, inflating nothing', async () => {
    expect(bomb().length).toBeLessThan(200 * 1024);
    const r = await refusal(bomb());
    expect(r).toMatchObject({ status: 413, code: 'SHEET_TOO_LARGE' });
    expect(r.en).toContain('unpacks to about 101 MB (at most 48 MB)');
    expect(r.ms).toBeLessThan(100);
  });

  it('refuses a bomb whose headers claim 4 KiB: inflating stops at the claimed size', async () => {
    const r = await refusal(bomb(4096));
    expect(r).toMatchObject({ status: 400, code: 'SHEET_MALFORMED' });
  });

  it('refuses too many rows (counted, or named by a far row number) and too many columns', async () => {
    expect(await refusal(book(sheetXml(rows(SHEET_LIMITS.maxRows + 1))))).toMatchObject({
      status: 413,
      en: expect.stringContaining(`a sheet has ${SHEET_LIMITS.maxRows + 1} rows`),
    });
    expect(await refusal(book(sheetXml('<row r="1048576"><c r="A1048576"><v>1</v></c></row>')))).toMatchObject({
      status: 413,
      en: expect.stringContaining('1048576 rows'),
    });
    expect(await refusal(book(sheetXml('<row r="1"><c r="XFD1"><v>1</v></c></row>')))).toMatchObject({
      status: 413,
      en: expect.stringContaining('16384 columns'),
    });
  });

  it('refuses too many sheets or parts, and bytes hidden between the entries', async () => {
    const sheets = Array.from({ length: SHEET_LIMITS.maxSheets }, (_, i) => ({
      name: `xl/worksheets/extra${i}.xml`,
      data: sheetXml(''),
    }));
    expect(await refusal(book(sheetXml(''), sheets))).toMatchObject({
      status: 413,
      en: expect.stringContaining(`${SHEET_LIMITS.maxSheets + 1} sheets`),
    });
    const parts = Array.from({ length: SHEET_LIMITS.maxEntries }, (_, i) => ({ name: `junk/${i}.xml`, data: '' }));
    expect(await refusal(book(sheetXml(''), parts))).toMatchObject({
      status: 413,
      en: expect.stringContaining('files (at most'),
    });
    expect(
      await refusal(book(sheetXml(''), [{ name: 'xl/worksheets/sheet9.xml', data: sheetXml(rows(10)), hide: true }])),
    ).toMatchObject({ status: 400, code: 'SHEET_MALFORMED' });
  });

  it('reads two at once and lets four wait; more are refused with 503 until they are done', async () => {
    const file = book(sheetXml(rows(SHEET_LIMITS.maxRows + 1)));
    const codes = (await Promise.allSettled(Array.from({ length: 9 }, () => readWorkbook(file)))).map(
      (a) => (a as PromiseRejectedResult).reason.code,
    );
    expect(codes).toContain('SHEET_BUSY');
    expect(codes.filter((c) => c === 'SHEET_TOO_LARGE').length).toBeGreaterThanOrEqual(4);
    expect(codes.filter((c) => c !== 'SHEET_BUSY' && c !== 'SHEET_TOO_LARGE')).toEqual([]);
  });

  it('stops a worker that runs past its time limit', async () => {
    expect(await refusal(book(sheetXml(rows(5000))), { timeoutMs: 5 })).toMatchObject({
      status: 413,
      en: expect.stringContaining('within 0.005 s'),
    });
  });

  it('keeps /health answering while hostile workbooks are refused', async () => {
    const slow = await writeWorkbook([
      {
        name: '名单',
        columns: Array.from({ length: 15 }, (_, j) => ({ title: `列${j}` })),
        rows: Array.from({ length: 8000 }, (_, i) =>
          Array.from({ length: 15 }, (_, j) => (j % 3 ? `张三${i}-${j}` : i * j)),
        ),
      },
    ]);
    const hostile: Array<[Buffer, object]> = [
      [bomb(4096), {}],
      [book(sheetXml(rows(SHEET_LIMITS.maxRows + 1))), {}],
      [slow, { timeoutMs: 1500 }],
      [bomb(), {}],
    ];
    let done = false;
    const work = Promise.allSettled(hostile.map(([f, l]) => readWorkbook(f, l))).finally(() => {
      done = true;
    });
    const latencies: number[] = [];
    while (!done) {
      const started = performance.now();
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
      latencies.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 10));
    }
    const answers = await work;
    const codes = answers.map((a) => (a.status === 'rejected' ? (a.reason as AppError).code : 'read'));
    // The genuine 8,000-row book is only there to keep a worker busy: on a quiet machine it is read within its 1.5 s.
    expect([codes[0], codes[1], codes[3]]).toEqual(['SHEET_MALFORMED', 'SHEET_TOO_LARGE', 'SHEET_TOO_LARGE']);
    expect(['read', 'SHEET_TOO_LARGE']).toContain(codes[2]);
    latencies.sort((a, b) => a - b);
    const p95 = latencies[Math.floor(latencies.length * 0.95)];
    console.log(
      `/health while refusing: ${latencies.length} probes, median ${latencies[latencies.length >> 1].toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms`,
    );
    expect(latencies.length).toBeGreaterThan(5);
    // On the event loop these took seconds (94 s for one file). Tests run in parallel on a shared machine, so the bound
    // here only proves the loop stays free; the 100 ms target is measured by `npm run bench:hostile` (bench/results.md).
    expect(p95).toBeLessThan(500);
  });
});

describe('the import routes answer hostile files with a bilingual 4xx and write nothing', () => {
  const upload = (url: string, file: Buffer) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: county.cookie, 'x-csrf-token': county.csrf, 'content-type': XLSX_TYPE },
      payload: file,
    });
  const tasks = async () =>
    Number((await sql<{ n: string }>`select count(*) n from responsibility_tasks`.execute(t.ctx.db)).rows[0].n);

  it('roster and responsibility-list imports', async () => {
    for (const url of [
      '/api/v1/roster/import?dryRun=false',
      `/api/v1/responsibilities/import?orgId=${ORG.A}&listName=x&dryRun=false`,
    ]) {
      const big = await upload(url, bomb());
      expect(big.statusCode, big.body).toBe(413);
      expect(big.json().error).toMatchObject({
        code: 'SHEET_TOO_LARGE',
        messageZh: expect.stringContaining('表格过大'),
      });
      expect((await upload(url, bomb(4096))).json().error.code).toBe('SHEET_MALFORMED');
    }
    expect(await tasks()).toBe(0);
  });

  it('an attachment (.docx) whose directory claims 300 MiB is refused without inflating it', () => {
    const docx = makeZip([
      {
        name: '[Content_Types].xml',
        data: '<Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      },
      { name: 'word/document.xml', data: '<w:document/>', claimSize: 300 * MIB },
    ]);
    expect(() => checkFile('材料.docx', docx)).toThrow(
      expect.objectContaining({ status: 413, code: 'ATTACHMENT_UNPACKS_TOO_LARGE' }),
    );
  });
});
