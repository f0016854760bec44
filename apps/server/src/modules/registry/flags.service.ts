// Flags of the registry rules in the API: refreshed after every registry write that can change them, after a rule
// override, and by the daily sweep; read as the rotation-due list and per-rule counts of a subtree.
import { sql } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { Auth } from '../../platform/auth/index.js';
import { toLimitOffset } from '../../platform/http/index.js';
import { cadreInSubtree, cadreVisible } from '../../platform/scope/index.js';
import type { Actor } from '../../platform/trail/index.js';
import { maskIdCard } from './id-card/index.js';
import { visibleOrg } from './org.service.js';
import { sweep } from './rules/sweep.service.js';
import type { flagListQuery } from './registry.schema.js';

/**
 * A cadre's flags depend on their relatives' posts (M-06): refresh both sides. Runs after the write has committed,
 * so it must not fail the request: a failure is logged and the daily sweep puts the flags right.
 */
export async function refreshFlags(ctx: AppContext, actor: Actor, cadreIds: number[]): Promise<void> {
  if (!cadreIds.length) return;
  try {
    const relatives = await ctx.db
      .selectFrom('relations')
      .select('relative_cadre_id')
      .where('cadre_id', 'in', cadreIds)
      .execute();
    await sweep(ctx, actor, { cadreIds: [...cadreIds, ...relatives.map((r) => r.relative_cadre_id)] });
  } catch (e) {
    console.error('规则评估失败（将由每日评估补上）Flag refresh failed; the daily sweep will correct it', e);
  }
}

/** Runs a registry write, then refreshes the flags of the cadres it touched (and of their relatives). */
export async function thenRefresh<T>(
  ctx: AppContext,
  actor: Actor,
  cadreIds: number[] | ((result: T) => number[]),
  done: Promise<T>,
): Promise<T> {
  const result = await done;
  await refreshFlags(ctx, actor, typeof cadreIds === 'function' ? cadreIds(result) : cadreIds);
  return result;
}

/** Cadres in scope (optionally under a unit) carrying a flag of `ruleId`, with the flags themselves: e.g. the rotation-due list. */
export async function listFlagged(
  ctx: AppContext,
  auth: Auth,
  actor: Actor,
  ruleId: string,
  query: z.infer<typeof flagListQuery>,
) {
  let base = ctx.db
    .selectFrom('cadre_flags as f')
    .innerJoin('cadres as c', 'c.id', 'f.cadre_id')
    .where('f.rule_id', '=', ruleId)
    .where(cadreVisible(auth.scope, 'c'));
  if (query.orgId) {
    const unit = await visibleOrg(ctx, auth, actor, query.orgId);
    base = base.where(cadreInSubtree(unit.path));
  }
  if (query.level) base = base.where('f.level', '=', query.level);
  const { limit, offset } = toLimitOffset(query);
  const [rows, count] = await Promise.all([
    base
      .innerJoin('orgs as o', 'o.id', 'c.org_id')
      .select([
        'f.cadre_id',
        'f.seq',
        'f.level',
        'f.message',
        'f.message_en',
        'f.settings',
        'f.evidence',
        'f.evaluated_on',
        'c.name',
        'c.id_card',
        'o.name as org_name',
      ])
      .orderBy(sql`case f.level when 'red' then 0 when 'yellow' then 1 else 2 end`)
      .orderBy('c.name_sort')
      .orderBy('f.cadre_id')
      .orderBy('f.seq')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    items: rows.map((r) => ({
      cadreId: r.cadre_id,
      name: r.name,
      idCardMasked: maskIdCard(r.id_card),
      orgName: r.org_name,
      ruleId,
      level: r.level,
      message: r.message,
      messageEn: r.message_en,
      settings: r.settings,
      evidence: r.evidence,
      evaluatedOn: r.evaluated_on,
    })),
  };
}

/** Counts per rule and level for the caller's scope (or a unit in it). */
export async function flagSummary(ctx: AppContext, auth: Auth, actor: Actor, orgId?: number) {
  let q = ctx.db
    .selectFrom('cadre_flags as f')
    .innerJoin('cadres as c', 'c.id', 'f.cadre_id')
    .where(cadreVisible(auth.scope, 'c'));
  if (orgId) {
    const unit = await visibleOrg(ctx, auth, actor, orgId);
    q = q.where(cadreInSubtree(unit.path));
  }
  const rows = await q
    .select(['f.rule_id', 'f.level'])
    .select((eb) => [eb.fn.countAll<string>().as('flags'), sql<string>`count(distinct f.cadre_id)`.as('cadres')])
    .groupBy(['f.rule_id', 'f.level'])
    .orderBy('f.rule_id')
    .execute();
  return {
    items: rows.map((r) => ({ ruleId: r.rule_id, level: r.level, flags: Number(r.flags), cadres: Number(r.cadres) })),
  };
}
