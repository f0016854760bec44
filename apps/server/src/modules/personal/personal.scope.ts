// The id of a personal matters report (issue 15 §1, M-40): seen by its own cadre (the account linked to them), and by
// the organization department whose scope covers the cadre. Nobody else — not a sibling county, not the commission
// outside a check (that comes with the checks of M-41).
import { sql } from 'kysely';
import { can } from '../../platform/auth/index.js';
import { cadreVisible, defineIdKind, orgVisible } from '../../platform/scope/index.js';

export const pmReport = defineIdKind(
  'pmReport',
  (ctx, auth, ids) =>
    ctx.db
      .selectFrom('pm_reports as r')
      .innerJoin('cadres as c', 'c.id', 'r.cadre_id')
      .select('r.id')
      .where('r.id', 'in', ids)
      .where((eb) =>
        eb.or([
          eb('r.cadre_id', '=', eb.selectFrom('accounts as a').select('a.cadre_id').where('a.id', '=', auth.accountId)),
          can(auth.role, 'personal.manage') ? cadreVisible(auth.scope, 'c') : sql<boolean>`false`,
        ]),
      )
      .execute(),
  'pm_report',
);

/** A spot-check draw: seen by the organization department whose scope covers its unit. */
export const pmDraw = defineIdKind(
  'pmDraw',
  (ctx, auth, ids) =>
    can(auth.role, 'personal.manage')
      ? ctx.db
          .selectFrom('pm_draws as d')
          .innerJoin('orgs as o', 'o.id', 'd.org_id')
          .select('d.id')
          .where('d.id', 'in', ids)
          .where(orgVisible(auth.scope, 'o'))
          .execute()
      : Promise.resolve([]),
  'pm_draw',
);
