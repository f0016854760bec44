// Login throttling by account and by address together (issue 11 §6): a stranger elsewhere cannot lock a user out,
// guesses at one account stay bounded per hour across all addresses, one address cannot spray many names, an unknown
// name is answered like a known one, and a wrong one-time code counts like a wrong password. Kept in the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, PASSWORD, startTestApp, type TestApp } from '../../test/harness.js';
import { loadSmallTree, ORG } from '../../test/fixtures.js';
import { buildApp } from '../../app.js';
import { LOGIN_LIMITS, totpCode } from './index.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await loadSmallTree(t);
});
afterAll(() => t.close());

const login = (from: string, body: { username: string; password: string; totp?: string }, app = t.app) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: body, remoteAddress: from });
const WRONG = 'not-the-password';
const auditor = () => makeAccount(t, { role: 'auditor', orgId: ORG.R, scope: 4 });
let net = 0;
/** A fresh block of addresses per test, so tests do not share per-address counts. */
const addresses = (n: number) => {
  net += 1;
  return Array.from({ length: n }, (_, i) => `10.${net}.${Math.floor(i / 250)}.${(i % 250) + 1}`);
};
const statuses = (rs: { statusCode: number }[]) => rs.map((r) => r.statusCode);

describe('login throttling (issue 11 §6)', () => {
  it("a stranger's wrong passwords from another address lock only that address, not the user at theirs", async () => {
    const a = await auditor();
    const [stranger, user] = addresses(2);
    const tries = [];
    for (let i = 0; i < 8; i++) tries.push(await login(stranger, { username: a.username, password: WRONG }));
    expect(statuses(tries)).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    expect((await login(stranger, { username: a.username, password: PASSWORD })).statusCode).toBe(429); // even the right one
    expect((await login(user, { username: a.username, password: PASSWORD })).statusCode).toBe(200);
  });

  it('bounds guesses at one account across many addresses to the hourly cap; a known address still gets in', async () => {
    const a = await auditor();
    const [home, ...botnet] = addresses(LOGIN_LIMITS.accountFailuresPerHour + 12);
    expect((await login(home, { username: a.username, password: PASSWORD })).statusCode).toBe(200);
    const answers = [];
    for (const from of botnet.slice(0, -1)) answers.push(await login(from, { username: a.username, password: WRONG }));
    expect(answers.filter((r) => r.statusCode === 401)).toHaveLength(LOGIN_LIMITS.accountFailuresPerHour);
    const refused = answers.filter((r) => r.statusCode === 429);
    expect(refused).toHaveLength(10);
    expect(refused[0].json().error.code).toBe('LOCKED');
    // The hourly cap: minutes, said in Chinese in the Chinese message (issue 13 §6).
    expect(refused[0].json().error.messageZh).toMatch(/^登录失败次数过多，请 \d+ 分钟后再试$/);
    expect(refused[0].json().error.messageEn).toMatch(/^Too many failed logins; try again in \d+ min$/);
    // A new address must wait, even with the right password (it would otherwise be one more guess)…
    const fresh = botnet.at(-1)!;
    const wait = await login(fresh, { username: a.username, password: PASSWORD });
    expect(wait.statusCode).toBe(429);
    expect(Number(wait.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(wait.headers['retry-after'])).toBeLessThanOrEqual(3600);
    // …the address the user logged in from lately is let in; and after the hour anyone is.
    expect((await login(home, { username: a.username, password: PASSWORD })).statusCode).toBe(200);
    t.clock.advance(3600_000);
    expect((await login(fresh, { username: a.username, password: PASSWORD })).statusCode).toBe(200);
  });

  it('counts parallel guesses from many addresses one by one: the cap is not overrun', async () => {
    const a = await auditor();
    const from = addresses(LOGIN_LIMITS.accountFailuresPerHour + 10);
    const answers = await Promise.all(from.map((f) => login(f, { username: a.username, password: WRONG })));
    expect(answers.filter((r) => r.statusCode === 401)).toHaveLength(LOGIN_LIMITS.accountFailuresPerHour);
    expect(answers.filter((r) => r.statusCode === 429)).toHaveLength(10);
  });

  it('bounds one address spraying many names (known or not) to the per-address cap; other addresses are unaffected', async () => {
    const [sprayer, elsewhere] = addresses(2);
    const target = await auditor();
    const names = Array.from({ length: LOGIN_LIMITS.addressFailuresPerHour }, (_, i) => `spray_${net}_${i}`);
    for (let i = 0; i < names.length; i += 10) {
      const batch = await Promise.all(
        names.slice(i, i + 10).map((username) => login(sprayer, { username, password: WRONG })),
      );
      expect(new Set(statuses(batch))).toEqual(new Set([401]));
    }
    expect((await login(sprayer, { username: target.username, password: PASSWORD })).statusCode).toBe(429);
    expect((await login(elsewhere, { username: target.username, password: PASSWORD })).statusCode).toBe(200);
  });

  it('answers an unknown name exactly like a known one, locks it alike, and takes about as long', async () => {
    const known = await auditor();
    const [from] = addresses(1);
    const seen = async (username: string) => {
      const out = [];
      for (let i = 0; i < LOGIN_LIMITS.lockAfter + 2; i++) {
        const r = await login(from, { username, password: WRONG });
        out.push({ status: r.statusCode, body: r.json(), retryAfter: r.headers['retry-after'] });
      }
      return out;
    };
    const k = await seen(known.username);
    const u = await seen(`nobody_${net}`);
    expect(u).toEqual(k);
    expect(k.map((x) => x.status)).toEqual([401, 401, 401, 401, 401, 429, 429]);

    // Timing: a known name with a wrong password and an unknown name both pay for one argon2id verification.
    const times = { known: [] as number[], unknown: [] as number[] };
    const spread = addresses(16);
    for (let i = 0; i < 8; i++) {
      for (const kind of ['known', 'unknown'] as const) {
        const started = performance.now();
        const r = await login(spread[i * 2 + (kind === 'known' ? 0 : 1)], {
          username: kind === 'known' ? known.username : `ghost_${net}`,
          password: WRONG,
        });
        times[kind].push(performance.now() - started);
        expect(r.statusCode).toBe(401);
      }
    }
    const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    const ratio = median(times.unknown) / median(times.known);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it('counts a wrong one-time code like a wrong password, at the pair and at the account', async () => {
    const d = await makeAccount(t, { role: 'discipline', orgId: ORG.R, scope: 4 });
    const wrongCode = () => {
      const c = totpCode(d.totpSecret!, t.clock.now());
      return c === '000000' ? '111111' : '000000';
    };
    const [thief, user] = addresses(2);
    // The thief has the password but not the phone: five wrong codes lock the thief's address, not the user's.
    const tries = [];
    for (let i = 0; i < 5; i++)
      tries.push(await login(thief, { username: d.username, password: PASSWORD, totp: wrongCode() }));
    expect(tries.map((r) => r.json().error.code)).toEqual(Array(5).fill('BAD_TOTP'));
    expect(
      (await login(thief, { username: d.username, password: PASSWORD, totp: totpCode(d.totpSecret!, t.clock.now()) }))
        .statusCode,
    ).toBe(429);
    expect(
      (await login(user, { username: d.username, password: PASSWORD, totp: totpCode(d.totpSecret!, t.clock.now()) }))
        .statusCode,
    ).toBe(200);

    // Across addresses the codes draw on the account's hourly cap.
    const d2 = await makeAccount(t, { role: 'petition', orgId: ORG.R, scope: 4 });
    const many = addresses(LOGIN_LIMITS.accountFailuresPerHour + 1);
    const codes = [];
    for (const from of many.slice(0, -1))
      codes.push(
        (
          await login(from, {
            username: d2.username,
            password: PASSWORD,
            totp: '000000' === totpCode(d2.totpSecret!, t.clock.now()) ? '111111' : '000000',
          })
        ).statusCode,
      );
    expect(codes).toEqual(Array(LOGIN_LIMITS.accountFailuresPerHour).fill(401));
    expect(
      (
        await login(many.at(-1)!, {
          username: d2.username,
          password: PASSWORD,
          totp: totpCode(d2.totpSecret!, t.clock.now()),
        })
      ).statusCode,
    ).toBe(429);
  });

  it('the right password without a code yet is no failure, and cannot wipe the failures counted before it', async () => {
    const d = await makeAccount(t, { role: 'discipline', orgId: ORG.R, scope: 4 });
    const [from] = addresses(1);
    const bad = () =>
      login(from, {
        username: d.username,
        password: PASSWORD,
        totp: totpCode(d.totpSecret!, new Date(t.clock.now().getTime() - 600_000)),
      });
    for (let i = 0; i < 4; i++) expect((await bad()).statusCode).toBe(401);
    for (let i = 0; i < 3; i++)
      expect((await login(from, { username: d.username, password: PASSWORD })).json().error.code).toBe('TOTP_REQUIRED');
    expect((await bad()).statusCode).toBe(401); // the 5th failure in a row
    const right = () =>
      login(from, { username: d.username, password: PASSWORD, totp: totpCode(d.totpSecret!, t.clock.now()) });
    expect((await right()).statusCode).toBe(429);
    // When the lock has run out, the two steps of the login page (password, then code) do not start it again.
    t.clock.advance(61_000);
    expect((await login(from, { username: d.username, password: PASSWORD })).json().error.code).toBe('TOTP_REQUIRED');
    expect((await right()).statusCode).toBe(200);
  });

  it('is kept in the database: a lock made through one app holds in another app on the same database', async () => {
    const a = await auditor();
    const [from] = addresses(1);
    for (let i = 0; i < LOGIN_LIMITS.lockAfter; i++)
      expect((await login(from, { username: a.username, password: WRONG })).statusCode).toBe(401);
    const second = await buildApp(t.ctx);
    try {
      expect((await login(from, { username: a.username, password: PASSWORD }, second)).statusCode).toBe(429);
      const rows = await t.ctx.db.selectFrom('throttle').selectAll().execute();
      expect(JSON.stringify(rows)).not.toContain(from); // keyed hashes only
      expect(JSON.stringify(rows)).not.toContain(a.username);
    } finally {
      await second.close();
    }
  });
});
