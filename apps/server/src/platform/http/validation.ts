// Request validation with zod; every issue is reported in Chinese and English, with its field path.
import { z, type ZodType } from 'zod';
import type { FastifySchemaCompiler } from 'fastify';
import { AppError } from './errors.js';

const zh = z.locales.zhCN().localeError;
const en = z.locales.en().localeError;

export interface FieldIssue { path: string; code: string; messageZh: string; messageEn: string }

function text(m: unknown): string | undefined {
  return typeof m === 'string' ? m : (m as { message?: string } | undefined)?.message;
}

/** Our own refinements write messages as '中文 / English'; zod's own issues are translated by its locales. */
export function describeIssues(issues: z.core.$ZodIssue[]): FieldIssue[] {
  return issues.map((i) => {
    const path = i.path.map(String).join('.');
    if (i.code === 'custom' && i.message.includes(' / ')) {
      const [messageZh, messageEn] = i.message.split(' / ', 2);
      return { path, code: i.code, messageZh, messageEn };
    }
    const raw = i as unknown as z.core.$ZodRawIssue;
    return { path, code: i.code, messageZh: text(zh(raw)) ?? i.message, messageEn: text(en(raw)) ?? i.message };
  });
}

export function validationError(issues: z.core.$ZodIssue[]): AppError {
  const list = describeIssues(issues);
  const first = list[0];
  const where = (p: string) => (p ? `${p}: ` : '');
  return new AppError(
    400, 'VALIDATION',
    `输入有误：${where(first?.path ?? '')}${first?.messageZh ?? ''}`,
    `Invalid input: ${where(first?.path ?? '')}${first?.messageEn ?? ''}`,
    list,
  );
}

/** Path of the first string that PostgreSQL cannot store as sent (a lone surrogate or NUL), or null. */
export function findUnstorableText(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === 'string') return value.isWellFormed() && !value.includes('\u0000') ? null : path;
  if (value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    const found = findUnstorableText(k, path) ?? findUnstorableText(v, [...path, k]);
    if (found) return found;
  }
  return null;
}

/** Fastify validator: parse with zod, keep the parsed (coerced, stripped) value, raise bilingual errors. */
export const zodValidatorCompiler: FastifySchemaCompiler<ZodType> = ({ schema }) => (data) => {
  const bad = findUnstorableText(data);
  if (bad) {
    const path = bad.join('.');
    return { error: new AppError(400, 'VALIDATION', `输入有误：${path ? `${path}: ` : ''}含有无效字符（空字符或不成对的代理项）`,
      `Invalid input: ${path ? `${path}: ` : ''}contains an invalid character (NUL or a lone surrogate)`,
      [{ path, code: 'invalid_text', messageZh: '含有无效字符', messageEn: 'contains an invalid character' }]) as unknown as Error };
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
