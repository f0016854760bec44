// 用户管理, continued (issue 13 §1): editing an account within the manager's scope, resetting its password and second
// factor, lifting its login lock, the login log and the open sessions — each guard refuses and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, loginAs, makeAccount, PASSWORD, startTestApp, type TestApp } from '../../test/harness.js';
import { ORG, loadSmallTree } from '../../test/fixtures.js';
import { totpCode } from './totp.js';
import { createAccount } from './accounts.js';
import { SYSTEM_ACTOR, write } from '../trail/index.js';

let t: TestApp;
let countyAdmin: Client;
let cityAdmin: Client;
beforeAll(async () => {
  t = await startTestApp();
  await loadSmallTree(t);
  countyAdmin = await loginAs(t, { role: 'admin', orgId: ORG.A, scope: 4, username: 'county_admin' });
  cityAdmin = await loginAs(t, { role: 'admin', orgId: ORG.R, scope: 1, username: 'city_admin' });
});
afterAll(() => t.close());

const row = (id: number) => t.ctx.db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('editing an account', () => {
  it('changes role and scope inside the manager’s own, never their own account, never wider', async () => {
    const u = await makeAccount(t, { role: 'cadre', orgId: ORG.A_DEPT, scope: 5 });
    const ok = await countyAdmin.patch(`/api/v1/accounts/${u.id}`, {
      role: 'org_supervisor',
      scope: 4,
      reason: '调岗',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await row(u.id)).toMatchObject({ role: 'org_supervisor', scope: 4 });
    const before = await row(u.id);
    const wide = await countyAdmin.patch(`/api/v1/accounts/${u.id}`, { scope: 1, reason: '扩大权限' });
    expect(wide.json().error.code).toBe('SCOPE_TOO_WIDE');
    const away = await countyAdmin.patch(`/api/v1/accounts/${u.id}`, { orgId: ORG.B, reason: '调往乙县' });
    expect(away.statusCode).toBe(404);
    expect(await row(u.id)).toEqual(before);
    const me = (await countyAdmin.get('/api/v1/auth/me')).json().id;
    const own = await countyAdmin.patch(`/api/v1/accounts/${me}`, { scope: 1, reason: '本人' });
    expect(own.json().error.code).toBe('OWN_ACCOUNT');
    const noReason = await countyAdmin.patch(`/api/v1/accounts/${u.id}`, { scope: 3 });
    expect(noReason.statusCode).toBe(400);
    const trail = await t.ctx.db
      .selectFrom('trail')
      .select('detail')
      .where('action', '=', 'account.update')
      .where('entity_id', '=', String(u.id))
      .execute();
    expect(trail).toHaveLength(1);
    expect(trail[0].detail).toMatchObject({ before: { role: 'cadre', scope: 5 }, after: { role: 'org_supervisor' } });
  });

  it('a discipline role granted by an edit is told to the commission’s head, as a change to an existing account', async () => {
    await makeAccount(t, { role: 'discipline', orgId: ORG.R, scope: 1, isHead: true, username: 'edit_head' });
    const u = await makeAccount(t, { role: 'cadre', orgId: ORG.A_DEPT, scope: 5, username: 'to_discipline' });
    const res = await cityAdmin.patch(`/api/v1/accounts/${u.id}`, { role: 'discipline', scope: 4, reason: '调入纪委' });
    expect(res.statusCode, res.body).toBe(200);
    const told = await t.ctx.db
      .selectFrom('notifications as n')
      .innerJoin('accounts as a', 'a.id', 'n.account_id')
      .select(['a.username', 'n.title'])
      .where('n.kind', '=', 'account.grant')
      .where('n.title', 'like', '%to_discipline%')
      .execute();
    expect(told).toEqual([{ username: 'edit_head', title: '账号 to_discipline 被授予“纪委监委”角色' }]);
  });

  it('will not take the administrator role from the last administrator (a demo one does not count)', async () => {
    // Managers are administrators and cannot edit themselves, so only a demo administrator can reach the last real one.
    const d = await startTestApp({ demo: true });
    try {
      await loadSmallTree(d);
      const demoAdmin = await write(d.ctx.db, d.ctx.clock, SYSTEM_ACTOR, (w) =>
        createAccount(d.ctx, w, {
          username: 'demo_admin_y',
          displayName: '示例管理员',
          password: PASSWORD,
          role: 'admin',
          orgId: ORG.R,
          scope: 1,
          demo: true,
        }),
      );
      const asDemo = await new Client(d).login('demo_admin_y');
      const real = await makeAccount(d, { role: 'admin', orgId: ORG.R, scope: 1, username: 'only_real_admin' });
      const last = await asDemo.patch(`/api/v1/accounts/${real.id}`, { role: 'auditor', reason: '改任' });
      expect(last.statusCode).toBe(409);
      expect(last.json().error.code).toBe('LAST_ADMIN');
      expect(
        (await d.ctx.db.selectFrom('accounts').select('role').where('id', '=', real.id).executeTakeFirstOrThrow()).role,
      ).toBe('admin');
      await makeAccount(d, { role: 'admin', orgId: ORG.R, scope: 1, username: 'another_admin' });
      expect((await asDemo.patch(`/api/v1/accounts/${real.id}`, { role: 'auditor', reason: '改任' })).statusCode).toBe(
        200,
      );
      expect(demoAdmin.id).toBeGreaterThan(0);
    } finally {
      await d.close();
    }
  });
});

describe('password, second factor and lock', () => {
  it('resets the password to a one-time one shown once: sessions end, the next login must change it', async () => {
    const u = await makeAccount(t, { role: 'org_supervisor', orgId: ORG.A_TOWN, scope: 4 });
    const user = await new Client(t).login(u.username);
    const res = await countyAdmin.post(`/api/v1/accounts/${u.id}/reset-password`, { reason: '本人忘记密码' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().sessionsEnded).toBe(1);
    expect((await user.get('/api/v1/auth/me')).statusCode).toBe(401);
    await expect(new Client(t).login(u.username, PASSWORD)).rejects.toThrow(/401/);
    const again = await new Client(t).login(u.username, res.json().oneTimePassword);
    expect((await again.get('/api/v1/orgs')).json().error.code).toBe('SETUP_REQUIRED');
    const trail = await t.ctx.db
      .selectFrom('trail')
      .select('detail')
      .where('action', '=', 'account.password_reset')
      .execute();
    expect(JSON.stringify(trail)).not.toContain(res.json().oneTimePassword);
  });

  it('resets the second factor: the account enrols a new one at its next login', async () => {
    const u = await makeAccount(t, { role: 'discipline', orgId: ORG.A, scope: 4 });
    const res = await countyAdmin.post(`/api/v1/accounts/${u.id}/reset-totp`, { reason: '手机丢失' });
    expect(res.statusCode, res.body).toBe(200);
    const user = await new Client(t).login(u.username);
    expect((await user.get('/api/v1/auth/me')).json().setup).toEqual({ password: false, totp: true });
    const begun = (await user.post('/api/v1/auth/totp/begin')).json();
    expect(begun.secret).not.toBe(u.totpSecret);
    expect(
      (await user.post('/api/v1/auth/totp/confirm', { code: totpCode(begun.secret, t.clock.now()) })).statusCode,
    ).toBe(200);
    expect((await user.get('/api/v1/reports')).statusCode).toBe(200);
  });

  it('lifts the lock after five wrong passwords, for the addresses the log names', async () => {
    const u = await makeAccount(t, { role: 'org_supervisor', orgId: ORG.A_DEPT, scope: 4 });
    for (let i = 0; i < 5; i++)
      await expect(new Client(t).login(u.username, 'wrong-password-x')).rejects.toThrow(/401/);
    await expect(new Client(t).login(u.username)).rejects.toThrow(/429/);
    const res = await countyAdmin.post(`/api/v1/accounts/${u.id}/unlock`, { reason: '本人电话确认' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().addresses).toBe(1);
    await new Client(t).login(u.username);
  });
});

describe('login log and open sessions', () => {
  it('lists logins in scope, with unknown names only for scope “all”, each read trailed', async () => {
    await expect(new Client(t).login('nobody_at_all', 'whatever-1234')).rejects.toThrow(/401/);
    const mine = (await countyAdmin.get('/api/v1/login-log?pageSize=200')).json();
    expect(mine.items.some((r: { username: string }) => r.username === 'nobody_at_all')).toBe(false);
    expect(mine.items.some((r: { username: string }) => r.username === 'city_admin')).toBe(false);
    expect(
      mine.items.some(
        (r: { username: string; outcome: string }) => r.username === 'county_admin' && r.outcome === 'ok',
      ),
    ).toBe(true);
    const all = (await cityAdmin.get('/api/v1/login-log?pageSize=200&outcome=failed')).json();
    const unknown = all.items.find((r: { username: string }) => r.username === 'nobody_at_all');
    expect(unknown).toMatchObject({ outcome: 'failed', reasonLabel: '账号不存在或已停用', accountId: null });
    const reads = await t.ctx.db.selectFrom('trail').select('action').where('action', '=', 'login_log.list').execute();
    expect(reads).toHaveLength(2);
    const supervisor = await loginAs(t, { role: 'org_supervisor', orgId: ORG.A, scope: 4 });
    expect((await supervisor.get('/api/v1/login-log')).statusCode).toBe(403);
  });

  it('ends one session: that user’s next request is refused, an out-of-scope session is 404', async () => {
    const u = await makeAccount(t, { role: 'org_supervisor', orgId: ORG.A_TOWN, scope: 4 });
    const user = await new Client(t).login(u.username);
    const list = (await countyAdmin.get('/api/v1/sessions?pageSize=200')).json();
    const s = list.items.find((r: { username: string }) => r.username === u.username);
    expect(list.items.some((r: { username: string }) => r.username === 'city_admin')).toBe(false);
    expect(list.items.find((r: { username: string }) => r.username === 'county_admin').current).toBe(true);
    const ended = await countyAdmin.post(`/api/v1/sessions/${s.id}/end`, { reason: '异常登录' });
    expect(ended.json()).toEqual({ id: s.id, ended: true });
    expect((await user.get('/api/v1/auth/me')).statusCode).toBe(401);
    const cities = (await cityAdmin.get('/api/v1/sessions?pageSize=200')).json();
    const cityOwn = cities.items.find((r: { username: string }) => r.username === 'city_admin');
    expect((await countyAdmin.post(`/api/v1/sessions/${cityOwn.id}/end`, { reason: '越权' })).statusCode).toBe(404);
    expect((await cityAdmin.get('/api/v1/auth/me')).statusCode).toBe(200);
  });
});
