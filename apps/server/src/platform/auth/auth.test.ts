// Accounts and sessions: argon2id, HttpOnly SameSite cookie, CSRF on writes, TOTP for petition and discipline,
// growing lockout after repeated failures (all against the app's clock).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, makeAccount, PASSWORD, startTestApp, type TestApp } from '../../test/harness.js';
import { loadSmallTree, ORG } from '../../test/fixtures.js';
import { lockDurationMs, totpCode } from './index.js';
import { verifyTrail } from '../trail/index.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await loadSmallTree(t);
});
afterAll(() => t.close());

const loginRaw = (body: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: body as object });

describe('login', () => {
  it('stores an argon2id hash and sets an HttpOnly, SameSite=Strict session cookie', async () => {
    const a = await makeAccount(t, { role: 'org_supervisor', orgId: ORG.A, scope: 4 });
    const row = await t.ctx.db
      .selectFrom('accounts')
      .select('password_hash')
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const res = await loginRaw({ username: a.username, password: PASSWORD });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/mj_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(res.json()).toMatchObject({ username: a.username, role: 'org_supervisor', scope: 4 });
  });

  it('answers a wrong password and an unknown user alike, 401, in Chinese and English', async () => {
    const a = await makeAccount(t, { role: 'auditor', orgId: ORG.R, scope: 4 });
    const wrong = await loginRaw({ username: a.username, password: 'not-the-password' });
    const unknown = await loginRaw({ username: 'nobody_here', password: 'whatever-password' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe(unknown.json().error.code);
    expect(wrong.json().error.messageZh).toBe('用户名或密码错误');
    expect(wrong.json().error.messageEn).toBe('Wrong username or password');
  });

  it('locks after 5 failures in a row, refuses even the right password, and unlocks when the time has passed', async () => {
    const a = await makeAccount(t, { role: 'auditor', orgId: ORG.R, scope: 4 });
    for (let i = 0; i < 4; i++)
      expect((await loginRaw({ username: a.username, password: 'bad-password-x' })).statusCode).toBe(401);
    expect((await loginRaw({ username: a.username, password: 'bad-password-x' })).statusCode).toBe(401); // 5th: locks
    const locked = await loginRaw({ username: a.username, password: PASSWORD });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('LOCKED');
    expect(Number(locked.headers['retry-after'])).toBe(60);
    t.clock.advance(59_000);
    expect((await loginRaw({ username: a.username, password: PASSWORD })).statusCode).toBe(429);
    t.clock.advance(2_000);
    expect((await loginRaw({ username: a.username, password: PASSWORD })).statusCode).toBe(200);
    const failures = await t.ctx.db
      .selectFrom('trail')
      .select('seq')
      .where('action', '=', 'auth.login_failed')
      .where('actor_id', '=', a.id)
      .execute();
    expect(failures).toHaveLength(5);
  });

  it('counts parallel failures one by one: ten at once lock the (name, address) pair, and only five are told "wrong password"', async () => {
    const a = await makeAccount(t, { role: 'auditor', orgId: ORG.R, scope: 4 });
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => loginRaw({ username: a.username, password: 'bad-password-x' })),
    );
    expect(answers.filter((r) => r.statusCode === 401)).toHaveLength(5);
    expect(answers.filter((r) => r.statusCode === 429)).toHaveLength(5);
    // issue 11 §6: the five refused were never checked, so they are no guesses; the lock is the pair's, not the account's.
    const failed = await t.ctx.db
      .selectFrom('trail')
      .select('seq')
      .where('action', '=', 'auth.login_failed')
      .where('actor_id', '=', a.id)
      .execute();
    expect(failed).toHaveLength(5);
    expect((await loginRaw({ username: a.username, password: PASSWORD })).statusCode).toBe(429);
  });

  it('grows the lock: 1, 2, 4 … minutes, at most an hour', () => {
    expect(lockDurationMs(4)).toBe(0);
    expect(lockDurationMs(5)).toBe(60_000);
    expect(lockDurationMs(6)).toBe(120_000);
    expect(lockDurationMs(7)).toBe(240_000);
    expect(lockDurationMs(30)).toBe(3_600_000);
  });

  it('requires a TOTP code for the discipline and petition roles, checked against the clock', async () => {
    for (const role of ['discipline', 'petition'] as const) {
      const a = await makeAccount(t, { role, orgId: ORG.R, scope: 4 });
      expect(a.totpSecret).toBeTruthy();
      const stored = await t.ctx.db
        .selectFrom('accounts')
        .select('totp_secret_enc')
        .where('id', '=', a.id)
        .executeTakeFirstOrThrow();
      expect(stored.totp_secret_enc).not.toContain(a.totpSecret!); // sealed, not plain
      const none = await loginRaw({ username: a.username, password: PASSWORD });
      expect(none.statusCode).toBe(401);
      expect(none.json().error.code).toBe('TOTP_REQUIRED');
      const old = totpCode(a.totpSecret!, new Date(t.clock.now().getTime() - 5 * 60_000));
      expect((await loginRaw({ username: a.username, password: PASSWORD, totp: old })).json().error.code).toBe(
        'BAD_TOTP',
      );
      const ok = await loginRaw({
        username: a.username,
        password: PASSWORD,
        totp: totpCode(a.totpSecret!, t.clock.now()),
      });
      expect(ok.statusCode).toBe(200);
    }
  });

  it('accepts a TOTP code once: the same code again is refused (RFC 6238 §5.2)', async () => {
    const a = await makeAccount(t, { role: 'discipline', orgId: ORG.R, scope: 4 });
    const code = totpCode(a.totpSecret!, t.clock.now());
    expect((await loginRaw({ username: a.username, password: PASSWORD, totp: code })).statusCode).toBe(200);
    const replay = await loginRaw({ username: a.username, password: PASSWORD, totp: code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('BAD_TOTP');
    t.clock.advance(30_000);
    expect(
      (await loginRaw({ username: a.username, password: PASSWORD, totp: totpCode(a.totpSecret!, t.clock.now()) }))
        .statusCode,
    ).toBe(200);
  });

  it('does not ask other roles for TOTP', async () => {
    const a = await makeAccount(t, { role: 'committee_leader', orgId: ORG.A, scope: 4 });
    expect(a.totpSecret).toBeUndefined();
    expect((await loginRaw({ username: a.username, password: PASSWORD })).statusCode).toBe(200);
  });

  it('refuses bad login bodies with 400 and no 500', async () => {
    expect((await loginRaw({ username: 'x' })).statusCode).toBe(400);
    expect((await loginRaw({ username: 'x', password: 'y', extra: 1 })).statusCode).toBe(400);
    expect((await loginRaw({ username: 'x'.repeat(65), password: 'y' })).statusCode).toBe(400);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.messageZh).toContain('JSON');
  });

  it('refuses a lone surrogate or NUL in any field with 400, and the trail chain stays verifiable', async () => {
    for (const raw of [
      '{"username":"\\ud800x","password":"whatever"}',
      '{"username":"a\\u0000b","password":"whatever"}',
      '{"username":"ok_user","password":"\\udfff"}',
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: raw,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.messageEn).toContain('invalid character');
    }
    const q = await new Client(t).login(
      (await makeAccount(t, { role: 'org_supervisor', orgId: ORG.A, scope: 4 })).username,
    );
    expect((await q.get('/api/v1/cadres?q=%ED%A0%80')).statusCode).toBeLessThan(500);
    expect((await q.get('/api/v1/cadres?q=a%00b')).statusCode).toBe(400);
    expect((await verifyTrail(t.ctx.db)).ok).toBe(true);
  });
});

describe('sessions and CSRF', () => {
  it('refuses a cookie-authenticated write without the CSRF header (403) and accepts it with the header', async () => {
    const a = await makeAccount(t, { role: 'org_supervisor', orgId: ORG.A, scope: 4 });
    const c = await new Client(t).login(a.username);
    const body = { parentId: ORG.A, name: '明湖区审计局', level: 'county', unitType: 'gov_department' };
    const noHeader = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      headers: { cookie: c.cookie },
      payload: body,
    });
    expect(noHeader.statusCode).toBe(403);
    expect(noHeader.json().error.code).toBe('CSRF');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      headers: { cookie: c.cookie, 'x-csrf-token': 'nope' },
      payload: body,
    });
    expect(wrong.statusCode).toBe(403);
    const n = await t.ctx.db.selectFrom('orgs').select('id').where('name', '=', '明湖区审计局').execute();
    expect(n).toHaveLength(0);
    expect((await c.post('/api/v1/orgs', body)).statusCode).toBe(201);
  });

  it('logs out: the old cookie no longer works', async () => {
    const a = await makeAccount(t, { role: 'org_supervisor', orgId: ORG.A, scope: 4 });
    const c = await new Client(t).login(a.username);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await c.post('/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('expires a session after 8 hours', async () => {
    const a = await makeAccount(t, { role: 'org_supervisor', orgId: ORG.A, scope: 4 });
    const c = await new Client(t).login(a.username);
    t.clock.advance(8 * 3600_000 - 1000);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
    t.clock.advance(2000);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('answers 401 without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/cadres' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.messageZh).toBe('请先登录');
  });
});
