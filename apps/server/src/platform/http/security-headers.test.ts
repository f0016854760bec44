// issue 11 §7: security headers on every kind of answer (API JSON, errors, workbench files, the index.html fallback,
// the public report page, Swagger UI, exports), framing refused, HSTS only with COOKIE_SECURE, and the router's and
// Node's own errors in the bilingual error format with the same headers.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { CADRE, loadSmallTree, ORG } from '../../test/fixtures.js';

const webDir = mkdtempSync(path.join(tmpdir(), 'mj-web-'));
mkdirSync(path.join(webDir, 'assets'));
writeFileSync(
  path.join(webDir, 'index.html'),
  '<!doctype html><div id="root"></div><script type="module" src="/assets/app.js"></script>',
);
writeFileSync(path.join(webDir, 'assets', 'app.js'), 'console.log(1)');

let t: TestApp;
let org: Client;
beforeAll(async () => {
  t = await startTestApp({ app: { webDir } });
  await loadSmallTree(t);
  org = await loginAs(t, { role: 'org_supervisor', orgId: ORG.R, scope: 4 });
});
afterAll(() => t.close());

type Headers = Record<string, string | string[] | number | undefined>;
function expectSecurityHeaders(h: Headers, what: string) {
  const csp = String(h['content-security-policy']);
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(h['x-frame-options'], what).toBe('DENY');
  expect(h['x-content-type-options'], what).toBe('nosniff');
  expect(h['referrer-policy'], what).toBe('no-referrer');
}
const CSP_OF_THE_APP = "default-src 'self';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline'";
const html = { accept: 'text/html,application/xhtml+xml' };

describe('security headers on every kind of answer (issue 11 §7)', () => {
  it('API JSON, API errors, workbench files, index.html, the fallback for /report and the Swagger UI', async () => {
    const answers: Array<[string, Promise<{ statusCode: number; headers: Headers }>, number]> = [
      ['health', t.app.inject({ url: '/api/v1/health' }), 200],
      ['401', t.app.inject({ url: '/api/v1/auth/me' }), 401],
      ['API 404', t.app.inject({ url: '/api/v1/nothing-here' }), 404],
      [
        '400',
        t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: '{"username":',
          headers: { 'content-type': 'application/json' },
        }),
        400,
      ],
      ['openapi.json', t.app.inject({ url: '/api/openapi.json' }), 200],
      ['index.html', t.app.inject({ url: '/', headers: html }), 200],
      ['asset', t.app.inject({ url: '/assets/app.js' }), 200],
      ['public report page', t.app.inject({ url: '/report', headers: html }), 200],
      ['workbench page', t.app.inject({ url: `/cadres/${CADRE.A}`, headers: html }), 200],
      ['Swagger UI', t.app.inject({ url: '/api/docs/' }), 200],
      ['Swagger UI css', t.app.inject({ url: '/api/docs/static/swagger-ui.css' }), 200],
    ];
    for (const [what, p, status] of answers) {
      const res = await p;
      expect(res.statusCode, what).toBe(status);
      expectSecurityHeaders(res.headers, what);
      expect(String(res.headers['content-security-policy']), what).toContain(CSP_OF_THE_APP);
      expect(res.headers['strict-transport-security'], what).toBeUndefined();
    }
  });

  it('exports (.xlsx, .docx) keep their own Content-Disposition and get the headers', async () => {
    for (const url of [
      '/api/v1/cadres/export.xlsx',
      '/api/v1/roster/template.xlsx',
      `/api/v1/cadres/${CADRE.A}/dossier.docx?year=2026`,
    ]) {
      const res = await org.get(url);
      expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(200);
      expect(String(res.headers['content-disposition']), url).toMatch(/^attachment; /);
      expectSecurityHeaders(res.headers, url);
    }
  });
});

describe('HSTS follows COOKIE_SECURE (issue 11 §7)', () => {
  it('is sent on every answer, router errors included, only when the app is served over HTTPS', async () => {
    const before = process.env.COOKIE_SECURE;
    process.env.COOKIE_SECURE = 'true';
    const secure = await startTestApp({ app: { webDir } });
    try {
      for (const url of ['/api/v1/health', '/', '/api/v1/cadres/%E0%A4%A', '/api/v1/nothing']) {
        const res = await secure.app.inject({ url, headers: html });
        expect(res.headers['strict-transport-security'], url).toBe('max-age=31536000; includeSubDomains');
        expect(String(res.headers['content-security-policy']), url).toContain('upgrade-insecure-requests');
      }
    } finally {
      if (before === undefined) delete process.env.COOKIE_SECURE;
      else process.env.COOKIE_SECURE = before;
      await secure.close();
    }
  });
});

const bilingual = (body: string) => {
  const e = JSON.parse(body).error;
  expect(e).toMatchObject({
    code: expect.any(String),
    messageZh: expect.stringMatching(/[\u4e00-\u9fff]/),
    messageEn: expect.any(String),
  });
  expect(e.message).toBe(`${e.messageZh} / ${e.messageEn}`);
  expect(`${e.code} ${e.message}`).not.toMatch(/FST_|HPE_|ERR_|is not a valid url|exceeding the max param/);
  return e as { code: string; messageZh: string; messageEn: string };
};

describe('router and parser errors in the bilingual format (issue 11 §7)', () => {
  it('bad URL encoding → 400 and an over-long path parameter → 414, with the headers', async () => {
    const bad = await org.get(`/api/v1/cadres/%E0%A4%A`);
    expect(bad.statusCode).toBe(400);
    expect(bilingual(bad.body).code).toBe('BAD_URL');
    expectSecurityHeaders(bad.headers, 'bad url');
    const long = await org.get(`/api/v1/cadres/${'1'.repeat(200)}`);
    expect(long.statusCode).toBe(414);
    expect(bilingual(long.body).code).toBe('URI_TOO_LONG');
    expectSecurityHeaders(long.headers, '414');
  });

  it('an unknown method on a route, a wrong content type, a body too large and a 4xx from a plugin say nothing of the framework', async () => {
    const wrongMethod = await org.del('/api/v1/health');
    expect(wrongMethod.statusCode).toBe(404);
    bilingual(wrongMethod.body);
    const type = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: 'x',
      headers: { 'content-type': 'text/csv' },
    });
    expect([type.statusCode, bilingual(type.body).code]).toEqual([415, 'INVALID_MEDIA_TYPE']);
    const large = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: `{"username":"${'x'.repeat(1_100_000)}"}`,
      headers: { 'content-type': 'application/json' },
    });
    expect([large.statusCode, bilingual(large.body).code]).toEqual([413, 'BODY_TOO_LARGE']);
    // @fastify/static answers 416 for a range past the end of a file with its own English text before this change.
    const range = await t.app.inject({ url: '/assets/app.js', headers: { range: 'bytes=999-1000' } });
    expect(range.statusCode).toBe(416);
    expect(bilingual(range.body).code).toBe('RANGE_NOT_SATISFIABLE');
  });

  it('a request Node cannot parse gets the bilingual 400 with the headers on the socket', async () => {
    const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = new URL(url);
    const raw = await new Promise<string>((resolve, reject) => {
      const s = connect(Number(port), '127.0.0.1', () =>
        s.write('GET /api/v1/health HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n'),
      );
      let out = '';
      s.on('data', (d) => {
        out += d;
      })
        .on('end', () => resolve(out))
        .on('error', reject);
    });
    const [head, body] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(head.toLowerCase()).toContain("frame-ancestors 'none'");
    expect(head.toLowerCase()).toContain('x-content-type-options: nosniff');
    expect(bilingual(body).code).toBe('BAD_REQUEST');
  });
});
