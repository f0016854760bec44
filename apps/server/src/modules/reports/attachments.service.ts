// M-10, M-11 attachments: a reporter adds files to a public report with the receipt; staff who may read the report
// list and download them. The store (platform/files) checks, seals, counts and trails; this file says who may: the
// holder of the receipt adds, staff who may read the report (scope and recusal) read. The content and the name are
// sealed, bound to the report and the attachment: a photo or a name can identify a reporter.
import type { Auth } from '../../platform/auth/index.js';
import type { AppContext } from '../../platform/context.js';
import { attachmentStore, FILE_MAX_BYTES } from '../../platform/files/index.js';
import type { Actor } from '../../platform/trail/index.js';
import { byReceipt, unknownReceipt, visibleReport } from './report-access.service.js';

/** At most 5 files of 10 MiB each per report: enough for photos and a few documents, small enough for the database. */
export const ATTACHMENT_LIMITS = { perReport: 5, maxBytes: FILE_MAX_BYTES } as const;

const reportFiles = attachmentStore({
  kind: 'report',
  table: 'report_attachments',
  ownerColumn: 'report_id',
  ownerTable: 'reports',
  seal: { content: 'report-attachment', name: 'report-attachment-name' },
  limit: { count: ATTACHMENT_LIMITS.perReport, zh: '件举报', en: 'report' },
  mayAdd: async (ctx, receipt: string) => {
    const r = await byReceipt(ctx, receipt);
    if (!r) throw unknownReceipt();
    return r.id;
  },
  mayRead: (ctx, auth: Auth, actor, reportId) => visibleReport(ctx, auth, actor, reportId),
});

/** M-11: the reporter attaches a file with the receipt; they learn how many more they may add, never an id. */
export async function addAttachment(ctx: AppContext, actor: Actor, receipt: string, name: string, body: unknown) {
  const { name: fileName, type, size, sha256, count } = await reportFiles.add(ctx, receipt, actor, name, body);
  return { name: fileName, type, size, sha256, count, remaining: ATTACHMENT_LIMITS.perReport - count };
}

/** Staff download: the same scope and recusal as the report itself; trailed as a sensitive read. */
export const readAttachment = (ctx: AppContext, auth: Auth, actor: Actor, reportId: number, attachmentId: number) =>
  reportFiles.read(ctx, auth, actor, reportId, attachmentId);

/** The reporter's status view: a count, never a file. */
export const attachmentCount = (ctx: AppContext, reportId: number) => reportFiles.count(ctx, reportId);

/** Staff list: what the files are, never their content. The caller has checked the report is visible. */
export const listAttachments = async (ctx: AppContext, reportId: number) =>
  (await reportFiles.list(ctx, [reportId]))(reportId);
