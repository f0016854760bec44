// The findings and open deadlines of issue 12 (§5, §1) in the browser: the county's organization department
// (demo_county_a) opens 预警发现, sees the open findings of its own county only, marks one handled with a note and sees
// it leave the open list and appear under 已处理; 在办时限 lists the overdue duties with their counts. Screenshots go to
// docs/screenshots/.
import { describe, expect, it } from 'vitest';
import { browserSuite, retryUntil, settle, shot, uiLogin } from './pages.js';

const newPage = browserSuite();

describe('findings and open deadlines', () => {
  it('a finding is marked handled with a note; the open deadlines page counts what is overdue', async () => {
    const page = await newPage();
    await uiLogin(page, 'demo_county_a');
    await page.goto('/findings');
    const rows = page.getByTestId('findings').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    await settle(page);
    await shot(page, 'findings');
    // Only this county's units (明湖区 and below) appear.
    const units = await rows.locator('td:nth-child(2)').allTextContents();
    expect(units.length).toBeGreaterThan(0);
    expect(units.some((u) => u.includes('青石'))).toBe(false);
    const first = rows.first();
    const subject = (await first.locator('td').first().textContent()) ?? '';
    const message = (await first.locator('td:nth-child(5)').textContent()) ?? '';
    await first.getByRole('button', { name: '已处理' }).click();
    // An empty note is refused in the form; a note is accepted.
    // A click during the dialog's opening animation can be lost (a CI run): click until the form answers.
    await retryUntil(
      () => page.getByTestId('finding-move-ok').click(),
      () => page.getByText('请写明（至少 2 个字）').isVisible(),
    );
    await page.getByTestId('finding-note').fill('已约谈本人并调整分工');
    const moved = page.waitForResponse((r) => /\/api\/v1\/findings\/\d+\/handle$/.test(new URL(r.url()).pathname));
    await page.getByTestId('finding-move-ok').click();
    expect((await moved).status()).toBe(200);
    await page.getByText('已处理', { exact: true }).first().waitFor();
    await page
      .getByTitle('已处理')
      .or(page.locator('.ant-segmented-item-label', { hasText: '已处理' }))
      .first()
      .click();
    const handled = page.getByTestId('findings').locator('tbody tr.ant-table-row', { hasText: message.slice(0, 12) });
    await handled.first().waitFor();
    expect(await handled.first().textContent()).toContain('已约谈本人并调整分工');
    expect(await handled.first().textContent()).toContain(subject);

    await page.goto('/deadlines');
    const list = page.getByTestId('deadlines');
    await list.locator('tbody tr.ant-table-row').first().waitFor();
    await settle(page);
    await shot(page, 'deadlines');
    expect(await list.locator('.ant-statistic').count()).toBeGreaterThan(0);
    const overdue = await list.locator('tbody tr.ant-table-row').first().textContent();
    expect(overdue).toMatch(/\d+ (天|个工作日)/);
  });
});
