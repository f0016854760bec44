// TRUST_PROXY (issue 11 §6): off by default, X-Forwarded-For is ignored (anyone can send it); set to the proxy's
// address or a hop count, two clients behind the proxy have their own budgets and the trail sees each client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { makeAccount, PASSWORD, startTestApp, type TestApp } from '../../test/harness.js';
import { loadSmallTree, ORG } from '../../test/fixtures.js';
import { buildApp } from '../../app.js';
import { parseTrustProxy } from './trust-proxy.js';

const LIMITS = { submissionsPerHour: 100, lookupsPerTenMinutes: 2, wrongReceiptDelayMs: 1 };
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ app: { publicLimits: LIMITS } });
  await loadSmallTree(t);
});
afterAll(() => t.close());

// Every request comes from the proxy on 127.0.0.1, as behind nginx on the same host.
const lookup = (app: FastifyInstance, client: string, proxy = '127.0.0.1') =>
  app.inject({
    method: 'POST',
    url: '/api/v1/public/reports/status',
    payload: { receipt: '1111-2222-3333-4444' },
    remoteAddress: proxy,
    headers: { 'x-forwarded-for': client },
  });
const codes = async (app: FastifyInstance, client: string, n = 3) => {
  const out = [];
  for (let i = 0; i < n; i++) out.push((await lookup(app, client)).statusCode);
  return out;
};

describe('TRUST_PROXY (issue 11 §6)', () => {
  it('off (the default): X-Forwarded-For is ignored, so a client cannot pick a fresh address per request', async () => {
    expect(await codes(t.app, '203.0.113.1', 1)).toEqual([404]);
    expect(await codes(t.app, '203.0.113.2', 1)).toEqual([404]);
    expect(await codes(t.app, '203.0.113.3', 1)).toEqual([429]);
  });

  for (const [i, setting] of ['127.0.0.1', '127.0.0.0/8, 10.0.0.0/8', 'loopback', '1'].entries()) {
    it(`TRUST_PROXY=${setting}: two clients behind the proxy have separate budgets`, async () => {
      const app = await buildApp(t.ctx, { publicLimits: LIMITS, trustProxy: setting });
      try {
        const net = 100 + i;
        expect(await codes(app, `198.51.${net}.10`)).toEqual([404, 404, 429]);
        expect(await codes(app, `198.51.${net}.11`)).toEqual([404, 404, 429]);
      } finally {
        await app.close();
      }
    });
  }

  it('a listed proxy is believed and nobody else: a client sending X-Forwarded-For directly is counted by its own address', async () => {
    const app = await buildApp(t.ctx, { publicLimits: LIMITS, trustProxy: '10.9.9.9' });
    try {
      const direct = (client: string) => lookup(app, client, '192.0.2.99');
      expect([
        (await direct('1.1.1.1')).statusCode,
        (await direct('2.2.2.2')).statusCode,
        (await direct('3.3.3.3')).statusCode,
      ]).toEqual([404, 404, 429]);
    } finally {
      await app.close();
    }
  });

  it('the trail records the client behind the proxy, not the proxy', async () => {
    const a = await makeAccount(t, { role: 'auditor', orgId: ORG.R, scope: 4 });
    const login = (app: FastifyInstance) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '127.0.0.1',
        headers: { 'x-forwarded-for': '203.0.113.50' },
        payload: { username: a.username, password: PASSWORD },
      });
    const lastIp = async () =>
      (
        await t.ctx.db
          .selectFrom('trail')
          .select('client_ip')
          .where('action', '=', 'auth.login')
          .where('actor_id', '=', a.id)
          .orderBy('seq', 'desc')
          .executeTakeFirstOrThrow()
      ).client_ip;
    expect((await login(t.app)).statusCode).toBe(200);
    expect(await lastIp()).toBe('127.0.0.1');
    const app = await buildApp(t.ctx, { trustProxy: '127.0.0.1' });
    try {
      expect((await login(app)).statusCode).toBe(200);
      expect(await lastIp()).toBe('203.0.113.50');
    } finally {
      await app.close();
    }
  });

  it('reads the setting strictly: off when empty, a list, a hop count; "true" and nonsense refused at start', () => {
    for (const off of [undefined, '', ' ', 'false', 'off', '0']) expect(parseTrustProxy(off)).toBe(false);
    expect(parseTrustProxy('10.0.0.1, 10.0.0.0/8,::1,fd00::/8')).toEqual(['10.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8']);
    const hops = parseTrustProxy('2') as (a: string, hop: number) => boolean;
    expect([hops('x', 0), hops('x', 1), hops('x', 2)]).toEqual([true, true, false]);
    for (const bad of ['true', 'nginx', '10.0.0.0/33', '10.0.0.1;rm', '99'])
      expect(() => parseTrustProxy(bad), bad).toThrow(/TRUST_PROXY/);
  });
});
