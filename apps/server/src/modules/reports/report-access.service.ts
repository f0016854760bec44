// Who may see which report (M-11): the competent unit in the caller's scope, not recused; and the reporter's own
// access by receipt. Its own file so that the report services (intake, triage, links, attachments) share it without
// importing each other.
import type { AppContext } from '../../platform/context.js';
import type { Auth } from '../../platform/auth/index.js';
import { AppError } from '../../platform/http/index.js';
import { orgVisible, outOfScope } from '../../platform/scope/index.js';
import type { Actor } from '../../platform/trail/index.js';
import { receiptDigest } from './receipt.service.js';
import { notRecused } from './routing.service.js';

/** Staff reads: the competent unit in scope, not recused; the reporter is never part of it. */
export function visibleReports(ctx: AppContext, auth: Auth) {
  return ctx.db
    .selectFrom('reports as r')
    .innerJoin('orgs as o', 'o.id', 'r.competent_org_id')
    .where(orgVisible(auth.scope, 'o'))
    .where(notRecused(auth.scope.cadreId));
}

/** The columns of a report that every staff view shows. */
export const REPORT_COLS = [
  'r.id',
  'r.number',
  'r.channel',
  'r.received_at',
  'r.accused_name',
  'r.accused_unit',
  'r.accused_post',
  'r.accused_cadre_id',
  'r.competent_org_id',
  'o.name as org_name',
  'r.routed_up',
  'r.anonymous',
  'r.status',
] as const;

export async function visibleReport(ctx: AppContext, auth: Auth, actor: Actor, id: number) {
  const r = await visibleReports(ctx, auth)
    .select([
      ...REPORT_COLS,
      'r.content',
      'r.happened',
      'r.reporter_sealed',
      'r.matter_id',
      'r.problem_type',
      'r.triage_note',
    ])
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!r) throw await outOfScope(ctx, actor, 'report', id);
  return r;
}

export const byReceipt = async (ctx: AppContext, receipt: string) =>
  ctx.db
    .selectFrom('reports')
    .select(['id', 'number', 'status', 'received_at'])
    .where('receipt_digest', '=', receiptDigest(ctx.box, receipt))
    .executeTakeFirst();

export const unknownReceipt = () => new AppError(404, 'UNKNOWN_RECEIPT', '回执码不正确', 'Unknown receipt');
