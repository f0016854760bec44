// Reports (M-10, M-11, M-12 routing, M-17): public submission with a receipt and a signed proof, staff intake from
// every channel, scoped and recused staff reads that never carry the reporter, replies, and the petition role's
// reasoned, trailed reveal. Intake does not touch the accused's dossier timeline: a cadre may read their own
// timeline, and must not learn of a report before it is handled.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { Auth } from '../../platform/auth/index.js';
import { AppError, invalidField, toLimitOffset } from '../../platform/http/index.js';
import { orgVisible, outOfScope } from '../../platform/scope/index.js';
import { recordRead, write, type Actor } from '../../platform/trail/index.js';
import { newReceipt, receiptDigest } from './receipt.service.js';
import { notRecused, routeReport } from './routing.service.js';
import { intakeDeadlines, meetDeadlines } from './deadlines.service.js';
import { relatedCandidates, relatedLinks } from './duplicates.service.js';
import { getRuleSettingsFor } from '../../platform/rules/index.js';
import { REPORT_STATUS, type ReportStatus } from './case-states.dicts.js';
import { reportCaseInfo } from './triage.service.js';
import { byReceipt, REPORT_COLS, unknownReceipt, visibleReport, visibleReports } from './report-access.service.js';
import { CHANNELS, type Channel, type publicReport, type reportListQuery, type staffIntake } from './reports.schema.js';
import { attachmentCount, listAttachments } from './attachments.service.js';

const sealContext = (id: number) => `report-reporter:${id}`;

interface NewReport {
  channel: Channel;
  receivedAt: Date;
  accused: z.infer<typeof publicReport>['accused'];
  content: string;
  happened?: string;
  anonymous: boolean;
  reporter?: z.infer<typeof publicReport>['reporter'];
}

/**
 * Intake is the hot path a public page hits: the reads (route, settings, earlier reports) happen before the
 * transaction, and inside it one statement writes the report, its clocks (M-12) and its related-report proposals
 * (M-13), then the trail row.
 */
async function insertReport(
  ctx: AppContext,
  actor: Actor,
  r: NewReport,
  receipt: string | null,
  registeredBy: number | null,
) {
  const route = await routeReport(ctx.db, r.accused);
  // Two reads at once (a real server answers them on two connections): the settings, and the earlier reports about
  // the same person, whose look-back window is applied once the settings are known.
  const [settings, candidates] = await Promise.all([
    getRuleSettingsFor(ctx.db, ['M-12', 'M-13'], route.competentOrgId),
    relatedCandidates(ctx.db, {
      accusedCadreId: route.accusedCadreId,
      accusedName: r.accused.name,
      accusedUnit: r.accused.unit ?? null,
    }),
  ]);
  const related = relatedLinks(r.content, candidates, settings['M-13'].values, r.receivedAt);
  const contentSha256 = createHash('sha256').update(r.content).digest('hex');
  return write(ctx.db, ctx.clock, actor, async (w) => {
    const ids = (
      await sql<{ id: number; seq: string }>`select nextval(pg_get_serial_sequence('reports', 'id'))::int as id,
      nextval('report_number_seq') as seq`.execute(w.trx)
    ).rows[0];
    const { id } = ids;
    const number = `JB${r.receivedAt.getUTCFullYear()}${String(ids.seq).padStart(6, '0')}`;
    const report = {
      id,
      number,
      channel: r.channel,
      received_at: r.receivedAt,
      accused_name: r.accused.name,
      accused_unit: r.accused.unit ?? null,
      accused_post: r.accused.post ?? null,
      accused_cadre_id: route.accusedCadreId,
      competent_org_id: route.competentOrgId,
      routed_up: route.routedUp,
      // Sealed with the row id as associated data, so a sealed identity cannot be moved to another report.
      content: r.content,
      happened: r.happened ?? null,
      anonymous: r.anonymous,
      reporter_sealed: r.reporter ? ctx.box.seal(JSON.stringify(r.reporter), sealContext(id)) : null,
      receipt_digest: receipt ? receiptDigest(ctx.box, receipt) : null,
      content_sha256: contentSha256,
      registered_by: registeredBy,
      created_at: w.now,
      matter_id: id,
    };
    const clocks = intakeDeadlines(ctx, settings['M-12'].values, {
      id,
      receivedAt: r.receivedAt,
      anonymous: r.anonymous,
      now: w.now,
    });
    const links = related.map((l) => ({
      report_id: id,
      related_report_id: l.id,
      similarity: l.similarity,
      created_at: w.now,
    }));
    // The intake clocks (rows from the deadline engine's due-date function) go in with the report, in one statement.
    const withReport = w.trx.with('r', (db) => db.insertInto('reports').values(report).returning('id'));
    if (links.length) {
      await withReport
        .with('l', (db) => db.insertInto('report_links').values(links).returning('id'))
        .insertInto('case_deadlines')
        .values(clocks)
        .execute();
    } else {
      await withReport.insertInto('case_deadlines').values(clocks).execute();
    }
    if (links.length)
      w.record({
        action: 'report.related_proposed',
        entity: 'report',
        entityId: id,
        detail: { related: related.map((l) => l.id) },
      });
    // The trail names the report and its route, never the reporter or the content.
    w.record({
      action: 'report.receive',
      entity: 'report',
      entityId: id,
      detail: {
        number,
        channel: r.channel,
        anonymous: r.anonymous,
        competentOrgId: route.competentOrgId,
        routedUp: route.routedUp,
        contentSha256,
      },
    });
    return { id, number, contentSha256, route };
  });
}

/** M-11: the public page. The receipt is shown once; the proof is signed and checkable offline. */
export async function submitPublicReport(ctx: AppContext, actor: Actor, input: z.infer<typeof publicReport>) {
  const receipt = newReceipt();
  const receivedAt = ctx.clock.now();
  const r = await insertReport(ctx, actor, { ...input, channel: 'web', receivedAt }, receipt, null);
  const proof = ctx.signer.sign({
    kind: 'mingjian.report-receipt',
    number: r.number,
    receivedAt: receivedAt.toISOString(),
    contentSha256: r.contentSha256,
  });
  return { receipt, number: r.number, proof, publicKey: ctx.signer.publicKeyPem };
}

/** M-10: the petition office registers what came by phone, letter, visit and the other channels. */
export async function registerReport(ctx: AppContext, auth: Auth, actor: Actor, input: z.infer<typeof staffIntake>) {
  const receivedAt = new Date(input.receivedAt);
  if (receivedAt.getTime() > ctx.clock.now().getTime() + 60_000) {
    throw invalidField('receivedAt', '收件时间不能晚于现在', 'The time received cannot be in the future');
  }
  const r = await insertReport(ctx, actor, { ...input, receivedAt }, null, auth.accountId);
  return { id: r.id, number: r.number, competentOrgId: r.route.competentOrgId, routedUp: r.route.routedUp };
}

/** The reporter's view: status, the replies meant for them and how many files they attached (never the files). */
export async function publicStatus(ctx: AppContext, receipt: string) {
  const r = await byReceipt(ctx, receipt);
  if (!r) throw unknownReceipt();
  const messages = await ctx.db
    .selectFrom('report_messages')
    .select(['direction', 'body', 'created_at'])
    .where('report_id', '=', r.id)
    .orderBy('id')
    .execute();
  const of = (d: string) =>
    messages.filter((m) => m.direction === d).map((m) => ({ body: m.body, at: m.created_at.toISOString() }));
  // The reporter sees the replies meant for them and what they added themselves; never a staff note or the handling.
  return {
    number: r.number,
    receivedAt: r.received_at.toISOString(),
    status: r.status,
    statusZh: REPORT_STATUS[r.status as ReportStatus]?.[0] ?? r.status,
    replies: of('to_reporter'),
    additions: of('from_reporter'),
    attachmentCount: await attachmentCount(ctx, r.id),
  };
}

export async function addInformation(ctx: AppContext, actor: Actor, receipt: string, content: string) {
  const r = await byReceipt(ctx, receipt);
  if (!r) throw unknownReceipt();
  await write(ctx.db, ctx.clock, actor, async (w) => {
    await w.trx
      .insertInto('report_messages')
      .values({ report_id: r.id, direction: 'from_reporter', body: content, author_id: null, created_at: w.now })
      .execute();
    w.record({ action: 'report.addition', entity: 'report', entityId: r.id });
  });
  return { ok: true };
}

const reportDto = (r: {
  id: number;
  number: string;
  channel: string;
  received_at: Date;
  accused_name: string;
  accused_unit: string | null;
  accused_post: string | null;
  accused_cadre_id: number | null;
  competent_org_id: number;
  org_name: string;
  routed_up: boolean;
  anonymous: boolean;
  status: string;
}) => ({
  id: r.id,
  number: r.number,
  channel: r.channel,
  channelLabel: CHANNELS[r.channel as Channel]?.[0] ?? r.channel,
  receivedAt: r.received_at.toISOString(),
  accused: { name: r.accused_name, unit: r.accused_unit, post: r.accused_post, cadreId: r.accused_cadre_id },
  competentOrgId: r.competent_org_id,
  competentOrgName: r.org_name,
  routedUp: r.routed_up,
  anonymous: r.anonymous,
  status: r.status,
  statusLabel: REPORT_STATUS[r.status as ReportStatus]?.[0] ?? r.status,
});

export async function listReports(ctx: AppContext, auth: Auth, query: z.infer<typeof reportListQuery>) {
  let q = visibleReports(ctx, auth);
  if (query.channel) q = q.where('r.channel', '=', query.channel);
  if (query.status) q = q.where('r.status', '=', query.status);
  if (query.pendingLinks)
    q = q.where(sql<boolean>`exists (select 1 from report_links l where l.report_id = r.id and l.status = 'proposed')`);
  // A report number (JB2026000001), or the accused's name.
  if (query.q)
    q = q.where((eb) => eb.or([eb('r.number', '=', query.q!.toUpperCase()), eb('r.accused_name', '=', query.q!)]));
  const { limit, offset } = toLimitOffset(query);
  const [rows, count] = await Promise.all([
    q
      .select(REPORT_COLS)
      .orderBy('r.received_at', 'desc')
      .orderBy('r.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.n), items: rows.map(reportDto) };
}

export async function getReport(ctx: AppContext, auth: Auth, actor: Actor, id: number) {
  const r = await visibleReport(ctx, auth, actor, id);
  const [messages, attachments, handling] = await Promise.all([
    ctx.db
      .selectFrom('report_messages')
      .select(['id', 'direction', 'body', 'created_at'])
      .where('report_id', '=', id)
      .orderBy('id')
      .execute(),
    listAttachments(ctx, id),
    reportCaseInfo(ctx, auth, r),
  ]);
  await recordRead(ctx.db, ctx.clock, actor, { action: 'report.read', entity: 'report', entityId: id });
  return {
    ...reportDto(r),
    ...handling,
    content: r.content,
    happened: r.happened,
    hasReporterContact: r.reporter_sealed != null,
    messages: messages.map((m) => ({ id: m.id, direction: m.direction, body: m.body, at: m.created_at.toISOString() })),
    attachments,
  };
}

export async function replyToReporter(ctx: AppContext, auth: Auth, actor: Actor, id: number, body: string) {
  await visibleReport(ctx, auth, actor, id);
  return write(ctx.db, ctx.clock, actor, async (w) => {
    const { id: messageId } = await w.trx
      .insertInto('report_messages')
      .values({ report_id: id, direction: 'to_reporter', body, author_id: auth.accountId, created_at: w.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    // M-12: a reply tells a named reporter what became of the report, which stops the clock that is running.
    await meetDeadlines(w, ['inform_named', 'inform_result'], { reportIds: [id] });
    w.record({ action: 'report.reply', entity: 'report', entityId: id, detail: { messageId } });
    return { id: messageId };
  });
}

/** M-11: only the petition role, with a reason; the reveal is trailed before the identity leaves the server. */
export async function revealReporter(ctx: AppContext, auth: Auth, actor: Actor, id: number, reason: string) {
  const r = await visibleReport(ctx, auth, actor, id);
  if (!r.reporter_sealed)
    throw new AppError(409, 'ANONYMOUS', '匿名举报，没有举报人信息', 'An anonymous report has no reporter to reveal');
  await write(ctx.db, ctx.clock, actor, async (w) =>
    w.record({ action: 'report.reveal_reporter', entity: 'report', entityId: id, detail: { reason } }),
  );
  return JSON.parse(ctx.box.open(r.reporter_sealed, sealContext(id))) as {
    name: string;
    phone?: string;
    address?: string;
  };
}
