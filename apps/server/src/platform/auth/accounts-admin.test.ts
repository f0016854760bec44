// 用户管理 (issue 13 §1, §2): an account manager lists and creates accounts within their own scope; the password rules;
// the guards that must refuse, writing nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, loginAs, makeAccount, PASSWORD, startTestApp, type TestApp } from '../../test/harness.js';
import { SYSTEM_ACTOR, write } from '../trail/index.js';
import { createAccount } from './accounts.js';
import { totpCode } from './totp.js';
import { CADRE, loadSmallTree, ORG } from '../../test/fixtures.js';

let t: TestApp;
let countyAdmin: Client;
let cityAdmin: Client;
const GOOD = 'Lake-river-7-stones';
beforeAll(async () => {
  t = await startTestApp();
  await loadSmallTree(t);
  countyAdmin = await loginAs(t, { role: 'admin', orgId: ORG.A, scope: 4 });
  cityAdmin = await loginAs(t, { role: 'admin', orgId: ORG.R, scope: 1 });
});
afterAll(() => t.close());

const accounts = async () =>
  Number(
    (
      await t.ctx.db
        .selectFrom('accounts')
        .select((e) => e.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const create = (c: Client, body: Record<string, unknown>) =>
  c.post('/api/v1/accounts', {
    username: 'li_kezhang',
    displayName: '李科长',
    password: GOOD,
    role: 'org_supervisor',
    orgId: ORG.A_DEPT,
    scope: 4,
    ...body,
  });

describe('creating accounts (issue 13 §2)', () => {
  it('creates an account in the manager’s subtree that can log in, and lists it to that manager only', async () => {
    const res = await create(countyAdmin, { cadreId: CADRE.A_DEPT });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ username: 'li_kezhang', role: 'org_supervisor', oneTimePassword: null });
    const user = await new Client(t).login('li_kezhang', GOOD);
    // The manager chose the first password: it is one-time, and nothing but changing it answers (issue 13 §1).
    expect((await user.get('/api/v1/auth/me')).json().setup).toEqual({ password: true, totp: false });
    const early = await user.get('/api/v1/cadres');
    expect(early.statusCode).toBe(403);
    expect(early.json().error.code).toBe('SETUP_REQUIRED');
    const weak = await user.post('/api/v1/auth/password', { current: GOOD, next: 'li_kezhang-2026-x' });
    expect(weak.json().error.messageZh).toBe('密码不能包含账号名');
    expect((await user.post('/api/v1/auth/password', { current: GOOD, next: 'Mountain-tea-91-cups' })).statusCode).toBe(
      200,
    );
    expect((await user.get('/api/v1/cadres')).statusCode).toBe(200);
    expect((await user.get('/api/v1/auth/me')).json()).toMatchObject({
      orgId: ORG.A_DEPT,
      scope: 4,
      cadreId: CADRE.A_DEPT,
    });
    await makeAccount(t, { role: 'org_supervisor', orgId: ORG.B, scope: 4, username: 'wang_b' });
    const mine = (await countyAdmin.get('/api/v1/accounts?pageSize=100')).json();
    expect(mine.items.map((a: { username: string }) => a.username)).toContain('li_kezhang');
    expect(mine.items.every((a: { orgId: number }) => [ORG.A, ORG.A_DEPT, ORG.A_TOWN].includes(a.orgId as 2))).toBe(
      true,
    );
    const all = (await cityAdmin.get('/api/v1/accounts?pageSize=100')).json();
    expect(all.items.map((a: { username: string }) => a.username)).toContain('wang_b');
    const listed = await t.ctx.db.selectFrom('trail').select('action').where('action', '=', 'account.list').execute();
    expect(listed.length).toBeGreaterThanOrEqual(2);
  });

  it('grants no scope wider than the manager’s own, and no unit or cadre outside it', async () => {
    const before = await accounts();
    const all = await create(countyAdmin, { username: 'too_wide', scope: 1 });
    expect(all.statusCode).toBe(403);
    expect(all.json().error).toMatchObject({ code: 'SCOPE_TOO_WIDE', messageZh: '不能授予比本人更宽的数据权限' });
    expect((await create(countyAdmin, { username: 'other_unit', orgId: ORG.B })).statusCode).toBe(404);
    expect(
      (await create(countyAdmin, { username: 'custom_b', scope: 2, orgId: ORG.A, customOrgIds: [ORG.A_TOWN, ORG.B] }))
        .statusCode,
    ).toBe(404);
    expect((await create(countyAdmin, { username: 'their_cadre', cadreId: CADRE.B })).statusCode).toBe(404);
    const custom = await create(countyAdmin, { username: 'custom_empty', scope: 2, orgId: ORG.A, customOrgIds: [] });
    expect(custom.statusCode).toBe(400);
    expect(await accounts()).toBe(before);
    // The same scope at the manager's own level is not wider; a custom set inside the subtree is not either.
    expect((await create(countyAdmin, { username: 'same_scope', orgId: ORG.A })).statusCode).toBe(201);
    expect(
      (await create(countyAdmin, { username: 'custom_a', scope: 2, orgId: ORG.A, customOrgIds: [ORG.A_TOWN] }))
        .statusCode,
    ).toBe(201);
  });

  it('refuses weak passwords: 11 characters, the account name, common ones with digits added', async () => {
    const before = await accounts();
    for (const [password, zh] of [
      ['Lake-river7', '密码至少 12 个字符'],
      ['zhang_kezhang-2026', '密码不能包含账号名'],
      ['qwerty123456', '这是常见密码，容易被猜中，请换一个'],
      ['1234password1234!', '这是常见密码，容易被猜中，请换一个'],
      ['aaaaaaaaaaaaaaaa', '密码不能由同一个字符重复组成'],
    ]) {
      const res = await create(countyAdmin, { username: 'zhang_kezhang', password });
      expect(res.statusCode, password).toBe(400);
      expect(res.json().error.messageZh, password).toBe(zh);
      expect(res.json().error.details[0].path).toBe('password');
    }
    expect(await accounts()).toBe(before);
    expect((await create(countyAdmin, { username: 'zhang_kezhang', password: 'Lake-river-7' })).statusCode).toBe(201);
  });

  it('answers a taken name with 409, a bad role or name with 400, and a role without accounts.manage with 403', async () => {
    const again = await create(countyAdmin, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.messageEn).toBe('This account name is already in use');
    // Each in words, naming the field as the form does: no list of role codes, no pattern, no key (issue 13 §6).
    for (const [body, zh] of [
      [{ username: 'x_role', role: 'superuser' }, '输入有误：角色：没有这个角色'],
      [{ username: 'Bad Name' }, '输入有误：用户名：账号名为 3–32 位小写字母、数字或 _ . -，以字母开头'],
      [{ username: 'x_scope', scope: 9 }, '输入有误：数据范围：数据权限为 1–5'],
      [{ username: 'x_name', displayName: '' }, '输入有误：显示名称：至少 1 个字'],
    ] as const) {
      const res = await create(countyAdmin, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.messageZh).toBe(zh);
      expect(res.json().error.messageZh).not.toMatch(/[A-Za-z]{3,}|\/\^/);
    }
    const supervisor = await loginAs(t, { role: 'org_supervisor', orgId: ORG.A, scope: 4 });
    expect((await create(supervisor, { username: 'by_supervisor' })).statusCode).toBe(403);
    expect((await supervisor.get('/api/v1/accounts')).statusCode).toBe(403);
  });

  it('tells the commission’s head whose scope covers the unit of a petition grant; the user enrols TOTP at first login', async () => {
    await makeAccount(t, { role: 'discipline', orgId: ORG.R, scope: 1, isHead: true, username: 'city_head' });
    await makeAccount(t, { role: 'discipline', orgId: ORG.B, scope: 4, isHead: true, username: 'county_b_head' });
    const res = await create(countyAdmin, {
      username: 'xinfang_a',
      role: 'petition',
      orgId: ORG.A,
      password: undefined,
    });
    expect(res.statusCode, res.body).toBe(201);
    const otp = res.json().oneTimePassword as string;
    expect(otp).toMatch(/^[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}$/);
    const told = await t.ctx.db
      .selectFrom('notifications as n')
      .innerJoin('accounts as a', 'a.id', 'n.account_id')
      .select(['a.username', 'n.title'])
      .where('n.kind', '=', 'account.grant')
      .execute();
    expect(told).toEqual([{ username: 'city_head', title: '新账号 xinfang_a 被授予“信访”角色' }]);
    const trail = await t.ctx.db
      .selectFrom('trail')
      .select(['detail'])
      .where('action', '=', 'account.create')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(trail.detail).toMatchObject({ username: 'xinfang_a', role: 'petition' });
    expect(JSON.stringify(trail.detail)).not.toContain(otp);
    // First login: the one-time password, then the user's own, then a second factor of their own.
    const user = await new Client(t).login('xinfang_a', otp);
    expect((await user.get('/api/v1/auth/me')).json().setup).toEqual({ password: true, totp: true });
    expect((await user.post('/api/v1/auth/totp/begin')).json().error.code).toBe('SETUP_REQUIRED');
    const mine = 'Quiet-harbour-42-boats';
    expect((await user.post('/api/v1/auth/password', { current: otp, next: mine })).statusCode).toBe(200);
    expect((await user.get('/api/v1/reports')).json().error.code).toBe('SETUP_REQUIRED');
    expect((await user.post('/api/v1/auth/totp/confirm', { code: '123456' })).json().error.code).toBe('TOTP_NOT_BEGUN');
    const begun = (await user.post('/api/v1/auth/totp/begin')).json();
    expect(begun.secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(begun.qr).toMatch(/^data:image\/svg\+xml;base64,/);
    const wrong = await user.post('/api/v1/auth/totp/confirm', { code: totpCode(begun.secret, new Date(0)) });
    expect(wrong.statusCode).toBe(400);
    const ok = await user.post('/api/v1/auth/totp/confirm', { code: totpCode(begun.secret, t.clock.now()) });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await user.get('/api/v1/reports')).statusCode).toBe(200);
    expect((await user.post('/api/v1/auth/totp/begin')).statusCode).toBe(409);
    await expect(new Client(t).login('xinfang_a', mine)).rejects.toThrow(/TOTP_REQUIRED/);
    t.clock.advance(60_000);
    await new Client(t).login('xinfang_a', mine, begun.secret);
  });
});

describe('disabling accounts (issue 13 §1)', () => {
  it('ends the account’s sessions at once, and enabling lets it log in again', async () => {
    await makeAccount(t, { role: 'org_supervisor', orgId: ORG.A_TOWN, scope: 4, username: 'zhao_town' });
    const user = await new Client(t).login('zhao_town');
    expect((await user.get('/api/v1/auth/me')).statusCode).toBe(200);
    const id = (
      await t.ctx.db.selectFrom('accounts').select('id').where('username', '=', 'zhao_town').executeTakeFirstOrThrow()
    ).id;
    const off = await countyAdmin.post(`/api/v1/accounts/${id}/disable`, { reason: '调离本单位' });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ disabled: true, sessionsEnded: 1 });
    expect((await user.get('/api/v1/auth/me')).statusCode).toBe(401);
    await expect(new Client(t).login('zhao_town')).rejects.toThrow(/401/);
    expect((await countyAdmin.post(`/api/v1/accounts/${id}/disable`, { reason: '再次' })).statusCode).toBe(409);
    expect((await countyAdmin.post(`/api/v1/accounts/${id}/enable`, { reason: '回到本单位' })).statusCode).toBe(200);
    await new Client(t).login('zhao_town');
  });

  it('refuses the manager’s own account and an account outside their scope', async () => {
    const me = (await countyAdmin.get('/api/v1/auth/me')).json().id;
    const own = await countyAdmin.post(`/api/v1/accounts/${me}/disable`, { reason: '测试' });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe('OWN_ACCOUNT');
    const wangB = (
      await t.ctx.db.selectFrom('accounts').select('id').where('username', '=', 'wang_b').executeTakeFirstOrThrow()
    ).id;
    expect((await countyAdmin.post(`/api/v1/accounts/${wangB}/disable`, { reason: '测试' })).statusCode).toBe(404);
  });
});

describe('the last administrator (issue 13 §1)', () => {
  it('cannot be disabled: demo administrators do not count, and two administrators disabling each other leave one', async () => {
    const d = await startTestApp({ demo: true });
    try {
      await loadSmallTree(d);
      const demoAdmin = await write(d.ctx.db, d.ctx.clock, SYSTEM_ACTOR, (w) =>
        createAccount(d.ctx, w, {
          username: 'demo_admin_x',
          displayName: '示例管理员',
          password: PASSWORD,
          role: 'admin',
          orgId: ORG.R,
          scope: 1,
          demo: true,
        }),
      );
      expect(demoAdmin.id).toBeGreaterThan(0);
      const asDemo = await new Client(d).login('demo_admin_x');
      const real = await makeAccount(d, { role: 'admin', orgId: ORG.R, scope: 1, username: 'real_admin' });
      const last = await asDemo.post(`/api/v1/accounts/${real.id}/disable`, { reason: '测试' });
      expect(last.statusCode).toBe(409);
      expect(last.json().error).toMatchObject({
        code: 'LAST_ADMIN',
        messageZh: '这是最后一个可用的管理员账号，不能停用或改为其他角色',
      });
      const other = await makeAccount(d, { role: 'admin', orgId: ORG.R, scope: 1, username: 'other_admin' });
      const [a, b] = [await new Client(d).login('real_admin'), await new Client(d).login('other_admin')];
      const answers = await Promise.all([
        a.post(`/api/v1/accounts/${other.id}/disable`, { reason: '互相停用' }),
        b.post(`/api/v1/accounts/${real.id}/disable`, { reason: '互相停用' }),
      ]);
      expect(answers.filter((r) => r.statusCode === 200)).toHaveLength(1);
      const left = await d.ctx.db
        .selectFrom('accounts')
        .select('username')
        .where('role', '=', 'admin')
        .where('demo', '=', false)
        .where('disabled', '=', false)
        .execute();
      expect(left).toHaveLength(1);
    } finally {
      await d.close();
    }
  });
});
