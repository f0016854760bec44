// One budget per address for every public route that takes a receipt (issue 11 §6), kept in the database: shared
// across the routes, across two apps on one database (a restart, or a second server), counted atomically, the
// address kept only as a keyed hash and only for the window; submissions keep their own limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { loadSmallTree } from '../../test/fixtures.js';
import { buildApp } from '../../app.js';
import { pruneThrottle } from './index.js';

const BUDGET = 4;
const LIMITS = { submissionsPerHour: 3, lookupsPerTenMinutes: BUDGET, wrongReceiptDelayMs: 1 };
const NO_SUCH = '1111-2222-3333-4444';
let t: TestApp;
let proof: unknown;
beforeAll(async () => {
  t = await startTestApp({ app: { publicLimits: LIMITS } });
  await loadSmallTree(t);
  proof = (await submit(t.app, '192.0.2.250')).json().proof;
});
afterAll(() => t.close());

const submit = (app: FastifyInstance, from: string) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/public/reports',
    remoteAddress: from,
    payload: { accused: { name: '张局长', unit: '明湖区财政局' }, content: '违规发放津贴补贴。', anonymous: true },
  });
/** The public routes that take a receipt (a receipt someone may be guessing). */
const RECEIPT_ROUTES: Record<string, (app: FastifyInstance, from: string) => Promise<LightMyRequestResponse>> = {
  status: (app, from) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/public/reports/status',
      remoteAddress: from,
      payload: { receipt: NO_SUCH },
    }),
  addition: (app, from) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/public/reports/additions',
      remoteAddress: from,
      payload: { receipt: NO_SUCH, content: '补充' },
    }),
  attachment: (app, from) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/public/reports/attachments',
      remoteAddress: from,
      headers: { 'content-type': 'application/octet-stream', 'x-receipt': NO_SUCH, 'x-file-name': 'a.jpg' },
      payload: Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
    }),
  proof: (app, from) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/public/proofs/verify',
      remoteAddress: from,
      payload: { proof, receipt: NO_SUCH },
    }),
};
const codes = (rs: { statusCode: number }[]) => rs.map((r) => r.statusCode);

describe('the receipt budget (issue 11 §6)', () => {
  it('is one budget per address for status, additions, attachments and proof checks', async () => {
    const from = '198.51.100.1';
    const answers = [];
    for (const call of Object.values(RECEIPT_ROUTES)) answers.push(await call(t.app, from));
    expect(codes(answers)).toEqual([404, 404, 404, 400]);
    for (const call of Object.values(RECEIPT_ROUTES)) {
      const r = await call(t.app, from);
      expect(r.statusCode).toBe(429);
      // A ten-minute window: the wait in minutes, in each language's own words (issue 13 §6: 「请 7 minutes 后再试」).
      expect(r.json().error).toMatchObject({
        code: 'RATE_LIMITED',
        messageZh: expect.stringMatching(/^请求过于频繁，请 ([1-9]|10) 分钟后再试$/),
        messageEn: expect.stringMatching(/^Too many requests; try again in ([1-9]|10) min$/),
      });
      expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    }
    // Another address has its own budget; submissions keep their own limit.
    expect((await RECEIPT_ROUTES.status(t.app, '198.51.100.2')).statusCode).toBe(404);
    expect((await submit(t.app, from)).statusCode).toBe(201);
  });

  it('survives a restart: two apps on one database share it', async () => {
    const from = '198.51.100.3';
    const second = await buildApp(t.ctx, { publicLimits: LIMITS });
    try {
      expect(codes([await RECEIPT_ROUTES.status(t.app, from), await RECEIPT_ROUTES.addition(t.app, from)])).toEqual([
        404, 404,
      ]);
      expect(codes([await RECEIPT_ROUTES.status(second, from), await RECEIPT_ROUTES.proof(second, from)])).toEqual([
        404, 400,
      ]);
      expect((await RECEIPT_ROUTES.attachment(second, from)).statusCode).toBe(429);
      expect((await RECEIPT_ROUTES.status(t.app, from)).statusCode).toBe(429);
    } finally {
      await second.close();
    }
  });

  it('counts parallel requests one by one', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, () => RECEIPT_ROUTES.status(t.app, '198.51.100.4')));
    expect(answers.filter((r) => r.statusCode === 404)).toHaveLength(BUDGET);
    expect(answers.filter((r) => r.statusCode === 429)).toHaveLength(12 - BUDGET);
  });

  it('keeps no address in clear, and forgets it when the window is over', async () => {
    const from = '203.0.113.77';
    for (let i = 0; i < BUDGET; i++) await RECEIPT_ROUTES.status(t.app, from);
    expect((await RECEIPT_ROUTES.status(t.app, from)).statusCode).toBe(429);
    const rows = await t.ctx.db.selectFrom('throttle').selectAll().where('bucket', '=', 'public').execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain('203.0.113');
    t.clock.advance(10 * 60_000);
    expect(await pruneThrottle(t.ctx.db, t.ctx.clock.now())).toBeGreaterThan(0);
    const left = await t.ctx.db.selectFrom('throttle').select('expires_at').where('bucket', '=', 'public').execute();
    expect(left.filter((r) => r.expires_at.getTime() <= t.clock.now().getTime())).toEqual([]);
    expect((await RECEIPT_ROUTES.status(t.app, from)).statusCode).toBe(404); // a fresh window
  });
});
