// Issue 11 §5: with LOG=true each public request used to be logged with the client address and the receipt in the URL
// (`GET /api/v1/public/reports/2457-3642-…`). Receipts now travel in bodies (the x-receipt header for an upload), the
// old URL forms answer 404, and no log line — request lines, 404s, errors — carries a receipt or a client address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { loadSmallTree } from '../../test/fixtures.js';
import { RECEIPT_MASK } from '../../platform/http/index.js';
import { OPEN_LIMITS, publicApi } from './reports.fixtures.js';

const CLIENT = '203.0.113.57'; // a documentation address (RFC 5737), easy to find in a log
const lines: string[] = [];
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({
    app: {
      ...OPEN_LIMITS,
      logger: true,
      logStream: {
        write: (l) => {
          lines.push(l);
        },
      },
    },
  });
  await loadSmallTree(t);
});
afterAll(() => t.close());

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  Buffer.from('IHDR'),
  Buffer.alloc(500, 7),
]);

describe('the public API takes receipts in bodies, never in URLs', () => {
  it('walks submit, look up, add, attach and verify, and the old URL forms answer 404 and do nothing', async () => {
    const pub = publicApi(t.app);
    const submitted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/reports',
      remoteAddress: CLIENT,
      payload: { accused: { name: '张局长', unit: '明湖区财政局' }, content: '工程招标中打招呼。', anonymous: true },
    });
    expect(submitted.statusCode).toBe(201);
    const { receipt, proof } = submitted.json();
    expect((await pub.status(receipt)).json()).toMatchObject({ status: 'received', attachmentCount: 0 });
    expect((await pub.add(receipt, '补充：另有发票。')).statusCode).toBe(201);
    expect((await pub.attach(receipt, '照片.png', PNG)).statusCode).toBe(201);
    const verified = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/proofs/verify',
      payload: { proof, receipt },
    });
    expect(verified.json()).toMatchObject({ valid: true });
    expect((await pub.status(receipt)).json()).toMatchObject({
      attachmentCount: 1,
      additions: [{ body: '补充：另有发票。' }],
    });

    const old = [
      await t.app.inject({ url: `/api/v1/public/reports/${receipt}` }),
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/public/reports/${receipt}/additions`,
        payload: { content: '旧地址' },
      }),
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/public/reports/${receipt}/attachments?name=a.png`,
        headers: { 'content-type': 'application/octet-stream' },
        payload: PNG,
      }),
    ];
    expect(old.map((r) => r.statusCode)).toEqual([404, 404, 404]);
    expect(old[0].json().error).toMatchObject({
      code: 'NOT_FOUND',
      messageZh: expect.any(String),
      messageEn: expect.any(String),
    });
    expect((await pub.status(receipt)).json()).toMatchObject({
      attachmentCount: 1,
      additions: [{ body: '补充：另有发票。' }],
    });
  });

  it('refuses a missing or malformed receipt with a bilingual 400 naming the field', async () => {
    const pub = publicApi(t.app);
    const noHeader = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/reports/attachments',
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'a.png' },
      payload: PNG,
    });
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().error.details[0].path).toBe('x-receipt');
    const bad = await pub.status('12345');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION', details: [{ path: 'receipt' }] });
    // In words, not the pattern (issue 13 §6): the public read a regular expression here.
    expect(bad.json().error.messageZh).toBe('输入有误：回执码：回执码为 16 位数字');
    expect(bad.json().error.messageEn).toBe('Invalid input: Receipt code: The receipt has 16 digits');
    expect((await pub.status('1234-5678-9012-3456')).json().error.code).toBe('UNKNOWN_RECEIPT');
  });
});

describe('the log after a public walk (LOG=true)', () => {
  it('holds no receipt and no client address, in any line, and still says which requests came', async () => {
    lines.length = 0;
    const pub = publicApi(t.app);
    const submitted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/reports',
      remoteAddress: CLIENT,
      payload: { accused: { name: '王区长', unit: '明湖区' }, content: '王区长插手工程项目。', anonymous: true },
    });
    const { receipt, proof } = submitted.json();
    const digits = receipt.replaceAll('-', '');
    const as = { remoteAddress: CLIENT };
    await t.app.inject({ method: 'POST', url: '/api/v1/public/reports/status', payload: { receipt }, ...as });
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/reports/additions',
      payload: { receipt: digits, content: '补充。' },
      ...as,
    });
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/reports/attachments',
      payload: PNG,
      ...as,
      headers: {
        'content-type': 'application/octet-stream',
        'x-receipt': receipt,
        'x-file-name': '%E7%8E%8B%E6%9F%90.png',
      },
    });
    await t.app.inject({ method: 'POST', url: '/api/v1/public/proofs/verify', payload: { proof, receipt }, ...as });
    // What a careless client or an old bookmark sends: the receipt in the URL, with and without dashes, encoded.
    for (const url of [
      `/api/v1/public/reports/${receipt}`,
      `/api/v1/public/reports/${digits}/additions`,
      `/api/v1/public/reports/${receipt.replaceAll('-', '%2D')}`,
      `/report?receipt=${receipt}`,
      `/api/v1/health?r=${digits}`,
    ]) {
      await t.app.inject({ url, ...as });
    }
    // An error line quoting a receipt (as a database or router message might) is masked as well.
    t.app.log.error({ err: new Error(`lookup failed for ${receipt}`) }, `unhandled error ${digits}`);
    expect((await pub.status(receipt)).statusCode).toBe(200);

    const log = lines.join('');
    for (const secret of [
      receipt,
      digits,
      receipt.replaceAll('-', '%2D'),
      CLIENT,
      '127.0.0.1',
      'remoteAddress',
      '王某',
      '%E7%8E%8B%E6%9F%90', // nor the file's name as it was sent, in the x-file-name header
    ]) {
      expect(log, secret).not.toContain(secret);
    }
    const urls = lines
      .map((l) => JSON.parse(l))
      .filter((l) => l.msg === 'incoming request')
      .map((l) => `${l.req.method} ${l.req.url}`);
    expect(urls).toEqual(
      expect.arrayContaining([
        'POST /api/v1/public/reports',
        'POST /api/v1/public/reports/status',
        'POST /api/v1/public/reports/additions',
        'POST /api/v1/public/reports/attachments',
        'POST /api/v1/public/proofs/verify',
        'GET /api/v1/public/…',
        'GET /report',
        'GET /api/v1/health',
      ]),
    );
    expect(log).toContain(RECEIPT_MASK); // the error line was written, with the receipt masked
  });
});
