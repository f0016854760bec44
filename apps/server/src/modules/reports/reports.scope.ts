// The ids of reports and clues (issue 11 §2), each seen exactly as its own reads see it: through the competent (or
// handling) unit in scope, and never by an account linked to the accused (the recusal of routing.service.ts, reused).
import { defineIdKind } from '../../platform/scope/index.js';
import { visibleReports } from './report-access.service.js';
import { visibleClues } from './clue.service.js';
import { visibleDeadlines } from './deadlines.service.js';

export const report = defineIdKind('report', (ctx, auth, ids) =>
  visibleReports(ctx, auth).select('r.id').where('r.id', 'in', ids).execute(),
);

/** A report's attachment, through the report. */
export const reportAttachment = defineIdKind(
  'reportAttachment',
  (ctx, auth, ids) =>
    ctx.db
      .selectFrom('report_attachments')
      .select('id')
      .where('id', 'in', ids)
      .where('report_id', 'in', visibleReports(ctx, auth).select('r.id'))
      .execute(),
  'report_attachment',
);

/** A proposed link between two reports: both in view. */
export const reportLink = defineIdKind(
  'reportLink',
  (ctx, auth, ids) =>
    ctx.db
      .selectFrom('report_links')
      .select('id')
      .where('id', 'in', ids)
      .where('report_id', 'in', visibleReports(ctx, auth).select('r.id'))
      .where('related_report_id', 'in', visibleReports(ctx, auth).select('r.id'))
      .execute(),
  'report_link',
);

export const clue = defineIdKind('clue', (ctx, auth, ids) =>
  visibleClues(ctx, auth).select('c.id').where('c.id', 'in', ids).execute(),
);

/** A letter of inquiry as staff see it: through its clue. */
export const letter = defineIdKind(
  'letter',
  (ctx, auth, ids) =>
    ctx.db
      .selectFrom('inquiry_letters')
      .select('id')
      .where('id', 'in', ids)
      .where('clue_id', 'in', visibleClues(ctx, auth).select('c.id'))
      .execute(),
  'inquiry_letter',
);

/** A letter as its two parties see it (/my/letters): the cadre it is addressed to and the countersigning principal. */
export const myLetter = defineIdKind(
  'myLetter',
  (ctx, auth, ids) =>
    ctx.db
      .selectFrom('inquiry_letters')
      .select('id')
      .where('id', 'in', ids)
      .where((eb) =>
        eb.or([eb('cadre_id', '=', auth.scope.cadreId ?? 0), eb('countersign_cadre_id', '=', auth.scope.cadreId ?? 0)]),
      )
      .execute(),
  'inquiry_letter',
);

export const deadline = defineIdKind(
  'deadline',
  (ctx, auth, ids) => visibleDeadlines(ctx, auth).select('d.id').where('d.id', 'in', ids).execute(),
  'case_deadline',
);
