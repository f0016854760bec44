// The one JSON body parser (issue 11 §3): a body is refused by size and by nesting depth before it becomes objects,
// so nothing after it (validation, the unstorable-text walk, zod) ever sees a body that is deep or large. An 18 KB
// body nested 9,000 levels used to cost a second of CPU in the walk and end in a 500 (stack overflow).
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.js';

/** Real bodies nest 4 levels at most (an object of arrays of objects); 32 leaves room and stops a walk early. */
export const JSON_MAX_DEPTH = 32;
/** The largest real body is a report of 20,000 characters (≈ 60 KiB as UTF-8, 240 KiB if every character is \u-escaped). */
export const JSON_MAX_BYTES = 256 * 1024;

export const tooDeep = (max: number) => new AppError(400, 'BODY_TOO_DEEP', `请求体嵌套过深（最多 ${max} 层）`,
  `The body is nested too deeply (at most ${max} levels)`);

/**
 * Whether the JSON text nests objects or arrays deeper than `max`, outside strings. One pass over the characters,
 * no allocation: it runs before JSON.parse, so malformed text is left for the parser to refuse.
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) { if (++depth > max) return true; }
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/**
 * Replaces Fastify's JSON parser: an empty body (logout, verify sent with a JSON content type) is no body; anything
 * else is checked for depth, then parsed by Fastify's own parser (prototype-poisoning checks kept). A route that sets
 * its own bodyLimit (file uploads) keeps it; every other JSON body is at most JSON_MAX_BYTES (413).
 */
export function registerJsonBodyParser(app: FastifyInstance, opts: { maxDepth?: number; maxBytes?: number } = {}): void {
  const maxDepth = opts.maxDepth ?? JSON_MAX_DEPTH;
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: opts.maxBytes ?? JSON_MAX_BYTES }, (req, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    if (nestsDeeperThan(text, maxDepth)) return done(tooDeep(maxDepth), undefined);
    return parse(req, text, done);
  });
}
