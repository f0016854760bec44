// Personal matters reports (issue 15 §1, M-40): a draft opened by the cadre for themselves or by the organization
// department for a cadre in its scope, its items replaced while it is a draft, then submitted and signed (see
// submit.service.ts). A second annual report for the same year is refused: it is a correction (补报/更正), a new
// version linked to the report it corrects, whose items start as a copy; both stay.
import type { z } from 'zod';
import { dueOn } from '../../platform/deadlines/index.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, assertNotAfterToday, conflict, notFound } from '../../platform/http/index.js';
import { getRuleSettingsFor } from '../../platform/rules/index.js';
import { write, type Actor, type WriteCtx } from '../../platform/trail/index.js';
import type { Auth } from '../../platform/auth/index.js';
import { can } from '../../platform/auth/index.js';
import { matchKeys, type ReportItem } from './items.catalog.js';
import type { newReport } from './reports.schema.js';

/** The sealing context of an item's values: bound to its report and position. */
export const itemContext = (reportId: number, seq: number) => `pm-item:${reportId}:${seq}`;
const MATCH = 'pm-match';

/** The cadre the account is linked to (null when none). */
export async function ownCadre(ctx: AppContext, auth: Auth): Promise<number | null> {
  const a = await ctx.db.selectFrom('accounts').select('cadre_id').where('id', '=', auth.accountId).executeTakeFirst();
  return a?.cadre_id ?? null;
}

export async function createReport(ctx: AppContext, actor: Actor, auth: Auth, input: z.infer<typeof newReport>) {
  const own = await ownCadre(ctx, auth);
  const cadreId = input.cadreId ?? own;
  if (cadreId === null)
    throw new AppError(403, 'NO_CADRE', '本账号未关联干部，不能填报个人事项', 'This account is linked to no cadre');
  const self = cadreId === own;
  if (!self && !can(auth.role, 'personal.manage'))
    throw new AppError(403, 'NOT_OWN', '只能填报本人的个人事项', 'You may report only your own personal matters');
  const cadre = await ctx.db.selectFrom('cadres').select('org_id').where('id', '=', cadreId).executeTakeFirst();
  if (!cadre) throw notFound();
  const s = (await getRuleSettingsFor(ctx.db, ['M-40'], cadre.org_id))['M-40'].values;
  let due: string;
  if (input.kind === 'annual') {
    due = `${input.year + 1}-${s.annualDue}`;
  } else {
    assertNotAfterToday(ctx.clock, 'eventOn', input.eventOn, ['事项发生日期', 'The date of the event']);
    due = dueOn(ctx.calendar, input.eventOn, { days: s.eventWithinDays, unit: 'calendar' });
  }
  return write(ctx.db, ctx.clock, actor, async (w) => {
    if (input.kind === 'annual') {
      const dup = await w.trx
        .selectFrom('pm_reports')
        .select('id')
        .where('cadre_id', '=', cadreId)
        .where('kind', '=', 'annual')
        .where('year', '=', input.year)
        .where('corrects_id', 'is', null)
        .executeTakeFirst();
      if (dup)
        throw conflict(
          'ANNUAL_EXISTS',
          `${input.year} 年度报告已经存在；如需补充或更正，请在原报告上提交补报或更正`,
          `The annual report for ${input.year} exists already: file a correction of it instead`,
        );
    }
    const r = await w.trx
      .insertInto('pm_reports')
      .values({
        cadre_id: cadreId,
        kind: input.kind,
        year: input.kind === 'annual' ? input.year : Number(input.eventOn.slice(0, 4)),
        event_kind: input.kind === 'event' ? input.eventKind : null,
        event_on: input.kind === 'event' ? input.eventOn : null,
        due_on: due,
        entered_by: self ? 'self' : 'org',
        created_by: auth.accountId,
        created_at: w.now,
      })
      .returning(['id', 'due_on'])
      .executeTakeFirstOrThrow();
    w.record({ action: 'pm_report.create', entity: 'pm_report', entityId: r.id, detail: { kind: input.kind } });
    return { id: r.id, dueOn: r.due_on };
  });
}

/** Writes a report's items in order, sealed; the caller has checked the report is a draft. */
async function insertItems(ctx: AppContext, w: WriteCtx, reportId: number, items: ReportItem[]) {
  if (!items.length) return;
  await w.trx
    .insertInto('pm_report_items')
    .values(
      items.map((item, i) => ({
        report_id: reportId,
        seq: i + 1,
        kind: item.kind,
        values_enc: ctx.box.seal(JSON.stringify(item.values), itemContext(reportId, i + 1)),
        match_digests: matchKeys(item).map((k) => ctx.box.digest(k, MATCH)),
      })),
    )
    .execute();
}

const notDraft = () =>
  conflict(
    'REPORT_SUBMITTED',
    '该报告已提交，不能修改；如需更正，请提交补报或更正',
    'Submitted: file a correction instead',
  );

/** Replaces the items of a draft (the whole list, in order). */
export async function saveItems(ctx: AppContext, actor: Actor, id: number, items: ReportItem[]) {
  return write(ctx.db, ctx.clock, actor, async (w) => {
    const r = await w.trx.selectFrom('pm_reports').select('status').where('id', '=', id).forUpdate().executeTakeFirst();
    if (!r) throw notFound();
    if (r.status !== 'draft') throw notDraft();
    await w.trx.deleteFrom('pm_report_items').where('report_id', '=', id).execute();
    await insertItems(ctx, w, id, items);
    w.record({ action: 'pm_report.items', entity: 'pm_report', entityId: id, detail: { items: items.length } });
    return { id, items: items.length };
  });
}

/** A correction of a submitted report: the next version, a draft whose items start as a copy of the corrected one's. */
export async function correctReport(ctx: AppContext, actor: Actor, auth: Auth, id: number) {
  const own = await ownCadre(ctx, auth); // before the write: PGlite has one connection, the write holds it
  return write(ctx.db, ctx.clock, actor, async (w) => {
    const r = await w.trx.selectFrom('pm_reports').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!r) throw notFound();
    if (r.status !== 'submitted')
      throw conflict('REPORT_DRAFT', '该报告尚未提交，可直接修改', 'The report is still a draft: change it directly');
    const next = await w.trx.selectFrom('pm_reports').select('id').where('corrects_id', '=', id).executeTakeFirst();
    if (next)
      throw conflict(
        'ALREADY_CORRECTED',
        '该报告已有更正版本，请在最新版本上更正',
        'Correct the latest version instead',
      );
    const c = await w.trx
      .insertInto('pm_reports')
      .values({
        cadre_id: r.cadre_id,
        kind: r.kind,
        year: r.year,
        event_kind: r.event_kind,
        event_on: r.event_on,
        due_on: r.due_on,
        corrects_id: id,
        version: r.version + 1,
        entered_by: own === r.cadre_id ? 'self' : 'org',
        created_by: auth.accountId,
        created_at: w.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const items = await w.trx
      .selectFrom('pm_report_items')
      .selectAll()
      .where('report_id', '=', id)
      .orderBy('seq')
      .execute();
    await insertItems(
      ctx,
      w,
      c.id,
      items.map((i) => ({
        kind: i.kind as ReportItem['kind'],
        values: JSON.parse(ctx.box.open(i.values_enc, itemContext(id, i.seq))),
      })),
    );
    w.record({ action: 'pm_report.correct', entity: 'pm_report', entityId: c.id, detail: { corrects: id } });
    return { id: c.id, version: r.version + 1 };
  });
}
