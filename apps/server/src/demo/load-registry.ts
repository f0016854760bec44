// Loads a generated registry in batches. Each batch is one write() transaction with its own trail row, so the
// bulk path obeys the same rule as every other write (and the database's trail trigger).
import { sql, type Kysely } from 'kysely';
import type { DB } from '../platform/db/index.js';
import type { Clock } from '../platform/clock/index.js';
import { write, type Actor } from '../platform/trail/index.js';
import { nameSortKey } from '../modules/registry/index.js';
import type { Registry } from './generate-registry.js';

const BATCH = 2000;

async function inBatches<T>(
  db: Kysely<DB>,
  clock: Clock,
  actor: Actor,
  label: string,
  rows: T[],
  insert: (trx: Kysely<DB>, chunk: T[], now: Date) => Promise<unknown>,
) {
  for (let i = 0; i < rows.length; i += BATCH) {
    const chunk = rows.slice(i, i + BATCH);
    await write(db, clock, actor, async (w) => {
      await insert(w.trx, chunk, w.now);
      w.record({ action: 'registry.bulk_load', entity: label, detail: { from: i, count: chunk.length } });
    });
  }
}

export async function loadRegistry(db: Kysely<DB>, clock: Clock, actor: Actor, r: Registry): Promise<void> {
  await inBatches(db, clock, actor, 'org', r.orgs, (trx, c, now) =>
    trx
      .insertInto('orgs')
      .values(
        c.map((o) => ({
          id: o.id,
          parent_id: o.parentId,
          path: o.path,
          name: o.name,
          short_name: null,
          level: o.level,
          unit_type: o.unitType,
          region_code: o.regionCode,
          sort: o.sort,
          created_at: now,
        })),
      )
      .execute(),
  );
  await inBatches(db, clock, actor, 'cadre', r.cadres, (trx, c, now) =>
    trx
      .insertInto('cadres')
      .values(
        c.map((x) => ({
          id: x.id,
          name: x.name,
          name_sort: nameSortKey(x.name),
          id_card: x.idCard,
          gender: x.gender,
          birth_date: x.birthDate,
          ethnicity: '汉族',
          party_status: x.partyStatus,
          party_joined_on: x.partyJoinedOn,
          birthplace_code: x.birthplaceCode,
          growth_place_code: x.growthPlaceCode,
          org_id: x.orgId,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute(),
  );
  await inBatches(db, clock, actor, 'post', r.posts, (trx, c) =>
    trx
      .insertInto('posts')
      .values(
        c.map((p) => ({
          id: p.id,
          cadre_id: p.cadreId,
          org_id: p.orgId,
          title: p.title,
          post_kind: p.postKind,
          rank: p.rank,
          is_principal: p.isPrincipal,
          start_date: p.startDate,
          end_date: p.endDate,
          end_reason: p.endReason,
          appoint_doc: p.appointDoc,
        })),
      )
      .execute(),
  );
  await inBatches(db, clock, actor, 'team_member', r.members, (trx, c) =>
    trx
      .insertInto('team_members')
      .values(
        c.map((m) => ({
          id: m.id,
          org_id: m.orgId,
          cadre_id: m.cadreId,
          team_role: m.teamRole,
          sort: m.sort,
          joined_on: m.joinedOn,
        })),
      )
      .execute(),
  );
  await inBatches(db, clock, actor, 'portfolio', r.portfolios, (trx, c) =>
    trx
      .insertInto('portfolios')
      .values(
        c.map((p) => ({
          team_member_id: p.teamMemberId,
          area: p.area,
          start_date: p.startDate,
        })),
      )
      .execute(),
  );
  await inBatches(db, clock, actor, 'relation', r.relations, (trx, c, now) =>
    trx
      .insertInto('relations')
      .values(
        c.map((x) => ({
          cadre_id: x.cadreId,
          relative_cadre_id: x.relativeCadreId,
          kind: x.kind,
          generation: x.generation,
          note: null,
          created_at: now,
        })),
      )
      .execute(),
  );
  await inBatches(db, clock, actor, 'timeline', r.timeline, (trx, c, now) =>
    trx
      .insertInto('timeline_events')
      .values(
        c.map((e) => ({
          cadre_id: e.cadreId,
          occurred_on: e.occurredOn,
          recorded_at: now,
          event_type: e.eventType,
          source_module: 'registry',
          summary: e.summary,
          ref_entity: e.refEntity,
          ref_id: String(e.refId),
        })),
      )
      .execute(),
  );
  // Explicit ids were inserted: move the identity sequences past them.
  for (const table of ['orgs', 'cadres', 'posts', 'team_members'] as const) {
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(
      db,
    );
  }
}
