// Request schemas of reports (M-10, M-11). Strict objects: unknown fields are refused.
import { z } from 'zod';
import { CHANNELS, type Channel } from './channels.dicts.js';
import { pageQuery } from '../../platform/http/index.js';
import { fileNameHeader } from '../../platform/files/index.js';
import { REPORT_STATUS, type ReportStatus } from './case-states.dicts.js';

/** Intake channels (M-10), as the seeds list them (channels.dicts.ts, shared with the web app). */
export { CHANNELS, type Channel } from './channels.dicts.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,20}$/, { message: '电话号码格式有误 / Bad phone number' });

const accused = z.object({ name: text(50), unit: text(100).optional(), post: text(100).optional() }).strict();
const reporter = z.object({ name: text(50), phone: phone.optional(), address: text(200).optional() }).strict();

const withReporter = <T extends { anonymous: boolean; reporter?: unknown }>(v: T, ctx: z.RefinementCtx) => {
  if (!v.anonymous && !v.reporter)
    ctx.addIssue({
      code: 'custom',
      path: ['reporter'],
      message: '实名举报须填写举报人信息 / A named report needs the reporter',
    });
  if (v.anonymous && v.reporter)
    ctx.addIssue({
      code: 'custom',
      path: ['reporter'],
      message: '匿名举报不能附举报人信息 / An anonymous report carries no reporter',
    });
  // A named reporter must be reachable: M-12 has the office tell them whether it was accepted and what came of it.
  const r = v.reporter as { phone?: string; address?: string } | undefined;
  if (!v.anonymous && r && !r.phone && !r.address) {
    ctx.addIssue({
      code: 'custom',
      path: ['reporter', 'phone'],
      message: '实名举报须留电话或通信地址，以便告知办理情况 / A named report needs a phone or an address',
    });
  }
};

export const publicReport = z
  .object({
    accused,
    content: text(20_000),
    happened: text(200).optional(),
    anonymous: z.boolean(),
    reporter: reporter.optional(),
  })
  .strict()
  .superRefine(withReporter);

export const staffIntake = z
  .object({
    channel: z.enum(Object.keys(CHANNELS) as [Channel, ...Channel[]]),
    // Not before 2000: a mistyped year would open clocks decades overdue (and years below 100 cannot be counted at all).
    receivedAt: z.iso
      .datetime({ offset: true })
      .refine((v) => Date.parse(v) >= Date.UTC(2000, 0, 1), { message: '收件时间不能早于 2000 年 / Not before 2000' }),
    accused,
    content: text(20_000),
    happened: text(200).optional(),
    anonymous: z.boolean(),
    reporter: reporter.optional(),
  })
  .strict()
  .superRefine(withReporter);

// Issue 11 §5: a receipt travels in the body (or, for an upload whose body is the file, the x-receipt header), never in
// a URL, which the request log and any proxy in front would keep.
const receipt = z
  .string()
  .regex(/^\d{4}-?\d{4}-?\d{4}-?\d{4}$/, { message: '回执码为 16 位数字 / The receipt has 16 digits' });
export const receiptBody = z.object({ receipt }).strict();
/** M-11 upload: the body is the file, so the receipt and the file's name come in headers. Not strict: browsers and
 * proxies add their own. */
export const attachmentHeaders = z.object({ 'x-receipt': receipt, ...fileNameHeader.shape });
export const addition = z.object({ receipt, content: text(5000) }).strict();
export const reply = z.object({ body: text(5000) }).strict();
export const reveal = z
  .object({
    reason: z
      .string()
      .trim()
      .min(5, { message: '请写明查看理由（至少 5 个字）/ Give a reason (at least 5 characters)' })
      .max(500),
  })
  .strict();
export const reportListQuery = z
  .object({
    ...pageQuery,
    channel: z.enum(Object.keys(CHANNELS) as [Channel, ...Channel[]]).optional(),
    status: z.enum(Object.keys(REPORT_STATUS) as [ReportStatus, ...ReportStatus[]]).optional(),
    q: z.string().trim().min(1).max(50).optional(),
    /** Only reports with a proposed duplicate link awaiting a decision (M-13; the analysis page links here). */
    pendingLinks: z.enum(['true']).optional(),
  })
  .strict();
/** A proof as the public page returned it (M-11); an optional receipt ties it to one report. */
export const proofCheck = z
  .object({
    proof: z
      .object({
        payload: z
          .object({
            kind: z.string().max(50),
            number: z.string().max(30),
            receivedAt: z.string().max(40),
            contentSha256: z.string().max(64),
          })
          .strict(),
        signature: z.string().max(200),
        algorithm: z.enum(['Ed25519', 'SM2']),
        keyId: z.string().max(40),
      })
      .strict(),
    receipt: receipt.optional(),
  })
  .strict();
