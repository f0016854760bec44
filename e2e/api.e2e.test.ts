// Browser leg: a real Chromium against the real server, checking what a browser-based client relies on —
// Swagger UI renders, the session cookie is HttpOnly, county scope hides the sibling county, CSRF is enforced.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { startServer, type RunningServer } from './server.js';

const SCREENSHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/screenshots');
const PASSWORD = 'mingjian-demo';
const CHINESE_NAME = /^[\u4e00-\u9fa5]{2,4}$/;

interface Answer {
  status: number;
  body: any;
}

/** Runs fetch inside the page, so cookies, SameSite and CSRF behave exactly as for a browser client. */
function pageFetch(page: Page, url: string, init?: RequestInit): Promise<Answer> {
  return page.evaluate(
    async ([u, i]) => {
      const res = await fetch(u, i);
      const text = await res.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        /* not JSON; keep the text for the assertion message */
      }
      return { status: res.status, body };
    },
    [url, init ?? {}] as const,
  );
}

function login(page: Page, username: string): Promise<Answer> {
  return pageFetch(page, '/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
}

describe('browser against the running server', () => {
  let server: RunningServer;
  let browser: Browser;
  let ctxA: BrowserContext; // demo_county_a (明湖区) — shared by the tests below, which run in order
  let pageA: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    ctxA = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 } });
    pageA = await ctxA.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('renders the Swagger UI with the API title and the cadre routes', async () => {
    await pageA.goto('/api/docs');
    // Swagger UI builds the page client-side from /api/openapi.json; wait for the operation rows.
    await pageA.locator('.opblock').first().waitFor({ timeout: 60_000 });
    expect(await pageA.locator('.info .title').innerText()).toContain('明鉴 Mingjian API');
    // Swagger UI virtualises the operation list: rows below the fold render only once scrolled to.
    let paths: string[] = [];
    for (let i = 0; i < 60 && !paths.some((p) => p.includes('/api/v1/cadres')); i++) {
      paths = await pageA.locator('.opblock-summary-path').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
      await pageA.mouse.wheel(0, 800);
      await pageA.waitForTimeout(100);
    }
    expect(paths.some((p) => p.includes('/api/v1/cadres'))).toBe(true);
    await pageA.evaluate(() => window.scrollTo(0, 0));
    // The top bar and the spec link show the random port: hide them so the committed picture is stable.
    await pageA.addStyleTag({
      content: '.swagger-ui .topbar, .swagger-ui .info > a, .swagger-ui .info .link { display: none !important; }',
    });
    // Only the first screen: the virtualised list leaves the rest of a full-page picture blank.
    await pageA.screenshot({ path: path.join(SCREENSHOTS, 'api-docs.png') });
  });

  it('logs in with an HttpOnly cookie and lists cadres with Chinese names', async () => {
    const res = await login(pageA, 'demo_county_a');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.csrfToken).toEqual(expect.any(String));
    // HttpOnly: page scripts must not be able to read the session token.
    expect(await pageA.evaluate(() => document.cookie)).not.toContain('mj_session');

    const list = await pageFetch(pageA, '/api/v1/cadres?pageSize=5');
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    for (const c of list.body.items) expect(c.id).toBeTruthy();
    expect(list.body.items.some((c: { name: string }) => CHINESE_NAME.test(c.name))).toBe(true);
  });

  it("hides the sibling county's cadre (404, not 403)", async () => {
    // A separate context = separate cookie jar, so demo_county_b's session cannot leak into A's.
    const ctxB = await browser.newContext({ baseURL: server.url });
    try {
      const pageB = await ctxB.newPage();
      await pageB.goto('/api/v1/health'); // any same-origin page gives fetch a base URL and the cookie jar
      expect((await login(pageB, 'demo_county_b')).status).toBe(200);
      const listB = await pageFetch(pageB, '/api/v1/cadres?pageSize=1');
      expect(listB.status).toBe(200);
      const id = listB.body.items[0].id;
      expect(id).toBeTruthy();

      const res = await pageFetch(pageA, `/api/v1/cadres/${id}`);
      expect(res.status, JSON.stringify(res.body)).toBe(404);
      expect(res.body.error.messageZh).toBe('未找到该记录');
    } finally {
      await ctxB.close();
    }
  });

  it('refuses a cookie-authenticated write without the CSRF header', async () => {
    const res = await pageFetch(pageA, '/api/v1/orgs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ parentId: 1, name: 'x', level: 'county', unitType: 'gov_department' }),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(403);
    expect(res.body.error.code).toBe('CSRF');
  });
});
