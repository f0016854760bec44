// Interference records (issue 14 §7, M-37, `003` (十二)): whoever is asked by a leader — or by a leader's relative,
// friend or staff — to intervene in appointments, projects, law enforcement, justice, approvals or procurement records
// it. A record is seen by the one who recorded it and by the organization department and discipline commission whose
// scope covers its unit (and those above: scope is the subtree), never by the person named as intervening nor by the
// leader they acted for, whatever their role. The commission also enters interventions found without a record,
// naming who failed to record it (a finding on that person, interference.findings.ts).
import { sql, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { can, type Auth } from '../../platform/auth/index.js';
import { AppError, assertNotAfterToday, invalidField, toLimitOffset } from '../../platform/http/index.js';
import { orgVisible } from '../../platform/scope/index.js';
import { recordRead, write, type Actor } from '../../platform/trail/index.js';
import { refreshInterferenceFindings } from './interference.findings.js';
import type { interferenceCreate, interferenceListQuery } from './interference.schema.js';
import { ASKER_RELATIONS, HANDLINGS, INTERFERENCE_AREAS } from './meeting.dicts.js';

/** The records the caller may read, aliased `r` with their unit `o` (also the id kind's check). */
export function visibleRecords(ctx: Pick<AppContext, 'db'>, auth: Auth) {
  return ctx.db
    .selectFrom('interference_records as r')
    .innerJoin('orgs as o', 'o.id', 'r.org_id')
    .where((eb) =>
      eb.or([
        eb('r.recorded_by', '=', auth.accountId),
        can(auth.role, 'interference.read') ? orgVisible(auth.scope, 'o') : sql<SqlBool>`false`,
      ]),
    )
    .where(
      sql<SqlBool>`not exists (select 1 from accounts a where a.id = ${auth.accountId}
        and a.cadre_id in (r.asker_cadre_id, r.leader_cadre_id))`,
    );
}

export async function createInterference(
  ctx: AppContext,
  actor: Actor,
  auth: Auth,
  input: z.infer<typeof interferenceCreate>,
) {
  assertNotAfterToday(ctx.clock, 'askedOn', input.askedOn, ['请托日期', 'The request']);
  if (input.unrecordedCadreId !== undefined && auth.role !== 'discipline')
    throw new AppError(
      403,
      'FORBIDDEN',
      '只有纪检监察机关可以登记发现的未记录干预',
      'Only the discipline commission enters an intervention found unrecorded',
    );
  if (input.askerCadreId === undefined && !input.askerName)
    throw invalidField('askerName', '请选择或填写请托人', 'Say who asked: a cadre, or a name');
  if (input.askerRelation === 'leader' && input.askerCadreId !== input.leaderCadreId)
    throw invalidField(
      'askerCadreId',
      '请托人是领导干部本人时，请托人与所涉领导干部应为同一人',
      'When the leader asked in person, the asker is that leader',
    );
  return write(ctx.db, ctx.clock, actor, async (w) => {
    const asker = input.askerCadreId
      ? await w.trx.selectFrom('cadres').select('name').where('id', '=', input.askerCadreId).executeTakeFirstOrThrow()
      : null;
    const { id } = await w.trx
      .insertInto('interference_records')
      .values({
        org_id: input.orgId,
        asked_on: input.askedOn,
        asked_name: input.askedName ?? auth.displayName,
        asker_cadre_id: input.askerCadreId ?? null,
        asker_name: asker?.name ?? input.askerName ?? '',
        asker_relation: input.askerRelation,
        leader_cadre_id: input.leaderCadreId,
        area: input.area,
        matter: input.matter,
        request: input.request,
        handling: input.handling,
        handling_note: input.handlingNote ?? null,
        unrecorded_cadre_id: input.unrecordedCadreId ?? null,
        recorded_by: auth.accountId,
        created_at: w.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The trail names the record, not its contents: who asked is for the readers above, not for every trail reader.
    w.record({
      action: 'interference.create',
      entity: 'interference_record',
      entityId: id,
      detail: { orgId: input.orgId, askedOn: input.askedOn, found: input.unrecordedCadreId !== undefined },
    });
    await refreshInterferenceFindings(ctx, w, [input.orgId]);
    return { id };
  });
}

const label = (d: Record<string, readonly [string, string]>, k: string) => [...(d[k] ?? [k, k])] as [string, string];

export async function listInterference(
  ctx: AppContext,
  actor: Actor,
  auth: Auth,
  query: z.infer<typeof interferenceListQuery> & { cadreId?: number },
) {
  let q = visibleRecords(ctx, auth);
  if (query.orgId) q = q.where(sql<SqlBool>`o.path <@ (select path from orgs where id = ${query.orgId})`);
  const named = query.cadreId;
  if (named) q = q.where((eb) => eb.or([eb('r.leader_cadre_id', '=', named), eb('r.asker_cadre_id', '=', named)]));
  const { limit, offset } = toLimitOffset(query);
  const [rows, total] = await Promise.all([
    q
      .leftJoin('cadres as l', 'l.id', 'r.leader_cadre_id')
      .leftJoin('cadres as u', 'u.id', 'r.unrecorded_cadre_id')
      .selectAll('r')
      .select(['o.name as org_name', 'l.name as leader_name', 'u.name as unrecorded_name'])
      .orderBy('r.asked_on', 'desc')
      .orderBy('r.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  // Reading who asked whom is trailed, as every read of a confidential record.
  if (rows.length)
    await recordRead(ctx.db, ctx.clock, actor, {
      action: 'interference.list',
      entity: 'interference_record',
      detail: { ids: rows.map((r) => r.id) },
    });
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      id: r.id,
      orgId: r.org_id,
      orgName: r.org_name,
      askedOn: r.asked_on,
      askedName: r.asked_name,
      asker: { cadreId: r.asker_cadre_id, name: r.asker_name },
      askerRelation: r.asker_relation,
      askerRelationLabel: label(ASKER_RELATIONS, r.asker_relation),
      leader: { cadreId: r.leader_cadre_id, name: r.leader_name ?? '' },
      area: r.area,
      areaLabel: label(INTERFERENCE_AREAS, r.area),
      matter: r.matter,
      request: r.request,
      handling: r.handling,
      handlingLabel: label(HANDLINGS, r.handling),
      handlingNote: r.handling_note,
      unrecorded: r.unrecorded_cadre_id ? { cadreId: r.unrecorded_cadre_id, name: r.unrecorded_name ?? '' } : null,
    })),
  };
}

/** Whom a record can name as the leader: the holders of current posts in the unit and the units above it. */
export async function leadersAbove(ctx: AppContext, orgId: number) {
  const rows = await ctx.db
    .selectFrom('posts as p')
    .innerJoin('orgs as po', 'po.id', 'p.org_id')
    .innerJoin('cadres as c', 'c.id', 'p.cadre_id')
    .select(['c.id', 'c.name', 'p.title', 'po.name as org_name'])
    .where('p.end_date', 'is', null)
    .where(sql<SqlBool>`po.path @> (select path from orgs where id = ${orgId})`)
    .orderBy(sql`nlevel(po.path)`)
    .orderBy(sql`p.is_principal desc`)
    .orderBy('p.id')
    .limit(300)
    .execute();
  return { items: rows.map((r) => ({ cadreId: r.id, name: r.name, title: r.title, orgName: r.org_name })) };
}
