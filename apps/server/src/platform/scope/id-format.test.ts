// Ids are integers and nothing else (issue 11 §7), and the permission comes before the input (issue 11 §2), for every
// route of the table: a non-integer id in a body, a query string or a path is a bilingual 400 naming the field; a role
// without the route's permission gets 403 whatever it sent — a body of the wrong shape, or one that is not even JSON.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, loginAs, startTestApp, type TestApp } from '../../test/harness.js';
import { loadSmallTree, ORG } from '../../test/fixtures.js';
import { can, ROLE_NAMES, type Permission } from '../auth/index.js';
import type { RouteEntry } from '../http/index.js';
import { isPublic, key, requestFor, WRITE } from './id-matrix.samples.js';

const BODY_BAD: unknown[] = [true, '5', [502], 1.5, 0, -1, 2 ** 31, {}, '0x10'];
const URL_BAD = ['0x10', '1e3', '%201', '01', '0', '-1', '1.5', '2147483648', '+1', '%E4%B8%80'];

let t: TestApp;
let routes: RouteEntry[];
const clients = new Map<string, Client>();
/** A county account of the first role that holds the route's permissions (any account for signed-in routes). */
const holder = (r: RouteEntry) =>
  r.access === 'signed-in'
    ? 'org_supervisor'
    : ROLE_NAMES.find((role) => [r.access!].flat().every((p) => can(role, p as Permission)))!;

beforeAll(async () => {
  t = await startTestApp();
  await loadSmallTree(t);
  routes = t.app.routeTable().filter((r) => r.url.startsWith('/api/v1/') && !isPublic(r));
  for (const role of new Set([...routes.filter((r) => r.ids.length).map(holder), 'joint_member'])) {
    clients.set(role, await loginAs(t, { role: role as never, orgId: ORG.A, scope: 4 }));
  }
}, 120_000);
afterAll(() => t.close());

function call(c: Client | null, r: RouteEntry, q: ReturnType<typeof requestFor>, raw?: string) {
  const headers: Record<string, string> = c
    ? { cookie: c.cookie, ...(WRITE.has(r.method) ? { 'x-csrf-token': c.csrf } : {}) }
    : {};
  if (raw != null)
    return t.app.inject({
      method: q.method,
      url: q.url,
      payload: raw,
      headers: { ...headers, 'content-type': 'application/json' },
    });
  if (q.file)
    return t.app.inject({
      method: q.method,
      url: q.url,
      payload: q.file,
      headers: { ...headers, ...q.headers, 'content-type': 'application/octet-stream' },
    });
  return t.app.inject({ method: q.method, url: q.url, headers, ...(q.body ? { payload: q.body } : {}) });
}

describe('a value that is not an id', () => {
  it('in any id field of any route is a 400 in Chinese and English that names the field', async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const r of routes.filter((x) => x.ids.length)) {
      for (let i = 0; i < r.ids.length; i++) {
        const f = r.ids[i];
        for (const bad of f.in === 'body' ? BODY_BAD : URL_BAD) {
          // Every other id is a valid one (1): only the field under test is wrong.
          const res = await call(
            clients.get(holder(r))!,
            r,
            requestFor(r, (_g, j) => (j === i ? bad : 1)),
          );
          const field = f.path.map((p) => (p === '*' ? '0' : p)).join('.');
          const e = res.json().error;
          const named = (e?.details ?? []).some((d: { path: string }) => d.path === field);
          if (res.statusCode !== 400 || !named || !e.messageZh || !e.messageEn || e.messageZh === e.messageEn) {
            wrong.push(
              `${key(r)} ${f.in}.${field}=${JSON.stringify(bad)}: ${res.statusCode} ${res.body.slice(0, 200)}`,
            );
          }
          checked++;
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(800);
  }, 300_000);

  it('says what an id is, for a path id read the old way (0x10 as 16, 1e3 as 1000, " 1" as 1)', async () => {
    const c = clients.get('org_supervisor')!;
    for (const id of ['0x10', '1e3', '%201']) {
      const res = await c.get(`/api/v1/cadres/${id}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        messageZh: expect.stringContaining('应为正整数编号'),
        messageEn: expect.stringContaining('whole-number id'),
        details: [{ path: 'id' }],
      });
    }
    const body = await c.post('/api/v1/talks', {
      kind: 'supervision',
      talkerCadreId: true,
      talkeeCadreId: 3,
      heldOn: '2026-03-01',
      summary: '监督谈话测试',
    });
    expect(body.json().error).toMatchObject({
      code: 'VALIDATION',
      details: [{ path: 'talkerCadreId', code: 'invalid_type' }],
    });
  });
});

describe('a role without the permission', () => {
  it('gets 403 on every route whatever it sends, before its input is read; no account gets 401', async () => {
    const joint = clients.get('joint_member')!;
    const wrong: string[] = [];
    for (const r of routes.filter((x) => x.access)) {
      const q = requestFor(r, () => 'x');
      for (const raw of [JSON.stringify({ bogus: [[[1]]] }), '{"not json']) {
        if (!WRITE.has(r.method) && raw !== '{"not json') continue;
        const who = r.access === 'signed-in' ? null : joint;
        const res = await call(who, r, q, WRITE.has(r.method) && r.method !== 'DELETE' ? raw : undefined);
        const want = who ? 403 : 401;
        if (res.statusCode !== want) wrong.push(`${key(r)} ${raw}: ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 300_000);
});
