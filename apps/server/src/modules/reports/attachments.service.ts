// M-10, M-11 attachments: a reporter adds files to a public report with the receipt; staff who may read the report
// list and download them. Every check (size, type read from the content, the name's extension, the count) runs
// before the one transaction that writes the row and its trail event, so a refused file leaves nothing behind.
// The content is sealed (AES-256-GCM) and bound to the report and the attachment: a photo can identify a reporter.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Auth } from '../../platform/auth/index.js';
import { notFound } from '../../platform/http/index.js';
import { recordRead, write, type Actor } from '../../platform/trail/index.js';
import { checkFile, fileErrors, FILE_MAX_BYTES } from '../../platform/files/index.js';
import { byReceipt, unknownReceipt, visibleReport } from './report-access.js';
import { nameContext } from './attachments.repo.js';

/** At most 5 files of 10 MiB each per report: enough for photos and a few documents, small enough for the database. */
/** At most 5 files of 10 MiB each per report: enough for photos and a few documents, small enough for the database. */
export const ATTACHMENT_LIMITS = { perReport: 5, maxBytes: FILE_MAX_BYTES } as const;
export const attachmentErrors = {
  ...fileErrors,
  tooMany: () => fileErrors.tooMany(ATTACHMENT_LIMITS.perReport, '件举报', 'report'),
};

const sealContext = (reportId: number, attachmentId: number) => `report-attachment:${reportId}:${attachmentId}`;

/** M-11: the reporter attaches a file with the receipt. */
export async function addAttachment(ctx: AppContext, actor: Actor, receipt: string, name: string, body: unknown) {
  const r = await byReceipt(ctx, receipt);
  if (!r) throw unknownReceipt();
  const { fileName, type, content } = checkFile(name, body);
  const sha256 = createHash('sha256').update(content).digest('hex');
  return write(ctx.db, ctx.clock, actor, async (w) => {
    // The report row is locked first, so two uploads at once cannot both pass the count.
    await w.trx.selectFrom('reports').select('id').where('id', '=', r.id).forUpdate().executeTakeFirstOrThrow();
    const { n } = await w.trx
      .selectFrom('report_attachments')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('report_id', '=', r.id)
      .executeTakeFirstOrThrow();
    if (Number(n) >= ATTACHMENT_LIMITS.perReport) throw attachmentErrors.tooMany();
    const id = (
      await sql<{ id: number }>`select nextval(pg_get_serial_sequence('report_attachments', 'id'))::int as id`.execute(
        w.trx,
      )
    ).rows[0].id;
    await w.trx
      .insertInto('report_attachments')
      .values({
        id,
        report_id: r.id,
        file_name_sealed: ctx.box.seal(fileName, nameContext(r.id, id)),
        mime_type: type,
        size_bytes: content.length,
        sha256,
        content_sealed: ctx.box.sealBytes(content, sealContext(r.id, id)),
        created_at: w.now,
      })
      .execute();
    // The trail names the report and the file's digest, never its name or content (either may identify the reporter).
    w.record({
      action: 'report.attachment_add',
      entity: 'report',
      entityId: r.id,
      detail: { attachmentId: id, type, size: content.length, sha256 },
    });
    const count = Number(n) + 1;
    return {
      name: fileName,
      type,
      size: content.length,
      sha256,
      count,
      remaining: ATTACHMENT_LIMITS.perReport - count,
    };
  });
}

/** Staff download: the same scope and recusal as the report itself; trailed as a sensitive read. */
export async function readAttachment(
  ctx: AppContext,
  auth: Auth,
  actor: Actor,
  reportId: number,
  attachmentId: number,
) {
  await visibleReport(ctx, auth, actor, reportId);
  const a = await ctx.db
    .selectFrom('report_attachments')
    .select(['id', 'file_name_sealed', 'mime_type', 'sha256', 'content_sealed'])
    .where('report_id', '=', reportId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
  if (!a) throw notFound();
  const content = ctx.box.openBytes(Buffer.from(a.content_sealed), sealContext(reportId, a.id));
  await recordRead(ctx.db, ctx.clock, actor, {
    action: 'report.attachment_read',
    entity: 'report',
    entityId: reportId,
    detail: { attachmentId: a.id, sha256: a.sha256 },
  });
  return { name: ctx.box.open(a.file_name_sealed, nameContext(reportId, a.id)), type: a.mime_type, content };
}
