// The id of a meeting (issue 14): seen through its unit, as the unit's own records are.
import { defineIdKind, orgVisible } from '../../platform/scope/index.js';

export const meeting = defineIdKind('meeting', (ctx, auth, ids) =>
  ctx.db
    .selectFrom('meetings as m')
    .innerJoin('orgs as o', 'o.id', 'm.org_id')
    .select('m.id')
    .where('m.id', 'in', ids)
    .where(orgVisible(auth.scope, 'o'))
    .execute(),
);
