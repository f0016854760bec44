// The workbench in a real Chromium against the real server with the demo city (issue 3 §4): a county officer logs in,
// browses the tree, opens a dossier and reads a flag with its rule and evidence; a sibling county's cadre is a
// not-found page; an administrator narrows a rule and the flag goes away. Screenshots go to docs/screenshots/.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { writeWorkbook } from '../apps/server/src/platform/sheets/index.js';
import { makeIdCard } from '../apps/server/src/modules/registry/index.js';
import { totpCode } from '../apps/server/src/platform/auth/index.js';
import { browserSuite, submitLogin, uiLogin } from './pages.js';

const SCREENSHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/screenshots');
const shot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });

const newPage = browserSuite();

/** The first cadre id in `username`'s scope, asked through the API in its own browser context. */
async function firstCadreOf(username: string, query = ''): Promise<number> {
  const page = await newPage();
  await page.goto('/');
  const id = await page.evaluate(
    async ([u, q]) => {
      await fetch('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: u, password: 'mingjian-demo' }),
      });
      return (await (await fetch(`/api/v1/cadres?pageSize=1${q}`)).json()).items[0].id as number;
    },
    [username, query] as const,
  );
  await page.context().close();
  return id;
}

describe('workbench', () => {
  it('the dashboard shows loading, never a false 0, until its counts arrive (issue 13 §6)', async () => {
    const page = await newPage();
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/api/v1/flags/summary', async (route) => {
      await held;
      await route.continue();
    });
    await uiLogin(page, 'demo_county_b');
    const card = page.getByTestId('cadres-in-scope');
    await card.waitFor();
    await page.waitForTimeout(300);
    expect(await card.locator('.ant-skeleton').count()).toBe(1);
    expect(await card.innerText()).not.toMatch(/\d/);
    release();
    await expect.poll(async () => (await card.innerText()).match(/(\d+)\s*人/)?.[1]).toMatch(/^[1-9]\d*$/);
    await page.context().close();
  });

  it('demo_county_a logs in, browses the tree, opens a dossier and sees a flag with its rule and evidence', async () => {
    const page = await newPage();
    await page.goto('/');
    await shot(page, 'login');
    await uiLogin(page, 'demo_county_a');
    await expect.poll(() => page.getByText('范围内干部').count()).toBe(1);
    await page.waitForTimeout(500); // the chart animates in
    await shot(page, 'dashboard');

    await page.getByRole('menuitem', { name: '组织机构' }).click();
    const tree = page.getByTestId('org-tree');
    await tree.getByText('明湖区', { exact: true }).waitFor();
    await tree.locator('.ant-tree-switcher').first().click(); // open 明湖区
    await tree.getByText('明湖区财政局').click();
    await expect.poll(() => page.url()).toMatch(/\/orgs\/\d+$/);
    await page.getByText('领导班子及分管').waitFor();
    await shot(page, 'org-tree');

    await page.getByRole('menuitem', { name: '干部档案' }).click();
    await page.getByTestId('flag-filter').click();
    await page.getByTitle('M-04 五个不直接分管').click();
    await expect.poll(() => page.url()).toContain('flag=M-04');
    const rows = page.getByTestId('cadre-table').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    await shot(page, 'cadre-list');
    await rows.first().click();
    const flag = page.getByTestId('flag-M-04');
    await flag.waitFor();
    const text = await flag.innerText();
    expect(text).toContain('五个不直接分管');
    // The setting by its name, never its program key (issue 13 §6).
    expect(text).toMatch(/规则设置[\s\S]*不得直接分管的领域/);
    expect(text).not.toMatch(/areas|sensitiveWork|collateralGenerations|unitTags/);
    expect(text).toMatch(/依据[\s\S]*分管领域/);
    await shot(page, 'dossier', true);
    await page.getByRole('tab', { name: /档案时间线/ }).click();
    await page.locator('.ant-timeline-item').first().waitFor();
    await page.getByRole('tab', { name: '廉政档案' }).click();
    expect(await page.getByText('暂无记录').count()).toBeGreaterThanOrEqual(10); // empty sections shown, not hidden

    await page.getByRole('menuitem', { name: '轮岗交流' }).click();
    await page.locator('tbody tr.ant-table-row').first().waitFor();
    await shot(page, 'rotation');
    await page.context().close();
  });

  it('the discipline role is asked for its one-time code after the password, and gets in with it', async () => {
    const page = await newPage();
    await submitLogin(page, 'demo_discipline');
    const code = page.getByLabel('动态验证码（6 位）');
    await code.waitFor();
    await code.fill('000000');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('login-error').waitFor();
    expect(await page.getByTestId('login-error').innerText()).toContain('动态验证码错误');
    await code.fill(totpCode('MJDEMODISCIPLINE', new Date()));
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('whoami').waitFor();
    expect(await page.getByTestId('whoami').innerText()).toContain('纪委监委');
    expect(await page.getByRole('menuitem', { name: '名册导入' }).count()).toBe(0); // the menu follows the role
    await page.context().close();
  });

  it('logging in from a bookmarked /login lands on the home page, not the not-found page', async () => {
    const page = await newPage();
    await page.goto('/login');
    await page.getByLabel('用户名').fill('demo_county_a');
    await page.getByLabel('密码').fill('mingjian-demo');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('whoami').waitFor();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/');
    expect(await page.getByTestId('not-found').count()).toBe(0);
    await page.context().close();
  });

  it('a cadre of the sibling county opened by URL shows the Chinese not-found page', async () => {
    const other = await firstCadreOf('demo_county_b');
    const page = await newPage();
    await uiLogin(page, 'demo_county_a');
    await page.goto(`/cadres/${other}`);
    await page.getByTestId('not-found').waitFor();
    expect(await page.getByTestId('not-found').innerText()).toContain('未找到');
    expect(await page.getByTestId('dossier-name').count()).toBe(0);
    await shot(page, 'not-found');
    await page.goto('/no/such/page');
    await page.getByTestId('not-found').waitFor();
    await page.goto('/trail'); // a page the role may not use says so
    await page.getByTestId('forbidden').waitFor();
    await page.context().close();
  });

  it('a role with no pages yet gets a plain explanation, and the administrator sees units without people', async () => {
    const joint = await newPage();
    await submitLogin(joint, 'demo_joint');
    await joint.getByTestId('nothing-yet').waitFor();
    await joint.goto('/cadres/1');
    await joint.getByTestId('forbidden').waitFor();
    await joint.context().close();
    const admin = await newPage();
    await uiLogin(admin, 'demo_admin');
    await admin.getByText('您的角色不查看干部信息。').waitFor(); // the unit page still shows the unit
    await admin.context().close();
  });

  it('a roster with one bad row: the preview names it and nothing is written', async () => {
    const page = await newPage();
    await uiLogin(page, 'demo_county_a');
    const total = () =>
      page.evaluate(async () => (await (await fetch('/api/v1/cadres?pageSize=1')).json()).total as number);
    const before = await total();
    const good = makeIdCard('339802', '1986-02-03', 51);
    const bad = good.slice(0, 16) + (good[16] === '1' ? '2' : '1') + good[17]; // one digit off: the check digit no longer fits
    const file = path.join(tmpdir(), 'mingjian-roster-e2e.xlsx');
    await writeFile(
      file,
      await writeWorkbook([
        {
          name: '干部',
          columns: ['姓名', '身份证号', '政治面貌', '档案管理单位'].map((title) => ({ title })),
          rows: [
            ['沈一', good, '中共党员', '明湖区'],
            ['沈二', bad, '中共党员', '明湖区'],
          ],
        },
      ]),
    );
    await page.getByRole('menuitem', { name: '名册导入' }).click();
    await page.locator('input[type=file]').setInputFiles(file);
    const issues = page.getByTestId('roster-issues');
    await issues.waitFor();
    const text = await issues.innerText();
    expect(text).toContain('干部');
    expect(text).toMatch(/\b3\b/); // spreadsheet row 3 (the header is row 1)
    expect(text).toContain('身份证号');
    expect(await page.getByTestId('roster-commit').count()).toBe(0); // no import while a row is bad
    await shot(page, 'import');
    expect(await total()).toBe(before);
    await page.context().close();
  });

  it('a member of the public reports anonymously, keeps the receipt, and later reads the petition office’s reply', async () => {
    const page = await newPage();
    await page.goto('/login-page-first'); // any page: the login screen links to the public page
    await page.getByText('我要举报（无需登录）').click();
    await page.getByLabel('姓名').fill('杨坤江');
    await page.getByLabel('单位').fill('明湖区住房和城乡建设局');
    await page.getByLabel('反映的问题').fill('<b>工程招标</b>中为亲属打招呼。');
    await page.getByTestId('submit-report').click();
    const receipt = (await page.getByTestId('receipt').innerText()).trim().replace(/\s/g, '');
    expect(receipt).toMatch(/^\d{4}-\d{4}-\d{4}-\d{4}$/);
    await shot(page, 'public-report');

    // The petition office (TOTP) replies through the API.
    const staff = await newPage();
    await staff.goto('/');
    const code = totpCode('MJDEMOPETITIONAA', new Date());
    const replied = await staff.evaluate(async (totp) => {
      const me = await (
        await fetch('/api/v1/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'demo_petition', password: 'mingjian-demo', totp }),
        })
      ).json();
      const list = await (await fetch('/api/v1/reports')).json();
      const r = list.items.find((i: { accused: { name: string } }) => i.accused.name === '杨坤江');
      const res = await fetch(`/api/v1/reports/${r.id}/replies`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ body: '已受理，正在核查。' }),
      });
      return { status: res.status, routedUp: r.routedUp };
    }, code);
    expect(replied).toEqual({ status: 201, routedUp: true }); // a principal's report goes to the level above
    await staff.context().close();

    // The public page never asks who is logged in (no 401 in its console).
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/v1/auth/me')) asked.push(r.url());
    });
    // Issue 11 §5: the receipt travels in request bodies (the x-receipt header for a file), never in a URL.
    const requests: string[] = [];
    page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
    await page.goto('/report');
    await page.getByRole('tab', { name: '凭回执码查询' }).click();
    await page.getByTestId('receipt-input').locator('input').fill(receipt);
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.getByTestId('report-status').waitFor();
    expect(await page.getByTestId('report-status').innerText()).toContain('已受理，正在核查。');
    expect(await page.getByTestId('attachment-count').innerText()).toBe('0 个');
    // A file uploaded here counts at once in 已上传附件; what the reporter adds shows under 我补充的材料.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      'base64',
    );
    await page
      .getByTestId('attachments')
      .locator('input[type=file]')
      .setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: png });
    await page.getByTestId('attachment-list').waitFor();
    await expect.poll(() => page.getByTestId('attachment-count').innerText()).toBe('1 个');
    await page.getByTestId('addition-text').fill('补充：招标时间为去年三月。');
    await page.getByTestId('send-addition').click();
    await expect
      .poll(
        async () => (await page.getByTestId('my-additions').count()) && page.getByTestId('my-additions').innerText(),
      )
      .toContain('招标时间为去年三月');
    expect(await page.getByTestId('attachment-count').innerText()).toBe('1 个');
    expect(asked).toEqual([]);
    const paths = requests.map((r) => r.replace(/^(\w+) https?:\/\/[^/]+([^?]*).*$/, '$1 $2'));
    expect(paths).toEqual(
      expect.arrayContaining([
        'POST /api/v1/public/reports/status',
        'POST /api/v1/public/reports/attachments',
        'POST /api/v1/public/reports/additions',
      ]),
    );
    for (const secret of [receipt, receipt.replace(/-/g, '')])
      expect(requests.filter((r) => r.includes(secret))).toEqual([]);
    await page.context().close();
  });

  it('an administrator narrows M-04 for the city and the county officer’s flag goes away; clearing brings it back', async () => {
    const flagged = await firstCadreOf('demo_county_a', '&flag=M-04');
    const officer = await newPage();
    await uiLogin(officer, 'demo_county_a');
    const hasFlag = async () => {
      await officer.goto(`/cadres/${flagged}`);
      await officer.getByTestId('dossier-name').waitFor();
      return officer.getByTestId('flag-M-04').count();
    };
    expect(await hasFlag()).toBe(1);

    const admin = await newPage();
    await uiLogin(admin, 'demo_admin');
    await admin.getByRole('menuitem', { name: '规则设置' }).click();
    await expect.poll(() => admin.url()).toMatch(/\/rules$/);
    await admin.getByText('五个不直接分管').first().click();
    const areas = admin.getByTestId('rule-form').locator('.ant-select').first();
    await areas.waitFor();
    await shot(admin, 'rules');
    // Keep only 干部人事: remove the other four areas from the tag list, then save for the city and below.
    for (const code of ['物资采购', '行政审批', '工程建设', '财务管理']) {
      await areas.locator(`[title="${code}"]`).locator('.anticon-close').click();
    }
    await admin.getByRole('button', { name: '保存为本单位及下级的设置' }).click();
    await admin.getByText('已保存').waitFor();
    expect(await hasFlag()).toBe(0);

    await admin.getByRole('button', { name: '清除本单位覆盖' }).click();
    await admin.getByText('已清除').waitFor();
    expect(await hasFlag()).toBe(1);

    await admin.getByRole('menuitem', { name: '操作留痕' }).click();
    await admin.getByTestId('verify-trail').click();
    await admin.getByTestId('verify-result').waitFor();
    expect(await admin.getByTestId('verify-result').innerText()).toContain('留痕链完整');
    await shot(admin, 'trail');
    await admin.context().close();
    await officer.context().close();
  });
});
