// Request validation with zod; every issue is reported in Chinese and English, with its field path.
import { z, type ZodType } from 'zod';
import type { FastifySchemaCompiler } from 'fastify';
import { AppError } from './errors.js';
import { FIELD_NAMES } from './field-names.js';

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

const KINDS: Record<string, [string, string]> = {
  string: ['文字', 'text'],
  number: ['数字', 'a number'],
  int: ['整数', 'a whole number'],
  boolean: ['是或否', 'yes or no'],
  array: ['列表', 'a list'],
  object: ['一组字段', 'an object'],
  date: ['日期', 'a date'],
};
const UNITS: Record<string, [string, string]> = {
  string: [' 个字', ' characters'],
  array: [' 项', ' items'],
  set: [' 项', ' items'],
  file: [' 字节', ' bytes'],
};

/** zod's checks in our own words, with no type names, patterns or lists of codes (issue 13 §6). */
function ownWords(i: z.core.$ZodIssue & Record<string, unknown>): [string, string] | null {
  const origin = String(i.origin ?? '');
  const unit = UNITS[origin];
  switch (i.code) {
    case 'invalid_type': {
      if (i.input === undefined) return ['必须填写', 'is required'];
      const k = KINDS[String(i.expected)];
      return k ? [`应为${k[0]}`, `must be ${k[1]}`] : ['类型不对', 'has the wrong type'];
    }
    case 'too_small': {
      const n = String(i.minimum);
      if (unit) return [`至少 ${n}${unit[0]}`, `must have at least ${n}${unit[1]}`];
      return i.inclusive ? [`不能小于 ${n}`, `must be at least ${n}`] : [`须大于 ${n}`, `must be more than ${n}`];
    }
    case 'too_big': {
      const n = String(i.maximum);
      if (unit) return [`不能超过 ${n}${unit[0]}`, `must have at most ${n}${unit[1]}`];
      return i.inclusive
        ? [`数值过大，不能超过 ${n}`, `must be at most ${n}`]
        : [`须小于 ${n}`, `must be less than ${n}`];
    }
    case 'invalid_format':
      return ['格式不正确', 'has the wrong format'];
    case 'invalid_value':
      return ['不是可选的值', 'is not one of the allowed values'];
    case 'invalid_union':
      return ['格式不正确', 'has the wrong form'];
    case 'unrecognized_keys':
      // The program's own key names are not for a user's screen (the details keep the path for the form).
      return ['包含本表单不接受的内容', 'has something this form does not take'];
    case 'invalid_key':
    case 'invalid_element':
      return ['格式不正确', 'has the wrong form'];
    case 'not_multiple_of':
      return [`须为 ${String(i.divisor)} 的整数倍`, `must be a multiple of ${String(i.divisor)}`];
    default:
      return null;
  }
}

export function describeIssues(issues: z.core.$ZodIssue[]): FieldIssue[] {
  return issues.slice(0, MAX_ISSUES).map((i) => {
    const path = cut(i.path.map(String).join('.'));
    // A schema's own message, on any kind of check, is written '中文 / English'.
    if (i.message.includes(' / ')) {
      const [messageZh, messageEn] = i.message.split(' / ', 2);
      return { path, code: i.code, messageZh, messageEn };
    }
    const own = ownWords(i as z.core.$ZodIssue & Record<string, unknown>);
    if (own) return { path, code: i.code, messageZh: own[0], messageEn: own[1] };
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
  // The field as the form names it: the route's names, else the common ones; a key named nowhere is left out.
  const key = [...(issues[0]?.path ?? [])].reverse().find((k) => typeof k === 'string');
  const named = key === undefined ? undefined : (names?.[key] ?? FIELD_NAMES[key]);
  const where = (lang: 0 | 1) => (named ? `${named[lang]}${lang ? ': ' : '：'}` : '');
  return new AppError(
    400,
    'VALIDATION',
    `输入有误：${where(0)}${first?.messageZh ?? ''}`,
    `Invalid input: ${where(1)}${first?.messageEn ?? ''}`,
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
          '输入有误：含有无效字符（空字符或不成对的代理项）',
          'Invalid input: contains an invalid character (NUL or a lone surrogate)',
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
