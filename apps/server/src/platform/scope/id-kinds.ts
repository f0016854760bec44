// Scope on every id (issue 11 §2, ARCHITECTURE non-negotiable 10) and ids that are integers and nothing else (§7).
// A route declares each id it takes — in its path, its query string or its JSON body — with the schema of the id's kind
// (org.inUrl(), cadre.inBody(), duty.params() …). The schema refuses anything but a whole number from 1 to 2^31-1, and
// tags the field with its kind. After validation, one hook (platform/http/auth-hook.ts) collects every tagged id of the
// request and asks each kind, once, which of them the caller may see; any other answers the trailed 404 of outOfScope().
// A module declares its own kinds with defineIdKind(), resolving through the unit or cadre its rows belong to.
import { z } from 'zod';
import type { AppContext } from '../context.js';
import type { Auth } from '../auth/index.js';
import type { Actor } from '../trail/index.js';
import { cadreVisible, orgVisible } from './scope.js';
import { outOfScope } from './deny.js';

export const MAX_ID = 2_147_483_647; // int4, the type of every id column

/** Which of `ids` (distinct, never empty) the caller may see. One query per kind and request, never one per id. */
export type VisibleIds = (ctx: AppContext, auth: Auth, ids: number[]) => Promise<Array<{ id: number }>>;

interface KindInfo {
  name: string;
  entity: string;
  visible: VisibleIds;
}
const KINDS = new Map<string, KindInfo>();
const TAGS = z.registry<{ idKind: string }>();

const URL_ID = /^[1-9][0-9]{0,9}$/;
const urlIdMessage =
  '应为正整数编号（十进制数字，不带符号、空格或前导零） / Must be a whole-number id (decimal digits, no sign, space or leading zero)';

/** A whole number in a URL (path or query string): decimal digits only — no 0x10, 1e3, " 1", "01", "+1" — within [min, max]. */
export function urlInt(min: number, max: number) {
  const re = min === 0 ? /^(0|[1-9][0-9]{0,9})$/ : URL_ID;
  return z
    .string()
    .refine((s) => re.test(s) && Number(s) >= min && Number(s) <= max, {
      message: `应为 ${min} 至 ${max} 之间的整数 / Must be a whole number from ${min} to ${max}`,
    })
    .transform(Number);
}

/** An id in a URL: strict decimal digits, 1 … 2^31-1. */
const urlId = () =>
  z
    .string()
    .refine((s) => URL_ID.test(s) && Number(s) <= MAX_ID, { message: urlIdMessage })
    .transform(Number);
/** An id in a JSON body: a number, integral, 1 … 2^31-1 — never true, "5", [502] or 1.5. */
const bodyId = () => z.number().int().min(1).max(MAX_ID);

export interface IdKind {
  readonly name: string;
  /** The id in a path or a query string. */
  inUrl(): ReturnType<typeof urlId>;
  /** The id in a JSON body. */
  inBody(): ReturnType<typeof bodyId>;
  /** Path parameters `{ id }` of this kind. */
  params(): z.ZodObject<{ id: ReturnType<typeof urlId> }, z.core.$strict>;
}

/**
 * Declares a kind of id and how the caller's scope is checked for it. `entity` names it in the trail's scope.denied
 * rows (the entity names the services already used). Declared once, at module load, before its routes register.
 */
export function defineIdKind(name: string, visible: VisibleIds, entity = name): IdKind {
  if (KINDS.has(name)) throw new Error(`id kind ${name} declared twice`);
  KINDS.set(name, { name, entity, visible });
  const kind: IdKind = {
    name,
    inUrl: () =>
      urlId()
        .meta({ pattern: URL_ID.source, description: `${name} id` })
        .register(TAGS, { idKind: name }),
    inBody: () => bodyId().register(TAGS, { idKind: name }),
    params: () => z.object({ id: kind.inUrl() }).strict(),
  };
  return kind;
}

export const isIdKind = (name: string) => KINDS.has(name);

// ---- the two kinds every other kind resolves through
export const org = defineIdKind('org', (ctx, auth, ids) =>
  ctx.db.selectFrom('orgs').select('id').where('id', 'in', ids).where(orgVisible(auth.scope, 'orgs')).execute(),
);
export const cadre = defineIdKind('cadre', (ctx, auth, ids) =>
  ctx.db.selectFrom('cadres').select('id').where('id', 'in', ids).where(cadreVisible(auth.scope, 'cadres')).execute(),
);

// ---- reading a route's schemas
export type IdSource = 'params' | 'querystring' | 'body';
/** One id field of a route: where it is (`*` for each element of an array) and its kind. */
export interface IdField {
  in: IdSource;
  path: string[];
  kind: string;
}

type Def = {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  options?: z.ZodType[];
};
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch']);

/** Walks a zod schema for tagged ids; `untagged` collects fields named like an id (`id`, `…Id`) that carry no kind. */
export function idFieldsOf(schema: unknown, source: IdSource, untagged: string[] = [], path: string[] = []): IdField[] {
  if (!(schema instanceof z.ZodType)) return [];
  const tag = TAGS.get(schema);
  if (tag) return [{ in: source, path, kind: tag.idKind }];
  const def = schema._zod.def as unknown as Def;
  if (WRAPPERS.has(def.type) && def.innerType) return idFieldsOf(def.innerType, source, untagged, path);
  if (def.type === 'pipe' && def.in) return idFieldsOf(def.in, source, untagged, path);
  if (def.type === 'array' && def.element) return idFieldsOf(def.element, source, untagged, [...path, '*']);
  // A union (a discriminated body): the ids of every option, each field once — the value present is what is checked.
  if (def.type === 'union' && def.options) {
    const all = def.options.flatMap((o) => idFieldsOf(o, source, untagged, path));
    return all.filter((f, i) => all.findIndex((g) => g.path.join('.') === f.path.join('.') && g.kind === f.kind) === i);
  }
  if (def.type === 'object') {
    return Object.entries((schema as z.ZodObject).shape).flatMap(([k, v]) => {
      const found = idFieldsOf(v, source, untagged, [...path, k]);
      if (!found.length && /^(id|.+Id)$/.test(k) && takesNumber(v)) untagged.push([source, ...path, k].join('.'));
      return found;
    });
  }
  return [];
}

/** A field that takes a number (or a string turned into one) is a row id; a rule id such as M-04 or a trail entity id is not. */
function takesNumber(s: unknown): boolean {
  if (!(s instanceof z.ZodType)) return false;
  const def = s._zod.def as unknown as Def;
  if (WRAPPERS.has(def.type) && def.innerType) return takesNumber(def.innerType);
  return def.type === 'number' || def.type === 'int' || def.type === 'bigint' || def.type === 'pipe';
}

function valuesAt(value: unknown, path: string[]): number[] {
  if (value == null) return [];
  if (!path.length) return typeof value === 'number' ? [value] : [];
  const [head, ...rest] = path;
  if (head === '*') return Array.isArray(value) ? value.flatMap((v) => valuesAt(v, rest)) : [];
  return typeof value === 'object' ? valuesAt((value as Record<string, unknown>)[head], rest) : [];
}

/**
 * The one check: every tagged id of the validated request, grouped by kind, checked with one query per kind. The first
 * id the caller may not see (in the order the route declares its fields) answers 404, trailed as scope.denied.
 */
export async function checkIdsInScope(
  ctx: AppContext,
  auth: Auth,
  actor: Actor,
  fields: IdField[],
  request: Record<IdSource, unknown>,
): Promise<void> {
  const byKind = new Map<string, number[]>();
  for (const f of fields)
    for (const id of valuesAt(request[f.in], f.path))
      (byKind.get(f.kind) ?? byKind.set(f.kind, []).get(f.kind)!).push(id);
  for (const [name, ids] of byKind) {
    const kind = KINDS.get(name)!;
    const seen = new Set((await kind.visible(ctx, auth, [...new Set(ids)])).map((r) => Number(r.id)));
    const denied = ids.find((id) => !seen.has(id));
    if (denied != null) throw await outOfScope(ctx, actor, kind.entity, denied);
  }
}
