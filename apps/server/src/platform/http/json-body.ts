// The one JSON body parser (issue 11 §3): a body is refused by size, nesting depth and items before it becomes objects,
// so nothing after it (validation, the unstorable-text walk, zod) ever sees a body that is deep or large. An 18 KB
// body nested 9,000 levels used to cost a second of CPU in the walk and end in a 500 (stack overflow).
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.js';

/** Real bodies nest 4 levels at most (an object of arrays of objects); 32 leaves room and stops a walk early. */
export const JSON_MAX_DEPTH = 32;
/** The largest real body is a report of 20,000 characters (≈ 60 KiB as UTF-8, 240 KiB if every character is \u-escaped). */
export const JSON_MAX_BYTES = 256 * 1024;
/** Items (array elements and object members): a year's calendar, the largest list a body carries, has 360 fields. */
export const JSON_MAX_ITEMS = 10_000;

export const tooDeep = (max: number) =>
  new AppError(
    400,
    'BODY_TOO_DEEP',
    `请求体嵌套过深（最多 ${max} 层）`,
    `The body is nested too deeply (at most ${max} levels)`,
  );
export const tooManyItems = (max: number) =>
  new AppError(
    400,
    'BODY_TOO_MANY_ITEMS',
    `请求体含有的字段或元素过多（最多 ${max} 个）`,
    `The body has too many fields or elements (at most ${max})`,
  );

/**
 * What is wrong with the JSON text's shape: nesting deeper than `maxDepth`, or more than `maxItems` commas (items),
 * counted outside strings. One pass over the characters, no allocation: it runs before JSON.parse, so malformed text
 * is left for the parser to refuse. 256 KiB of `[0,0,…]` made 128,000 values to build and walk.
 */
export function jsonShapeError(text: string, maxDepth: number, maxItems = Infinity): 'depth' | 'items' | null {
  let depth = 0;
  let items = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) return 'depth';
    } else if (c === 0x7d || c === 0x5d) depth--;
    else if (c === 0x2c && ++items >= maxItems) return 'items';
  }
  return null;
}

/** Whether the JSON text nests objects or arrays deeper than `max`, outside strings. */
export const nestsDeeperThan = (text: string, max: number) => jsonShapeError(text, max) === 'depth';

/**
 * Replaces Fastify's JSON parser: an empty body (logout, verify sent with a JSON content type) is no body; anything
 * else is checked for depth and items, then parsed by Fastify's own parser (prototype-poisoning checks kept). A route that sets
 * its own bodyLimit (file uploads) keeps it; every other JSON body is at most JSON_MAX_BYTES (413).
 */
export function registerJsonBodyParser(
  app: FastifyInstance,
  opts: { maxDepth?: number; maxBytes?: number; maxItems?: number } = {},
): void {
  const maxDepth = opts.maxDepth ?? JSON_MAX_DEPTH;
  const maxItems = opts.maxItems ?? JSON_MAX_ITEMS;
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: opts.maxBytes ?? JSON_MAX_BYTES },
    (req, body, done) => {
      const text = String(body);
      if (text.trim() === '') return done(null, undefined);
      const shape = jsonShapeError(text, maxDepth, maxItems);
      if (shape) return done(shape === 'depth' ? tooDeep(maxDepth) : tooManyItems(maxItems), undefined);
      return parse(req, text, done);
    },
  );
}
