// Personal matters reports in a real Chromium (issue 15 §1, M-40): the district secretary (demo_leader) opens
// 我的个人事项报告, files last year's annual report with a house (the form is the server's), signs it with the password
// again and sees it submitted — late, since the demo's today is past 31 January. The administrator runs the daily job;
// the county's organization department (demo_county_a) reads 报告管理: the secretary's report filed late, the others
// missing, and enters one from a paper form (代为录入). Screenshots go to docs/screenshots/.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { browserSuite, pick, settle, shot, uiLogin } from './pages.js';

const newPage = browserSuite();
const DEMO_PASSWORD = 'mingjian-demo';
const lastYear = () => Number(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 4)) - 1;

/** The input of a field: antd puts the test id on the input itself or on its wrapper. */
async function inputOf(el: Locator) {
  return (await el.evaluate((e) => e.tagName)) === 'INPUT' ? el : el.locator('input').first();
}
const option = (page: Page, text: string) =>
  page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: text });

describe('personal matters reports', () => {
  it('demo_leader files the annual report with a house and signs it; 报告管理 shows it filed late', async () => {
    const page = await newPage();
    await uiLogin(page, 'demo_leader');
    await page.getByRole('menuitem', { name: '我的个人事项' }).click();
    await page.getByTestId('new-annual').click();
    await page.getByTestId('new-report-ok').click();
    const editor = page.getByTestId('report-editor');
    await editor.getByText(`${lastYear()} 年度报告`).waitFor();

    await editor.getByTestId('add-item').click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '添加事项' });
    await pick(dialog.getByTestId('item-kind'), option(page, '房产'));
    await dialog.getByTestId('item-form').waitFor();
    await pick(dialog.getByTestId('field-owner'), option(page, '本人'));
    await (await inputOf(dialog.getByTestId('field-address'))).fill('明湖区湖滨路 8 号 3 幢 502 室');
    await (await inputOf(dialog.getByTestId('field-areaM2'))).fill('120.5');
    await pick(dialog.getByTestId('field-kind'), option(page, '商品房'));
    await (await inputOf(dialog.getByTestId('field-sharePct'))).fill('50');
    await (await inputOf(dialog.getByTestId('field-priceYuan'))).fill('1800000');
    // A required field left empty is stopped in the form, before any request.
    await dialog.getByTestId('item-ok').click();
    await dialog.getByText('请填写资金来源').waitFor();
    await (await inputOf(dialog.getByTestId('field-fundsSource'))).fill('工资积蓄及住房公积金贷款');
    await dialog.getByTestId('item-ok').click();
    const items = editor.getByTestId('report-items');
    await expect.poll(() => items.innerText()).toContain('产权份额（%）：50');
    expect(await items.innerText()).toContain('类别：商品房');
    expect(await items.innerText()).toContain('价格（元）：1,800,000');
    expect(await page.getByTestId('my-personal').innerText()).not.toMatch(/annual|draft|sharePct/);

    await editor.getByTestId('submit-report').click();
    const sign = page.locator('.ant-modal').filter({ hasText: '签名确认' });
    await sign.getByTestId('sign-secret').fill(DEMO_PASSWORD);
    await sign.getByRole('button', { name: '确认签名' }).click();
    await expect.poll(() => editor.getByTestId('report-status').innerText(), { timeout: 20_000 }).toContain('签名提交');
    expect(await editor.innerText()).toContain('逾期');
    await editor.getByTestId('correct-report').waitFor(); // fixed now: only a correction changes it
    await expect.poll(() => page.getByTestId('my-personal').innerText()).toContain('已提交');
    await settle(page);
    await shot(page, 'my-personal-report', true);

    // The daily job opens last year's duties and meets the one just filed.
    const admin = await newPage();
    await uiLogin(admin, 'demo_admin');
    await admin.getByRole('menuitem', { name: '定时任务' }).click();
    const job = admin.locator('tr', { hasText: '个人有关事项年度报告' });
    await job.waitFor();
    await admin.getByTestId('run-personal-duties').click();
    await admin.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(() => job.getByText('成功').count(), { timeout: 30_000 }).toBe(1);

    const officer = await newPage();
    await uiLogin(officer, 'demo_county_a');
    await officer.getByRole('menuitem', { name: '个人事项管理' }).click();
    const list = officer.getByTestId('duty-list');
    await expect.poll(() => list.innerText(), { timeout: 20_000 }).toContain('逾期报告');
    await expect.poll(() => officer.getByTestId('duty-states').innerText()).toMatch(/逾期未报 [1-9]/);
    expect(await officer.getByTestId('personal-duties').innerText()).not.toMatch(/missing|div_|dept_/);
    await settle(officer);
    await shot(officer, 'personal-duties');

    // A missing report entered from the paper form opens as a draft for the officer.
    const enter = list.locator('[data-testid^="enter-"]').first();
    await enter.click();
    const drawer = officer.locator('.ant-drawer').getByTestId('report-editor');
    await drawer.getByText(`${lastYear()} 年度报告`).waitFor();
    await drawer.getByText('草稿').waitFor();
  }, 180_000);
});
