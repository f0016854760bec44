// PostgreSQL names the bad value of a data error ("value \"99999999999\" is out of range for type integer",
// "date/time field value out of range: \"2026-02-30\"", "value too long for type character varying(200)") but not the
// parameter: find the request field that sent it, so the 400 names it (issue 11 §7).
export interface RequestParts {
  body?: unknown;
  query?: unknown;
  params?: unknown;
}

const INT4 = 2 ** 31;

function* leaves(value: unknown, path: string[] = [], depth = 0): Generator<[string, unknown]> {
  if (depth > 64) return;
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) yield* leaves(v, [...path, k], depth + 1);
  } else {
    yield [path.join('.'), value];
  }
}

function matcher(message: string): ((v: unknown) => boolean) | null {
  const long = /character varying\((\d+)\)/.exec(message);
  if (long) return (v) => typeof v === 'string' && [...v].length > Number(long[1]);
  const quoted = /"([^"]*)"/.exec(message);
  if (quoted) return (v) => (typeof v === 'string' || typeof v === 'number') && String(v) === quoted[1];
  if (/out of range/.test(message))
    return (v) => typeof v === 'number' && (v >= INT4 || v < -INT4 || !Number.isSafeInteger(v));
  return null;
}

/** The path of the first body, query or path field that matches the value the database refused, or null. */
export function locateValue(message: string, req?: RequestParts): string | null {
  const match = matcher(message);
  if (!match || !req) return null;
  for (const part of [req.body, req.query, req.params]) {
    for (const [path, v] of leaves(part)) if (path && match(v)) return path;
  }
  return null;
}
