// The yearly spot check (issue 15 §2, M-41): an officer opens the draw of a unit and year, and the server commits to
// a random seed at once (its SHA-256 is shown and trailed; the seed is sealed). At the draw the eligible list is fixed
// — everyone under the unit who filed that year's annual report, less the cohorts that are always checked (凡提必核:
// promotion candidates, reserve cadres, transfers into key posts, named by the officer) — the seed is revealed, and
// the draw follows draw.algorithm.ts. The record is signed with the installation's key and the draw is fixed.
import { randomBytes } from 'node:crypto';
import { sql, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { Auth } from '../../platform/auth/index.js';
import type { AppContext } from '../../platform/context.js';
import { conflict, notFound } from '../../platform/http/index.js';
import { getRuleSettingsFor } from '../../platform/rules/index.js';
import { recordRead, write, type Actor } from '../../platform/trail/index.js';
import { commitmentOf, DRAW_ALGORITHM, drawFrom, listDigest, type DrawRecord } from './draw.algorithm.js';
import type { drawRun, newDraw } from './draw.schema.js';

const SEED_CONTEXT = (orgId: number, year: number) => `pm-draw-seed:${orgId}:${year}`;

export async function openDraw(ctx: AppContext, actor: Actor, auth: Auth, input: z.infer<typeof newDraw>) {
  const s = (await getRuleSettingsFor(ctx.db, ['M-41'], input.orgId))['M-41'].values;
  const seed = randomBytes(32).toString('hex');
  return write(ctx.db, ctx.clock, actor, async (w) => {
    const dup = await w.trx
      .selectFrom('pm_draws')
      .select('id')
      .where('org_id', '=', input.orgId)
      .where('year', '=', input.year)
      .executeTakeFirst();
    if (dup) throw conflict('DRAW_EXISTS', '该单位该年度已有抽查', 'This unit has a draw for that year already');
    const d = await w.trx
      .insertInto('pm_draws')
      .values({
        org_id: input.orgId,
        year: input.year,
        share_bp: Math.round(s.spotCheckShare * 10_000),
        commitment: commitmentOf(seed),
        seed_enc: ctx.box.seal(seed, SEED_CONTEXT(input.orgId, input.year)),
        created_by: auth.accountId,
        created_at: w.now,
      })
      .returning(['id', 'commitment', 'share_bp'])
      .executeTakeFirstOrThrow();
    w.record({ action: 'pm_draw.open', entity: 'pm_draw', entityId: d.id, detail: { commitment: d.commitment } });
    return { id: d.id, commitment: d.commitment, shareBp: d.share_bp };
  });
}

export async function runDraw(ctx: AppContext, actor: Actor, id: number, input: z.infer<typeof drawRun>) {
  return write(ctx.db, ctx.clock, actor, async (w) => {
    const d = await w.trx.selectFrom('pm_draws').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!d) throw notFound();
    if (d.drawn_at) throw conflict('DRAW_FIXED', '该次抽查已抽取，不能更改', 'This spot check has been drawn');
    const filed = await w.trx
      .selectFrom('pm_reports as r')
      .innerJoin('cadres as c', 'c.id', 'r.cadre_id')
      .innerJoin('orgs as o', 'o.id', 'c.org_id')
      .select('r.cadre_id')
      .distinct()
      .where('r.kind', '=', 'annual')
      .where('r.year', '=', d.year)
      .where('r.status', '=', 'submitted')
      .where(sql<SqlBool>`o.path <@ (select path from orgs where id = ${d.org_id})`)
      .execute();
    const cohortIds = new Set(input.cohorts.map((c) => c.cadreId));
    const eligible = filed
      .map((f) => f.cadre_id)
      .filter((c) => !cohortIds.has(c))
      .sort((a, b) => a - b);
    const seed = ctx.box.open(d.seed_enc, SEED_CONTEXT(d.org_id, d.year));
    const record: DrawRecord = {
      algorithm: DRAW_ALGORITHM,
      year: d.year,
      orgId: d.org_id,
      shareBp: d.share_bp,
      commitment: d.commitment,
      seed,
      eligible,
      eligibleDigest: listDigest(eligible),
      drawn: drawFrom(seed, eligible, d.share_bp),
      cohorts: [...input.cohorts].sort((a, b) => a.cadreId - b.cadreId),
      drawnAt: w.now.toISOString(),
    };
    const proof = ctx.signer.sign(record);
    await w.trx
      .updateTable('pm_draws')
      .set({ seed, record: JSON.stringify(record), proof: JSON.stringify(proof), drawn_at: w.now })
      .where('id', '=', id)
      .execute();
    const members = [
      ...record.drawn.map((cadreId) => ({ draw_id: id, cadre_id: cadreId, reason: 'random' as const })),
      ...input.cohorts.map((c) => ({ draw_id: id, cadre_id: c.cadreId, reason: c.cohort })),
    ];
    if (members.length) await w.trx.insertInto('pm_draw_members').values(members).execute();
    w.record({
      action: 'pm_draw.draw',
      entity: 'pm_draw',
      entityId: id,
      detail: {
        eligible: eligible.length,
        digest: record.eligibleDigest,
        drawn: record.drawn,
        cohorts: record.cohorts.length,
      },
    });
    return { id, ...record };
  });
}

/** A draw as its page and its export show it: the record and its proof (after the draw), and the names drawn. */
export async function getDraw(ctx: AppContext, actor: Actor, id: number) {
  const d = await ctx.db.selectFrom('pm_draws').selectAll().where('id', '=', id).executeTakeFirst();
  if (!d) throw notFound();
  const members = await ctx.db
    .selectFrom('pm_draw_members as m')
    .innerJoin('cadres as c', 'c.id', 'm.cadre_id')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .select(['m.cadre_id', 'm.reason', 'c.name', 'o.name as org_name'])
    .where('m.draw_id', '=', id)
    .orderBy('m.reason')
    .orderBy('c.name_sort')
    .execute();
  await recordRead(ctx.db, ctx.clock, actor, { action: 'pm_draw.read', entity: 'pm_draw', entityId: id });
  return {
    id: d.id,
    orgId: d.org_id,
    year: d.year,
    shareBp: d.share_bp,
    commitment: d.commitment,
    drawnAt: d.drawn_at ? d.drawn_at.toISOString() : null,
    record: d.record as DrawRecord | null,
    proof: d.proof,
    publicKey: ctx.signer.publicKeyPem,
    members: members.map((m) => ({ cadreId: m.cadre_id, reason: m.reason, name: m.name, orgName: m.org_name })),
  };
}
