// Submitting a personal matters report (issue 15 §1, M-40): signed in person — the cadre, with the password or a fresh
// one-time code again, over the digest of the report as it stands (its kind, dates and every item's values). A report
// the organization department entered (from a paper form the cadre signed) is submitted by the officer who entered
// it, confirming the same way. Submitted, it is fixed; on time when submitted on or before its due day.
import type { z } from 'zod';
import { confirmIdentity, signInPerson, spendTotpStep, type InPersonSigner } from '../../platform/auth/index.js';
import { can, type Auth } from '../../platform/auth/index.js';
import { toCstDate } from '../../platform/clock/index.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, conflict, notFound } from '../../platform/http/index.js';
import { write, type Actor, type WriteCtx } from '../../platform/trail/index.js';
import { meetAnnualDuty, refreshDutyFindings } from './duties.service.js';
import { itemContext } from './reports.service.js';
import type { reportSign } from './reports.schema.js';

const notSigner = () =>
  new AppError(
    403,
    'NOT_SIGNER',
    '只有报告人本人可以签名提交，不能代签',
    'Only the reporting cadre may sign and submit',
  );

export async function submitReport(
  ctx: AppContext,
  actor: Actor,
  auth: Auth,
  id: number,
  input: z.infer<typeof reportSign>,
) {
  const r = await ctx.db.selectFrom('pm_reports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound();
  if (r.status !== 'draft')
    throw conflict(
      'REPORT_SUBMITTED',
      '该报告已提交；如需更正，请提交补报或更正',
      'Submitted already: file a correction',
    );
  const sign = async (w: WriteCtx, s: Pick<InPersonSigner, 'accountId' | 'method'>) => {
    const items = await w.trx
      .selectFrom('pm_report_items')
      .selectAll()
      .where('report_id', '=', id)
      .orderBy('seq')
      .execute();
    const content = {
      id,
      cadreId: r.cadre_id,
      kind: r.kind,
      year: r.year,
      eventKind: r.event_kind,
      eventOn: r.event_on,
      correctsId: r.corrects_id,
      items: items.map((i) => ({
        kind: i.kind,
        values: JSON.parse(ctx.box.open(i.values_enc, itemContext(id, i.seq))),
      })),
    };
    const digest = ctx.signer.digest(JSON.stringify(content));
    const today = toCstDate(w.now);
    const done = await w.trx
      .updateTable('pm_reports')
      .set({
        status: 'submitted',
        submitted_on: today,
        signed_digest: digest,
        signed_by: s.accountId,
        sign_method: s.method,
      })
      .where('id', '=', id)
      .where('status', '=', 'draft')
      .returning('id')
      .executeTakeFirst();
    if (!done) throw conflict('REPORT_SUBMITTED', '该报告已提交', 'Submitted already'); // a second request at once
    const late = today > String(r.due_on);
    if (r.kind === 'annual') {
      await meetAnnualDuty(w, r.cadre_id, r.year, id, today);
      await refreshDutyFindings(w, r.year, [r.cadre_id]); // a missing report filed late is now only late
    }
    w.record({
      action: 'pm_report.submit',
      entity: 'pm_report',
      entityId: id,
      detail: { digest, method: s.method, items: items.length, late },
    });
    return { id, submittedOn: today, dueOn: String(r.due_on), late, digest, method: s.method };
  };
  if (r.entered_by === 'org' && can(auth.role, 'personal.manage')) {
    const { method, totpStep } = await confirmIdentity(
      ctx.db,
      ctx.box,
      auth.accountId,
      actor.ip,
      input,
      ctx.clock.now(),
    );
    return write(ctx.db, ctx.clock, actor, async (w) => {
      await spendTotpStep(w.trx, auth.accountId, totpStep);
      return sign(w, { accountId: auth.accountId, method });
    });
  }
  return signInPerson(ctx, actor, input, { refusal: notSigner, may: (c) => c === r.cadre_id, sign });
}
