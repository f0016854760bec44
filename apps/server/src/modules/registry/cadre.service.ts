// M-02 cadres: the scoped list, the whole record (posts, team, relations), create and update.
// 身份证号 is validated and the birth date and gender are derived from it, never typed twice.
import { sql } from 'kysely';
import { pinyin } from 'pinyin-pro';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { Auth } from '../../platform/auth/index.js';
import { toCstDate } from '../../platform/clock/index.js';
import { appendTimeline } from '../../platform/dossier/index.js';
import { AppError, badRequest, toLimitOffset } from '../../platform/http/index.js';
import { cadreInSubtree, cadreVisible, outOfScope } from '../../platform/scope/index.js';
import { recordRead, write, type Actor } from '../../platform/trail/index.js';
import { maskIdCard, parseIdCard } from './id-card/index.js';
import { assertDictCodes } from './dict-check.service.js';
import { escapeLike } from '../../platform/db/index.js';
import { assertNotBeforeBirth, assertNotTooLate } from './registry.dates.js';
import { visibleOrg } from './org.service.js';
import { thenRefresh } from './flags.service.js';
import type { cadreCreate, cadreListQuery, cadreUpdate } from './registry.schema.js';

/** Sort key by pinyin (surname readings: 单 shan, 曾 zeng), then the characters; compared bytewise (COLLATE "C"). */
export const nameSortKey = (name: string) =>
  `${pinyin(name, { toneType: 'num', type: 'array', surname: 'head' }).join(' ')}\u0001${name}`;

export function idCardOrThrow(ctx: AppContext, raw: string) {
  const r = parseIdCard(raw, toCstDate(ctx.clock.now()));
  if (!r.ok) {
    throw new AppError(
      400,
      'VALIDATION',
      `输入有误：身份证号：${r.messageZh}`,
      `Invalid input: ID card number: ${r.messageEn}`,
      [{ path: 'idCard', code: r.code, messageZh: r.messageZh, messageEn: r.messageEn }],
    );
  }
  return r.value;
}

/** The cadre row if it is in the caller's scope; otherwise a trailed 404. */
export async function visibleCadre(ctx: AppContext, auth: Auth, actor: Actor, id: number) {
  const row = await ctx.db
    .selectFrom('cadres')
    .innerJoin('orgs', 'orgs.id', 'cadres.org_id')
    .selectAll('cadres')
    .select('orgs.name as org_name')
    .where('cadres.id', '=', id)
    .where(cadreVisible(auth.scope, 'cadres'))
    .executeTakeFirst();
  if (!row) throw await outOfScope(ctx, actor, 'cadre', id);
  return row;
}

export async function listCadres(ctx: AppContext, auth: Auth, actor: Actor, query: z.infer<typeof cadreListQuery>) {
  let base = ctx.db.selectFrom('cadres as c').where(cadreVisible(auth.scope, 'c'));
  if (query.orgId) {
    const unit = await visibleOrg(ctx, auth, actor, query.orgId);
    base = base.where(cadreInSubtree(unit.path));
  }
  const q = query.q;
  if (q) {
    base = /^\d{4,17}[\dXx]?$/.test(q)
      ? base.where('c.id_card', 'like', `${q.toUpperCase()}%`)
      : base.where('c.name', 'ilike', `%${escapeLike(q)}%`);
  }
  const current = (extra: ReturnType<typeof sql<boolean>>) => sql<boolean>`exists (select 1 from posts p
    where p.cadre_id = c.id and p.end_date is null and ${extra})`;
  if (query.principal)
    base = base.where(
      query.principal === 'true' ? current(sql`p.is_principal`) : sql<boolean>`not ${current(sql`p.is_principal`)}`,
    );
  if (query.rank) base = base.where(current(sql`p.rank = ${query.rank}`));
  if (query.orgLevel)
    base = base.where(
      sql<boolean>`exists (select 1 from orgs lo where lo.id = c.org_id and lo.level = ${query.orgLevel})`,
    );
  if (query.flag || query.flagLevel) {
    base = base.where(sql<boolean>`exists (select 1 from cadre_flags cf where cf.cadre_id = c.id
      ${query.flag ? sql`and cf.rule_id = ${query.flag}` : sql``} ${query.flagLevel ? sql`and cf.level = ${query.flagLevel}` : sql``})`);
  }

  const { limit, offset } = toLimitOffset(query);
  // Cut the page first, then look up each row's unit and current post: 20 lookups, not one per cadre in scope.
  const page = base
    .select(['c.id', 'c.name', 'c.name_sort', 'c.gender', 'c.birth_date', 'c.id_card', 'c.org_id'])
    .orderBy('c.name_sort')
    .orderBy('c.id')
    .limit(limit)
    .offset(offset)
    .as('pg');
  const [rows, count] = await Promise.all([
    ctx.db
      .selectFrom(page)
      .innerJoin('orgs as o', 'o.id', 'pg.org_id')
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('posts as p')
            .select(['p.title', 'p.rank', 'p.is_principal'])
            .whereRef('p.cadre_id', '=', 'pg.id')
            .where('p.end_date', 'is', null)
            .orderBy('p.is_principal', 'desc')
            .orderBy('p.start_date', 'desc')
            .limit(1)
            .as('cp'),
        (join) => join.onTrue(),
      )
      .select([
        'pg.id',
        'pg.name',
        'pg.gender',
        'pg.birth_date',
        'pg.id_card',
        'pg.org_id',
        'o.name as org_name',
        'cp.title',
        'cp.rank',
        'cp.is_principal',
      ])
      .select(
        sql<
          Array<{ ruleId: string; level: string }>
        >`coalesce((select json_agg(json_build_object('ruleId', cf.rule_id, 'level', cf.level)
        order by cf.seq) from cadre_flags cf where cf.cadre_id = pg.id), '[]'::json)`.as('flags'),
      )
      .orderBy('pg.name_sort')
      .orderBy('pg.id')
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  // Looking a person up is itself worth knowing: searches are trailed with their terms, plain browsing is not.
  if (q)
    await recordRead(ctx.db, ctx.clock, actor, {
      action: 'cadre.search',
      entity: 'cadre',
      detail: { ...searchTerm(ctx, q), total: Number(count.n) },
    });
  return {
    total: Number(count.n),
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      gender: r.gender,
      birthDate: r.birth_date,
      idCardMasked: maskIdCard(r.id_card),
      orgId: r.org_id,
      orgName: r.org_name,
      currentPost: r.title ?? null,
      rank: r.rank ?? null,
      isPrincipal: r.is_principal ?? false,
      flags: r.flags,
    })),
  };
}

/**
 * How a search term goes into the trail. A name is kept as typed; an ID number (or part of one) is masked like
 * everywhere else, with a keyed digest so an investigator holding the key can still confirm what was looked up.
 */
function searchTerm(ctx: AppContext, q: string): Record<string, string> {
  if (!/^\d{4,17}[\dXx]?$/.test(q)) return { q };
  const masked = q.length > 6 ? `${q.slice(0, 6)}${'*'.repeat(q.length - 6)}` : q;
  return { q: masked, qDigest: ctx.box.digest(q.toUpperCase(), 'trail:cadre.search') };
}

/**
 * A 身份证号 already on file. Someone outside the caller's scope may hold it, so the answer does not say who; the
 * attempt is trailed with the existing record's id for the auditors.
 */
async function assertIdCardFree(ctx: AppContext, actor: Actor, idCard: string, exceptCadreId?: number): Promise<void> {
  let q = ctx.db.selectFrom('cadres').select('id').where('id_card', '=', idCard);
  if (exceptCadreId) q = q.where('id', '!=', exceptCadreId);
  const taken = await q.executeTakeFirst();
  if (!taken) return;
  await recordRead(ctx.db, ctx.clock, actor, {
    action: 'cadre.duplicate_id_card',
    entity: 'cadre',
    entityId: taken.id,
    detail: { idCard: maskIdCard(idCard) },
  });
  throw new AppError(
    409,
    'ID_CARD_TAKEN',
    '该身份证号已有干部档案，请联系上级组织部门核对',
    'A cadre record with this ID number already exists; ask the superior organization department to check',
  );
}

export async function createCadre(ctx: AppContext, auth: Auth, actor: Actor, input: z.infer<typeof cadreCreate>) {
  const id = idCardOrThrow(ctx, input.idCard);
  await visibleOrg(ctx, auth, actor, input.orgId);
  await assertDictCodes(ctx.db, [['party_status', input.partyStatus, 'partyStatus']]);
  assertNotBeforeBirth('partyJoinedOn', input.partyJoinedOn, id.birthDate);
  assertNotTooLate(ctx, 'partyJoinedOn', input.partyJoinedOn, false);
  await assertIdCardFree(ctx, actor, id.number);
  return thenRefresh(
    ctx,
    actor,
    (r) => [r.id],
    write(ctx.db, ctx.clock, actor, async (w) => {
      const { id: cadreId } = await w.trx
        .insertInto('cadres')
        .values({
          name: input.name,
          name_sort: nameSortKey(input.name),
          id_card: id.number,
          gender: id.gender,
          birth_date: id.birthDate,
          ethnicity: input.ethnicity ?? null,
          party_status: input.partyStatus,
          party_joined_on: input.partyJoinedOn ?? null,
          birthplace_code: input.birthplaceCode ?? null,
          growth_place_code: input.growthPlaceCode ?? null,
          org_id: input.orgId,
          created_at: w.now,
          updated_at: w.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendTimeline(w, {
        cadreId,
        occurredOn: toCstDate(w.now),
        eventType: 'registry.record_created',
        sourceModule: 'registry',
        summary: `建立干部档案：${input.name}`,
        refEntity: 'cadre',
        refId: cadreId,
      });
      w.record({
        action: 'cadre.create',
        entity: 'cadre',
        entityId: cadreId,
        detail: { name: input.name, orgId: input.orgId },
      });
      return { id: cadreId, name: input.name, gender: id.gender, birthDate: id.birthDate };
    }),
  );
}

export async function updateCadre(
  ctx: AppContext,
  auth: Auth,
  actor: Actor,
  cadreId: number,
  input: z.infer<typeof cadreUpdate>,
) {
  const before = await visibleCadre(ctx, auth, actor, cadreId);
  if (!Object.keys(input).length) throw badRequest('EMPTY', '没有要修改的内容', 'Nothing to change');
  const id = input.idCard ? idCardOrThrow(ctx, input.idCard) : null;
  if (input.orgId) await visibleOrg(ctx, auth, actor, input.orgId);
  await assertDictCodes(ctx.db, [['party_status', input.partyStatus, 'partyStatus']]);
  // Dates are checked against the record as it will be: a new ID number moves the birth date under existing posts.
  const birth = id?.birthDate ?? before.birth_date;
  const partyJoinedOn = input.partyJoinedOn === undefined ? before.party_joined_on : input.partyJoinedOn;
  assertNotBeforeBirth('partyJoinedOn', partyJoinedOn, birth);
  assertNotTooLate(ctx, 'partyJoinedOn', input.partyJoinedOn, false);
  if (id) {
    await assertIdCardFree(ctx, actor, id.number, cadreId);
    const earliest = await ctx.db
      .selectFrom('posts')
      .select((eb) => eb.fn.min<string>('start_date').as('d'))
      .where('cadre_id', '=', cadreId)
      .executeTakeFirst();
    if (earliest?.d && earliest.d < birth) {
      throw badRequest(
        'VALIDATION',
        `输入有误：身份证号：出生日期 ${birth} 晚于已有任职 ${earliest.d}`,
        `Invalid input: ID card number: the birth date ${birth} is after an existing post starting ${earliest.d}`,
      );
    }
  }
  return thenRefresh(
    ctx,
    actor,
    [cadreId],
    write(ctx.db, ctx.clock, actor, async (w) => {
      await w.trx
        .updateTable('cadres')
        .set({
          name: input.name,
          name_sort: input.name ? nameSortKey(input.name) : undefined,
          id_card: id?.number,
          gender: id?.gender,
          birth_date: id?.birthDate,
          ethnicity: input.ethnicity,
          party_status: input.partyStatus,
          party_joined_on: input.partyJoinedOn,
          birthplace_code: input.birthplaceCode,
          growth_place_code: input.growthPlaceCode,
          org_id: input.orgId,
          updated_at: w.now,
        })
        .where('id', '=', cadreId)
        .execute();
      if (input.orgId && input.orgId !== before.org_id) {
        await appendTimeline(w, {
          cadreId,
          occurredOn: toCstDate(w.now),
          eventType: 'registry.record_moved',
          sourceModule: 'registry',
          summary: `档案管理单位由“${before.org_name}”变更`,
          refEntity: 'org',
          refId: input.orgId,
        });
      }
      // The old values go to the trail so that no change is lost (history is never overwritten).
      // The ID number itself stays out of the trail; only the fact that it changed, masked.
      const changed: Record<string, unknown> = { ...input, ...(id ? { idCard: maskIdCard(id.number) } : {}) };
      w.record({
        action: 'cadre.update',
        entity: 'cadre',
        entityId: cadreId,
        detail: {
          changed,
          before: {
            name: before.name,
            idCard: maskIdCard(before.id_card),
            partyStatus: before.party_status,
            orgId: before.org_id,
          },
        },
      });
      return { id: cadreId };
    }),
  );
}
