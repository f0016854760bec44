// Attachment queries the report views need (a count for the reporter, the list for staff); kept apart from
// attachments.service.ts so reports.service.ts can use them without an import cycle.
import type { AppContext } from '../../platform/context.js';
import { ATTACHMENT_TYPES, type AttachmentType } from '../../platform/files/index.js';

/** File names are sealed like the content, bound to the report and the attachment. */
export const nameContext = (reportId: number, id: number) => `report-attachment-name:${reportId}:${id}`;

export async function attachmentCount(ctx: AppContext, reportId: number): Promise<number> {
  const { n } = await ctx.db
    .selectFrom('report_attachments')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('report_id', '=', reportId)
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** Staff list: what the files are, never their content. The caller has checked the report is visible. */
export async function listAttachments(ctx: AppContext, reportId: number) {
  const rows = await ctx.db
    .selectFrom('report_attachments')
    .select(['id', 'file_name_sealed', 'mime_type', 'size_bytes', 'sha256', 'created_at'])
    .where('report_id', '=', reportId)
    .orderBy('id')
    .execute();
  return rows.map((a) => ({
    id: a.id,
    name: ctx.box.open(a.file_name_sealed, nameContext(reportId, a.id)),
    type: a.mime_type,
    typeLabel: ATTACHMENT_TYPES[a.mime_type as AttachmentType]?.label ?? a.mime_type,
    size: a.size_bytes,
    sha256: a.sha256,
    at: a.created_at.toISOString(),
  }));
}
