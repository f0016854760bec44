// Routing (M-12, M-17): the competent unit follows from the accused's post. The accused is looked up in the
// registry by name and unit; a report about a principal (一把手) goes to the level above, automatically. A report
// that names nobody the registry knows goes to the top unit for manual routing.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/index.js';
import { AppError } from '../../platform/http/index.js';
import { superiorPrincipalOf } from '../registry/index.js';

export interface Accused {
  name: string;
  unit?: string;
  post?: string;
}
export interface Route {
  accusedCadreId: number | null;
  competentOrgId: number;
  routedUp: boolean;
}

export async function routeReport(db: Kysely<DB>, accused: Accused): Promise<Route> {
  const posts = await db
    .selectFrom('posts as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .innerJoin('cadres as c', 'c.id', 'p.cadre_id')
    .select(['c.id as cadre_id', 'p.id as post_id', 'p.title', 'o.id as org_id', 'o.name as org_name'])
    .where('c.name', '=', accused.name)
    .where('p.end_date', 'is', null)
    .execute();
  const unit = accused.unit;
  const matching = unit
    ? posts.filter((p) => p.org_name === unit || p.org_name.includes(unit) || unit.includes(p.org_name))
    : posts;
  const cadres = [...new Set(matching.map((p) => p.cadre_id))];
  if (cadres.length !== 1) {
    const top = await db
      .selectFrom('orgs')
      .select('id')
      .where('parent_id', 'is', null)
      .orderBy('id')
      .executeTakeFirst();
    // An installation with no units yet has nowhere to route a report: say so instead of failing.
    if (!top)
      throw new AppError(
        503,
        'NOT_CONFIGURED',
        '系统尚未建立单位，暂不能受理举报',
        'No units are set up yet; reports cannot be received',
      );
    return { accusedCadreId: null, competentOrgId: top.id, routedUp: false };
  }
  const held = matching.filter((p) => p.cadre_id === cadres[0]);
  // Who answers for the accused as the holder of these posts is the registry's one rule: a principal's report goes to
  // the unit above (M-17), anyone else's to their own unit — the unit whose principal countersigns and owes the talks.
  const sup = await superiorPrincipalOf(db, cadres[0], { postIds: held.map((p) => p.post_id) });
  if (sup?.isPrincipal && sup.answeringOrgId != null)
    return { accusedCadreId: cadres[0], competentOrgId: sup.answeringOrgId, routedUp: true };
  const post =
    held.find((p) => accused.post && (p.title.includes(accused.post) || accused.post.includes(p.title))) ??
    held.find((p) => p.post_id === sup?.postId) ??
    held[0];
  return { accusedCadreId: cadres[0], competentOrgId: post.org_id, routedUp: false };
}

/**
 * Recusal (M-17): an account linked to the accused — the accused, a relative in the registry, a member of the same
 * leadership team — never sees the report, whatever its role and scope.
 */
export function notRecused(myCadreId: number | null, alias = 'r') {
  if (myCadreId == null) return sql<boolean>`true`;
  const accused = sql.ref(`${alias}.accused_cadre_id`);
  return sql<boolean>`not (${accused} is not null and (
    ${accused} = ${myCadreId}
    or exists (select 1 from relations x where x.cadre_id = ${myCadreId} and x.relative_cadre_id = ${accused})
    or exists (select 1 from team_members ta join team_members tb on ta.org_id = tb.org_id
      where ta.cadre_id = ${myCadreId} and ta.left_on is null and tb.cadre_id = ${accused} and tb.left_on is null)))`;
}
