// 定时任务 in a real Chromium (issue 13 §5): the administrator sees both daily jobs with the start-up runs' results
// and the next run, runs the rules sweep now, and sees a new completed run.
import { describe, expect, it } from 'vitest';
import { browserSuite, settle, shot, uiLogin } from './pages.js';

const newPage = browserSuite();

describe('scheduled jobs', () => {
  it('lists the jobs with their last run and next run; 立即执行 adds a run', async () => {
    const admin = await newPage();
    await uiLogin(admin, 'demo_admin');
    await admin.getByRole('menuitem', { name: '定时任务' }).click();
    const page = admin.getByTestId('jobs');
    await page.getByText('规则评估（M-04…M-07）').waitFor();
    await page.getByText('谈话义务与提醒（M-22、M-23、M-27）').waitFor();
    await expect.poll(() => page.getByText('每日 02:00（北京时间）').count()).toBe(1);
    const sweep = page.locator('tr', { hasText: '规则评估' });
    // The start-up run (two seconds after the server answered) has finished by now, or does shortly.
    await expect.poll(() => sweep.getByText('成功').count(), { timeout: 30_000 }).toBe(1);
    const before = await sweep.locator('td').nth(3).innerText();
    await admin.waitForTimeout(1100); // the new run's start differs from the last by at least a second on screen
    await admin.getByTestId('run-rules-sweep').click();
    await admin.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect
      .poll(async () => (await sweep.locator('td').nth(3).innerText()) !== before, { timeout: 30_000 })
      .toBe(true);
    await expect.poll(() => sweep.getByText('成功').count(), { timeout: 30_000 }).toBe(1);
    await settle(admin);
    await shot(admin, 'jobs');
  }, 90_000);
});
