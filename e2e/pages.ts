// Shared browser steps: a fresh page (its own context, zh-CN, 1440×900, page errors fail the test) and the login form,
// with the one-time code for the roles that need one (the demo accounts' TOTP secrets).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { startServer, type RunningServer } from './server.js';
import { totpCode } from '../apps/server/src/platform/auth/index.js';
import { DEMO_ACCOUNTS } from '../apps/server/src/demo/demo-accounts.js';

export function pageMaker(browser: () => Browser, url: () => string) {
  return async (): Promise<Page> => {
    const ctx = await browser().newContext({
      baseURL: url(),
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    const page = await ctx.newPage();
    page.on('pageerror', (e) => {
      throw e;
    });
    return page;
  };
}

/** A suite's server (the real app on a fresh embedded database) and Chromium, started once and stopped after; returns its page maker. */
export function browserSuite() {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return pageMaker(
    () => browser!,
    () => server!.url,
  );
}

/** Fills in the login form and submits it; what follows depends on the role (TOTP step, landing page). */
export async function submitLogin(page: Page, username: string) {
  await page.goto('/');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('mingjian-demo');
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

/** Logs in, answering the TOTP step where the role has one (codes are single-use: log each account in once a step). */
export async function uiLogin(page: Page, username: string) {
  await submitLogin(page, username);
  const secret = DEMO_ACCOUNTS.find((a) => a.username === username)?.totpSecret;
  if (secret) {
    const code = page.getByLabel('动态验证码（6 位）');
    await code.waitFor();
    await code.fill(totpCode(secret, new Date()));
    await page.getByRole('button', { name: /登\s*录/ }).click();
  }
  await page.getByTestId('whoami').waitFor();
  // The landing route settles (an account without the dashboard is sent on to its first page) before we click on.
  await page.locator('.ant-menu-item-selected').waitFor();
}

const SCREENSHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/screenshots');
/** A screenshot for the README, into docs/screenshots/. */
export const shot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
/** Before a screenshot: toasts gone, tables loaded, the pointer off the menu. */
export async function settle(page: Page) {
  await page.mouse.move(1400, 880);
  await page
    .locator('.ant-message-notice')
    .first()
    .waitFor({ state: 'detached', timeout: 12_000 })
    .catch(() => {});
  await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
  await page.waitForTimeout(300);
}
/** Today in Beijing, YYYY-MM-DD. */
export const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
/**
 * Does `act` until `done` holds: a click that lands while an antd dropdown or tree is still opening or filtering can
 * be dropped, so a pick is tried again rather than the test failing on timing. Throws when `timeout` runs out.
 */
export async function retryUntil(act: () => Promise<unknown>, done: () => Promise<boolean>, timeout = 20_000) {
  const end = Date.now() + timeout;
  for (;;) {
    await act().catch(() => {});
    for (const wait = Date.now() + 2_000; Date.now() < wait; ) {
      if (await done().catch(() => false)) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    if (Date.now() > end) throw new Error('retryUntil: the step did not take');
  }
}
/** Opens a single-choice antd Select or TreeSelect with `open` and clicks `option` until the list has closed on it. */
export async function pick(open: Locator, option: Locator) {
  let clicked = false;
  await retryUntil(
    async () => {
      clicked = false;
      if (!(await option.first().isVisible())) await open.click();
      await option.first().click({ timeout: 1500 });
      clicked = true;
    },
    async () => clicked && !(await option.first().isVisible()),
  );
}
