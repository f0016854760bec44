// One cadre's record (M-08): posts held (M-02), team memberships with portfolios (M-03), relations, findings, the
// integrity archive's sections and the first page of the timeline.
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Auth } from '../../platform/auth/index.js';
import { cadreVisible } from '../../platform/scope/index.js';
import { readTimeline } from '../../platform/dossier/index.js';
import { recordRead, type Actor } from '../../platform/trail/index.js';
import { archiveSections, SECTION_OF_EVENT } from './archive-sections.dicts.js';
import { visibleCadre } from './cadre.service.js';
import { dictLabel } from './registry.dicts.js';

export async function cadreRecordParts(ctx: AppContext, auth: Auth, cadreId: number) {
  const [posts, members, relations] = await Promise.all([
    ctx.db
      .selectFrom('posts as p')
      .innerJoin('orgs as o', 'o.id', 'p.org_id')
      .select([
        'p.id',
        'p.org_id',
        'o.name as org_name',
        'p.title',
        'p.post_kind',
        'p.rank',
        'p.is_principal',
        'p.start_date',
        'p.end_date',
        'p.end_reason',
        'p.appoint_doc',
      ])
      .where('p.cadre_id', '=', cadreId)
      .orderBy('p.start_date', 'desc')
      .orderBy('p.id', 'desc')
      .execute(),
    ctx.db
      .selectFrom('team_members as t')
      .innerJoin('orgs as o', 'o.id', 't.org_id')
      .select(['t.id', 't.org_id', 'o.name as org_name', 't.team_role', 't.joined_on', 't.left_on'])
      .select(
        sql<Array<{ area: string; start_date: string; end_date: string | null }>>`coalesce((
        select json_agg(json_build_object('area', pf.area, 'start_date', pf.start_date, 'end_date', pf.end_date)
          order by pf.start_date) from portfolios pf where pf.team_member_id = t.id), '[]'::json)`.as('portfolios'),
      )
      .where('t.cadre_id', '=', cadreId)
      .orderBy('t.joined_on', 'desc')
      .execute(),
    // A relative outside the caller's scope is shown by kind only: no name, no id.
    ctx.db
      .selectFrom('relations as r')
      .innerJoin('cadres as rc', 'rc.id', 'r.relative_cadre_id')
      .innerJoin('orgs as ro', 'ro.id', 'rc.org_id')
      .select([
        'r.id',
        'r.kind',
        'r.generation',
        'r.note',
        'rc.id as rel_id',
        'rc.name as rel_name',
        'ro.name as rel_org',
      ])
      .select(cadreVisible(auth.scope, 'rc').as('visible'))
      .where('r.cadre_id', '=', cadreId)
      .orderBy('r.id')
      .execute(),
  ]);
  return {
    posts: posts.map((p) => ({
      id: p.id,
      orgId: p.org_id,
      orgName: p.org_name,
      title: p.title,
      postKind: p.post_kind,
      rank: p.rank,
      rankLabel: dictLabel('rank', p.rank),
      isPrincipal: p.is_principal,
      startDate: p.start_date,
      endDate: p.end_date,
      endReason: p.end_reason,
      appointDoc: p.appoint_doc,
      current: p.end_date == null,
    })),
    team: members.map((m) => ({
      id: m.id,
      orgId: m.org_id,
      orgName: m.org_name,
      teamRole: m.team_role,
      joinedOn: m.joined_on,
      leftOn: m.left_on,
      portfolios: m.portfolios.map((pf) => ({
        area: pf.area,
        areaLabel: dictLabel('portfolio_area', pf.area),
        startDate: pf.start_date,
        endDate: pf.end_date,
      })),
    })),
    relations: relations.map((r) => ({
      id: r.id,
      kind: r.kind,
      kindLabel: dictLabel('relation_kind', r.kind),
      generation: r.generation,
      relative: r.visible ? { id: r.rel_id, name: r.rel_name, orgName: r.rel_org } : null,
      note: r.visible ? r.note : null,
    })),
  };
}

/** The cadre's findings as of the last evaluation (refreshed on every registry write, rule change and daily). */
async function storedFlags(ctx: AppContext, cadreId: number) {
  const rows = await ctx.db
    .selectFrom('cadre_flags')
    .selectAll()
    .where('cadre_id', '=', cadreId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    ruleId: r.rule_id,
    level: r.level,
    message: r.message,
    messageEn: r.message_en,
    settings: r.settings,
    evidence: r.evidence,
    evaluatedOn: r.evaluated_on,
  }));
}

/** How many timeline events, newest first, the record carries: the dossier page's first page (M-08). */
export const RECORD_TIMELINE_PAGE = 100;

/**
 * One cadre's whole record with the first page of the timeline, as the dossier page shows it: one request, one trailed
 * read (ARCHITECTURE 3) — the timeline's further pages come from GET /cadres/:id/timeline.
 */
export async function getCadre(ctx: AppContext, auth: Auth, actor: Actor, id: number) {
  const c = await visibleCadre(ctx, auth, actor, id);
  // In scope: trail the read while the record's parts load; a failed trail write fails the request.
  const [parts, flags, filed, timeline] = await Promise.all([
    cadreRecordParts(ctx, auth, id),
    storedFlags(ctx, id),
    ctx.db
      .selectFrom('timeline_events')
      .select(['event_type', 'occurred_on', 'summary'])
      .where('cadre_id', '=', id)
      .where('event_type', 'in', Object.keys(SECTION_OF_EVENT))
      .orderBy('occurred_on')
      .orderBy('id')
      .execute(),
    readTimeline(ctx.db, id, { limit: RECORD_TIMELINE_PAGE, offset: 0 }),
    recordRead(ctx.db, ctx.clock, actor, { action: 'cadre.read', entity: 'cadre', entityId: id }),
  ]);
  return {
    id: c.id,
    name: c.name,
    idCard: c.id_card,
    gender: c.gender,
    birthDate: c.birth_date,
    ethnicity: c.ethnicity,
    partyStatus: c.party_status,
    partyJoinedOn: c.party_joined_on,
    birthplaceCode: c.birthplace_code,
    growthPlaceCode: c.growth_place_code,
    orgId: c.org_id,
    orgName: c.org_name,
    createdAt: c.created_at.toISOString(),
    updatedAt: c.updated_at.toISOString(),
    ...parts,
    archive: archiveSections(
      filed.map((e) => ({ eventType: e.event_type, occurredOn: e.occurred_on, summary: e.summary })),
    ),
    flags,
    timeline,
  };
}
