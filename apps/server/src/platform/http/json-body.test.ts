// Issue 11 §3: JSON bodies are limited in depth and size before they are walked; no deep or large body answers 500,
// on any route, and a deep body costs milliseconds, not a second of CPU.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { loadSmallTree, ORG } from '../../test/fixtures.js';
import { findUnstorableText } from './validation.js';
import { JSON_MAX_BYTES, JSON_MAX_DEPTH, JSON_MAX_ITEMS, jsonShapeError, nestsDeeperThan } from './json-body.js';

let t: TestApp;
let staff: Client;
beforeAll(async () => {
  t = await startTestApp();
  await loadSmallTree(t);
  staff = await loginAs(t, { role: 'org_supervisor', orgId: ORG.R, scope: 1 });
});
afterAll(() => t.close());

const nested = (levels: number, open = '{"a":', close = '}') => `${open.repeat(levels)}1${close.repeat(levels)}`;
const send = (
  url: string,
  payload: string,
  headers: Record<string, string> = {},
  method: 'POST' | 'PATCH' | 'PUT' = 'POST',
) => t.app.inject({ method, url, headers: { 'content-type': 'application/json', ...headers }, payload });

describe('the depth pre-scan', () => {
  it('counts objects and arrays outside strings only, escaped quotes included', () => {
    expect(nestsDeeperThan(nested(32), 32)).toBe(false);
    expect(nestsDeeperThan(nested(33), 32)).toBe(true);
    expect(nestsDeeperThan(nested(33, '[', ']'), 32)).toBe(true);
    expect(nestsDeeperThan(JSON.stringify({ s: '['.repeat(1000) }), 32)).toBe(false);
    expect(nestsDeeperThan(JSON.stringify({ s: `\\"${'{'.repeat(100)}` }), 32)).toBe(false);
    expect(nestsDeeperThan(`{"s":"\\\\"${'['.repeat(40)}`, 32)).toBe(true); // an escaped backslash ends the string
  });
});

describe('deep and large JSON bodies (issue 11 §3)', () => {
  it('refuses an 18 KB body nested 9,000 levels at login (no account needed) with a bilingual 400, in milliseconds', async () => {
    for (const body of [nested(9000, '[', ']'), nested(3000)]) {
      const started = performance.now();
      const res = await send('/api/v1/auth/login', body);
      const ms = performance.now() - started;
      expect(res.statusCode, res.body).toBe(400);
      const e = res.json().error;
      expect(e.code).toBe('BODY_TOO_DEEP');
      expect(e.messageZh).toContain('嵌套过深');
      expect(e.messageEn).toContain(`at most ${JSON_MAX_DEPTH} levels`);
      expect(ms).toBeLessThan(250); // it took 1–1.5 s of CPU and ended in a 500
    }
  });

  it('lets a body at the depth limit through to validation, which names the field', async () => {
    const res = await send('/api/v1/auth/login', `{"username":"x","password":${nested(JSON_MAX_DEPTH - 1)}}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION');
  });

  it('refuses a JSON body over the JSON limit with 413 before parsing it', async () => {
    const res = await send(
      '/api/v1/auth/login',
      JSON.stringify({ username: 'x', password: 'p'.repeat(JSON_MAX_BYTES) }),
    );
    expect(res.statusCode).toBe(413);
    expect(res.json().error.messageEn).toBe('The body is too large');
  });

  it('refuses a body of more than 10,000 items before parsing it (256 KiB of [0,0,…] made 128,000 values)', async () => {
    expect(jsonShapeError(`[${'0,'.repeat(JSON_MAX_ITEMS - 2)}0]`, 32, JSON_MAX_ITEMS)).toBeNull();
    expect(jsonShapeError(JSON.stringify({ s: ','.repeat(50_000) }), 32, JSON_MAX_ITEMS)).toBeNull(); // commas in a string
    const res = await send('/api/v1/auth/login', `[${'0,'.repeat(100_000)}0]`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'BODY_TOO_MANY_ITEMS',
      messageEn: `The body has too many fields or elements (at most ${JSON_MAX_ITEMS})`,
    });
  });

  it('answers a body of 5,000 unknown keys briefly', async () => {
    const body = `{${Array.from({ length: 5_000 }, (_, i) => `"k${i}":1`).join(',')}}`;
    const res = await send('/api/v1/auth/login', body);
    expect(res.statusCode).toBe(400);
    expect(res.body.length).toBeLessThan(5_000);
  });

  it('answers no write route with a 5xx for a deep, a wide or a broken body', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const bodies = [nested(9000, '[', ']'), nested(40), `[${'0,'.repeat(100_000)}0]`, '{"a":'];
    const statuses = new Map<number, number>();
    let routes = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (path.endsWith('/auth/logout')) continue; // it takes no body, and would end the session the sweep uses
      for (const method of Object.keys(ops).filter((m) => ['post', 'patch', 'put'].includes(m))) {
        routes++;
        const url = path.replace(/\{[^}]+\}/g, '1');
        for (const body of bodies) {
          const res = await send(
            url,
            body,
            { cookie: staff.cookie, 'x-csrf-token': staff.csrf },
            method.toUpperCase() as 'POST',
          );
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(500);
          if (body === bodies[0]) expect([400, 403, 404, 413, 415]).toContain(res.statusCode);
        }
      }
    }
    expect(routes).toBeGreaterThan(40);
    console.log(`hostile JSON bodies on ${routes} write routes, answers by status:`, Object.fromEntries(statuses));
  });
});

describe('findUnstorableText', () => {
  it('walks a value nested 100,000 levels without overflowing the stack, and names the path of a NUL in it', () => {
    let deep: unknown = 'a\u0000b';
    for (let i = 0; i < 100_000; i++) deep = { k: deep };
    const path = findUnstorableText({ ok: ['fine'], deep });
    expect(path?.length).toBe(100_001);
    expect(path?.slice(0, 3)).toEqual(['deep', 'k', 'k']);
    expect(findUnstorableText({ list: ['x', { y: '\ud800' }] })).toEqual(['list', '1', 'y']);
    expect(findUnstorableText({ ['bad\u0000key']: 1 })).toEqual([]);
    expect(findUnstorableText({ a: [1, null, true, 'ok'] })).toBeNull();
  });
});
