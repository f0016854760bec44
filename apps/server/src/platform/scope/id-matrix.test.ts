// Scope on every id, driven by the route table (issue 11 §2): for every route that takes an id — path, query string or
// body, write or list filter — each id field in turn holds the sibling county's id while the others hold the caller's
// own; that is 404, trailed, and writes nothing. With only its own ids no route answers 404. A route with an id field
// is covered as it registers; a new write route this file does not know, or an id field without a kind, fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, loginAs, startTestApp, type TestApp } from '../../test/harness.js';
import { loadSmallTree, ORG } from '../../test/fixtures.js';
import { can, ROLE_NAMES, type Permission } from '../auth/index.js';
import type { Access, RouteEntry } from '../http/index.js';
import { buildTwoCounties, type Ids } from './id-matrix.fixtures.js';
import { isPublic, key, NO_IDS, requestFor, SAMPLES, WRITE } from './id-matrix.samples.js';

let t: TestApp;
let own: Ids;
let sibling: Ids;
let routes: RouteEntry[];
const callers = new Map<string, Client>();

beforeAll(async () => {
  t = await startTestApp();
  await loadSmallTree(t);
  ({ own, sibling } = await buildTwoCounties(t));
  routes = t.app.routeTable().filter((r) => r.url.startsWith('/api/v1/'));
  for (const r of routes) if (r.ids.length) await caller(r.access!); // logged in before the trail is counted
}, 120_000);
afterAll(() => t.close());

/** The caller: a county-A account (scope 4) of the first role that holds the route's permissions. */
async function caller(access: Access): Promise<Client> {
  const name =
    access === 'signed-in'
      ? access
      : ROLE_NAMES.find((role) => [access].flat().every((p) => can(role, p as Permission)));
  if (!name) throw new Error(`no role holds ${access}`);
  if (!callers.has(name)) {
    callers.set(
      name,
      name === 'signed-in'
        ? await new Client(t).login('matrix_signed_in')
        : await loginAs(t, { role: name as never, orgId: ORG.A, scope: 4 }),
    );
  }
  return callers.get(name)!;
}

/** The request with every id its own, except field `odd` (an index into r.ids), which holds the sibling's. */
async function send(r: RouteEntry, odd: number | null) {
  const q = requestFor(r, (f, i) => {
    const id = (i === odd ? sibling : own)[f.kind];
    if (id == null) throw new Error(`the fixture has no ${f.kind}`);
    return id;
  });
  const c = await caller(r.access!);
  const headers: Record<string, string> = {
    cookie: c.cookie,
    ...(WRITE.has(r.method) ? { 'x-csrf-token': c.csrf } : {}),
  };
  if (q.file)
    return t.app.inject({
      method: q.method,
      url: q.url,
      payload: q.file,
      headers: { ...headers, ...q.headers, 'content-type': 'application/octet-stream' },
    });
  return t.app.inject({ method: q.method, url: q.url, headers, ...(q.body ? { payload: q.body } : {}) });
}

describe('the route table', () => {
  it('every route but the public ones declares who may call it, and every id-like field has a kind', () => {
    expect(routes.filter((r) => !isPublic(r) && !r.access).map(key)).toEqual([]);
    expect(routes.flatMap((r) => r.untaggedIds.map((f) => `${key(r)} ${f}`))).toEqual([]);
    expect(routes.filter(isPublic).flatMap((r) => r.ids)).toEqual([]);
  });

  it('the matrix knows every write route, and the ones it lists without ids have none', () => {
    const unknown = routes
      .filter((r) => WRITE.has(r.method) && !isPublic(r) && !SAMPLES[key(r)] && !NO_IDS.has(key(r)))
      .map(key);
    expect(unknown, 'new write routes: add a sample request (or list them in NO_IDS)').toEqual([]);
    expect(routes.filter((r) => NO_IDS.has(key(r)) && r.ids.length).map(key)).toEqual([]);
    const known = new Set(routes.map(key));
    expect(
      [...Object.keys(SAMPLES), ...NO_IDS].filter((k) => !known.has(k)),
      'samples for routes that are gone',
    ).toEqual([]);
    // What it covers, so a route losing its ids shows here too.
    expect(routes.filter((r) => r.ids.length).length).toBeGreaterThanOrEqual(70);
  });
});

describe('ids of the sibling county', () => {
  it('answer 404 in every id field of every route, trailed, and write nothing', async () => {
    const before = Number(
      (
        await t.ctx.db
          .selectFrom('trail')
          .select((eb) => eb.fn.max('seq').as('m'))
          .executeTakeFirstOrThrow()
      ).m,
    );
    const wrong: string[] = [];
    let denied = 0;
    for (const r of routes.filter((x) => x.ids.length)) {
      for (let i = 0; i < r.ids.length; i++) {
        const res = await send(r, i);
        const f = r.ids[i];
        if (res.statusCode !== 404)
          wrong.push(`${key(r)} ${f.in}.${f.path.join('.')}=${f.kind}: ${res.statusCode} ${res.body.slice(0, 160)}`);
        else denied++;
      }
    }
    expect(wrong).toEqual([]);
    // Every refusal left its scope.denied row, and nothing else was written.
    const rows = await t.ctx.db
      .selectFrom('trail')
      .select(['action'])
      .where('seq', '>', String(before) as never)
      .execute();
    expect(rows.filter((x) => x.action !== 'scope.denied').map((x) => x.action)).toEqual([]);
    expect(rows.length).toBe(denied);
    expect(denied).toBeGreaterThanOrEqual(85);
  }, 300_000);
});

describe('own ids', () => {
  it('never answer 404 (nor 5xx) on any route', async () => {
    const wrong: string[] = [];
    for (const r of routes.filter((x) => x.ids.length)) {
      const res = await send(r, null);
      if (res.statusCode === 404 || res.statusCode >= 500)
        wrong.push(`${key(r)}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
    expect(wrong).toEqual([]);
  }, 300_000);
});
