// Who leads (M-02; issue 12 §4): the one answer to "who is the principal (一把手) of this unit" and "who is this
// cadre's superior principal", asked by letters of inquiry (M-15), routing (M-12, M-17), talks (M-21 … M-23) and
// obligations (M-23, M-25). Other modules ask here; none reads `posts.is_principal` to answer it on its own.
//
// The rule. A unit may mark more than one current post as principal (the seeds' 一把手 is the 党委（党组）书记, and a
// county, town or SOE often marks its 区长, 镇长 or 总经理 too). The unit's principal is then:
//   1. the party secretary (post_kind 'party_secretary', 党委（党组）书记) before any other principal post;
//   2. among equals, the earliest start date;
//   3. then the lowest post id.
// A cadre's superior principal: take the cadre's first current post — principal posts first, then the same order
// (1–3). For a principal post it is the principal of the unit above; for any other post, the principal of the post's
// own unit. Nobody is their own superior: when the rule names the cadre, there is none (null).
// "Current" is the registry's one meaning, a post with no end date (a post decided ahead of its start counts), so these
// take no date: nothing asks who led on another day.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../platform/db/index.js';

/** The rule's order on posts aliased `p` (steps 1–3 above). */
const RULE_ORDER = sql`(p.post_kind = 'party_secretary') desc, p.start_date, p.id`;

/**
 * Set-based form, for queries over many units at once: a derived table with one row per unit that has a current
 * principal post — `post_id, org_id, cadre_id, start_date` of its principal by the rule. Join it on `org_id`.
 */
export const principals: RawBuilder<unknown> = sql`(select distinct on (p.org_id) p.id as post_id, p.org_id, p.cadre_id,
  p.start_date from posts p where p.is_principal and p.end_date is null order by p.org_id, ${RULE_ORDER})`;

/**
 * Set-based: the unit whose principal answers for the holder of post `post` in unit `unit` — the unit above for a
 * principal post, else the post's own unit. Join `principals` on it for the superior principal.
 */
export const answeringUnit = (post = 'p', unit = 'u'): RawBuilder<number | null> =>
  sql<number | null>`case when ${sql.ref(`${post}.is_principal`)} then ${sql.ref(`${unit}.parent_id`)}
    else ${sql.ref(`${post}.org_id`)} end`;

/** The cadre id of the unit's current principal by the rule, or null when no current post of the unit is principal. */
export async function currentPrincipal(db: Kysely<DB>, unitId: number): Promise<number | null> {
  const row = (
    await sql<{ cadre_id: number }>`select sp.cadre_id from ${principals} sp where sp.org_id = ${unitId}`.execute(db)
  ).rows[0];
  return row?.cadre_id ?? null;
}

export interface SuperiorPrincipal {
  /** The cadre's post the answer is taken from, and its unit. */
  postId: number;
  orgId: number;
  /** Whether that post is a principal post (then the answer comes from the unit above). */
  isPrincipal: boolean;
  /** The unit whose principal answers for the cadre (null for a principal of a top unit). */
  answeringOrgId: number | null;
  /** That unit's principal by the rule, never the cadre; null when there is none. */
  cadreId: number | null;
}

/**
 * The superior principal of a cadre by the rule, or null when the cadre holds no current post. `postIds` narrows the
 * posts considered (routing: the posts in the unit a report names).
 */
export async function superiorPrincipalOf(
  db: Kysely<DB>,
  cadreId: number,
  opts: { postIds?: number[] } = {},
): Promise<SuperiorPrincipal | null> {
  if (opts.postIds && opts.postIds.length === 0) return null;
  const narrow = opts.postIds ? sql`and p.id in (${sql.join(opts.postIds)})` : sql``;
  const row = (
    await sql<{
      post_id: number;
      org_id: number;
      is_principal: boolean;
      answering: number | null;
      owner: number | null;
    }>`
    with mine as (select p.id as post_id, p.org_id, p.is_principal, ${answeringUnit('p', 'u')} as answering
      from posts p join orgs u on u.id = p.org_id where p.cadre_id = ${cadreId} and p.end_date is null ${narrow}
      order by p.is_principal desc, ${RULE_ORDER} limit 1)
    select mine.*, (select sp.cadre_id from ${principals} sp where sp.org_id = mine.answering
      and sp.cadre_id <> ${cadreId}) as owner
    from mine`.execute(db)
  ).rows[0];
  if (!row) return null;
  return {
    postId: row.post_id,
    orgId: row.org_id,
    isPrincipal: row.is_principal,
    answeringOrgId: row.answering,
    cadreId: row.owner,
  };
}
