// Triage, clue ledger, letters of inquiry, outcomes, deadlines and analysis (M-12 … M-19). Thin routes: check the
// permission, validate, call one service function. Letters to a cadre are read by the two parties under /my/letters.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.js';
import { actorOf, DOCX_TYPE, fileAnswer, requireAuth, toLimitOffset } from '../../platform/http/index.js';
import { getRuleSettings } from '../../platform/rules/index.js';
import { write } from '../../platform/trail/index.js';
import {
  CLUE_STATE,
  DISPOSALS,
  HANDLING_MODES,
  LETTER_STATUS,
  PROBLEM_TYPES,
  REPORT_STATUS,
} from './case-states.dicts.js';
import * as s from './clue.schema.js';
import * as clues from './clue.service.js';
import { concludeClue, RESULTS } from './conclusion.service.js';
import { DEADLINE_KINDS, extendDeadline, QUEUES, queueCounts, queueItems } from './deadlines.service.js';
import { decideLink } from './duplicates.service.js';
import * as letters from './letter.service.js';
import { letterDocx } from './letter-docx.service.js';
import { FORM_LABELS, OUTCOME_KINDS } from './outcome-kinds.dicts.js';
import { acceptReport, declineReport } from './triage.service.js';
import { analyse } from './analysis.service.js';
import { clue, deadline, letter, myLetter, report, reportLink } from './reports.scope.js';
import * as answers from './clue.responses.js';

export function clueRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['clues'];
    app.get(
      '/clues/dicts',
      {
        config: { access: 'signed-in' },
        schema: {
          response: { 200: answers.clueDicts },
          tags,
          summary: '线索处置字典 Labels for states, disposals, outcomes',
        },
      },
      async (req) => {
        requireAuth(req);
        return {
          reportStatus: REPORT_STATUS,
          clueState: CLUE_STATE,
          disposals: DISPOSALS,
          handlingModes: HANDLING_MODES,
          problemTypes: PROBLEM_TYPES,
          letterStatus: LETTER_STATUS,
          outcomeKinds: OUTCOME_KINDS,
          forms: FORM_LABELS,
          results: RESULTS,
          queues: QUEUES,
          deadlineKinds: DEADLINE_KINDS,
        };
      },
    );

    // Triage (M-12, M-13).
    app.post(
      '/reports/:id/accept',
      {
        config: { access: 'reports.write' },
        schema: {
          response: { 201: answers.acceptReportAnswer },
          tags,
          summary: '转为问题线索 Accept as a clue',
          params: report.params(),
          body: s.acceptReport,
        },
      },
      async (req, reply) =>
        reply.status(201).send(await acceptReport(ctx, requireAuth(req), actorOf(req), req.params.id, req.body)),
    );
    app.post(
      '/reports/:id/decline',
      {
        config: { access: 'reports.write' },
        schema: {
          response: { 200: answers.declineReportAnswer },
          tags,
          summary: '不予受理 Decline with a reason',
          params: report.params(),
          body: s.declineReport,
        },
      },
      async (req) => declineReport(ctx, requireAuth(req), actorOf(req), req.params.id, req.body.reason),
    );
    for (const [verb, confirm] of [
      ['confirm', true],
      ['reject', false],
    ] as const) {
      app.post(
        `/report-links/:id/${verb}`,
        {
          config: { access: 'reports.write' },
          schema: {
            response: { 200: answers.decideLinkAnswer },
            tags,
            summary: confirm ? '确认为重复/关联件 Confirm related' : '否定关联 Reject the link',
            params: reportLink.params(),
          },
        },
        async (req) => decideLink(ctx, requireAuth(req), actorOf(req), req.params.id, confirm),
      );
    }

    // Deadlines and overdue queues (M-12), analysis (M-19).
    app.get(
      '/reports/queues',
      {
        config: { access: 'reports.read' },
        schema: {
          response: { 200: answers.queueCountsAnswer },
          tags,
          summary: '逾期队列 Overdue queues (counts)',
          querystring: s.orgQuery,
        },
      },
      async (req) => {
        const auth = requireAuth(req);
        return queueCounts(ctx, auth, req.query.orgId);
      },
    );
    app.get(
      '/reports/queues/:queue',
      {
        config: { access: 'reports.read' },
        schema: {
          response: { 200: answers.queuePage },
          tags,
          summary: '逾期事项 Overdue items of one queue',
          params: s.queueParam,
          querystring: s.queueQuery,
        },
      },
      async (req) => {
        const auth = requireAuth(req);
        return queueItems(ctx, auth, req.params.queue, { orgId: req.query.orgId, ...toLimitOffset(req.query) });
      },
    );
    app.post(
      '/deadlines/:id/extend',
      {
        config: { access: 'clues.handle' },
        schema: {
          response: { 200: answers.extendDeadlineAnswer },
          tags,
          summary: '延长办理期限（一次，须说明理由）Extend once, with a reason',
          params: deadline.params(),
          body: s.extend,
        },
      },
      async (req) => extendDeadline(ctx, requireAuth(req), actorOf(req), req.params.id, req.body.reason),
    );
    app.get(
      '/reports/analysis',
      {
        config: { access: 'reports.read' },
        schema: {
          response: { 200: answers.analyseAnswer },
          tags,
          summary: '信访举报分析 Report analysis (M-19)',
          querystring: s.analysisQuery,
        },
      },
      async (req) => {
        const auth = requireAuth(req);
        return analyse(ctx, auth, req.query);
      },
    );

    // The clue ledger and disposal (M-14), outcomes and clearing (M-16, M-18).
    app.get(
      '/clues',
      {
        config: { access: 'clues.read' },
        schema: {
          response: { 200: answers.cluePage },
          tags,
          summary: '问题线索台账 Clue ledger',
          querystring: s.clueListQuery,
        },
      },
      async (req) => {
        const auth = requireAuth(req);
        return clues.listClues(ctx, auth, req.query);
      },
    );
    app.get(
      '/clues/:id',
      {
        config: { access: 'clues.read' },
        schema: {
          response: { 200: answers.getClueAnswer },
          tags,
          summary: '问题线索 One clue with its steps',
          params: clue.params(),
        },
      },
      async (req) => clues.getClue(ctx, requireAuth(req), actorOf(req), req.params.id),
    );
    app.post(
      '/clues/:id/propose',
      {
        config: { access: 'clues.handle' },
        schema: {
          response: { 200: answers.proposeDisposalAnswer },
          tags,
          summary: '提出处置意见（附集体研究）Propose a disposal',
          params: clue.params(),
          body: s.propose,
        },
      },
      async (req) => clues.proposeDisposal(ctx, requireAuth(req), actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/clues/:id/approve',
      {
        config: { access: 'clues.approve' },
        schema: {
          response: { 200: answers.proposeDisposalAnswer },
          tags,
          summary: '主要负责人审批 Head approves',
          params: clue.params(),
          body: s.decide,
        },
      },
      async (req) =>
        clues.decideProposal(
          ctx,
          requireAuth(req),
          actorOf(req),
          req.params.id,
          true,
          req.body.opinion,
          req.body.version,
        ),
    );
    app.post(
      '/clues/:id/return',
      {
        config: { access: 'clues.approve' },
        schema: {
          response: { 200: answers.proposeDisposalAnswer },
          tags,
          summary: '退回重议 Head returns the proposal',
          params: clue.params(),
          body: s.decide,
        },
      },
      async (req) =>
        clues.decideProposal(
          ctx,
          requireAuth(req),
          actorOf(req),
          req.params.id,
          false,
          req.body.opinion,
          req.body.version,
        ),
    );
    app.post(
      '/clues/:id/conclude',
      {
        config: { access: 'clues.handle' },
        schema: {
          response: { 200: answers.concludeClueAnswer },
          tags,
          summary: '办结：认定与处理结果 Conclude with a finding and outcomes',
          params: clue.params(),
          body: s.conclude,
        },
      },
      async (req) => concludeClue(ctx, requireAuth(req), actorOf(req), req.params.id, req.body),
    );

    // Letters of inquiry (M-15).
    app.post(
      '/clues/:id/letters',
      {
        config: { access: 'clues.handle' },
        schema: {
          response: { 201: answers.issueLetterAnswer },
          tags,
          summary: '发出函询 Issue a letter of inquiry',
          params: clue.params(),
          body: s.issueLetter,
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await letters.issueLetter(ctx, requireAuth(req), actorOf(req), req.params.id, req.body.questions)),
    );
    app.get(
      '/letters/:id/letter.docx',
      {
        config: { access: 'clues.read' },
        schema: {
          response: { 200: fileAnswer(DOCX_TYPE, '函询通知书 .docx') },
          tags,
          summary: '函询通知书 .docx',
          params: letter.params(),
        },
      },
      async (req, reply) => {
        const auth = requireAuth(req);
        const { letter: l, clue } = await letters.staffLetter(ctx, auth, actorOf(req), req.params.id);
        const workingDays = (await getRuleSettings(ctx.db, 'M-15', clue.competent_org_id)).values.replyWorkingDays;
        const buf = await letterDocx({
          issuerOrg: clue.competent_org_name,
          number: l.number,
          cadreName: l.cadre_name,
          signerName: l.signer_name,
          copyTo: l.copy_to_name,
          questions: l.questions,
          issuedOn: l.issued_on,
          dueOn: l.due_on,
          workingDays,
        });
        await write(ctx.db, ctx.clock, actorOf(req), async (w) =>
          w.record({ action: 'letter.export', entity: 'inquiry_letter', entityId: l.id }),
        );
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .header(
            'content-disposition',
            `attachment; filename="letter-${l.id}.docx"; filename*=UTF-8''${encodeURIComponent(`函询通知书-${l.cadre_name}.docx`)}`,
          )
          .send(buf);
      },
    );
    app.post(
      '/letters/:id/decision',
      {
        config: { access: 'clues.handle' },
        schema: {
          response: { 200: answers.decideLetterAnswer },
          tags,
          summary: '审核回复：采信或转初核 Accept the reply or verify',
          params: letter.params(),
          body: s.letterDecision,
        },
      },
      async (req) =>
        letters.decideLetter(ctx, requireAuth(req), actorOf(req), req.params.id, req.body.decision, req.body.note),
    );
    app.get(
      '/my/letters',
      {
        config: { access: 'signed-in' },
        schema: {
          response: { 200: answers.myLettersAnswer },
          tags,
          summary: '我的函询（回复或签署）Letters to reply to or countersign',
        },
      },
      async (req) => letters.myLetters(ctx, requireAuth(req)),
    );
    app.get(
      '/my/letters/:id',
      {
        config: { access: 'signed-in' },
        schema: {
          response: { 200: answers.getPartyLetterAnswer },
          tags,
          summary: '函询 One letter (its two parties)',
          params: myLetter.params(),
        },
      },
      async (req) => letters.getPartyLetter(ctx, requireAuth(req), actorOf(req), req.params.id),
    );
    app.post(
      '/my/letters/:id/reply',
      {
        config: { access: 'signed-in' },
        schema: {
          response: { 200: answers.replyLetterAnswer },
          tags,
          summary: '被函询人书面说明 The cadre replies',
          params: myLetter.params(),
          body: s.letterReply,
        },
      },
      async (req) => letters.replyLetter(ctx, requireAuth(req), actorOf(req), req.params.id, req.body.reply),
    );
    app.post(
      '/my/letters/:id/countersign',
      {
        config: { access: 'signed-in' },
        schema: {
          response: { 200: answers.replyLetterAnswer },
          tags,
          summary: '主要负责人签署意见 The principal countersigns',
          params: myLetter.params(),
          body: s.countersign,
        },
      },
      async (req) => letters.countersignLetter(ctx, requireAuth(req), actorOf(req), req.params.id, req.body.opinion),
    );
  };
}
