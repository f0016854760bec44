// Talks and duties in the browser (issue 5): the district secretary (demo_leader) opens 我的监督责任, finds an overdue
// appointment talk, records it from the duty (today) and the duty is done; the talk is in 谈话记录 with the counts by
// kind. The county's organization department (demo_county_a) reads 履责情况 for 明湖区 and waives an overdue duty with a
// reason. Screenshots go to docs/screenshots/.
import { describe, expect, it } from 'vitest';
import { browserSuite, settle, shot, today, uiLogin } from './pages.js';

const newPage = browserSuite();

describe('talks and duties', () => {
  it('demo_leader records the overdue appointment talk from 我的监督责任 and the duty is done', async () => {
    const page = await newPage();
    await uiLogin(page, 'demo_leader');
    await page.getByRole('menuitem', { name: '我的监督责任' }).click();
    const rows = page.getByTestId('duty-table').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    // Overdue first, with the red tag; no raw codes on the page.
    await expect.poll(() => rows.first().innerText()).toContain('已逾期');
    expect(await page.getByTestId('duty-summary').innerText()).toMatch(/有 \d+ 项监督责任已逾期/);
    const body = await page.getByTestId('my-duties').innerText();
    expect(body).not.toMatch(/M-2\d|appointment|supervision|overdue/);
    await settle(page);
    await shot(page, 'my-duties');

    // The appointment talk of a new lower principal is still answered by a late talk: record it today.
    const row = rows.filter({ hasText: '已逾期' }).filter({ hasText: '任职谈话' }).first();
    const button = row.getByRole('button', { name: /登记谈话/ });
    const id = (await button.getAttribute('data-testid'))!.replace('record-', '');
    const subject = (await row.locator('td').nth(2).locator('a').innerText()).trim();
    await button.click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '登记谈话' });
    await dialog.getByTestId('talk-summary').waitFor();
    expect(await dialog.getByTestId('talk-kind').innerText()).toContain('任职谈话');
    expect(await dialog.innerText()).toContain(subject);
    expect(
      await dialog.locator('input[data-testid="talk-date"], [data-testid="talk-date"] input').first().inputValue(),
    ).toBe(today());
    // A summary too short is stopped in the form, before any request.
    await dialog.getByTestId('talk-summary').fill('谈话');
    await dialog.getByTestId('talk-save').click();
    await dialog.getByText('请写明谈话内容（至少 4 个字）').waitFor();
    await dialog.getByTestId('talk-place').fill('区委小会议室');
    await dialog.getByTestId('talk-summary').fill('任职谈话：提出廉洁从政要求，明确全面从严治党主体责任。');
    await dialog.getByTestId('talk-followup').fill('一个月内报送班子建设计划');
    await dialog.getByTestId('talk-save').click();
    await page.getByText(/谈话已登记，完成监督责任 \d+ 项/).waitFor();
    await dialog.waitFor({ state: 'hidden' });

    // Reloaded: the duty is done (done duties follow the open ones, so look under 已完成).
    await page.getByTestId('duty-status-filter').click();
    await page.getByTitle('已完成').click();
    const status = page.getByTestId(`duty-status-${id}`);
    await status.waitFor();
    expect(await status.innerText()).toBe('已完成');
    expect(await page.getByTestId('duty-table').locator('tbody tr', { has: status }).innerText()).toContain(
      `${today()} 已谈话`,
    );

    // The talk is in 谈话记录, newest first, with the counts by kind.
    await page.getByRole('menuitem', { name: '谈话记录' }).click();
    const talks = page.getByTestId('talk-table').locator('tbody tr.ant-table-row');
    await talks.first().waitFor();
    const first = await talks.first().innerText();
    expect(first).toContain(today());
    expect(first).toContain('任职谈话');
    expect(first).toContain(subject);
    expect(await page.getByTestId('talk-stats').innerText()).toMatch(/任职谈话1人次，.*共\d+人次/);
    await settle(page);
    await shot(page, 'talks');
    await page.context().close();
  });

  it('demo_county_a reads 履责情况 for 明湖区 and waives an overdue duty with a reason', async () => {
    const page = await newPage();
    await uiLogin(page, 'demo_county_a');
    await page.getByRole('menuitem', { name: '履责情况' }).click();
    await expect
      .poll(() =>
        page.getByTestId('compliance').locator('.ant-select-content, .ant-select-selection-item').first().innerText(),
      )
      .toContain('明湖区');
    const rows = page.getByTestId('compliance-table').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    // The leader furthest behind comes first, with numbers and the date since which they are overdue.
    const top = await rows.first().locator('td').allInnerTexts();
    expect(Number(top[1])).toBeGreaterThan(0);
    expect(Number(top[4])).toBeGreaterThan(0);
    expect(top[6]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const summary = page.getByTestId('compliance-summary');
    const overdueOf = async () => Number((await summary.innerText()).match(/已逾期 (\d+) 项/)![1]);
    const before = await overdueOf();
    expect(before).toBeGreaterThan(0);
    const late = page.getByTestId('overdue-table').locator('tbody tr.ant-table-row');
    await late.first().waitFor();
    await settle(page);
    await shot(page, 'compliance', true);

    await late
      .first()
      .getByRole('button', { name: /免\s*除/ })
      .click();
    await page.getByTestId('waive-reason').fill('谈话对象已调离本区');
    await page.getByTestId('waive-ok').click();
    await page.getByTestId('waive-confirm').click();
    await expect.poll(overdueOf).toBe(before - 1);
    await page.context().close();
  });
});
