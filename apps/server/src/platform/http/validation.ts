// Request validation with zod; every issue is reported in Chinese and English, with its field path.
import { z, type ZodType } from 'zod';
import type { FastifySchemaCompiler } from 'fastify';
import { AppError } from './errors.js';

const zh = z.locales.zhCN().localeError;
const en = z.locales.en().localeError;

export interface FieldIssue {
  path: string;
  code: string;
  messageZh: string;
  messageEn: string;
}

function text(m: unknown): string | undefined {
  return typeof m === 'string' ? m : (m as { message?: string } | undefined)?.message;
}

/** Our own refinements write messages as '中文 / English'; zod's own issues are translated by its locales. */
/** A body of 20,000 unknown keys makes one issue naming them all: answers stay short (issue 11 §3). */
const MAX_ISSUES = 50;
const MAX_MESSAGE = 300;
const cut = (m: string) => (m.length > MAX_MESSAGE ? `${m.slice(0, MAX_MESSAGE)}…` : m);

export function describeIssues(issues: z.core.$ZodIssue[]): FieldIssue[] {
  return issues.slice(0, MAX_ISSUES).map((i) => {
    const path = cut(i.path.map(String).join('.'));
    if (i.code === 'custom' && i.message.includes(' / ')) {
      const [messageZh, messageEn] = i.message.split(' / ', 2);
      return { path, code: i.code, messageZh, messageEn };
    }
    const raw = i as unknown as z.core.$ZodRawIssue;
    return {
      path,
      code: i.code,
      messageZh: cut(text(zh(raw)) ?? i.message),
      messageEn: cut(text(en(raw)) ?? i.message),
    };
  });
}

/**
 * The 400 of a failed validation. With `names` (a field's last key → its name in Chinese and English) the message
 * names the field as a reader says it, and never shows a key or a path (issue 13 §6); the details keep the paths
 * for the form that highlights the field.
 */
export function validationError(issues: z.core.$ZodIssue[], names?: Record<string, [string, string]>): AppError {
  const list = describeIssues(issues);
  const first = list[0];
  const named = names?.[String(issues[0]?.path.at(-1))];
  const where = (p: string, lang: 0 | 1) =>
    names ? (named ? `${named[lang]}${lang ? ': ' : '：'}` : '') : p ? `${p}: ` : '';
  return new AppError(
    400,
    'VALIDATION',
    `输入有误：${where(first?.path ?? '', 0)}${first?.messageZh ?? ''}`,
    `Invalid input: ${where(first?.path ?? '', 1)}${first?.messageEn ?? ''}`,
    list,
  );
}

const unstorable = (s: string) => !s.isWellFormed() || s.includes('\u0000');

/**
 * Path of the first string that PostgreSQL cannot store as sent (a lone surrogate or NUL), or null. A loop over an
 * explicit stack of containers, each keeping its parent, so neither the depth nor the size of a value can overflow
 * the call stack or copy paths (issue 11 §3: the recursive walk copied the path at every level and overflowed at
 * 9,000); strings and numbers are looked at in place, never allocated a node.
 */
export function findUnstorableText(value: unknown): string[] | null {
  interface Frame {
    value: object;
    key?: string;
    parent?: Frame;
  }
  const pathOf = (f: Frame, last?: string) => {
    const path: string[] = last === undefined ? [] : [last];
    for (let at: Frame | undefined = f; at?.key !== undefined; at = at.parent) path.unshift(at.key);
    return path;
  };
  if (typeof value === 'string') return unstorable(value) ? [] : null;
  if (value === null || typeof value !== 'object') return null;
  const stack: Frame[] = [{ value }];
  while (stack.length) {
    const f = stack.pop()!;
    const look = (key: string | number, v: unknown) => {
      if (typeof v === 'string') return unstorable(v);
      if (v !== null && typeof v === 'object') stack.push({ value: v, key: String(key), parent: f });
      return false;
    };
    if (Array.isArray(f.value)) {
      for (let i = 0; i < f.value.length; i++) if (look(i, f.value[i])) return pathOf(f, String(i));
    } else {
      for (const k of Object.keys(f.value)) {
        if (unstorable(k)) return pathOf(f); // a bad key is reported at the object that holds it, as before
        if (look(k, (f.value as Record<string, unknown>)[k])) return pathOf(f, k);
      }
    }
  }
  return null;
}

/** Fastify validator: parse with zod, keep the parsed (coerced, stripped) value, raise bilingual errors. */
export const zodValidatorCompiler: FastifySchemaCompiler<ZodType> =
  ({ schema }) =>
  (data) => {
    const bad = findUnstorableText(data);
    if (bad) {
      const path = bad.join('.');
      return {
        error: new AppError(
          400,
          'VALIDATION',
          `输入有误：${path ? `${path}: ` : ''}含有无效字符（空字符或不成对的代理项）`,
          `Invalid input: ${path ? `${path}: ` : ''}contains an invalid character (NUL or a lone surrogate)`,
          [{ path, code: 'invalid_text', messageZh: '含有无效字符', messageEn: 'contains an invalid character' }],
        ) as unknown as Error,
      };
    }
    const r = schema.safeParse(data, { reportInput: true });
    if (r.success) return { value: r.data };
    return { error: validationError(r.error.issues) as unknown as Error };
  };

/** Parse outside a route (CLI, import rows). */
export function parseOrThrow<T>(schema: ZodType<T>, data: unknown): T {
  const r = schema.safeParse(data, { reportInput: true });
  if (!r.success) throw validationError(r.error.issues);
  return r.data;
}
