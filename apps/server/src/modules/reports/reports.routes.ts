// Reports API: the public endpoints under /api/v1/public (no account; limited per address; no address kept) and
// the staff endpoints under /api/v1/reports (petition and discipline roles, scoped, recused).
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.js';
import { z } from 'zod';
import { actorOf, ANY_FILE_TYPE, type AppError, fileAnswer, requireAuth } from '../../platform/http/index.js';
import type { Actor } from '../../platform/trail/index.js';
import * as s from './reports.schema.js';
import * as reports from './reports.service.js';
import { checkProof } from './proof.service.js';
import { addAttachment, ATTACHMENT_LIMITS, readAttachment } from './attachments.service.js';
import { acceptFileBodies, fileNameOf, sendDownload } from '../../platform/files/index.js';
import { addressBudget, registerPublicLimits } from '../../platform/throttle/index.js';
import { report, reportAttachment } from './reports.scope.js';
import * as answers from './reports.responses.js';

export interface PublicLimits {
  submissionsPerHour: number;
  lookupsPerTenMinutes: number;
  wrongReceiptDelayMs: number;
}
export const DEFAULT_PUBLIC_LIMITS: PublicLimits = {
  submissionsPerHour: 10,
  lookupsPerTenMinutes: 30,
  wrongReceiptDelayMs: 800,
};

/** A reporter's address is never written down: the trail gets no IP for public actions (the limiter keeps a keyed hash, briefly). */
const PUBLIC_ACTOR: Actor = { accountId: null, name: 'public', ip: null };

export function publicReportRoutes(
  ctx: AppContext,
  limits: PublicLimits = DEFAULT_PUBLIC_LIMITS,
): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['public'];
    await registerPublicLimits(app, ctx);
    // Every route that takes a receipt draws on one budget per address, kept in the database (issue 11 §6).
    const lookup = { rateLimit: addressBudget('receipt', limits.lookupsPerTenMinutes, 10 * 60_000), csrfExempt: true };
    // Wrong receipts cost time: with 10^16 receipts and this limit, guessing is hopeless.
    const slowOnMiss = async <T>(p: Promise<T>) =>
      p.catch(async (e) => {
        if ((e as AppError).code === 'UNKNOWN_RECEIPT')
          await new Promise((r) => setTimeout(r, limits.wrongReceiptDelayMs));
        throw e;
      });

    app.post(
      '/public/reports',
      {
        config: { rateLimit: addressBudget('submit', limits.submissionsPerHour, 3600_000), csrfExempt: true },
        schema: {
          response: { 201: answers.submitPublicReportAnswer },
          tags,
          summary: '公开举报 Submit a report (no account)',
          body: s.publicReport,
        },
      },
      async (req, reply) => reply.status(201).send(await reports.submitPublicReport(ctx, PUBLIC_ACTOR, req.body)),
    );
    // Receipts in bodies, never in URLs (issue 11 §5): a POST even for the read.
    app.post(
      '/public/reports/status',
      {
        config: lookup,
        schema: {
          response: { 200: answers.publicStatus },
          tags,
          summary: '凭回执码查询 Status and replies by receipt',
          body: s.receiptBody,
        },
      },
      async (req) => slowOnMiss(reports.publicStatus(ctx, req.body.receipt)),
    );
    app.post(
      '/public/reports/additions',
      {
        config: lookup,
        schema: {
          response: { 201: answers.additionAnswer },
          tags,
          summary: '补充材料 Add information',
          body: s.addition,
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await slowOnMiss(reports.addInformation(ctx, PUBLIC_ACTOR, req.body.receipt, req.body.content))),
    );
    // M-11 attachments: one file per request, the file itself as the body; the limit is raised in this context only.
    await app.register(async (ctxFiles) => {
      acceptFileBodies(ctxFiles);
      const files = ctxFiles.withTypeProvider<ZodTypeProvider>();
      files.post(
        '/public/reports/attachments',
        {
          config: lookup,
          bodyLimit: ATTACHMENT_LIMITS.maxBytes,
          schema: {
            response: { 201: answers.publicAttachment },
            tags,
            summary: '上传附件 Attach a file (body: the file; headers x-receipt and x-file-name, percent-encoded)',
            headers: s.attachmentHeaders,
            // The name left the query string (issue 12 §3): an old client's ?name= is refused, not silently ignored.
            querystring: z.object({}).strict(),
          },
        },
        async (req, reply) =>
          reply
            .status(201)
            .send(
              await slowOnMiss(
                addAttachment(
                  ctx,
                  PUBLIC_ACTOR,
                  req.headers['x-receipt'],
                  fileNameOf(req.headers['x-file-name']),
                  req.body,
                ),
              ),
            ),
      );
    });
    app.post(
      '/public/proofs/verify',
      {
        config: lookup,
        schema: {
          response: { 200: answers.proofVerdict },
          tags,
          summary: '核验回执凭证 Check a proof of submission',
          body: s.proofCheck,
        },
      },
      async (req) => slowOnMiss(checkProof(ctx, req.body.proof, req.body.receipt)),
    );
    app.get(
      '/public/signing-key',
      {
        schema: {
          response: { 200: answers.signingKey },
          tags,
          summary: '回执签名公钥 Public key for proofs',
        },
      },
      async () => ({
        algorithm: ctx.signer.algorithm,
        keyId: ctx.signer.keyId,
        publicKeyPem: ctx.signer.publicKeyPem,
      }),
    );
  };
}

export function staffReportRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['reports'];
    app.get(
      '/reports',
      {
        config: { access: 'reports.read' },
        schema: {
          response: { 200: answers.reportPage },
          tags,
          summary: '信访举报列表 Reports in scope',
          querystring: s.reportListQuery,
        },
      },
      async (req) => reports.listReports(ctx, requireAuth(req), req.query),
    );
    app.post(
      '/reports',
      {
        config: { access: 'reports.intake' },
        schema: {
          response: { 201: answers.registerReportAnswer },
          tags,
          summary: '登记来件 Register a report from another channel',
          body: s.staffIntake,
        },
      },
      async (req, reply) =>
        reply.status(201).send(await reports.registerReport(ctx, requireAuth(req), actorOf(req), req.body)),
    );
    app.get(
      '/reports/:id',
      {
        config: { access: 'reports.read' },
        schema: {
          response: { 200: answers.getReportAnswer },
          tags,
          summary: '举报件 One report (no reporter identity)',
          params: report.params(),
        },
      },
      async (req) => reports.getReport(ctx, requireAuth(req), actorOf(req), req.params.id),
    );
    app.post(
      '/reports/:id/replies',
      {
        config: { access: 'reports.write' },
        schema: {
          response: { 201: answers.replyToReporterAnswer },
          tags,
          summary: '答复举报人 Reply to the reporter',
          params: report.params(),
          body: s.reply,
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await reports.replyToReporter(ctx, requireAuth(req), actorOf(req), req.params.id, req.body.body)),
    );
    app.post(
      '/reports/:id/reveal',
      {
        config: { access: 'reports.reveal' },
        schema: {
          response: { 200: answers.revealReporterAnswer },
          tags,
          summary: '查看举报人信息（须说明理由）Reveal the reporter (reason required)',
          params: report.params(),
          body: s.reveal,
        },
      },
      async (req) => reports.revealReporter(ctx, requireAuth(req), actorOf(req), req.params.id, req.body.reason),
    );
    app.get(
      '/reports/:id/attachments/:attachmentId',
      {
        config: { access: 'reports.read' },
        schema: {
          response: { 200: fileAnswer(ANY_FILE_TYPE, '附件（下载）Attachment, as a download') },
          tags,
          summary: '下载举报附件 Download an attachment',
          params: z.object({ id: report.inUrl(), attachmentId: reportAttachment.inUrl() }).strict(),
        },
      },
      async (req, reply) => {
        // Always a download, never rendered in the page: the content came from the public.
        return sendDownload(
          reply,
          await readAttachment(ctx, requireAuth(req), actorOf(req), req.params.id, req.params.attachmentId),
        );
      },
    );
  };
}
