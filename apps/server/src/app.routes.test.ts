// Issue 12 §6: every route declares its answer. The route table (platform/http/auth-hook.ts) says which schema each
// route declares for its success codes; a route without one fails here, except the file downloads listed below. The
// OpenAPI document shows every answer, and a schema that would change an answer is an error in tests (serializer.ts).
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestApp, type TestApp } from './test/harness.js';
import { answerSerializer, checkAnswers, isFileAnswer, type RouteEntry } from './platform/http/index.js';

/**
 * The routes that answer a file, not JSON: Fastify sends the Buffer as it is, and the route declares a file answer
 * (fileAnswer in platform/http/answers.ts) with its content type. Nothing else may go without a JSON schema.
 */
const FILE_ROUTES = new Set([
  'GET /api/v1/roster/template.xlsx', // roster template
  'GET /api/v1/cadres/:id/dossier.docx', // yearly dossier volume
  'GET /api/v1/cadres/export.xlsx', // cadre list export
  'GET /api/v1/flags/:ruleId/export.xlsx', // flag list export
  'GET /api/v1/reports/:id/attachments/:attachmentId', // a report's attachment (sendDownload)
  'GET /api/v1/talks/:id/attachments/:fileId', // a talk record's file (sendDownload)
  'GET /api/v1/activities/:id/attachments/:fileId', // a supervision record's file (sendDownload)
  'GET /api/v1/responsibilities/template.xlsx', // responsibility list template
  'GET /api/v1/letters/:id/letter.docx', // letter of inquiry
  'GET /api/v1/meetings/:id/archive', // a sealed meeting's archive (.zip, issue 14 §5)
  'GET /api/v1/meeting-items/:id/audio/:audioId', // an item's audio (streamed, issue 14 §3)
]);

let t: TestApp;
let routes: RouteEntry[];
beforeAll(async () => {
  t = await startTestApp();
  routes = t.app.routeTable().filter((r) => r.url.startsWith('/api/v1/'));
}, 120_000);
afterAll(() => t.close());

const key = (r: RouteEntry) => `${r.method} ${r.url}`;
const success = (r: RouteEntry) => Object.keys(r.response).filter((c) => /^2\d\d$/.test(c));

describe('response schemas (issue 12 §6)', () => {
  it('every route declares a schema for its success answers; only the listed downloads answer a file', () => {
    expect(routes.length).toBeGreaterThan(90);
    const missing = routes.filter((r) => success(r).length === 0).map(key);
    expect(missing).toEqual([]);
    const wrong: string[] = [];
    for (const r of routes) {
      for (const code of success(r)) {
        const declared = r.response[code];
        const file = isFileAnswer(declared);
        if (file !== FILE_ROUTES.has(key(r)) || (!file && !(declared instanceof z.ZodType)))
          wrong.push(`${key(r)} ${code}`);
      }
    }
    expect(wrong).toEqual([]);
    // The list names routes that exist: a renamed download does not leave a stale exception behind.
    expect([...FILE_ROUTES].filter((k) => !routes.some((r) => key(r) === k))).toEqual([]);
  });

  it('the OpenAPI document shows an answer body for every operation', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, unknown> }> }>>;
    };
    const without: string[] = [];
    let operations = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        operations++;
        const ok = Object.entries(op.responses ?? {}).some(([c, res]) => /^2\d\d$/.test(c) && res.content);
        if (!ok) without.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(operations).toBeGreaterThan(90);
    expect(without).toEqual([]);
    const cadre = doc.paths['/api/v1/cadres/{id}'].get.responses?.['200'].content?.['application/json'] as {
      schema: { properties: Record<string, unknown> };
    };
    expect(Object.keys(cadre.schema.properties)).toEqual(expect.arrayContaining(['id', 'name', 'posts', 'flags']));
  });

  it('a schema that would drop or change a field fails the answer in tests, instead of filtering it', async () => {
    expect(checkAnswers()).toBe(true); // every test app runs with the check
    const app = Fastify();
    app.setSerializerCompiler(answerSerializer(true));
    const schema = z.object({ id: z.number() });
    app.get('/x', { schema: { response: { 200: schema } } }, async () => ({ id: 1, secret: 'kept?' }));
    app.get('/y', { schema: { response: { 200: schema } } }, async () => ({ id: 1 }));
    expect((await app.inject({ url: '/x' })).statusCode).toBe(500);
    expect((await app.inject({ url: '/y' })).json()).toEqual({ id: 1 });
    // Outside tests the schema filters, as fastify-type-provider-zod does.
    const quiet = Fastify();
    quiet.setSerializerCompiler(answerSerializer(false));
    quiet.get('/x', { schema: { response: { 200: schema } } }, async () => ({ id: 1, secret: 'dropped' }));
    expect((await quiet.inject({ url: '/x' })).json()).toEqual({ id: 1 });
    await Promise.all([app.close(), quiet.close()]);
  });
});
