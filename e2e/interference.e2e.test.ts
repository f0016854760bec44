// 插手干预记录, 季度报告 and 大额支出会签 in a real Chromium (issue 14 §7, M-37): 明湖区财政局's principal (demo_cadre)
// records a request from a leader's relative, naming the leader from the units above; the city's organization
// department reads it with who asked and how it was handled, while 明湖区's secretary — the leader named — does not
// see it; the quarterly reports show the demo's contradicted zero report and the unit that owes its reports; the
// expenses page shows who of the team has not yet signed.
import { describe, expect, it } from 'vitest';
import { toCstDate } from '../apps/server/src/platform/clock/index.js';
import { browserSuite, pick, settle, shot, uiLogin } from './pages.js';

const newPage = browserSuite();

describe('interference records (M-37)', () => {
  it('recorded by the one asked, read by the department above, hidden from the leader named', async () => {
    const page = await newPage();
    await uiLogin(page, 'demo_cadre');
    await page.getByRole('menuitem', { name: '插手干预记录' }).click();
    await page.getByTestId('add-interference').click();
    const form = page.getByTestId('interference-form');
    const open = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';
    await pick(
      form.getByTestId('interference-org'),
      page.locator(`${open} .ant-select-tree-title`).filter({ hasText: /^明湖区财政局$/ }),
    );
    await form.getByLabel('请托日期').fill(toCstDate(new Date()));
    await form.getByLabel('请托日期').press('Enter');
    await pick(
      form.getByTestId('interference-relation'),
      page.locator(`${open} .ant-select-item-option`).filter({ hasText: '领导干部亲属' }),
    );
    await pick(
      form.getByTestId('interference-leader'),
      page.locator(`${open} .ant-select-item-option`).filter({ hasText: '明湖区区委书记' }),
    );
    await form.getByLabel('请托人姓名及情况').fill('周某（区委书记之妻弟）');
    await pick(
      form.getByTestId('interference-area'),
      page.locator(`${open} .ant-select-item-option`).filter({ hasText: '工程建设' }),
    );
    await form.getByLabel('事项', { exact: true }).fill('老旧小区改造工程分包');
    await form.getByLabel('请托内容').fill('请将二期分包工程交由某建筑公司承接');
    await pick(
      form.getByTestId('interference-handling'),
      page.locator(`${open} .ant-select-item-option`).filter({ hasText: '拒绝并向组织报告' }),
    );
    await page
      .locator('.ant-modal:visible')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await page.getByTestId('interference').getByText('老旧小区改造工程分包').waitFor();

    const city = await newPage();
    await uiLogin(city, 'demo_city');
    await city.getByRole('menuitem', { name: '插手干预记录' }).click();
    const row = city.getByTestId('interference').locator('tr').filter({ hasText: '老旧小区改造工程分包' });
    await row.getByText('周某（区委书记之妻弟）').waitFor();
    await row.getByText('拒绝并向组织报告').waitFor();
    await settle(city);
    await shot(city, 'interference');

    const leader = await newPage();
    await uiLogin(leader, 'demo_leader'); // 明湖区委书记: the leader named
    await leader.getByRole('menuitem', { name: '插手干预记录' }).click();
    await leader.getByTestId('interference').getByText('暂无记录').waitFor();
    expect(await leader.getByText('老旧小区改造工程分包').count()).toBe(0);
    // The leader's dossier shows the records naming them to the discipline commission, and to nobody else.
    const named = (await row.textContent()) ?? '';
    expect(named).toContain('老旧小区改造工程分包');
    const leaderId = await city.evaluate(async () => {
      const r = await fetch('/api/v1/interference-records?pageSize=50').then((x) => x.json());
      return r.items.find((i: { matter: string }) => i.matter === '老旧小区改造工程分包').leader.cadreId as number;
    });
    const commission = await newPage();
    await uiLogin(commission, 'demo_discipline');
    await commission.goto(`/cadres/${leaderId}`);
    await commission.getByTestId('dossier-interference').getByText('老旧小区改造工程分包').waitFor();
    await settle(commission);
    await shot(commission, 'dossier-interference');
    await city.goto(`/cadres/${leaderId}`);
    await city.getByText('预警提示').first().waitFor();
    expect(await city.getByTestId('dossier-interference').count()).toBe(0);
    await city.goBack();

    await city.getByRole('menuitem', { name: '干预季度报告' }).click();
    const reports = city.getByTestId('quarter-reports');
    const only = async (unit: string) => {
      await reports.locator('.ant-select').first().click();
      await city.keyboard.type(unit);
      await city
        .locator(`${open} .ant-select-tree-title`)
        .filter({ hasText: new RegExp(`^${unit}$`) })
        .click();
    };
    await only('明湖区财政局');
    await reports
      .locator('tr')
      .filter({ hasText: '明湖区财政局' })
      .getByText(/与 1 条记录不符/)
      .waitFor();
    await city.reload();
    await only('明湖区发展和改革局');
    await reports
      .locator('tr')
      .filter({ hasText: '明湖区发展和改革局' })
      .getByText(/逾期未报/)
      .first()
      .waitFor();
    await settle(city);
    await shot(city, 'quarter-reports');

    await city.getByRole('menuitem', { name: '大额支出会签' }).click();
    await city.getByTestId('expenses').locator('tr').filter({ hasText: '办公楼维修改造' }).waitFor();
    const big = city.getByTestId('expenses').locator('tr').filter({ hasText: '办公楼维修改造' });
    await big.getByText(/未签/).first().waitFor();
    await city
      .getByTestId('expenses')
      .locator('tr')
      .filter({ hasText: '购置办公用品' })
      .getByText('无需会签')
      .waitFor();
    await settle(city);
    await shot(city, 'expenses');
  }, 120_000);
});
