// Codes in a write must exist in their dictionary (dict_items), so an administrator can extend the lists.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/index.js';
import { AppError } from '../../platform/http/index.js';
import type { DictName } from './registry.dicts.js';

export async function assertDictCodes(
  db: Kysely<DB>,
  checks: Array<[dict: DictName, code: string | undefined | null, field: string]>,
): Promise<void> {
  const wanted = checks.filter(([, c]) => c != null) as Array<[DictName, string, string]>;
  if (!wanted.length) return;
  const rows = await db
    .selectFrom('dict_items')
    .select(['dict', 'code'])
    .where('dict', 'in', [...new Set(wanted.map(([d]) => d))])
    .where('code', 'in', [...new Set(wanted.map(([, c]) => c))])
    .execute();
  const have = new Set(rows.map((r) => `${r.dict}\u0000${r.code}`));
  const bad = wanted.filter(([d, c]) => !have.has(`${d}\u0000${c}`));
  if (bad.length) {
    throw new AppError(
      400,
      'VALIDATION',
      `输入有误：“${bad[0][1]}”不是可选的值`,
      `Invalid input: "${bad[0][1]}" is not one of the allowed values`,
      bad.map(([, c, f]) => ({
        path: f,
        code: 'dictionary',
        messageZh: `“${c}”不是可选的值`,
        messageEn: `"${c}" is not one of the allowed values`,
      })),
    );
  }
}
