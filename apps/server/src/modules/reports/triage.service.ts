// Triage of a received report (M-12, M-13, M-14): accept it as a numbered clue in the ledger, link it to an earlier
// report about the same matter, or decline it with a reason. Each is a move of REPORT_MACHINE, trailed, and stops the
// acceptance clock; accepting starts the clue's handling clock.
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Auth } from '../../platform/auth/index.js';
import { toCstDate } from '../../platform/clock/index.js';
import { invalidField } from '../../platform/http/index.js';
import { getRuleSettings } from '../../platform/rules/index.js';
import { orgVisible } from '../../platform/scope/index.js';
import { write, type Actor } from '../../platform/trail/index.js';
import {
  CLUE_STATE,
  PROBLEM_TYPES,
  REPORT_STATUS,
  type ClueState,
  type HandlingMode,
  type ProblemType,
  type ReportStatus,
} from './case-states.dicts.js';
import { DEADLINE_KINDS, meetDeadlines, openDeadline, type DeadlineKind } from './deadlines.service.js';
import { visibleReport } from './report-access.service.js';
import { REPORT_MACHINE } from './case.moves.js';

export interface AcceptInput {
  problemType: ProblemType;
  summary: string;
  handlingMode: HandlingMode;
  handlingOrgId?: number;
}

/** Accept a report as a clue: a numbered ledger line, handled by the competent unit or passed down (转办/交办). */
export async function acceptReport(ctx: AppContext, auth: Auth, actor: Actor, id: number, input: AcceptInput) {
  const r = await visibleReport(ctx, auth, actor, id);
  REPORT_MACHINE.check(auth, r.status as ReportStatus, 'accept');
  const handlingOrgId = await handlingOrg(ctx, auth, r.competent_org_id, r.accused_cadre_id, input);
  const s = (await getRuleSettings(ctx.db, 'M-12', r.competent_org_id)).values;
  const today = toCstDate(ctx.clock.now());
  return write(ctx.db, ctx.clock, actor, async (w) => {
    await REPORT_MACHINE.apply(w, { id, state: r.status as ReportStatus }, 'accept', {
      set: { problem_type: input.problemType },
      record: false,
    });
    const seq = (await sql<{ n: string }>`select nextval('clue_number_seq') as n`.execute(w.trx)).rows[0].n;
    const number = `XS${today.slice(0, 4)}${String(seq).padStart(6, '0')}`;
    const state: ClueState = 'registered';
    const { id: clueId } = await w.trx
      .insertInto('clues')
      .values({
        number,
        report_id: id,
        competent_org_id: r.competent_org_id,
        handling_org_id: handlingOrgId,
        handling_mode: input.handlingMode,
        accused_cadre_id: r.accused_cadre_id,
        accused_name: r.accused_name,
        problem_type: input.problemType,
        summary: input.summary,
        state,
        registered_at: w.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await w.trx
      .insertInto('clue_steps')
      .values({
        clue_id: clueId,
        action: 'register',
        from_state: null,
        to_state: state,
        actor_id: auth.accountId,
        actor_name: auth.displayName,
        at: w.now,
        opinion: null,
        detail: JSON.stringify({ reportId: id, handlingMode: input.handlingMode, handlingOrgId }),
      })
      .execute();
    await meetDeadlines(w, ['accept_decision'], { reportIds: [id] });
    const dueOn = await openDeadline(ctx, w, {
      kind: 'disposal',
      reportId: id,
      clueId,
      startOn: today,
      rule: { days: s.petitionHandleDays, unit: 'calendar' },
    });
    w.record({
      action: 'report.accept',
      entity: 'report',
      entityId: id,
      detail: { clueId, number, problemType: input.problemType, handlingMode: input.handlingMode, handlingOrgId },
    });
    return { clueId, number, state, handlingDueOn: dueOn };
  });
}

/** 转办/交办 pass the clue down to a unit under the competent one; 自办/督办 keep it there. The caller must see that unit. */
async function handlingOrg(
  ctx: AppContext,
  auth: Auth,
  competentOrgId: number,
  accusedCadreId: number | null,
  input: AcceptInput,
): Promise<number> {
  const down = input.handlingMode === 'transfer' || input.handlingMode === 'assign';
  if (!down) {
    if (input.handlingOrgId != null && input.handlingOrgId !== competentOrgId) {
      throw invalidField(
        'handlingOrgId',
        '自办、督办由主管单位办理，不能指定其他承办单位',
        'Handled by the competent unit itself',
      );
    }
    return competentOrgId;
  }
  if (input.handlingOrgId == null) {
    throw invalidField('handlingOrgId', '转办、交办须指定承办单位', 'Name the unit that will handle it');
  }
  const ok = await ctx.db
    .selectFrom('orgs as h')
    .select('h.id')
    .where('h.id', '=', input.handlingOrgId)
    .where(orgVisible(auth.scope, 'h'))
    .where(sql<boolean>`h.path <@ (select path from orgs where id = ${competentOrgId}) and h.id <> ${competentOrgId}`)
    .executeTakeFirst();
  if (!ok)
    throw invalidField(
      'handlingOrgId',
      '承办单位须为主管单位的下级单位',
      'The handling unit must be under the competent one',
    );
  // Never back down to the accused's own unit or below it: a principal's report went up so that those under them do not handle it (M-17).
  if (
    accusedCadreId != null &&
    (await ctx.db
      .selectFrom('posts as p')
      .innerJoin('orgs as ao', 'ao.id', 'p.org_id')
      .select('p.id')
      .where('p.cadre_id', '=', accusedCadreId)
      .where('p.end_date', 'is', null)
      .where(sql<boolean>`(select path from orgs where id = ${input.handlingOrgId}) <@ ao.path`)
      .executeTakeFirst())
  ) {
    throw invalidField(
      'handlingOrgId',
      '不能交给被反映人任职的单位或其下级单位办理',
      "Not to the accused's own unit or one under it",
    );
  }
  return input.handlingOrgId;
}

/** Decline with a reason (不予受理); a named reporter is still told, so that clock keeps running. */
export async function declineReport(ctx: AppContext, auth: Auth, actor: Actor, id: number, reason: string) {
  const r = await visibleReport(ctx, auth, actor, id);
  REPORT_MACHINE.check(auth, r.status as ReportStatus, 'not_accept');
  return write(ctx.db, ctx.clock, actor, async (w) => {
    const status = await REPORT_MACHINE.apply(w, { id, state: r.status as ReportStatus }, 'not_accept', {
      set: { triage_note: reason },
      record: false,
    });
    await meetDeadlines(w, ['accept_decision'], { reportIds: [id] });
    // Reports merged into this one are not declined with it: each goes back to triage on its own, with a new clock.
    const freed = await REPORT_MACHINE.applyAll(
      w,
      'release',
      (q) => q.where('matter_id', '=', id).where('id', '<>', id),
      {
        set: { matter_id: sql<number>`id` },
      },
    );
    if (freed.length) {
      const days = (await getRuleSettings(w.trx, 'M-12', r.competent_org_id)).values.petitionDecideDays;
      const today = toCstDate(w.now);
      for (const f of freed)
        await openDeadline(ctx, w, {
          kind: 'accept_decision',
          reportId: f.id,
          startOn: today,
          rule: { days, unit: 'calendar' },
        });
    }
    w.record({
      action: 'report.decline',
      entity: 'report',
      entityId: id,
      detail: { reason, backToTriage: freed.map((f) => f.id) },
    });
    return { id, status, backToTriage: freed.map((f) => f.id) };
  });
}

/** What staff see of a report's handling: its status, matter, proposed and confirmed links, clue, and running clocks. */
export async function reportCaseInfo(
  ctx: AppContext,
  auth: Auth,
  r: { id: number; status: string; matter_id: number | null; problem_type: string | null; triage_note: string | null },
) {
  const [links, clue, clocks] = await Promise.all([
    // A link is shown only when the other report is in the caller's view too.
    ctx.db
      .selectFrom('report_links as l')
      .innerJoin('reports as x', (j) =>
        j.on(sql<boolean>`x.id = case when l.report_id = ${r.id} then l.related_report_id else l.report_id end`),
      )
      .innerJoin('orgs as o', 'o.id', 'x.competent_org_id')
      .where(orgVisible(auth.scope, 'o'))
      .where((eb) => eb.or([eb('l.report_id', '=', r.id), eb('l.related_report_id', '=', r.id)]))
      .select([
        'l.id',
        'l.report_id',
        'l.related_report_id',
        'l.similarity',
        'l.status',
        'x.number',
        'x.received_at',
        'x.status as other_status',
      ])
      .orderBy('l.similarity', 'desc')
      .execute(),
    ctx.db
      .selectFrom('clues as c')
      .innerJoin('reports as m', 'm.id', 'c.report_id')
      .select(['c.id', 'c.number', 'c.state'])
      .where('m.matter_id', '=', r.matter_id ?? r.id)
      .executeTakeFirst(),
    ctx.db
      .selectFrom('case_deadlines')
      .select(['id', 'kind', 'due_on', 'met_at', 'extended_days'])
      .where('report_id', '=', r.id)
      .orderBy('id')
      .execute(),
  ]);
  return {
    statusLabel: REPORT_STATUS[r.status as ReportStatus]?.[0] ?? r.status,
    matterId: r.matter_id,
    problemType: r.problem_type,
    problemTypeLabel: r.problem_type ? PROBLEM_TYPES[r.problem_type as ProblemType]?.[0] : null,
    triageNote: r.triage_note,
    links: links.map((l) => ({
      id: l.id,
      otherReportId: l.report_id === r.id ? l.related_report_id : l.report_id,
      otherNumber: l.number,
      otherReceivedAt: l.received_at.toISOString(),
      similarity: Number(l.similarity),
      status: l.status,
      canDecide: l.report_id === r.id && l.status === 'proposed',
    })),
    clue: clue
      ? { id: clue.id, number: clue.number, state: clue.state, stateLabel: CLUE_STATE[clue.state as ClueState]?.[0] }
      : null,
    deadlines: clocks.map((d) => ({
      id: d.id,
      kind: d.kind,
      label: DEADLINE_KINDS[d.kind as DeadlineKind]?.zh,
      dueOn: d.due_on,
      met: d.met_at != null,
      extended: d.extended_days > 0,
    })),
  };
}
