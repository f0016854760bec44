// Answers go out through their zod response schema (fastify-type-provider-zod encodes, then JSON). A schema strips
// keys it does not know, so in tests (and with MINGJIAN_CHECK_ANSWERS=true) an answer its schema would change — a key
// dropped, a value altered — is an error instead, and so is a success status the route does not declare: the schemas
// describe what the services return, they never filter it (issue 12 §6).
import { isDeepStrictEqual } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { createSerializerCompiler } from 'fastify-type-provider-zod';

const base = createSerializerCompiler({});

export const checkAnswers = (env = process.env) =>
  env.MINGJIAN_CHECK_ANSWERS === 'true' || (env.MINGJIAN_CHECK_ANSWERS !== 'false' && !!env.VITEST);

/** The path of the first difference between what the service returned and what the schema lets through. */
function firstDifference(a: unknown, b: unknown, at = '$'): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`);
      if (d) return d;
    }
  }
  return at;
}

export function answerSerializer(check: boolean): ReturnType<typeof createSerializerCompiler> {
  return (route) => {
    const serialize = base(route);
    if (!check) return serialize;
    return (data) => {
      const out = serialize(data);
      const plain = JSON.stringify(data);
      const diff = plain === undefined ? null : firstDifference(JSON.parse(plain), JSON.parse(out));
      if (diff) throw new Error(`${route.method} ${route.url}: the response schema changes the answer at ${diff}`);
      return out;
    };
  };
}

/** In check mode, a success answer with a status the route declares no schema for is an error. */
export function registerAnswerCheck(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    const code = reply.statusCode;
    if (code < 200 || code >= 300 || !req.routeOptions.url?.startsWith('/api/v1')) return payload;
    const declared = (req.routeOptions.schema?.response ?? {}) as Record<string, unknown>;
    if (!(String(code) in declared))
      throw new Error(`${req.method} ${req.routeOptions.url}: answered ${code}, which has no response schema`);
    return payload;
  });
}
