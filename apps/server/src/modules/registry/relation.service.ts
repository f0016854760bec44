// Family relations between cadres (the facts M-06 任职回避 reads). Stored in both directions in one transaction.
// Timeline summaries name the kind, never the relative: a reader of one dossier may not be allowed to see the other.
import type { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { Auth } from '../../platform/auth/index.js';
import { toCstDate } from '../../platform/clock/index.js';
import { appendTimeline } from '../../platform/dossier/index.js';
import { conflict, invalidField } from '../../platform/http/index.js';
import { cadreVisible, outOfScope } from '../../platform/scope/index.js';
import { write, type Actor } from '../../platform/trail/index.js';
import { assertDictCodes } from './dict-check.service.js';
import { DICTS, dictLabel, inverseRelation } from './registry.dicts.js';
import { visibleCadre } from './cadre.service.js';
import { thenRefresh } from './flags.service.js';
import type { relationCreate } from './registry.schema.js';

/** Collateral kinds fix or bound their generation count: sibling 2; cousin, uncle, nephew ≥ 3 (4 = second cousin…). */
/** The dossier line for a recorded relation: the kind only, never the relative's name. */
export const relationAddedSummary = (kind: string) => `登记亲属关系（${dictLabel('relation_kind', kind)}）`;

export function generationFor(kind: string, given: number | undefined): number | null {
  const extra = DICTS.relation_kind.find(([c]) => c === kind)?.[3] as { line: string; generation?: number } | undefined;
  if (!extra || extra.line !== 'collateral') {
    if (given !== undefined)
      throw invalidField('generation', '只有旁系血亲需要填写代数', 'Only collateral relatives have a generation count');
    return null;
  }
  const min = extra.generation ?? 2;
  if (kind === 'sibling') {
    if (given !== undefined && given !== 2)
      throw invalidField('generation', '兄弟姐妹为二代旁系血亲', 'Siblings are second-generation collateral relatives');
    return 2;
  }
  const g = given ?? min;
  if (g < min) throw invalidField('generation', `代数至少为 ${min}`, `The generation is at least ${min}`);
  return g;
}

export async function addRelation(
  ctx: AppContext,
  auth: Auth,
  actor: Actor,
  cadreId: number,
  input: z.infer<typeof relationCreate>,
) {
  if (input.relativeCadreId === cadreId)
    throw invalidField('relativeCadreId', '不能与本人建立亲属关系', 'A cadre cannot be their own relative');
  await assertDictCodes(ctx.db, [['relation_kind', input.kind, 'kind']]);
  const generation = generationFor(input.kind, input.generation);
  const a = await visibleCadre(ctx, auth, actor, cadreId);
  const b = await visibleCadre(ctx, auth, actor, input.relativeCadreId);
  const inverse = inverseRelation(input.kind)!;
  return thenRefresh(
    ctx,
    actor,
    [a.id, b.id],
    write(ctx.db, ctx.clock, actor, async (w) => {
      // Said in words, not left to the unique key (whose name would reach the screen: issue 13 §6).
      const known = await w.trx
        .selectFrom('relations')
        .select('id')
        .where('cadre_id', '=', a.id)
        .where('relative_cadre_id', '=', b.id)
        .executeTakeFirst();
      if (known)
        throw conflict(
          'RELATION_EXISTS',
          '这两名干部之间已登记过亲属关系',
          'A relation between these two cadres is already recorded',
        );
      const rows = await w.trx
        .insertInto('relations')
        .values([
          {
            cadre_id: a.id,
            relative_cadre_id: b.id,
            kind: input.kind,
            generation,
            note: input.note ?? null,
            created_at: w.now,
          },
          {
            cadre_id: b.id,
            relative_cadre_id: a.id,
            kind: inverse,
            generation,
            note: input.note ?? null,
            created_at: w.now,
          },
        ])
        .returning('id')
        .execute();
      const day = toCstDate(w.now);
      await appendTimeline(w, [
        {
          cadreId: a.id,
          occurredOn: day,
          eventType: 'registry.relation_added',
          sourceModule: 'registry',
          summary: relationAddedSummary(input.kind),
          refEntity: 'relation',
          refId: rows[0].id,
        },
        {
          cadreId: b.id,
          occurredOn: day,
          eventType: 'registry.relation_added',
          sourceModule: 'registry',
          summary: relationAddedSummary(inverse),
          refEntity: 'relation',
          refId: rows[1].id,
        },
      ]);
      w.record({
        action: 'relation.create',
        entity: 'relation',
        entityId: rows[0].id,
        detail: { cadreId: a.id, ...input, generation },
      });
      return { id: rows[0].id };
    }),
  );
}

export async function removeRelation(ctx: AppContext, auth: Auth, actor: Actor, relationId: number, reason: string) {
  const r = await ctx.db
    .selectFrom('relations as r')
    .innerJoin('cadres as c', 'c.id', 'r.cadre_id')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .select(['r.id', 'r.cadre_id', 'r.relative_cadre_id', 'r.kind'])
    .where('r.id', '=', relationId)
    .where(cadreVisible(auth.scope, 'c'))
    .executeTakeFirst();
  if (!r) throw await outOfScope(ctx, actor, 'relation', relationId);
  await visibleCadre(ctx, auth, actor, r.relative_cadre_id);
  return thenRefresh(
    ctx,
    actor,
    [r.cadre_id, r.relative_cadre_id],
    write(ctx.db, ctx.clock, actor, async (w) => {
      await w.trx
        .deleteFrom('relations')
        .where((eb) =>
          eb.or([
            eb.and([eb('cadre_id', '=', r.cadre_id), eb('relative_cadre_id', '=', r.relative_cadre_id)]),
            eb.and([eb('cadre_id', '=', r.relative_cadre_id), eb('relative_cadre_id', '=', r.cadre_id)]),
          ]),
        )
        .execute();
      const day = toCstDate(w.now);
      await appendTimeline(
        w,
        [r.cadre_id, r.relative_cadre_id].map((cadreId) => ({
          cadreId,
          occurredOn: day,
          eventType: 'registry.relation_removed' as const,
          sourceModule: 'registry',
          summary: `撤销亲属关系登记（${dictLabel('relation_kind', r.kind)}）：${reason}`,
          refEntity: 'relation',
          refId: relationId,
        })),
      );
      w.record({
        action: 'relation.delete',
        entity: 'relation',
        entityId: relationId,
        detail: { kind: r.kind, cadreId: r.cadre_id, relativeCadreId: r.relative_cadre_id, reason },
      });
      return { id: relationId };
    }),
  );
}
