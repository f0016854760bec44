// The registry's ids (issue 11 §2): posts, seats and relations are seen through the cadres and units they belong to,
// exactly as their services read them.
import { cadreVisible, defineIdKind, orgVisible } from '../../platform/scope/index.js';

/** A post through the cadre who holds it. */
export const post = defineIdKind('post', (ctx, auth, ids) =>
  ctx.db
    .selectFrom('posts as p')
    .innerJoin('cadres as c', 'c.id', 'p.cadre_id')
    .select('p.id')
    .where('p.id', 'in', ids)
    .where(cadreVisible(auth.scope, 'c'))
    .execute(),
);

/** A seat on a team: both the unit and the member's own record (a seat is part of the dossier). */
export const teamMember = defineIdKind(
  'teamMember',
  (ctx, auth, ids) =>
    ctx.db
      .selectFrom('team_members as t')
      .innerJoin('orgs as o', 'o.id', 't.org_id')
      .innerJoin('cadres as c', 'c.id', 't.cadre_id')
      .select('t.id')
      .where('t.id', 'in', ids)
      .where(orgVisible(auth.scope, 'o'))
      .where(cadreVisible(auth.scope, 'c'))
      .execute(),
  'team_member',
);

/** A relation: both relatives. */
export const relation = defineIdKind('relation', (ctx, auth, ids) =>
  ctx.db
    .selectFrom('relations as r')
    .innerJoin('cadres as a', 'a.id', 'r.cadre_id')
    .innerJoin('cadres as b', 'b.id', 'r.relative_cadre_id')
    .select('r.id')
    .where('r.id', 'in', ids)
    .where(cadreVisible(auth.scope, 'a'))
    .where(cadreVisible(auth.scope, 'b'))
    .execute(),
);
