// Re-evaluation after a rule change (issue 12 §5). A changed threshold re-evaluates the subtree it applies to. A city
// or county (a few thousand cadres) is swept inside the request, so lists and dossiers show the change at once; a
// larger subtree — an override at the province root took ≈ 18 s — is swept after the answer, and the rules page shows
// that it is running and when it finished. Runs are kept in this process's memory (the sweep itself is trailed).
import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.js';
import type { Actor } from '../../../platform/trail/index.js';
import { sweep, type SweepResult } from './sweep.service.js';

/** Subtrees up to this many cadres are swept within the request. */
export const SWEEP_IN_REQUEST_MAX = 5000;
const KEPT = 20;

export interface SweepRun {
  id: number;
  orgId: number;
  ruleId: string;
  cadres: number;
  state: 'running' | 'done' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  flags: number | null;
  ms: number | null;
}

export function sweepRuns(ctx: AppContext, opts: { inRequestMax?: number } = {}) {
  const inRequestMax = opts.inRequestMax ?? SWEEP_IN_REQUEST_MAX;
  const runs: SweepRun[] = [];
  const pending = new Set<Promise<unknown>>();
  let seq = 0;

  const finish = (run: SweepRun, r: SweepResult | null) => {
    run.state = r ? 'done' : 'failed';
    run.finishedAt = ctx.clock.now().toISOString();
    run.flags = r?.flags ?? null;
    run.ms = r ? Math.round(r.ms) : null;
  };

  return {
    /** After an override changes under `orgId`: sweep now when the subtree is small, else after the answer. */
    async afterChange(ruleId: string, orgId: number, actor: Actor): Promise<SweepRun> {
      // The subtree's cadres once: their count decides where the sweep runs, and the sweep takes them as they are.
      const ids = (
        await sql<{ id: number }>`select c.id from cadres c where c.org_id = any(array(
          select o.id from orgs o where o.path <@ (select path from orgs where id = ${orgId})))`.execute(ctx.db)
      ).rows.map((r) => r.id);
      const run: SweepRun = {
        id: ++seq,
        orgId,
        ruleId,
        cadres: ids.length,
        state: 'running',
        startedAt: ctx.clock.now().toISOString(),
        finishedAt: null,
        flags: null,
        ms: null,
      };
      runs.unshift(run);
      runs.splice(KEPT);
      if (run.cadres <= inRequestMax) {
        finish(run, await sweep(ctx, actor, { cadreIds: ids }));
        return run;
      }
      const p: Promise<unknown> = sweep(ctx, actor, { cadreIds: ids })
        .then((r) => finish(run, r))
        .catch((err) => {
          finish(run, null);
          console.error(`规则重新评估失败 Re-evaluation failed (${ruleId} @ ${orgId})`, err);
        })
        .finally(() => pending.delete(p));
      pending.add(p);
      return run;
    },
    /** The recent runs under the units the caller may see (`visible` filters the unit ids). */
    async list(visible: (orgIds: number[]) => Promise<number[]>): Promise<SweepRun[]> {
      const ok = new Set(await visible([...new Set(runs.map((r) => r.orgId))]));
      return runs.filter((r) => ok.has(r.orgId)).map((r) => ({ ...r }));
    },
    /** Waits for the sweeps still running (at shutdown, before the database closes). */
    async settle(): Promise<void> {
      await Promise.allSettled([...pending]);
    },
  };
}
export type SweepRuns = ReturnType<typeof sweepRuns>;
