// Reading personal matters reports (issue 15 §1, M-40): one report with its items opened, every read trailed; the list
// of a cadre's reports (the caller's own, or a cadre in the organization department's scope) without any values.
import type { z } from 'zod';
import { can, type Auth } from '../../platform/auth/index.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/http/index.js';
import { recordRead, type Actor } from '../../platform/trail/index.js';
import { ITEM_KINDS, type ItemKind } from './items.catalog.js';
import { itemContext, ownCadre } from './reports.service.js';
import type { reportListQuery } from './reports.schema.js';

const summary = (r: {
  id: number;
  cadre_id: number;
  kind: 'annual' | 'event';
  year: number;
  event_kind: string | null;
  event_on: string | null;
  due_on: string;
  corrects_id: number | null;
  version: number;
  status: 'draft' | 'submitted';
  entered_by: 'self' | 'org';
  submitted_on: string | null;
}) => ({
  id: r.id,
  cadreId: r.cadre_id,
  kind: r.kind,
  year: r.year,
  eventKind: r.event_kind,
  eventOn: r.event_on,
  dueOn: r.due_on,
  correctsId: r.corrects_id,
  version: r.version,
  status: r.status,
  enteredBy: r.entered_by,
  submittedOn: r.submitted_on,
  late: r.submitted_on !== null && r.submitted_on > r.due_on,
});

export async function getReport(ctx: AppContext, actor: Actor, id: number) {
  const r = await ctx.db.selectFrom('pm_reports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound();
  const items = await ctx.db
    .selectFrom('pm_report_items')
    .selectAll()
    .where('report_id', '=', id)
    .orderBy('seq')
    .execute();
  await recordRead(ctx.db, ctx.clock, actor, { action: 'pm_report.read', entity: 'pm_report', entityId: id });
  return {
    ...summary(r),
    signedDigest: r.signed_digest,
    items: items.map((i) => ({
      seq: i.seq,
      kind: i.kind,
      kindLabel: [...ITEM_KINDS[i.kind as ItemKind].label] as [string, string],
      values: JSON.parse(ctx.box.open(i.values_enc, itemContext(id, i.seq))) as Record<string, unknown>,
    })),
  };
}

export async function listReports(ctx: AppContext, auth: Auth, query: z.infer<typeof reportListQuery>) {
  const own = await ownCadre(ctx, auth);
  const cadreId = query.cadreId ?? own;
  if (cadreId === null) return { items: [] };
  if (cadreId !== own && !can(auth.role, 'personal.manage'))
    throw new AppError(403, 'NOT_OWN', '只能查看本人的个人事项报告', 'You may see only your own reports');
  let q = ctx.db.selectFrom('pm_reports').selectAll().where('cadre_id', '=', cadreId);
  if (query.year) q = q.where('year', '=', query.year);
  const rows = await q.orderBy('year', 'desc').orderBy('id', 'desc').execute();
  return { items: rows.map(summary) };
}
