// M-14 the clue ledger and its disposal. Every move is a move of CLUE_MACHINE (case.moves.ts), made with an optimistic version
// guard (two people acting at once: one wins, the other gets 409), signed as a step (who, when, opinion) and trailed
// in the same transaction. A disposal is proposed with the collective decision behind it and approved by the
// commission's head, who may not approve their own proposal.
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Auth } from '../../platform/auth/index.js';
import { toCstDate } from '../../platform/clock/index.js';
import { AppError, conflict, invalidField, toLimitOffset } from '../../platform/http/index.js';
import { getRuleSettings } from '../../platform/rules/index.js';
import { orgVisible, outOfScope } from '../../platform/scope/index.js';
import { recordRead, write, type Actor, type WriteCtx } from '../../platform/trail/index.js';
import {
  CLUE_STATE,
  DISPOSALS,
  HANDLING_MODES,
  LETTER_STATUS,
  PROBLEM_TYPES,
  type ClueState,
  type Disposal,
  type HandlingMode,
  type LetterStatus,
  type ProblemType,
} from './case-states.dicts.js';
import { CLUE_MACHINE, REPORT_MACHINE, staleClue, type ClueMoveName } from './case.moves.js';
import { CASE_CLOCKS, DEADLINE_KINDS, meetDeadlines, openDeadline, type DeadlineKind } from './deadlines.service.js';
import { notRecused } from './routing.service.js';
import { OUTCOME_KINDS, type OutcomeKind } from './outcome-kinds.dicts.js';
import { CHANNELS, type Channel } from './reports.schema.js';

/** Clues the caller may see: the competent or the handling unit in scope, never by an account linked to the accused. */
export function visibleClues(ctx: AppContext, auth: Auth) {
  return ctx.db
    .selectFrom('clues as c')
    .innerJoin('orgs as o', 'o.id', 'c.competent_org_id')
    .innerJoin('orgs as h', 'h.id', 'c.handling_org_id')
    .where((eb) => eb.or([orgVisible(auth.scope, 'o'), orgVisible(auth.scope, 'h')]))
    .where(notRecused(auth.scope.cadreId, 'c'));
}

const CLUE_COLS = [
  'c.id',
  'c.number',
  'c.report_id',
  'c.competent_org_id',
  'o.name as competent_org_name',
  'c.handling_org_id',
  'h.name as handling_org_name',
  'c.handling_mode',
  'c.accused_cadre_id',
  'c.accused_name',
  'c.problem_type',
  'c.summary',
  'c.state',
  'c.disposal',
  'c.proposal',
  'c.hold_review_on',
  'c.transfer_to',
  'c.result',
  'c.false_accusation',
  'c.registered_at',
  'c.concluded_at',
  'c.version',
] as const;

type ClueRow = Awaited<ReturnType<typeof loadClue>>;

export async function loadClue(ctx: AppContext, auth: Auth, actor: Actor, id: number) {
  const c = await visibleClues(ctx, auth).select(CLUE_COLS).where('c.id', '=', id).executeTakeFirst();
  if (!c) throw await outOfScope(ctx, actor, 'clue', id);
  return c;
}

const clueDto = (c: Omit<ClueRow, 'proposal'> & { due_on?: string | null }) => ({
  id: c.id,
  number: c.number,
  reportId: c.report_id,
  competentOrgId: c.competent_org_id,
  competentOrgName: c.competent_org_name,
  handlingOrgId: c.handling_org_id,
  handlingOrgName: c.handling_org_name,
  handlingMode: c.handling_mode,
  handlingModeLabel: HANDLING_MODES[c.handling_mode as HandlingMode]?.[0],
  accused: { cadreId: c.accused_cadre_id, name: c.accused_name },
  problemType: c.problem_type,
  problemTypeLabel: PROBLEM_TYPES[c.problem_type as ProblemType]?.[0],
  summary: c.summary,
  state: c.state,
  stateLabel: CLUE_STATE[c.state as ClueState]?.[0],
  disposal: c.disposal,
  disposalLabel: c.disposal ? DISPOSALS[c.disposal as Disposal].zh : null,
  holdReviewOn: c.hold_review_on,
  transferTo: c.transfer_to,
  result: c.result,
  falseAccusation: c.false_accusation,
  registeredAt: c.registered_at.toISOString(),
  concludedAt: c.concluded_at?.toISOString() ?? null,
  version: c.version,
  handlingDueOn: c.due_on ?? null,
});

export interface ClueListQuery {
  page: number;
  pageSize: number;
  state?: ClueState;
  q?: string;
  orgId?: number;
}

/** The ledger (问题线索台账), newest first, with each clue's running handling deadline. */
export async function listClues(ctx: AppContext, auth: Auth, query: ClueListQuery) {
  let q = visibleClues(ctx, auth);
  if (query.state) q = q.where('c.state', '=', query.state);
  if (query.q) q = q.where((eb) => eb.or([eb('c.number', '=', query.q!), eb('c.accused_name', '=', query.q!)]));
  if (query.orgId) q = q.where(sql<boolean>`o.path <@ (select path from orgs where id = ${query.orgId})`);
  const { limit, offset } = toLimitOffset(query);
  const due = sql<
    string | null
  >`(select min(d.due_on)::text from case_deadlines d where d.clue_id = c.id and d.kind = 'disposal' and ${CASE_CLOCKS.isOpen('d')})`;
  const [rows, n] = await Promise.all([
    q
      .select([...CLUE_COLS, due.as('due_on')])
      .orderBy('c.registered_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { total: Number(n.n), items: rows.map(clueDto) };
}

/** One clue with its steps, the reports of its matter (never the reporter), letters, outcomes and clocks. Trailed. */
export async function getClue(ctx: AppContext, auth: Auth, actor: Actor, id: number) {
  const c = await loadClue(ctx, auth, actor, id);
  const [steps, reports, letters, outcomes, clocks] = await Promise.all([
    ctx.db.selectFrom('clue_steps').selectAll().where('clue_id', '=', id).orderBy('id').execute(),
    ctx.db
      .selectFrom('reports')
      .select(['id', 'number', 'channel', 'received_at', 'content', 'happened', 'anonymous', 'status'])
      .where('matter_id', '=', sql<number>`(select matter_id from reports where id = ${c.report_id})`)
      .orderBy('received_at')
      .execute(),
    ctx.db
      .selectFrom('inquiry_letters')
      .select([
        'id',
        'number',
        'status',
        'issued_on',
        'due_on',
        'questions',
        'reply',
        'countersign_opinion',
        'decision_note',
      ])
      .where('clue_id', '=', id)
      .orderBy('id')
      .execute(),
    ctx.db
      .selectFrom('outcomes')
      .select(['id', 'form', 'kind', 'decided_on', 'influence_until', 'summary'])
      .where('clue_id', '=', id)
      .orderBy('id')
      .execute(),
    ctx.db
      .selectFrom('case_deadlines')
      .select(['id', 'kind', 'due_on', 'met_at', 'extended_days', 'extension_reason'])
      .where('clue_id', '=', id)
      .orderBy('id')
      .execute(),
  ]);
  await recordRead(ctx.db, ctx.clock, actor, { action: 'clue.read', entity: 'clue', entityId: id });
  return {
    ...clueDto(c),
    proposal: c.proposal,
    steps: steps.map((s) => ({
      id: s.id,
      action: s.action,
      from: s.from_state,
      to: s.to_state,
      toLabel: CLUE_STATE[s.to_state as ClueState]?.[0] ?? s.to_state,
      signedBy: s.actor_name,
      at: s.at.toISOString(),
      opinion: s.opinion,
      detail: s.detail,
    })),
    reports: reports.map((r) => ({
      id: r.id,
      number: r.number,
      channel: r.channel,
      channelLabel: CHANNELS[r.channel as Channel]?.[0],
      receivedAt: r.received_at.toISOString(),
      content: r.content,
      happened: r.happened,
      anonymous: r.anonymous,
      status: r.status,
    })),
    letters: letters.map((l) => ({
      id: l.id,
      number: l.number,
      status: l.status,
      statusLabel: LETTER_STATUS[l.status as LetterStatus]?.[0],
      issuedOn: l.issued_on,
      dueOn: l.due_on,
      questions: l.questions,
      reply: l.reply,
      countersignOpinion: l.countersign_opinion,
      decisionNote: l.decision_note,
    })),
    outcomes: outcomes.map((o) => ({
      id: o.id,
      form: o.form,
      kind: o.kind,
      kindLabel: OUTCOME_KINDS[o.kind as OutcomeKind]?.zh,
      decidedOn: o.decided_on,
      influenceUntil: o.influence_until,
      summary: o.summary,
    })),
    deadlines: clocks.map((d) => ({
      id: d.id,
      kind: d.kind,
      label: DEADLINE_KINDS[d.kind as DeadlineKind]?.zh,
      dueOn: d.due_on,
      met: d.met_at != null,
      extended: d.extended_days > 0,
      extensionReason: d.extension_reason,
    })),
  };
}

/** Makes one move of CLUE_MACHINE: guard, version check, signed step, trail row. The caller's write supplies the rest. */
export const moveClue = (
  w: WriteCtx,
  auth: Auth,
  c: Pick<ClueRow, 'id' | 'state' | 'version'>,
  move: ClueMoveName,
  to: ClueState,
  opinion: string | null,
  detail: Record<string, unknown>,
  set: Record<string, unknown> = {},
) =>
  CLUE_MACHINE.apply(w, { id: c.id, state: c.state as ClueState, version: c.version }, move, {
    to,
    set,
    auth,
    opinion,
    detail,
  });

/** The table's word on a move, and the head's seat for the head's moves; an approval goes where its disposal says. */
export const allowedTarget = (auth: Auth, c: { state: string }, move: ClueMoveName, disposal?: Disposal | null) =>
  CLUE_MACHINE.check(auth, c.state as ClueState, move, disposal ? DISPOSALS[disposal].state : null);

export interface ProposeInput {
  disposal: Disposal;
  opinion: string;
  version: number;
  collective: { meetingOn: string; participants: string[]; minutes: string };
  holdReviewOn?: string;
  transferTo?: string;
}

/** M-14: the handler proposes a disposal, with the collective decision (集体研究) that backs it. */
export async function proposeDisposal(ctx: AppContext, auth: Auth, actor: Actor, id: number, input: ProposeInput) {
  const c = await loadClue(ctx, auth, actor, id);
  const to = allowedTarget(auth, c, 'propose');
  const today = toCstDate(ctx.clock.now());
  const bad = invalidField;
  if (input.collective.meetingOn > today)
    throw bad('collective.meetingOn', '集体研究日期不能晚于今天', 'The meeting cannot be in the future');
  // A clue is studied after it is registered: a meeting before that (a mistyped year) is refused, not filed.
  if (input.collective.meetingOn < toCstDate(c.registered_at)) {
    throw bad(
      'collective.meetingOn',
      `集体研究日期不能早于线索登记日期（${toCstDate(c.registered_at)}）`,
      'The meeting cannot be before the clue was registered',
    );
  }
  if (input.disposal === 'hold' && (!input.holdReviewOn || input.holdReviewOn <= today))
    throw bad('holdReviewOn', '暂存待查须定一个今天以后的复查日期', 'A hold needs a review date after today');
  if (input.disposal === 'transfer' && !input.transferTo)
    throw bad('transferTo', '移送须写明接收机关', 'Name the body it goes to');
  if (input.disposal === 'inquiry' && c.accused_cadre_id == null) {
    throw conflict(
      'ACCUSED_UNKNOWN',
      '被反映人未匹配到干部档案，不能谈话函询',
      'The accused is not in the registry; no inquiry is possible',
    );
  }
  if (c.version !== input.version) throw staleClue();
  const proposal = {
    disposal: input.disposal,
    collective: input.collective,
    holdReviewOn: input.holdReviewOn ?? null,
    transferTo: input.transferTo ?? null,
    proposedBy: auth.accountId,
    proposedByName: auth.displayName,
    proposedAt: ctx.clock.now().toISOString(),
  };
  return write(ctx.db, ctx.clock, actor, async (w) => {
    await moveClue(
      w,
      auth,
      c,
      'propose',
      to,
      input.opinion,
      { disposal: input.disposal, collective: input.collective },
      { proposal: JSON.stringify(proposal) },
    );
    return { id, state: to, version: c.version + 1 };
  });
}

/** M-14: the head approves (the disposal takes effect) or returns the proposal; never their own. */
export async function decideProposal(
  ctx: AppContext,
  auth: Auth,
  actor: Actor,
  id: number,
  approve: boolean,
  opinion: string,
  version: number,
) {
  const c = await loadClue(ctx, auth, actor, id);
  const p = (c.proposal ?? {}) as {
    disposal?: Disposal;
    proposedBy?: number;
    holdReviewOn?: string | null;
    transferTo?: string | null;
  };
  const to = allowedTarget(auth, c, approve ? 'approve' : 'return', p.disposal);
  if (p.proposedBy === auth.accountId) {
    throw new AppError(
      403,
      'OWN_PROPOSAL',
      '不能审批本人提出的处置意见',
      'You cannot approve or return your own proposal',
    );
  }
  if (c.version !== version) throw staleClue();
  const today = toCstDate(ctx.clock.now());
  return write(ctx.db, ctx.clock, actor, async (w) => {
    if (!approve) {
      await moveClue(w, auth, c, 'return', to, opinion, {}, { proposal: null });
      return { id, state: to, version: c.version + 1 };
    }
    const set: Record<string, unknown> = {
      disposal: p.disposal,
      hold_review_on: p.holdReviewOn ?? null,
      transfer_to: p.transferTo ?? null,
    };
    if (to === 'closed' || to === 'transferred') set.concluded_at = w.now;
    await moveClue(w, auth, c, 'approve', to, opinion, { disposal: p.disposal }, set);
    await meetDeadlines(w, ['hold_review'], { clueId: id });
    if (to === 'on_hold') {
      // A hold parks the clue: its handling clock stops, and the review date is the clock that runs.
      await meetDeadlines(w, ['disposal'], { clueId: id });
      await openDeadline(ctx, w, {
        kind: 'hold_review',
        reportId: c.report_id,
        clueId: id,
        startOn: today,
        rule: { dueOn: p.holdReviewOn! },
      });
    }
    if (
      (to === 'inquiry' || to === 'verification') &&
      !(await w.trx
        .selectFrom('case_deadlines')
        .select('id')
        .where('clue_id', '=', id)
        .where('kind', '=', 'disposal')
        .where(CASE_CLOCKS.isOpen(''))
        .executeTakeFirst())
    ) {
      // Taken up again after a hold: a fresh handling period.
      const days = (await getRuleSettings(w.trx, 'M-12', c.competent_org_id)).values.petitionHandleDays;
      await openDeadline(ctx, w, {
        kind: 'disposal',
        reportId: c.report_id,
        clueId: id,
        startOn: today,
        rule: { days, unit: 'calendar' },
      });
    }
    if (to === 'closed' || to === 'transferred') await finishMatter(ctx, w, c);
    return { id, state: to, version: c.version + 1 };
  });
}

/**
 * A clue that ends (closed, transferred, concluded) ends its matter: every report in it is concluded, the handling
 * clock stops, and each named reporter's “tell the result” clock starts (M-12).
 */
export async function finishMatter(
  ctx: AppContext,
  w: WriteCtx,
  c: { id: number; report_id: number; competent_org_id: number },
) {
  await meetDeadlines(w, ['disposal', 'hold_review', 'inquiry_reply'], { clueId: c.id });
  const reports = await REPORT_MACHINE.applyAll<{ id: number; anonymous: boolean }>(
    w,
    'conclude',
    (q) => q.where('matter_id', '=', sql<number>`(select matter_id from reports where id = ${c.report_id})`),
    { returning: ['id', 'anonymous'] },
  );
  const days = (await getRuleSettings(w.trx, 'M-12', c.competent_org_id)).values.informResultWorkingDays;
  const today = toCstDate(w.now);
  for (const r of reports.filter((x) => !x.anonymous)) {
    await openDeadline(ctx, w, {
      kind: 'inform_result',
      reportId: r.id,
      clueId: c.id,
      startOn: today,
      rule: { days, unit: 'working' },
    });
  }
}
