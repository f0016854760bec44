// The sweep (M-04 … M-07): evaluates every cadre of a subtree and records what it found in the platform's findings
// store (source 'registry'), which the lists filter on (?flag=M-04, through the view cadre_flags). Facts are read set-based, a batch of cadres per query; the rules stay the pure
// functions the tests pin down, so the sweep and the dossier can never disagree.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/index.js';
import type { AppContext } from '../../../platform/context.js';
import { toCstDate } from '../../../platform/clock/index.js';
import { getRuleSettingsForOrgs } from '../../../platform/rules/index.js';
import { write, type Actor } from '../../../platform/trail/index.js';
import { recordFindings } from '../../../platform/findings/index.js';
import { loadFacts } from './facts.repo.js';
import { evaluateCadre, REGISTRY_RULES, type RegistrySettings } from './evaluate.rules.js';

const BATCH = 5000;

/** Settings of every registry rule for each unit in `orgPaths`. */
async function settingsFor(db: Kysely<DB>, orgPaths: Map<number, string>): Promise<Map<number, RegistrySettings>> {
  const perRule = await Promise.all(REGISTRY_RULES.map((r) => getRuleSettingsForOrgs(db, r, orgPaths)));
  const out = new Map<number, RegistrySettings>();
  for (const orgId of orgPaths.keys()) {
    out.set(orgId, Object.fromEntries(REGISTRY_RULES.map((r, i) => [r, perRule[i].get(orgId)])) as RegistrySettings);
  }
  return out;
}

export interface SweepResult {
  cadres: number;
  flags: number;
  byRule: Record<string, number>;
  ms: number;
}

/** Re-evaluates the cadres managed in `rootOrgId`'s subtree (or the given cadres) and replaces their stored flags. */
export async function sweep(
  ctx: AppContext,
  actor: Actor,
  target: { rootOrgId: number } | { cadreIds: number[] },
): Promise<SweepResult> {
  const t0 = performance.now();
  const today = toCstDate(ctx.clock.now());
  const ids =
    'cadreIds' in target
      ? [...new Set(target.cadreIds)].sort((a, b) => a - b)
      : (
          await sql<{ id: number }>`select c.id from cadres c where c.org_id = any(array(
        select o.id from orgs o where o.path <@ (select path from orgs where id = ${target.rootOrgId}))) order by c.id`.execute(
            ctx.db,
          )
        ).rows.map((r) => r.id);
  const byRule: Record<string, number> = {};
  let flags = 0;
  if (!ids.length) return { cadres: 0, flags: 0, byRule, ms: 0 };
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    const facts = await loadFacts(ctx.db, batch);
    const orgPaths = new Map(facts.map((f) => [f.orgId, f.orgPath]));
    const settings = await settingsFor(ctx.db, orgPaths);
    const found = facts.flatMap((f) =>
      evaluateCadre(f, settings.get(f.orgId)!, today).map((x) => ({ ...x, subjectId: f.id })),
    );
    for (const r of found) byRule[r.ruleId] = (byRule[r.ruleId] ?? 0) + 1;
    flags += found.length;
    await write(ctx.db, ctx.clock, actor, async (w) => {
      await recordFindings(w, { source: 'registry', subjectKind: 'cadre', subjectIds: batch, found, today });
      w.record({
        action: 'flags.sweep',
        entity: 'cadre_flags',
        detail: { cadres: batch.length, flags: found.length, first: batch[0], last: batch.at(-1), today },
      });
    });
  }
  return { cadres: ids.length, flags, byRule, ms: Math.round(performance.now() - t0) };
}

/** Every cadre, from each root unit: at start and once a day, so tenure flags move with the calendar. */
export async function sweepAll(ctx: AppContext, actor: Actor): Promise<SweepResult> {
  const roots = await ctx.db.selectFrom('orgs').select('id').where('parent_id', 'is', null).execute();
  const total: SweepResult = { cadres: 0, flags: 0, byRule: {}, ms: 0 };
  for (const r of roots) {
    const one = await sweep(ctx, actor, { rootOrgId: r.id });
    total.cadres += one.cadres;
    total.flags += one.flags;
    total.ms += one.ms;
    for (const [k, v] of Object.entries(one.byRule)) total.byRule[k] = (total.byRule[k] ?? 0) + v;
  }
  return total;
}
