// Closing an agenda item (issue 14 §2, M-30, M-32). Nothing is decided below quorum (present of those who should
// attend); a candidate's majority is of those who should attend less the recused (应到会成员). A present member who gave no opinion is recorded as
// agreeing with the proposer (未表态，视为同意, `004`), after those who spoke. When 不同意 + 保留 reach the M-32
// share the item is deferred (暂缓表决) unless the chair records an urgent reason; deciding over it is a finding.
import type { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { conflict } from '../../platform/http/index.js';
import { getRuleSettingsFor } from '../../platform/rules/index.js';
import { write, type Actor } from '../../platform/trail/index.js';
import { refreshDecisionFindings } from './decisions.findings.js';
import { assertOpen, loadItem, voters } from './item-facts.js';
import type { itemClose } from './opinions.schema.js';
import { quorum } from './quorum.js';
import { candidateResult, divergence, tally, type Vote } from './tally.js';

export async function closeItem(ctx: AppContext, actor: Actor, itemId: number, input: z.infer<typeof itemClose>) {
  return write(ctx.db, ctx.clock, actor, async (w) => {
    const f = await loadItem(w.trx, itemId);
    assertOpen(f);
    if (f.members.some((m) => m.attended === null))
      throw conflict('ATTENDANCE_MISSING', '请先登记全体成员的到会情况', 'Record every member’s attendance first');
    const s = await getRuleSettingsFor(w.trx, ['M-30', 'M-32'], f.orgId);
    const appointment = f.category === 'appointment';
    const present = f.members.filter((m) => m.attended).length;
    const q = quorum(appointment, f.members.length, present, s['M-30'].values);
    if (!q.met)
      throw conflict(
        'BELOW_QUORUM',
        `应到 ${q.expected} 人，实到 ${q.present} 人，不足 ${q.required} 人，不能作出决定`,
        `${q.present} of ${q.expected} present; ${q.required} are needed to decide`,
      );
    const base = f.members.filter((m) => !f.recused.has(m.cadreId)).length;
    const speakers = voters(f);
    const candidates = appointment
      ? await w.trx.selectFrom('item_candidates').select('id').where('item_id', '=', itemId).orderBy('seq').execute()
      : [];
    if (appointment && !candidates.length)
      throw conflict('NO_CANDIDATES', '干部任免议题须有拟任人选', 'An appointment item needs its candidates');

    const spoken = new Set(f.opinions.map((o) => o.cadreId));
    const silent = speakers.filter((m) => !spoken.has(m.cadreId)).map((m) => m.cadreId);
    const last = f.opinions.at(-1)?.seq ?? 0;
    if (silent.length)
      await w.trx
        .insertInto('item_opinions')
        .values(
          silent.map((cadre_id, i) => ({
            item_id: itemId,
            cadre_id,
            seq: last + 1 + i,
            opinion: 'agree' as const,
            deemed: true,
            created_at: w.now,
          })),
        )
        .execute();
    const d = divergence(
      [...f.opinions.map((o) => o.opinion), ...silent.map(() => 'agree' as const)],
      s['M-32'].values.divergenceShare,
    );
    const urgent = input.urgentReason ?? null;
    const status: 'decided' | 'deferred' = d.reached && !urgent ? 'deferred' : 'decided';
    const results =
      status === 'decided'
        ? await decideCandidates(
            w.trx,
            candidates.map((c) => c.id),
            base,
          )
        : [];
    await w.trx
      .updateTable('meeting_items')
      .set({
        status,
        urgent_reason: urgent,
        dissent: d.dissent,
        voters: d.voters,
        over_divergence: status === 'decided' && d.reached,
        closed_at: w.now,
      })
      .where('id', '=', itemId)
      .execute();
    w.record({
      action: 'meeting.item_close',
      entity: 'meeting',
      entityId: f.meetingId,
      detail: { item: itemId, status, dissent: d.dissent, voters: d.voters, deemed: silent, urgent: !!urgent, results },
    });
    await refreshDecisionFindings(ctx, w, f.orgId); // a divergence, or the meeting's last item closing (M-34)
    return { status, divergence: d, deemed: silent, candidates: results };
  });
}

async function decideCandidates(trx: Parameters<typeof loadItem>[0], ids: number[], base: number) {
  if (!ids.length) return [];
  const votes = await trx
    .selectFrom('candidate_votes')
    .select(['candidate_id', 'vote'])
    .where('candidate_id', 'in', ids)
    .execute();
  const out = [];
  for (const id of ids) {
    const t = tally(
      votes.filter((v) => v.candidate_id === id).map((v) => v.vote as Vote),
      base,
    );
    const result = candidateResult(t);
    await trx.updateTable('item_candidates').set({ result }).where('id', '=', id).execute();
    out.push({ id, result, ...t });
  }
  return out;
}
