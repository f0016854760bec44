// M-16 outcomes and M-18 clearing. A clue in inquiry or verification is concluded with a finding: substantiated
// (in whole or part) with outcomes by the four forms, each with its influence period, written into the cadre's
// dossier; unsubstantiated; or false (诬告), which writes a clearing record (澄清正名) into the dossier and takes the
// matter out of every count (M-19 concentration). The dossier never learns who reported.
import type { AppContext } from '../../platform/context.js';
import type { Auth } from '../../platform/auth/index.js';
import { toCstDate } from '../../platform/clock/index.js';
import { conflict, invalidField } from '../../platform/http/index.js';
import { appendTimeline } from '../../platform/dossier/index.js';
import { getRuleSettings } from '../../platform/rules/index.js';
import { write, type Actor } from '../../platform/trail/index.js';
import { openOccasionTalk } from '../talks/index.js';
import { allowedTarget, finishMatter, loadClue, moveClue } from './clue.service.js';
import { staleClue } from './case.moves.js';
import {
  FORM_LABELS,
  influenceMonths,
  influenceUntil,
  OUTCOME_KINDS,
  type OutcomeKind,
} from './outcome-kinds.dicts.js';

export const RESULTS = {
  substantiated: ['问题属实', 'Substantiated'],
  partly: ['部分属实', 'Partly substantiated'],
  unsubstantiated: ['问题不实，予以了结', 'Not substantiated'],
  false: ['诬告陷害，予以澄清正名', 'False accusation; name cleared'],
} as const;
export type Result = keyof typeof RESULTS;

export interface ConcludeInput {
  result: Result;
  opinion: string;
  version: number;
  outcomes: Array<{ kind: OutcomeKind; decidedOn: string; summary: string }>;
  /** M-18: a deliberate false accuser may be referred for handling. */
  referAccuser?: boolean;
}

const bad = invalidField;

export async function concludeClue(ctx: AppContext, auth: Auth, actor: Actor, id: number, input: ConcludeInput) {
  const c = await loadClue(ctx, auth, actor, id);
  const to = allowedTarget(auth, c, 'conclude');
  const findsFault = input.result === 'substantiated' || input.result === 'partly';
  if (findsFault && input.outcomes.length === 0)
    throw bad('outcomes', '问题属实须写明处理结果', 'A substantiated finding needs an outcome');
  if (!findsFault && input.outcomes.length > 0)
    throw bad('outcomes', '问题不实或诬告不能附处理结果', 'No outcome goes with an unsubstantiated or false finding');
  if (input.referAccuser && input.result !== 'false')
    throw bad('referAccuser', '只有认定诬告才能移送处理举报人', 'Only a false accusation can be referred');
  const today = toCstDate(ctx.clock.now());
  input.outcomes.forEach((o, i) => {
    if (o.decidedOn > today)
      throw bad(`outcomes.${i}.decidedOn`, '决定日期不能晚于今天', 'The decision date cannot be in the future');
  });
  if (c.accused_cadre_id == null && (findsFault || input.result === 'false')) {
    throw conflict(
      'ACCUSED_UNKNOWN',
      '被反映人未匹配到干部档案，无法记入档案',
      'The accused is not in the registry; nothing can be written to a dossier',
    );
  }
  if (c.version !== input.version) throw staleClue();
  // An open letter of inquiry is finished first (replied, countersigned, reviewed): concluding over it would stop its
  // clock as if the cadre had answered.
  const open = await ctx.db
    .selectFrom('inquiry_letters')
    .select('number')
    .where('clue_id', '=', id)
    .where('status', 'in', ['sent', 'replied', 'countersigned'])
    .executeTakeFirst();
  if (open)
    throw conflict(
      'LETTER_OPEN',
      `函询（${open.number}）尚未回复并审核，不能办结`,
      'A letter of inquiry is still open: it must be answered and reviewed first',
    );
  const m16 = (await getRuleSettings(ctx.db, 'M-16', c.competent_org_id)).values;
  return write(ctx.db, ctx.clock, actor, async (w) => {
    await moveClue(
      w,
      auth,
      c,
      'conclude',
      to,
      input.opinion,
      { result: input.result, outcomes: input.outcomes.map((o) => o.kind), referAccuser: input.referAccuser ?? false },
      { result: input.result, false_accusation: input.result === 'false', concluded_at: w.now },
    );
    const cadreId = c.accused_cadre_id!;
    for (const o of input.outcomes) {
      const k = OUTCOME_KINDS[o.kind];
      const until = influenceUntil(o.decidedOn, influenceMonths(o.kind, m16));
      const { id: outcomeId } = await w.trx
        .insertInto('outcomes')
        .values({
          clue_id: id,
          cadre_id: cadreId,
          form: k.form,
          kind: o.kind,
          decided_on: o.decidedOn,
          influence_until: until,
          summary: o.summary,
          created_by: auth.accountId,
          created_at: w.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const period = 'permanent' in k ? '' : until ? `，影响期至 ${until}` : '';
      await appendTimeline(w, {
        cadreId,
        occurredOn: o.decidedOn,
        eventType: 'reports.outcome',
        sourceModule: 'reports',
        summary: `${FORM_LABELS[k.form]}：${k.zh}（线索 ${c.number}）${period}`,
        refEntity: 'outcome',
        refId: outcomeId,
      });
    }
    // M-21 群众有举报时必谈: the superior's talk opens only now, when the commission has found the matter substantiated (the
    // outcome is in the dossier already); at intake it would tell the accused's superior of a report nothing has decided.
    if (findsFault) {
      await openOccasionTalk(w, {
        event: 'publicReport',
        cadreId,
        occurredOn: today,
        source: `clue:${id}`,
        note: `线索 ${c.number} 经核查${RESULTS[input.result][0]}，已作出处理`,
      });
    }
    if (input.result === 'false') {
      await appendTimeline(w, {
        cadreId,
        occurredOn: today,
        eventType: 'reports.cleared',
        sourceModule: 'reports',
        summary: `经核查，反映问题系诬告，予以澄清正名（线索 ${c.number}）`,
        refEntity: 'clue',
        refId: id,
      });
    }
    await finishMatter(ctx, w, c);
    return { id, state: to, version: c.version + 1, result: input.result };
  });
}
