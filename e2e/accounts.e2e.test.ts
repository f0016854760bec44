// 用户管理 in a real Chromium (issue 13 §1, tests): the administrator creates a petition officer's account and reads
// its one-time password; the new user logs in with it, must choose their own, enrols a second factor by reading the
// secret off the page, logs in again with a code; the administrator ends that session and the user is signed out.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { totpCode } from '../apps/server/src/platform/auth/index.js';
import { browserSuite, pick, retryUntil, settle, shot, uiLogin } from './pages.js';

const newPage = browserSuite();
const MINE = 'Quiet-harbour-42-boats';

async function loginWith(page: Page, username: string, password: string) {
  await page.goto('/');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

/** demo_admin on 用户管理 with the new-account form open, name and role filled in. */
async function newAccountForm(username: string, name: string, role: string) {
  const admin = await newPage();
  await uiLogin(admin, 'demo_admin');
  await admin.getByRole('menuitem', { name: '用户管理' }).click();
  await admin.getByTestId('accounts').waitFor();
  await admin.getByRole('button', { name: /新建账号/ }).click();
  const form = admin.getByTestId('account-form');
  await form.getByLabel('账号名').fill(username);
  await form.getByLabel('姓名').fill(name);
  const roleOption = admin.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: role });
  // On a loaded CI machine the dropdown can open late: longer tries, a longer wait.
  await retryUntil(
    async () => {
      if (!(await roleOption.count())) await form.getByLabel('角色').click({ force: true });
      await roleOption.first().click({ timeout: 3000 });
    },
    async () => (await form.locator('.ant-form-item').filter({ hasText: '角色' }).first().innerText()).includes(role),
    45_000,
  );
  return { admin, form };
}

describe('accounts', () => {
  it('create with a one-time password → change it → enrol TOTP → log in with a code → session ended by the administrator', async () => {
    const { admin, form } = await newAccountForm('xinfang_e2e', '测试信访员', '信访');
    await pick(
      form.getByTestId('account-org'),
      admin.locator('.ant-select-dropdown:visible .ant-select-tree-title').filter({ hasText: '示例市' }),
    );
    await admin.getByRole('button', { name: /创\s*建/ }).click();
    const otp = (await admin.getByTestId('one-time-password').innerText()).trim();
    expect(otp).toMatch(/^[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}$/);
    await shot(admin, 'accounts-one-time-password');
    await admin.getByRole('button', { name: /确\s*定|OK/ }).click();

    const user = await newPage();
    await loginWith(user, 'xinfang_e2e', otp);
    await user.getByLabel('一次性密码').fill(otp);
    await user.getByLabel('新密码', { exact: true }).fill(MINE);
    await user.getByLabel('再次输入新密码').fill(MINE);
    await user.getByRole('button', { name: '保存新密码' }).click();
    const secret = (await user.getByTestId('totp-secret').innerText()).trim();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await expect.poll(() => user.locator('img[alt="双因素认证二维码"]').count()).toBe(1);
    await shot(user, 'first-login-totp');
    const enrolledAt = new Date();
    await user.getByLabel('动态验证码（6 位）').fill(totpCode(secret, enrolledAt));
    await user.getByRole('button', { name: '完成绑定' }).click();
    await user.getByTestId('whoami').waitFor();

    // A code is accepted once: the next login waits for the next 30-second step.
    await user.context().clearCookies();
    await user.waitForTimeout(30_000 - (Date.now() % 30_000) + 500);
    await loginWith(user, 'xinfang_e2e', MINE);
    const code = user.getByLabel('动态验证码（6 位）');
    await code.waitFor();
    await code.fill(totpCode(secret, new Date()));
    await user.getByRole('button', { name: /登\s*录/ }).click();
    await user.getByTestId('whoami').waitFor();

    await admin.getByRole('menuitem', { name: '在线用户' }).click();
    // Two sessions: the one whose cookie was dropped above (still open on the server) and the newest, listed first.
    await expect.poll(() => admin.getByTestId('end-session-xinfang_e2e').count()).toBe(2);
    await admin.getByTestId('end-session-xinfang_e2e').first().click();
    await admin.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(() => admin.getByTestId('end-session-xinfang_e2e').count()).toBe(1);
    await settle(admin);
    await shot(admin, 'sessions');
    await user.reload();
    await user.getByRole('button', { name: /登\s*录/ }).waitFor();

    await admin.getByRole('menuitem', { name: '登录日志' }).click();
    await admin.getByTestId('login-log').getByText('xinfang_e2e').first().waitFor();
    await settle(admin);
    await shot(admin, 'login-log');
  }, 120_000);

  it('a custom data scope (code 2) names several units, each chosen in the tree', async () => {
    const { admin, form } = await newAccountForm('custom_e2e', '跨区督查员', '组织部干部监督');
    const openTree = '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree-title';
    await pick(form.getByTestId('account-org'), admin.locator(openTree).filter({ hasText: '示例市' }));
    const custom = admin.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '自定义' });
    await retryUntil(
      async () => {
        if (!(await custom.count())) await form.getByTestId('account-scope').click();
        await custom.click({ timeout: 1000 });
      },
      async () => (await form.getByTestId('account-custom-orgs').count()) > 0,
    );
    const customOrgs = form.getByTestId('account-custom-orgs');
    for (const unit of ['明湖区', '青石区']) {
      await retryUntil(
        async () => {
          if ((await customOrgs.innerText()).includes(unit)) return; // a second click on a chosen node would unchoose it
          await customOrgs.click();
          await customOrgs.locator('input').fill(unit);
          await admin
            .locator(openTree)
            .filter({ hasText: new RegExp(`^${unit}$`) })
            .click({ timeout: 2000 });
        },
        async () => (await customOrgs.innerText()).includes(unit),
      );
    }
    await admin.locator('.ant-modal-title').click(); // closes the tree, keeps the form
    await settle(admin);
    await shot(admin, 'account-custom-scope');
    await admin.getByRole('button', { name: /创\s*建/ }).click();
    await admin.getByTestId('one-time-password').waitFor();
    const list = await (await admin.request.get('/api/v1/accounts?q=custom_e2e')).json();
    const made = list.items.find((a: { username: string }) => a.username === 'custom_e2e');
    expect(made.scope).toBe(2);
    const names = await Promise.all(
      made.customOrgIds.map(async (id: number) => (await (await admin.request.get(`/api/v1/orgs/${id}`)).json()).name),
    );
    expect(names.sort()).toEqual(['明湖区', '青石区'].sort());
  }, 120_000);
});
