// Who still owes a joint signature (会签) on an expense (M-37): the team members in the setting's roles on the day
// it was spent, less those who have signed.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/index.js';

/** The team members in `roles` on `on` who have not signed the expense. */
export async function missingSigners(db: Kysely<DB>, expenseId: number, orgId: number, on: string, roles: string[]) {
  return db
    .selectFrom('team_members as t')
    .innerJoin('cadres as c', 'c.id', 't.cadre_id')
    .select(['t.cadre_id as cadreId', 'c.name'])
    .where('t.org_id', '=', orgId)
    .where('t.team_role', 'in', roles)
    .where('t.joined_on', '<=', on)
    .where((eb) => eb.or([eb('t.left_on', 'is', null), eb('t.left_on', '>=', on)]))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('expense_signatures as g')
            .select('g.cadre_id')
            .where('g.expense_id', '=', expenseId)
            .whereRef('g.cadre_id', '=', 't.cadre_id'),
        ),
      ),
    )
    .orderBy('t.sort')
    .orderBy('t.id')
    .execute();
}
