// The ids of the decisions module (issue 14): a meeting, one of its agenda items, a candidate of an appointment item —
// each seen through the meeting's unit, as the unit's own records are.
import { sql, type SqlBool } from 'kysely';
import { cadreVisible, defineIdKind, orgVisible } from '../../platform/scope/index.js';

export const meeting = defineIdKind('meeting', (ctx, auth, ids) =>
  ctx.db
    .selectFrom('meetings as m')
    .innerJoin('orgs as o', 'o.id', 'm.org_id')
    .select('m.id')
    .where('m.id', 'in', ids)
    .where(orgVisible(auth.scope, 'o'))
    .execute(),
);

export const meetingItem = defineIdKind(
  'meetingItem',
  (ctx, auth, ids) =>
    ctx.db
      .selectFrom('meeting_items as i')
      .innerJoin('meetings as m', 'm.id', 'i.meeting_id')
      .innerJoin('orgs as o', 'o.id', 'm.org_id')
      .select('i.id')
      .where('i.id', 'in', ids)
      .where(orgVisible(auth.scope, 'o'))
      .execute(),
  'meeting_item',
);

export const itemCandidate = defineIdKind(
  'itemCandidate',
  (ctx, auth, ids) =>
    ctx.db
      .selectFrom('item_candidates as k')
      .innerJoin('meeting_items as i', 'i.id', 'k.item_id')
      .innerJoin('meetings as m', 'm.id', 'i.meeting_id')
      .innerJoin('orgs as o', 'o.id', 'm.org_id')
      .select('k.id')
      .where('k.id', 'in', ids)
      .where(orgVisible(auth.scope, 'o'))
      .execute(),
  'item_candidate',
);

export const emergency = defineIdKind(
  'emergency',
  (ctx, auth, ids) =>
    ctx.db
      .selectFrom('emergency_decisions as e')
      .innerJoin('orgs as o', 'o.id', 'e.org_id')
      .select('e.id')
      .where('e.id', 'in', ids)
      .where(orgVisible(auth.scope, 'o'))
      .execute(),
  'emergency_decision',
);

export const itemAudio = defineIdKind(
  'itemAudio',
  (ctx, auth, ids) =>
    ctx.db
      .selectFrom('item_audio as a')
      .innerJoin('meeting_items as i', 'i.id', 'a.item_id')
      .innerJoin('meetings as m', 'm.id', 'i.meeting_id')
      .innerJoin('orgs as o', 'o.id', 'm.org_id')
      .select('a.id')
      .where('a.id', 'in', ids)
      .where(orgVisible(auth.scope, 'o'))
      .execute(),
  'item_audio',
);

export const resultReview = defineIdKind(
  'resultReview',
  (ctx, auth, ids) =>
    ctx.db
      .selectFrom('result_reviews as v')
      .innerJoin('orgs as o', 'o.id', 'v.org_id')
      .select('v.id')
      .where('v.id', 'in', ids)
      .where(orgVisible(auth.scope, 'o'))
      .execute(),
  'result_review',
);

export const expense = defineIdKind(
  'expense',
  (ctx, auth, ids) =>
    ctx.db
      .selectFrom('expenses as e')
      .innerJoin('orgs as o', 'o.id', 'e.org_id')
      .select('e.id')
      .where('e.id', 'in', ids)
      .where(orgVisible(auth.scope, 'o'))
      .execute(),
  'expense',
);

// A leader named in an interference record (M-37): a cadre in the caller's scope, or one holding a current post in the
// caller's own unit or a unit above it — whoever is asked must be able to name the leaders over them.
export const leader = defineIdKind(
  'leader',
  (ctx, auth, ids) =>
    ctx.db
      .selectFrom('cadres as c')
      .select('c.id')
      .where('c.id', 'in', ids)
      .where((eb) =>
        eb.or([
          cadreVisible(auth.scope, 'c'),
          sql<SqlBool>`exists (select 1 from posts p join orgs po on po.id = p.org_id where p.cadre_id = c.id
            and p.end_date is null and po.path @> (select path from orgs where id = ${auth.orgId}))`,
        ]),
      )
      .execute(),
  'cadre',
);
