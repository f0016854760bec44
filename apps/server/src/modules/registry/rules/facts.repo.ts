// The facts the registry rules (M-04 … M-07) read about one cadre. Loaded in bulk, set-based, by loadFacts();
// the rules themselves are pure functions of these facts, their settings and today's date.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/index.js';

export interface OrgFact {
  id: number;
  name: string;
  path: string;
  level: string;
  unitType: string;
  regionCode: string | null;
  parentId: number | null;
}
export interface PostFact {
  id: number;
  org: OrgFact;
  title: string;
  postKind: string;
  rank: string;
  isPrincipal: boolean;
  startDate: string;
  endDate: string | null;
}
export interface SeatFact {
  id: number;
  org: OrgFact;
  teamRole: string;
  joinedOn: string;
  leftOn: string | null;
  portfolios: Array<{ area: string; startDate: string; endDate: string | null }>;
}
export interface RelativeFact {
  relationId: number;
  kind: string;
  generation: number | null;
  cadreId: number;
  name: string;
  posts: PostFact[];
  seats: SeatFact[];
}
export interface CadreFacts {
  id: number;
  name: string;
  orgId: number;
  orgPath: string;
  growthPlaceCode: string | null;
  birthplaceCode: string | null;
  posts: PostFact[];
  seats: SeatFact[];
  relatives: RelativeFact[];
}

type OrgRow = {
  org_id: number;
  org_name: string;
  org_path: string;
  org_level: string;
  org_unit_type: string;
  org_region: string | null;
  org_parent: number | null;
};
const org = (r: OrgRow): OrgFact => ({
  id: r.org_id,
  name: r.org_name,
  path: r.org_path,
  level: r.org_level,
  unitType: r.org_unit_type,
  regionCode: r.org_region,
  parentId: r.org_parent,
});

async function postsOf(db: Kysely<DB>, ids: number[], currentOnly: boolean) {
  const rows = await sql<
    OrgRow & {
      id: number;
      cadre_id: number;
      title: string;
      post_kind: string;
      rank: string;
      is_principal: boolean;
      start_date: string;
      end_date: string | null;
    }
  >`
    select p.id, p.cadre_id, p.title, p.post_kind, p.rank, p.is_principal, p.start_date, p.end_date,
      o.id as org_id, o.name as org_name, o.path::text as org_path, o.level as org_level, o.unit_type as org_unit_type,
      o.region_code as org_region, o.parent_id as org_parent
    from posts p join orgs o on o.id = p.org_id
    where p.cadre_id = any(${ids}::int[]) ${currentOnly ? sql`and p.end_date is null` : sql``}
    order by p.cadre_id, p.start_date, p.id`.execute(db);
  return group(
    rows.rows,
    (r) => r.cadre_id,
    (r): PostFact => ({
      id: r.id,
      org: org(r),
      title: r.title,
      postKind: r.post_kind,
      rank: r.rank,
      isPrincipal: r.is_principal,
      startDate: r.start_date,
      endDate: r.end_date,
    }),
  );
}

async function seatsOf(db: Kysely<DB>, ids: number[], currentOnly: boolean) {
  const rows = await sql<
    OrgRow & {
      id: number;
      cadre_id: number;
      team_role: string;
      joined_on: string;
      left_on: string | null;
      portfolios: Array<{ area: string; start_date: string; end_date: string | null }>;
    }
  >`
    select t.id, t.cadre_id, t.team_role, t.joined_on, t.left_on,
      o.id as org_id, o.name as org_name, o.path::text as org_path, o.level as org_level, o.unit_type as org_unit_type,
      o.region_code as org_region, o.parent_id as org_parent,
      coalesce((select json_agg(json_build_object('area', pf.area, 'start_date', pf.start_date, 'end_date', pf.end_date))
        from portfolios pf where pf.team_member_id = t.id), '[]'::json) as portfolios
    from team_members t join orgs o on o.id = t.org_id
    where t.cadre_id = any(${ids}::int[]) ${currentOnly ? sql`and t.left_on is null` : sql``}
    order by t.cadre_id, t.joined_on, t.id`.execute(db);
  return group(
    rows.rows,
    (r) => r.cadre_id,
    (r): SeatFact => ({
      id: r.id,
      org: org(r),
      teamRole: r.team_role,
      joinedOn: r.joined_on,
      leftOn: r.left_on,
      portfolios: r.portfolios.map((p) => ({ area: p.area, startDate: p.start_date, endDate: p.end_date })),
    }),
  );
}

function group<R, T>(rows: R[], key: (r: R) => number, map: (r: R) => T): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(map(r));
    else out.set(k, [map(r)]);
  }
  return out;
}

/** Facts for a set of cadres: every post and seat (history matters for tenure), relatives with their current ones. */
export async function loadFacts(db: Kysely<DB>, cadreIds: number[]): Promise<CadreFacts[]> {
  if (!cadreIds.length) return [];
  const [cadres, relations] = await Promise.all([
    sql<{
      id: number;
      name: string;
      org_id: number;
      org_path: string;
      growth_place_code: string | null;
      birthplace_code: string | null;
    }>`
      select c.id, c.name, c.org_id, o.path::text as org_path, c.growth_place_code, c.birthplace_code
      from cadres c join orgs o on o.id = c.org_id where c.id = any(${cadreIds}::int[]) order by c.id`.execute(db),
    sql<{
      id: number;
      cadre_id: number;
      relative_cadre_id: number;
      kind: string;
      generation: number | null;
      name: string;
    }>`
      select r.id, r.cadre_id, r.relative_cadre_id, r.kind, r.generation, rc.name
      from relations r join cadres rc on rc.id = r.relative_cadre_id where r.cadre_id = any(${cadreIds}::int[])`.execute(
      db,
    ),
  ]);
  const relativeIds = [...new Set(relations.rows.map((r) => r.relative_cadre_id))];
  const [posts, seats, relPosts, relSeats] = await Promise.all([
    postsOf(db, cadreIds, false),
    seatsOf(db, cadreIds, false),
    relativeIds.length ? postsOf(db, relativeIds, true) : new Map<number, PostFact[]>(),
    relativeIds.length ? seatsOf(db, relativeIds, true) : new Map<number, SeatFact[]>(),
  ]);
  const rels = group(
    relations.rows,
    (r) => r.cadre_id,
    (r): RelativeFact => ({
      relationId: r.id,
      kind: r.kind,
      generation: r.generation,
      cadreId: r.relative_cadre_id,
      name: r.name,
      posts: relPosts.get(r.relative_cadre_id) ?? [],
      seats: relSeats.get(r.relative_cadre_id) ?? [],
    }),
  );
  return cadres.rows.map((c) => ({
    id: c.id,
    name: c.name,
    orgId: c.org_id,
    orgPath: c.org_path,
    growthPlaceCode: c.growth_place_code,
    birthplaceCode: c.birthplace_code,
    posts: posts.get(c.id) ?? [],
    seats: seats.get(c.id) ?? [],
    relatives: rels.get(c.id) ?? [],
  }));
}

/** Posts that lead a unit (its principal or a team post), as opposed to its middle-level and staff posts. */
const LEADING_KINDS = new Set([
  'party_secretary',
  'admin_head',
  'deputy_secretary',
  'deputy_head',
  'discipline_secretary',
  'org_head',
  'team_member',
]);
export const isLeadingPost = (p: Pick<PostFact, 'isPrincipal' | 'postKind'>) =>
  p.isPrincipal || LEADING_KINDS.has(p.postKind);

export const currentPosts = (f: { posts: PostFact[] }) => f.posts.filter((p) => p.endDate == null);
export const currentSeats = (f: { seats: SeatFact[] }) => f.seats.filter((s) => s.leftOn == null);
export const currentAreas = (s: SeatFact) => s.portfolios.filter((p) => p.endDate == null);
