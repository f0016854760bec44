// The `account` id kind (issue 11 §2 for 用户管理): an account is in a manager's scope when its unit is.
import { defineIdKind, orgVisible } from '../scope/index.js';

export const account = defineIdKind('account', (ctx, auth, ids) =>
  ctx.db
    .selectFrom('accounts as a')
    .innerJoin('orgs', 'orgs.id', 'a.org_id')
    .select('a.id')
    .where('a.id', 'in', ids)
    .where(orgVisible(auth.scope, 'orgs'))
    .execute(),
);

/** A session (在线用户) is in a manager's scope when its account's unit is. */
export const session = defineIdKind('session', (ctx, auth, ids) =>
  ctx.db
    .selectFrom('sessions as s')
    .innerJoin('accounts as a', 'a.id', 's.account_id')
    .innerJoin('orgs', 'orgs.id', 'a.org_id')
    .select('s.id')
    .where('s.id', 'in', ids)
    .where(orgVisible(auth.scope, 'orgs'))
    .execute(),
);
