// M-13 duplicate and related reports. A new report about the same cadre (or, when the registry does not know the
// person, the same name and unit) whose text is similar to an earlier one is proposed as related; a person confirms
// or rejects. Confirmed, it joins the earlier report's matter, and counts per cadre count matters, not reports.
//
// Similarity is the Dice coefficient of character bigrams, computed here rather than with pg_trgm: trigrams of
// Chinese depend on the server's locale (a C-locale server splits CJK text into nothing), and this must give the
// same answer on PGlite and PostgreSQL. The candidates are few (one cadre's reports), so the cost is small.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/index.js';
import type { AppContext } from '../../platform/context.js';
import type { Auth } from '../../platform/auth/index.js';
import { conflict } from '../../platform/http/index.js';
import type { RuleSettings } from '../../platform/rules/index.js';
import { outOfScope } from '../../platform/scope/index.js';
import { write, type Actor } from '../../platform/trail/index.js';
import type { ReportStatus } from './case-states.dicts.js';
import { LINK_MACHINE, REPORT_MACHINE } from './case.moves.js';

type LinkState = keyof typeof LINK_MACHINE.states;
import { meetDeadlines } from './deadlines.service.js';
import { visibleReport } from './report-access.service.js';

/** Letters and digits only: punctuation and spacing say nothing about the matter. */
const normalize = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

function bigrams(s: string): Map<string, number> {
  const chars = [...normalize(s)];
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i] + chars[i + 1];
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** The opening of a text says what the matter is; comparing 20,000 characters with each candidate would cost intake dearly. */
const COMPARED_CHARS = 2000;
const CANDIDATES = 100;

/** Dice coefficient of character bigrams over the first COMPARED_CHARS characters, 0 … 1. */
export function textSimilarity(a: string, b: string): number {
  const A = bigrams(a.slice(0, COMPARED_CHARS));
  const B = bigrams(b.slice(0, COMPARED_CHARS));
  let sizeA = 0;
  let sizeB = 0;
  let common = 0;
  for (const n of A.values()) sizeA += n;
  for (const [g, n] of B) {
    sizeB += n;
    common += Math.min(n, A.get(g) ?? 0);
  }
  if (sizeA + sizeB === 0) return normalize(a) === normalize(b) ? 1 : 0;
  return (2 * common) / (sizeA + sizeB);
}

interface NewReportFacts {
  accusedCadreId: number | null;
  accusedName: string;
  accusedUnit: string | null;
}
export interface RelatedLink {
  id: number;
  similarity: number;
}

/** Before the intake write: the latest earlier reports about the same person (read-only, so outside the transaction). */
export async function relatedCandidates(db: Kysely<DB>, r: NewReportFacts) {
  let q = db
    .selectFrom('reports')
    .select(['id', 'received_at', sql<string>`left(content, ${COMPARED_CHARS})`.as('content')]);
  q =
    r.accusedCadreId != null
      ? q.where('accused_cadre_id', '=', r.accusedCadreId)
      : q
          .where('accused_cadre_id', 'is', null)
          .where('accused_name', '=', r.accusedName)
          .where(sql<boolean>`coalesce(accused_unit, '') = ${r.accusedUnit ?? ''}`);
  return q.orderBy('id', 'desc').limit(CANDIDATES).execute();
}

/** The candidates within the look-back window similar enough to be the same matter, most similar first (at most five). */
export function relatedLinks(
  content: string,
  candidates: Array<{ id: number; received_at: Date; content: string }>,
  s: RuleSettings<'M-13'>,
  receivedAt: Date,
): RelatedLink[] {
  const since = receivedAt.getTime() - s.lookbackDays * 86_400_000;
  // Only earlier reports: a new report joins an existing matter, never the other way round.
  return candidates
    .filter((c) => c.received_at.getTime() >= since && c.received_at.getTime() <= receivedAt.getTime())
    .map((c) => ({ id: c.id, similarity: Math.round(textSimilarity(content, c.content) * 1000) / 1000 }))
    .filter((c) => c.similarity >= s.similarityThreshold)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, 5);
}

/**
 * A person confirms or rejects a proposed link. Confirmed, the newer report joins the earlier one's matter and is
 * marked merged (it needs no acceptance decision of its own); both reports must be in the caller's view.
 */
export async function decideLink(ctx: AppContext, auth: Auth, actor: Actor, linkId: number, confirm: boolean) {
  const link = await ctx.db.selectFrom('report_links').selectAll().where('id', '=', linkId).executeTakeFirst();
  if (!link) throw await outOfScope(ctx, actor, 'report_link', linkId);
  const report = await visibleReport(ctx, auth, actor, link.report_id);
  await visibleReport(ctx, auth, actor, link.related_report_id);
  const linkState = link.status as LinkState;
  LINK_MACHINE.check(auth, linkState, confirm ? 'confirm' : 'reject');
  if (confirm) REPORT_MACHINE.check(auth, report.status as ReportStatus, 'merge');
  return write(ctx.db, ctx.clock, actor, async (w) => {
    const status = await LINK_MACHINE.apply(w, { id: linkId, state: linkState }, confirm ? 'confirm' : 'reject', {
      set: { decided_by: auth.accountId, decided_at: w.now },
      record: false,
    });
    if (confirm) {
      // The matter it joins must still be open: its first report awaiting triage or accepted as a clue still in hand.
      const related = await w.trx
        .selectFrom('reports as x')
        .innerJoin('reports as root', 'root.id', 'x.matter_id')
        .select(['x.matter_id', 'root.status'])
        .where('x.id', '=', link.related_report_id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (related.status !== 'received' && related.status !== 'accepted') {
        throw conflict(
          'MATTER_CLOSED',
          '相关举报已不予受理或已办结，不能并入，请单独甄别',
          'The related matter is declined or concluded; triage this report on its own',
        );
      }
      const mine = await w.trx
        .selectFrom('reports')
        .select('matter_id')
        .where('id', '=', link.report_id)
        .executeTakeFirstOrThrow();
      await REPORT_MACHINE.apply(w, { id: link.report_id, state: report.status as ReportStatus }, 'merge', {
        set: { matter_id: related.matter_id! },
        record: false,
      });
      // Reports already merged into this one follow it, so a chain of merges stays one matter.
      await w.trx
        .updateTable('reports')
        .set({ matter_id: related.matter_id! })
        .where('matter_id', '=', mine.matter_id!)
        .execute();
      // Other proposals for this report are moot once it has joined a matter.
      await LINK_MACHINE.applyAll(w, 'reject', (q) => q.where('report_id', '=', link.report_id), {
        set: { decided_by: auth.accountId, decided_at: w.now },
      });
      await meetDeadlines(w, ['accept_decision'], { reportIds: [link.report_id] });
    }
    w.record({
      action: confirm ? 'report.related_confirmed' : 'report.related_rejected',
      entity: 'report',
      entityId: link.report_id,
      detail: { linkId, relatedReportId: link.related_report_id },
    });
    return { id: linkId, status };
  });
}
