// M-10, M-11 attachments: a reporter adds files to a public report with the receipt; staff who may read the report
// list and download them. Every check (size, type read from the content, the name's extension, the count) runs
// before the one transaction that writes the row and its trail event, so a refused file leaves nothing behind.
// The content is sealed (AES-256-GCM) and bound to the report and the attachment: a photo can identify a reporter.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Auth } from '../../platform/auth/index.js';
import { AppError, notFound } from '../../platform/http/index.js';
import { recordRead, write, type Actor } from '../../platform/trail/index.js';
import { ATTACHMENT_TYPES, detectType, extensionFits, type AttachmentType } from './attachment-type.js';
import { byReceipt, unknownReceipt, visibleReport } from './reports.service.js';
import { nameContext } from './attachments.repo.js';

/** At most 5 files of 10 MiB each per report: enough for photos and a few documents, small enough for the database. */
export const ATTACHMENT_LIMITS = { perReport: 5, maxBytes: 10 * 1024 * 1024 } as const;
const MIB = ATTACHMENT_LIMITS.maxBytes / 1024 / 1024;
const TYPES_ZH = 'JPEG、PNG 图片，PDF、Word（.docx）、Excel（.xlsx）文件';

export const attachmentErrors = {
  empty: () => new AppError(400, 'ATTACHMENT_EMPTY', '文件是空的，请重新选择', 'The file is empty'),
  tooLarge: () => new AppError(413, 'ATTACHMENT_TOO_LARGE', `单个文件不能超过 ${MIB} MB`, `A file may be at most ${MIB} MiB`),
  type: () => new AppError(400, 'ATTACHMENT_TYPE', `文件内容不是允许的类型；只接受${TYPES_ZH}`,
    'The content is not an accepted type; only JPEG, PNG, PDF, DOCX and XLSX are accepted'),
  mismatch: (label: string) => new AppError(400, 'ATTACHMENT_MISMATCH', `文件内容是 ${label}，与文件名的扩展名不符，请核对后重新上传`,
    `The content is ${label}, which does not match the file name's extension`),
  tooMany: () => new AppError(409, 'ATTACHMENT_LIMIT', `每件举报最多 ${ATTACHMENT_LIMITS.perReport} 个附件，已达上限`,
    `A report may have at most ${ATTACHMENT_LIMITS.perReport} attachments`),
  badName: () => new AppError(400, 'ATTACHMENT_NAME', '文件名无效', 'Invalid file name'),
  notAFile: () => new AppError(415, 'INVALID_MEDIA_TYPE', '请以文件内容作为请求体上传（application/octet-stream）',
    'Send the file itself as the body (application/octet-stream)'),
};

const sealContext = (reportId: number, attachmentId: number) => `report-attachment:${reportId}:${attachmentId}`;

/** The name as the reporter's machine gave it, without folders, control or direction-override characters. */
function cleanName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = name.split(/[/\\]/).pop()!.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  if (!base || base === '.' || base === '..' || base.length > 200) throw attachmentErrors.badName();
  return base;
}

/** The checks that need no database: a refused file never opens a transaction. */
export function checkFile(name: string, body: unknown): { fileName: string; type: AttachmentType; content: Buffer } {
  if (body === undefined || body === null) throw attachmentErrors.empty();
  if (!Buffer.isBuffer(body)) throw attachmentErrors.notAFile();
  if (body.length === 0) throw attachmentErrors.empty();
  if (body.length > ATTACHMENT_LIMITS.maxBytes) throw attachmentErrors.tooLarge();
  const fileName = cleanName(name);
  const type = detectType(body);
  if (!type) throw attachmentErrors.type();
  if (!extensionFits(fileName, type)) throw attachmentErrors.mismatch(ATTACHMENT_TYPES[type].label);
  return { fileName, type, content: body };
}

/** M-11: the reporter attaches a file with the receipt. */
export async function addAttachment(ctx: AppContext, actor: Actor, receipt: string, name: string, body: unknown) {
  const r = await byReceipt(ctx, receipt);
  if (!r) throw unknownReceipt();
  const { fileName, type, content } = checkFile(name, body);
  const sha256 = createHash('sha256').update(content).digest('hex');
  return write(ctx.db, ctx.clock, actor, async (w) => {
    // The report row is locked first, so two uploads at once cannot both pass the count.
    await w.trx.selectFrom('reports').select('id').where('id', '=', r.id).forUpdate().executeTakeFirstOrThrow();
    const { n } = await w.trx.selectFrom('report_attachments').select((eb) => eb.fn.countAll<string>().as('n')).where('report_id', '=', r.id)
      .executeTakeFirstOrThrow();
    if (Number(n) >= ATTACHMENT_LIMITS.perReport) throw attachmentErrors.tooMany();
    const id = (await sql<{ id: number }>`select nextval(pg_get_serial_sequence('report_attachments', 'id'))::int as id`.execute(w.trx)).rows[0].id;
    await w.trx.insertInto('report_attachments').values({ id, report_id: r.id, file_name_sealed: ctx.box.seal(fileName, nameContext(r.id, id)), mime_type: type, size_bytes: content.length,
      sha256, content_sealed: ctx.box.sealBytes(content, sealContext(r.id, id)), created_at: w.now }).execute();
    // The trail names the report and the file's digest, never its name or content (either may identify the reporter).
    w.record({ action: 'report.attachment_add', entity: 'report', entityId: r.id, detail: { attachmentId: id, type, size: content.length, sha256 } });
    const count = Number(n) + 1;
    return { name: fileName, type, size: content.length, sha256, count, remaining: ATTACHMENT_LIMITS.perReport - count };
  });
}

/** Staff download: the same scope and recusal as the report itself; trailed as a sensitive read. */
export async function readAttachment(ctx: AppContext, auth: Auth, actor: Actor, reportId: number, attachmentId: number) {
  await visibleReport(ctx, auth, actor, reportId);
  const a = await ctx.db.selectFrom('report_attachments').select(['id', 'file_name_sealed', 'mime_type', 'sha256', 'content_sealed'])
    .where('report_id', '=', reportId).where('id', '=', attachmentId).executeTakeFirst();
  if (!a) throw notFound();
  const content = ctx.box.openBytes(Buffer.from(a.content_sealed), sealContext(reportId, a.id));
  await recordRead(ctx.db, ctx.clock, actor, { action: 'report.attachment_read', entity: 'report', entityId: reportId,
    detail: { attachmentId: a.id, sha256: a.sha256 } });
  return { name: ctx.box.open(a.file_name_sealed, nameContext(reportId, a.id)), type: a.mime_type, content };
}
