// issue 11 §7: the built workbench, the public report page and the Swagger UI run under the app's Content Security
// Policy (no inline script; styles inline for antd's CSS-in-JS) with no violation, and no page of the app can be framed.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite, uiLogin } from './pages.js';

const newPage = browserSuite();

/** Collects CSP violations, from the console and from the page's own securitypolicyviolation events. */
async function watchCsp(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) seen.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`Refused to (CSP) ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return seen;
}

describe('Content Security Policy in the browser', () => {
  it('the workbench pages, the public report page and the Swagger UI show no violation', async () => {
    const page = await newPage();
    const violations = await watchCsp(page);
    const first = await page.goto('/report');
    expect(first?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByRole('button').first().waitFor();
    await uiLogin(page, 'demo_county_a');
    for (const path of [
      '/',
      '/orgs',
      '/cadres',
      '/cadres/1',
      '/rotation',
      '/import',
      '/talks',
      '/talks/compliance',
      '/talks/activities',
      '/talks/responsibilities',
    ]) {
      await page.goto(path);
      await page.locator('.ant-layout').first().waitFor();
      await page.waitForLoadState('networkidle');
    }
    await page.goto('/api/docs/');
    await page.locator('.swagger-ui .info').waitFor();
    await page.waitForLoadState('networkidle');
    expect(violations).toEqual([]);
  });

  it('a page of the app inside a frame is refused (frame-ancestors none)', async () => {
    const page = await newPage();
    await page.goto('/report');
    const origin = new URL(page.url()).origin;
    // A page of no origin of the app frames the public report page; Chromium shows its error page in the frame instead.
    await page.goto('about:blank');
    await page.setContent(`<iframe src="${origin}/report"></iframe>`);
    const frame = () => page.frames().find((f) => f !== page.mainFrame());
    await expect.poll(() => frame()?.url()).toMatch(/^chrome-error:/);
    expect(await frame()!.content()).not.toContain('举报');
  });
});
