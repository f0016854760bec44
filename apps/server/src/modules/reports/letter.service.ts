// M-15 letters of inquiry (函询, `003` 篇3, 篇6). Sent to the cadre with a reply deadline in working days (setting),
// copied to the cadre's party committee; the cadre replies in the app; the principal of the cadre's unit countersigns
// with a written opinion (“不能一签了之”: an empty or token opinion is refused); the commission then accepts the
// reply or moves the clue to verification. The cadre and the countersigner see the letter's questions and the reply,
// never the reports behind it.
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Auth } from '../../platform/auth/index.js';
import { dueDate, toCstDate } from '../../platform/clock/index.js';
import { AppError, conflict, notFound } from '../../platform/http/index.js';
import { appendTimeline } from '../../platform/dossier/index.js';
import { getRuleSettings } from '../../platform/rules/index.js';
import { recordRead, write, type Actor } from '../../platform/trail/index.js';
import { superiorPrincipalOf } from '../registry/index.js';
import { LETTER_STATUS, type LetterStatus } from './case-states.dicts.js';
import { allowedTarget, loadClue, moveClue } from './clue.service.js';
import { LETTER_MACHINE, staleClue } from './case.moves.js';
import { meetDeadlines, openDeadline } from './deadlines.service.js';
import { committeeName } from './letter-docx.service.js';

/** Where the letter goes: who countersigns, which committee gets the copy. */
async function addressees(ctx: AppContext, cadreId: number) {
  // The cadre's superior principal countersigns (the registry's one rule): the principal of the cadre's unit; when the
  // cadre is a principal, the principal one level up.
  const sup = await superiorPrincipalOf(ctx.db, cadreId);
  if (!sup)
    throw conflict(
      'NO_CURRENT_POST',
      '被函询人没有现任职务，无法确定签署意见的主要负责人',
      'The cadre holds no current post; no principal can countersign',
    );
  const unit = await ctx.db
    .selectFrom('orgs')
    .select(['id', 'name', 'unit_type', 'path'])
    .where('id', '=', sup.orgId)
    .executeTakeFirstOrThrow();
  // The cadre's party committee: the unit itself when it is a committee the cadre does not lead, else the nearest one above.
  const committee =
    unit.unit_type === 'party_committee' && !sup.isPrincipal
      ? { id: unit.id, name: unit.name }
      : await ctx.db
          .selectFrom('orgs')
          .select(['id', 'name'])
          .where('unit_type', '=', 'party_committee')
          .where(sql<boolean>`path @> ${unit.path}::ltree and id <> ${unit.id}`)
          .orderBy(sql`nlevel(path)`, 'desc')
          .executeTakeFirst();
  return { signerCadreId: sup.cadreId, committee: committee ?? null };
}

export async function issueLetter(ctx: AppContext, auth: Auth, actor: Actor, clueId: number, questions: string) {
  const c = await loadClue(ctx, auth, actor, clueId);
  if (c.state !== 'inquiry')
    throw conflict(
      'BAD_STATE',
      '只有处置为谈话函询的线索才能发函',
      'Only a clue disposed of by inquiry can get a letter',
    );
  if (c.accused_cadre_id == null)
    throw conflict('ACCUSED_UNKNOWN', '被反映人未匹配到干部档案', 'The accused is not in the registry');
  const to = await addressees(ctx, c.accused_cadre_id);
  if (to.signerCadreId == null)
    throw conflict('NO_COUNTERSIGNER', '找不到签署意见的主要负责人', 'No principal found to countersign');
  const days = (await getRuleSettings(ctx.db, 'M-15', c.competent_org_id)).values.replyWorkingDays;
  const today = toCstDate(ctx.clock.now());
  const due = dueDate(ctx.calendar, today, { days, unit: 'working' }).due;
  return write(ctx.db, ctx.clock, actor, async (w) => {
    // The letter is a change to the clue: take its version, so a conclusion racing the letter loses one way or the other.
    const bumped = await w.trx
      .updateTable('clues')
      .set({ version: c.version + 1 })
      .where('id', '=', clueId)
      .where('version', '=', c.version)
      .where('state', '=', 'inquiry')
      .executeTakeFirst();
    if (Number(bumped.numUpdatedRows) !== 1) throw staleClue();
    const seq = (await sql<{ n: string }>`select nextval('letter_number_seq') as n`.execute(w.trx)).rows[0].n;
    const number = `${c.competent_org_name}纪函〔${today.slice(0, 4)}〕${seq}号`;
    const inserted = await w.trx
      .insertInto('inquiry_letters')
      .values({
        number,
        clue_id: clueId,
        cadre_id: c.accused_cadre_id!,
        copy_to_org_id: to.committee?.id ?? null,
        countersign_cadre_id: to.signerCadreId,
        questions,
        issued_on: today,
        due_on: due,
        created_at: w.now,
      })
      .onConflict((oc) => oc.column('clue_id').where('status', 'in', ['sent', 'replied', 'countersigned']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted)
      throw conflict('LETTER_OPEN', '该线索已有未办结的函询', 'This clue already has an open letter of inquiry');
    await openDeadline(ctx, w, {
      kind: 'inquiry_reply',
      reportId: c.report_id,
      clueId,
      letterId: inserted.id,
      startOn: today,
      rule: { dueOn: due },
    });
    await appendTimeline(w, {
      cadreId: c.accused_cadre_id!,
      occurredOn: today,
      eventType: 'reports.letter',
      sourceModule: 'reports',
      summary: `收到函询（${number}），须于 ${due} 前书面说明`,
      refEntity: 'inquiry_letter',
      refId: inserted.id,
    });
    w.record({
      action: 'letter.issue',
      entity: 'inquiry_letter',
      entityId: inserted.id,
      detail: { clueId, number, dueOn: due, copyToOrgId: to.committee?.id ?? null },
    });
    return {
      id: inserted.id,
      number,
      dueOn: due,
      copyTo: to.committee?.name ?? null,
      copyToLabel: to.committee ? committeeName(to.committee.name) : null,
    };
  });
}

const LETTER_COLS = [
  'l.id',
  'l.number',
  'l.clue_id',
  'l.cadre_id',
  'l.countersign_cadre_id',
  'l.copy_to_org_id',
  'l.questions',
  'l.issued_on',
  'l.due_on',
  'l.status',
  'l.reply',
  'l.replied_at',
  'l.countersign_opinion',
  'l.countersigned_at',
  'c.name as cadre_name',
  's.name as signer_name',
  'cc.name as copy_to_name',
] as const;

function letters(ctx: AppContext) {
  return ctx.db
    .selectFrom('inquiry_letters as l')
    .innerJoin('cadres as c', 'c.id', 'l.cadre_id')
    .leftJoin('cadres as s', 's.id', 'l.countersign_cadre_id')
    .leftJoin('orgs as cc', 'cc.id', 'l.copy_to_org_id');
}

type LetterRow = Awaited<ReturnType<typeof letterRow>>;
const letterRow = (ctx: AppContext, id: number) =>
  letters(ctx).select(LETTER_COLS).where('l.id', '=', id).executeTakeFirst();

const letterDto = (l: NonNullable<LetterRow>, me: number | null) => ({
  id: l.id,
  number: l.number,
  cadreName: l.cadre_name,
  countersignerName: l.signer_name,
  copyTo: l.copy_to_name,
  copyToLabel: l.copy_to_name ? committeeName(l.copy_to_name) : null,
  questions: l.questions,
  issuedOn: l.issued_on,
  dueOn: l.due_on,
  status: l.status,
  statusLabel: LETTER_STATUS[l.status as LetterStatus]?.[0],
  reply: l.reply,
  repliedAt: l.replied_at?.toISOString() ?? null,
  countersignOpinion: l.countersign_opinion,
  countersignedAt: l.countersigned_at?.toISOString() ?? null,
  myPart: me == null ? null : me === l.cadre_id ? 'reply' : me === l.countersign_cadre_id ? 'countersign' : null,
});

/** A letter as its two parties see it: the cadre (to reply) and the countersigning principal. Anyone else: 404. */
async function partyLetter(ctx: AppContext, auth: Auth, actor: Actor, id: number) {
  const me = auth.scope.cadreId;
  const l = await letterRow(ctx, id);
  if (!l || me == null || (l.cadre_id !== me && l.countersign_cadre_id !== me)) {
    await recordRead(ctx.db, ctx.clock, actor, { action: 'scope.denied', entity: 'inquiry_letter', entityId: id });
    throw notFound();
  }
  return l;
}

/** “My letters”: to reply to, or to countersign. */
export async function myLetters(ctx: AppContext, auth: Auth) {
  const me = auth.scope.cadreId;
  if (me == null) return { items: [] };
  const rows = await letters(ctx)
    .select(LETTER_COLS)
    .where((eb) => eb.or([eb('l.cadre_id', '=', me), eb('l.countersign_cadre_id', '=', me)]))
    .orderBy('l.issued_on', 'desc')
    .orderBy('l.id', 'desc')
    .limit(200)
    .execute();
  return { items: rows.map((l) => letterDto(l, me)) };
}

export async function getPartyLetter(ctx: AppContext, auth: Auth, actor: Actor, id: number) {
  const l = await partyLetter(ctx, auth, actor, id);
  await recordRead(ctx.db, ctx.clock, actor, { action: 'letter.read', entity: 'inquiry_letter', entityId: id });
  return letterDto(l, auth.scope.cadreId);
}

export async function replyLetter(ctx: AppContext, auth: Auth, actor: Actor, id: number, reply: string) {
  const l = await partyLetter(ctx, auth, actor, id);
  if (l.cadre_id !== auth.scope.cadreId)
    throw new AppError(
      403,
      'NOT_ADDRESSEE',
      '只有被函询人本人可以回复',
      'Only the cadre the letter is addressed to may reply',
    );
  return write(ctx.db, ctx.clock, actor, async (w) => {
    const status = await LETTER_MACHINE.apply(w, { id, state: l.status as LetterStatus }, 'reply', {
      set: { reply, replied_at: w.now },
      record: { action: 'letter.reply' },
    });
    return { id, status };
  });
}

/** The addressee asked to countersign their own letter: name whose it is — their unit's principal, or, when they are
 *  that principal, the principal of the unit one level up (issue 13 §6). */
async function notCountersigner(ctx: AppContext, cadreId: number): Promise<AppError> {
  const sup = await superiorPrincipalOf(ctx.db, cadreId);
  const unit = sup?.answeringOrgId
    ? await ctx.db.selectFrom('orgs').select('name').where('id', '=', sup.answeringOrgId).executeTakeFirst()
    : undefined;
  const [zh, en] = !unit
    ? ['签署意见须由被函询人所在单位主要负责人办理', 'The principal of the cadre’s unit countersigns']
    : sup!.isPrincipal
      ? [
          `被函询人是本单位主要负责人，须由上一级${unit.name}主要负责人签署意见`,
          `The cadre is the principal of their unit: the principal of ${unit.name}, one level up, countersigns`,
        ]
      : [`签署意见须由${unit.name}主要负责人办理`, `The principal of ${unit.name} countersigns`];
  return new AppError(403, 'NOT_COUNTERSIGNER', zh, en);
}

/** Words that on their own say nothing: a countersignature needs an opinion on the reply's substance. */
const TOKEN_OPINIONS = /^(同意|已阅|属实|情况属实|同意回复|同意上报|阅|无意见)[。.!！]*$/;

export async function countersignLetter(ctx: AppContext, auth: Auth, actor: Actor, id: number, opinion: string) {
  const l = await partyLetter(ctx, auth, actor, id);
  if (l.countersign_cadre_id !== auth.scope.cadreId) throw await notCountersigner(ctx, l.cadre_id);
  const text = opinion.trim();
  if (text.length < 10 || TOKEN_OPINIONS.test(text)) {
    throw new AppError(
      400,
      'OPINION_TOO_THIN',
      '签署意见须对回复内容写明具体意见（至少 10 个字），不能一签了之',
      'The countersignature needs a written opinion on the reply (at least 10 characters), not a bare signature',
      [{ path: 'opinion', message: '不能一签了之' }],
    );
  }
  return write(ctx.db, ctx.clock, actor, async (w) => {
    const status = await LETTER_MACHINE.apply(w, { id, state: l.status as LetterStatus }, 'countersign', {
      set: { countersign_opinion: text, countersigned_at: w.now, countersigned_by: auth.accountId },
      record: { action: 'letter.countersign' },
    });
    // The reply is complete with the principal's opinion: the reply clock stops here.
    await meetDeadlines(w, ['inquiry_reply'], { letterId: id });
    return { id, status };
  });
}

/** The commission accepts the reply, or moves the clue on to verification (a signed clue step). */
export async function decideLetter(
  ctx: AppContext,
  auth: Auth,
  actor: Actor,
  id: number,
  decision: 'accept' | 'verify',
  note: string,
) {
  const l = await ctx.db
    .selectFrom('inquiry_letters')
    .select(['id', 'clue_id', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!l) throw notFound();
  const c = await loadClue(ctx, auth, actor, l.clue_id);
  if (l.status !== 'countersigned')
    throw conflict(
      'LETTER_STATE',
      '回复须经主要负责人签署意见后才能审核',
      'The reply must be countersigned before review',
    );
  const to = decision === 'verify' ? allowedTarget(auth, c, 'escalate') : null;
  return write(ctx.db, ctx.clock, actor, async (w) => {
    const status = await LETTER_MACHINE.apply(w, { id, state: l.status as LetterStatus }, decision, {
      set: { decided_at: w.now, decided_by: auth.accountId, decision_note: note },
      record: false,
    });
    if (to) await moveClue(w, auth, c, 'escalate', to, note, { letterId: id });
    w.record({ action: `letter.${decision}`, entity: 'inquiry_letter', entityId: id, detail: { clueId: c.id } });
    return { id, status, clueState: to ?? c.state };
  });
}

/** Staff (the clue in scope) may read the letter too, e.g. to print it. */
export async function staffLetter(ctx: AppContext, auth: Auth, actor: Actor, id: number) {
  const l = await letterRow(ctx, id);
  if (!l) throw notFound();
  const c = await loadClue(ctx, auth, actor, l.clue_id);
  return { letter: l, clue: c };
}
