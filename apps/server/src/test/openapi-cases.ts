// Bad-input cases generated from the OpenAPI document (issue 11 §7, §3): for every operation, a schema-valid example
// and, from it, malformed JSON, wrong types per field, deep nesting, oversized strings and bodies, NUL and lone
// surrogates, and out-of-range ids in path, query and body. Used by platform/http/bad-input.test.ts.
type Schema = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Operation {
  method: string;
  path: string;
  tags: string[];
  params: Schema[];
  body?: Schema;
}
export interface Case {
  name: string;
  url: string;
  payload?: string;
  contentType?: string;
}

export function operations(doc: { paths: Record<string, Record<string, Schema>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, byMethod] of Object.entries(doc.paths)) {
    for (const [method, o] of Object.entries(byMethod)) {
      ops.push({
        method: method.toUpperCase(),
        path,
        tags: o.tags ?? [],
        params: o.parameters ?? [],
        body: o.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return ops;
}

const STRINGS = [
  '2026-03-02',
  '2026-03-02T02:00:00Z',
  'M-04',
  '123456',
  '13800000000',
  '1234-5678-9012-3456',
  '测试内容，足够长的一段说明文字',
  'x',
];

function stringExample(s: Schema): string {
  if (s.format === 'date') return '2026-03-02';
  if (s.format === 'date-time') return '2026-03-02T02:00:00Z';
  const fits = (v: string) =>
    (!s.pattern || new RegExp(s.pattern, 'u').test(v)) && [...v].length <= (s.maxLength ?? Infinity);
  const found = STRINGS.find((v) => fits(v) && [...v].length >= (s.minLength ?? 0));
  return found ?? '测'.repeat(Math.max(1, s.minLength ?? 1));
}

const nonNull = (s: Schema) => (s.anyOf ?? s.oneOf)?.find((x: Schema) => x.type !== 'null') ?? s;
const typeOf = (s: Schema): string | undefined => {
  const t = nonNull(s).type;
  return Array.isArray(t) ? t.find((x) => x !== 'null') : t;
};

/** A value the schema accepts (as far as a schema says: ids are 1, which the small test tree has). */
export function example(schema: Schema | undefined): unknown {
  if (!schema) return undefined;
  const s = nonNull(schema.allOf?.[0] ?? schema);
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.default !== undefined) return s.default;
  switch (typeOf(s)) {
    case 'object':
      return Object.fromEntries((s.required ?? []).map((k: string) => [k, example(s.properties?.[k])]));
    case 'array':
      return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => example(s.items));
    case 'integer':
    case 'number':
      return Math.max(1, (s.minimum ?? 0) + (s.exclusiveMinimum === true ? 1 : 0));
    case 'boolean':
      return false;
    case 'string':
      return stringExample(s);
    default:
      return 'x';
  }
}

/** Wrong and hostile values for one field, by its type; out-of-range numbers for every integer (ids included). */
function badValues(s: Schema): Array<[string, unknown]> {
  const common: Array<[string, unknown]> = [
    ['true', true],
    ['object', { a: 1 }],
    ['null', null],
  ];
  switch (typeOf(s)) {
    case 'integer':
    case 'number':
      return [
        ...common,
        ['numeric string', '5'],
        ['array', [502]],
        ['fraction', 1.5],
        ['zero', 0],
        ['negative', -1],
        ['int4+1', 2 ** 31],
        ['max id', 2 ** 31 - 1],
        ['huge', 1e308],
      ];
    case 'string':
      return [
        ...common,
        ['number', 123],
        ['NUL', 'a\u0000b'],
        ['lone surrogate', 'a\ud800b'],
        ['100k chars', 'x'.repeat(100_000)],
        ['bad date', '2026-02-30'],
      ];
    case 'array':
      return [
        ...common,
        ['string', 'x'],
        ['array of junk', [true, 'x', { a: 1 }, 2 ** 31]],
        ['10k items', Array(10_000).fill(1)],
      ];
    default:
      return [...common, ['string', 'x'], ['number', 2 ** 31]];
  }
}

const PATH_VALUES = [
  '0',
  '-1',
  '2147483648',
  '99999999999999999999',
  '1e3',
  '0x10',
  '%201',
  'abc',
  '%00',
  '%ED%A0%80',
  '1'.repeat(101),
  '%E0%A4%A',
];
const QUERY_VALUES = ['', 'abc', '-1', '2147483648', '1e400', '%00', '%ED%A0%80', 'x'.repeat(5000)];
const DEPTH = 10_000;

function urlOf(op: Operation, pathOver: Record<string, string> = {}, queryOver: Record<string, string> = {}): string {
  let url = op.path;
  const q: string[] = [];
  for (const p of op.params) {
    if (p.in === 'path')
      url = url.replace(`{${p.name}}`, pathOver[p.name] ?? encodeURIComponent(String(example(p.schema))));
    else if (p.in === 'query' && (p.required || p.name in queryOver)) {
      q.push(`${p.name}=${queryOver[p.name] ?? encodeURIComponent(String(example(p.schema)))}`);
    }
  }
  return q.length ? `${url}?${q.join('&')}` : url;
}

const json = (v: unknown) => ({ payload: JSON.stringify(v), contentType: 'application/json' });

/** Every case of one operation; `full` adds the per-field and deep ones (sent as the role with the permission, or
 * anonymously on public routes); otherwise a few of each kind, enough to show what an anonymous caller gets. */
export function casesOf(op: Operation, opts: { full: boolean }): Case[] {
  const all = casesOfOp(op, opts.full);
  if (opts.full) return all;
  const seen = new Map<string, number>();
  return all.filter((c) => {
    const kind = c.name.split(/[ =:]/)[0];
    seen.set(kind, (seen.get(kind) ?? 0) + 1);
    return seen.get(kind)! <= 3;
  });
}

function casesOfOp(op: Operation, full: boolean): Case[] {
  const base = op.body ? example(op.body) : undefined;
  const withBody = (name: string, v: unknown, url = urlOf(op)): Case => ({ name, url, ...json(v) });
  const out: Case[] = [{ name: 'example', url: urlOf(op), ...(op.body ? json(base) : {}) }];
  for (const p of op.params.filter((x) => x.in === 'path')) {
    for (const v of PATH_VALUES)
      out.push({
        name: `path ${p.name}=${v.slice(0, 24)}`,
        url: urlOf(op, { [p.name]: v }),
        ...(op.body ? json(base) : {}),
      });
  }
  for (const p of op.params.filter((x) => x.in === 'query')) {
    for (const v of QUERY_VALUES)
      out.push({ name: `query ${p.name}=${v.slice(0, 24)}`, url: urlOf(op, {}, { [p.name]: v }) });
    out.push({ name: `query ${p.name} twice`, url: `${urlOf(op, {}, { [p.name]: '1' })}&${p.name}=2` });
  }
  out.push({ name: 'unknown query field', url: `${urlOf(op)}${urlOf(op).includes('?') ? '&' : '?'}zzz=1` });
  if (!op.body) return out;
  out.push({ name: 'malformed JSON', url: urlOf(op), payload: '{"a":', contentType: 'application/json' });
  out.push({ name: 'text/plain body', url: urlOf(op), payload: 'x', contentType: 'text/plain' });
  for (const [n, v] of [
    ['array', []],
    ['string', 'x'],
    ['number', 1],
    ['null', null],
  ] as const)
    out.push(withBody(`body is ${n}`, v));
  out.push(withBody('unknown field', { ...(base as object), zzz: 1 }));
  out.push({
    name: 'body over 1 MiB',
    url: urlOf(op),
    payload: JSON.stringify({ x: 'x'.repeat(1_100_000) }),
    contentType: 'application/json',
  });
  if (full) {
    const field = Object.keys(op.body.properties ?? { a: 1 })[0];
    out.push({
      name: `deep nesting (${DEPTH})`,
      url: urlOf(op),
      contentType: 'application/json',
      payload: `{"${field}":${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}`,
    });
  }
  if (full) {
    for (const [k, s] of Object.entries<Schema>(op.body.properties ?? {})) {
      for (const [n, v] of badValues(s)) out.push(withBody(`body ${k}: ${n}`, { ...(base as object), [k]: v }));
    }
  }
  return out;
}
