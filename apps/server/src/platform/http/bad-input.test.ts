// issue 11 §7 (and §3): a bad-input suite generated from the OpenAPI document. Every operation is sent malformed JSON,
// wrong types per field, deep nesting, oversized strings and bodies, NUL and lone surrogates, and out-of-range ids in
// path, query and body — anonymously and as a role that has the permission. Zero 5xx; every 4xx in the bilingual
// error format, naming the field when the database refused a value, never a constraint or the framework's words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, loginAs, startTestApp, type TestApp } from '../../test/harness.js';
import { CADRE, loadSmallTree, ORG } from '../../test/fixtures.js';
import { casesOf, example, operations, type Case, type Operation } from '../../test/openapi-cases.js';
import type { Role } from '../auth/index.js';

let t: TestApp;
const clients = new Map<Role, Client>();
const LENIENT = { submissionsPerHour: 100_000, lookupsPerTenMinutes: 100_000, wrongReceiptDelayMs: 0 };
// The role tried first for each tag; the others follow when it is refused (401/403).
const FIRST: Record<string, Role> = {
  rules: 'admin',
  trail: 'admin',
  calendar: 'admin',
  reports: 'petition',
  clues: 'discipline',
};
const ROLES: Role[] = ['org_supervisor', 'discipline', 'petition', 'admin', 'cadre'];

beforeAll(async () => {
  t = await startTestApp({ app: { publicLimits: LENIENT } });
  await loadSmallTree(t);
  for (const role of ROLES) {
    clients.set(
      role,
      await loginAs(t, {
        role,
        orgId: role === 'cadre' ? ORG.A_DEPT : ORG.R,
        scope: role === 'admin' ? 1 : role === 'cadre' ? 5 : 4,
        cadreId: role === 'cadre' ? CADRE.A_DEPT : undefined,
      }),
    );
  }
}, 120_000);
afterAll(() => t.close());

interface Answer {
  statusCode: number;
  body: string;
  headers: Record<string, unknown>;
}
const send = (op: Operation, c: Case, who: Client | null): Promise<Answer> =>
  t.app.inject({
    method: op.method as 'GET',
    url: c.url,
    payload: c.payload,
    headers: {
      ...(c.contentType ? { 'content-type': c.contentType } : {}),
      ...(who ? { cookie: who.cookie, 'x-csrf-token': who.csrf } : {}),
    },
  });

/** The first role (by tag, then the rest) whose schema-valid example is not refused as unauthenticated or forbidden. */
async function roleFor(op: Operation): Promise<Role | null> {
  if (op.tags.includes('public') || op.path.endsWith('/auth/login')) return null;
  const first = FIRST[op.tags[0]] ?? (op.path.includes('/my/') ? 'cadre' : 'org_supervisor');
  const example = casesOf(op, { full: false })[0];
  for (const role of [first, ...ROLES.filter((r) => r !== first)]) {
    if (![401, 403].includes((await send(op, example, clients.get(role)!)).statusCode)) return role;
  }
  return first;
}

/** What is wrong with an answer, or null: a 5xx, a 4xx outside the error format, a refused value with no field. */
function problem(a: Answer): string | null {
  if (a.statusCode >= 500) return `status ${a.statusCode}`;
  if (
    a.headers['x-content-type-options'] !== 'nosniff' ||
    !String(a.headers['content-security-policy'] ?? '').includes("frame-ancestors 'none'")
  ) {
    return 'security headers missing';
  }
  if (a.statusCode < 400) return null;
  let e: {
    code?: unknown;
    message?: unknown;
    messageZh?: unknown;
    messageEn?: unknown;
    details?: Array<{ path?: string }>;
  };
  try {
    e = JSON.parse(a.body).error;
  } catch {
    return 'not JSON';
  }
  if (
    typeof e?.code !== 'string' ||
    typeof e.messageZh !== 'string' ||
    !/[\u4e00-\u9fff]/.test(e.messageZh) ||
    typeof e.messageEn !== 'string' ||
    !e.messageEn ||
    e.message !== `${e.messageZh} / ${e.messageEn}`
  )
    return 'not the bilingual error format';
  if (/FST_|HPE_|\b[a-z]+(?:_[a-z0-9]+)+_(?:key|pkey|fkey|check|idx)\b|\.ts:\d|node_modules/.test(`${e.message}`))
    return 'internals in the message';
  if (['BAD_VALUE', 'DUPLICATE', 'CONSTRAINT'].includes(e.code) && !e.details?.[0]?.path)
    return `${e.code} names no field`;
  return null;
}

describe('bad input from the OpenAPI document (issue 11 §7)', () => {
  it('answers every case below 500, in the bilingual format, naming the field', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    // Logging out ends the session every later case uses: it goes last.
    const ops = operations(doc).sort((a, b) => Number(a.path.endsWith('/logout')) - Number(b.path.endsWith('/logout')));
    expect(ops.length).toBeGreaterThan(90);
    const byClass: Record<string, number> = {};
    const byStatus: Record<number, number> = {};
    const problems: string[] = [];
    const refused: string[] = [];
    const msByKind: Record<string, number> = {};
    const started = Date.now();
    for (const op of ops) {
      const role = await roleFor(op);
      const who: Array<[string, Client | null, boolean]> = [
        ['anonymous', null, role === null],
        ...(role ? [[role, clients.get(role)!, true] as [string, Client, boolean]] : []),
      ];
      for (const [name, client, full] of who) {
        for (const c of casesOf(op, { full })) {
          const t0 = Date.now();
          const a = await send(op, c, client);
          const kind = c.name.split(/[ =:(]/)[0];
          msByKind[kind] = (msByKind[kind] ?? 0) + Date.now() - t0;
          if (/BAD_VALUE|DUPLICATE|CONSTRAINT|REFERENCE/.test(a.body))
            refused.push(`${a.statusCode} ${op.method} ${c.url.slice(0, 80)} [${c.name}] → ${a.body.slice(0, 200)}`);
          byClass[`${Math.floor(a.statusCode / 100)}xx`] = (byClass[`${Math.floor(a.statusCode / 100)}xx`] ?? 0) + 1;
          byStatus[a.statusCode] = (byStatus[a.statusCode] ?? 0) + 1;
          const p = problem(a);
          if (p)
            problems.push(`${p}: ${op.method} ${c.url.slice(0, 120)} as ${name} [${c.name}] → ${a.body.slice(0, 160)}`);
        }
      }
    }
    const total = Object.values(byClass).reduce((x, y) => x + y, 0);
    console.log(
      `bad-input suite: ${ops.length} operations, ${total} requests in ${Date.now() - started} ms; by class ${JSON.stringify(byClass)}; by status ${JSON.stringify(byStatus)}`,
    );
    console.log(`time by kind of case (ms): ${JSON.stringify(msByKind)}`);
    console.log(`${refused.length} answers from database errors:\n${refused.join('\n')}`);
    if (problems.length) console.log(`${problems.length} problems:\n${problems.join('\n')}`);
    expect(problems).toEqual([]);
  }, 600_000);

  it('the generator makes schema-valid examples (a smoke check of the suite itself)', () => {
    expect(
      example({
        type: 'object',
        required: ['orgId', 'on'],
        properties: { orgId: { type: 'integer', minimum: 1 }, on: { type: 'string', format: 'date' } },
      }),
    ).toEqual({ orgId: 1, on: '2026-03-02' });
  });
});
