// Roster import (issue 3 §3): a dry run lists every bad row; the commit writes everything in one transaction or
// nothing at all. New units take the tree lock like a single create; every cadre, post and relation lands in the
// dossier timeline as if it had been entered by hand, and the whole import is one trail event with the file's hash.
import { createHash } from 'node:crypto';
import type { AppContext } from '../../../platform/context.js';
import type { Auth } from '../../../platform/auth/index.js';
import { toCstDate } from '../../../platform/clock/index.js';
import { appendTimeline } from '../../../platform/dossier/index.js';
import { AppError } from '../../../platform/http/index.js';
import { readWorkbook, type SheetIn } from '../../../platform/sheets/index.js';
import { write, type Actor } from '../../../platform/trail/index.js';
import { nameSortKey } from '../cadre.service.js';
import { lockOrgTree } from '../org.service.js';
import { appointedSummary } from '../appointment.service.js';
import { relationAddedSummary } from '../relation.service.js';
import { nextId } from '../../../platform/db/index.js';
import { refreshFlags } from '../flags.service.js';
import { inverseRelation } from '../registry.dicts.js';
import { validateRoster, type CadreRef, type Issue, type OrgRef, type Plan } from './roster-validate.service.js';

/** A file with thousands of bad rows lists the first ones (in sheet and row order) and counts them all. */
export const LISTED_ISSUES = 500;

export interface ImportResult {
  dryRun: boolean;
  ok: boolean;
  issues: Issue[];
  issueCount: number;
  counts: { orgs: number; cadres: number; posts: number; relations: number };
}

export async function importRoster(
  ctx: AppContext,
  auth: Auth,
  actor: Actor,
  file: Buffer,
  dryRun: boolean,
): Promise<ImportResult> {
  let sheets: SheetIn[];
  try {
    sheets = await readWorkbook(file);
  } catch (e) {
    if (e instanceof AppError) throw e; // over the limits (issue 11 §3): its own reason
    throw new AppError(
      400,
      'BAD_FILE',
      '文件不是有效的 Excel（.xlsx）工作簿',
      'The file is not a valid Excel (.xlsx) workbook',
    );
  }
  const { plan, issues } = await validateRoster(ctx, auth, sheets);
  const counts = {
    orgs: plan.orgs.length,
    cadres: plan.cadres.length,
    posts: plan.posts.length,
    relations: plan.relations.length,
  };
  const empty = Object.values(counts).every((n) => n === 0);
  if (!issues.length && empty)
    issues.push({ sheet: '', row: 0, column: '', reason: '文件中没有数据行', reasonEn: 'the file has no data rows' });
  const listed = issues.slice(0, LISTED_ISSUES);
  if (dryRun || issues.length) {
    if (!dryRun) {
      throw new AppError(
        400,
        'ROSTER_INVALID',
        `名册有 ${issues.length} 处问题，未导入任何数据`,
        `The roster has ${issues.length} problems; nothing was imported`,
        listed,
      );
    }
    return { dryRun, ok: issues.length === 0, issues: listed, issueCount: issues.length, counts };
  }
  const digest = createHash('sha256').update(file).digest('hex');
  const newCadres = await write(ctx.db, ctx.clock, actor, (w) => commit(ctx, w, plan, digest, counts));
  await refreshFlags(ctx, actor, newCadres);
  return { dryRun, ok: true, issues: [], issueCount: 0, counts };
}

async function commit(
  ctx: AppContext,
  w: Parameters<Parameters<typeof write>[3]>[0],
  plan: Plan,
  digest: string,
  counts: ImportResult['counts'],
): Promise<number[]> {
  const { trx } = w;
  const day = toCstDate(w.now);
  await lockOrgTree(trx);
  const orgIds = new Map<string, number>();
  const paths = new Map<number, string>();
  const pathOf = async (id: number) =>
    paths.get(id) ?? (await trx.selectFrom('orgs').select('path').where('id', '=', id).executeTakeFirstOrThrow()).path;
  const orgId = (r: OrgRef) => ('id' in r ? r.id : orgIds.get(r.temp)!);
  // Parents before children: repeat over the rows whose parent is already known.
  const pending = [...plan.orgs];
  while (pending.length) {
    const ready = pending.filter((o) => 'id' in o.parent || orgIds.has(o.parent.temp));
    if (!ready.length)
      throw new AppError(400, 'ORG_CYCLE', '单位表中的上级关系形成循环', 'The units sheet has a cycle of parents');
    for (const o of ready) {
      pending.splice(pending.indexOf(o), 1);
      const parentId = orgId(o.parent);
      const id = await nextId(trx, 'orgs');
      const path = `${await pathOf(parentId)}.${id}`;
      await trx
        .insertInto('orgs')
        .values({
          id,
          parent_id: parentId,
          path,
          name: o.name,
          short_name: null,
          level: o.level,
          unit_type: o.unitType,
          region_code: o.regionCode,
          sort: 0,
          created_at: w.now,
        })
        .execute();
      orgIds.set(o.name, id);
      paths.set(id, path);
    }
  }
  const cadreIds = new Map<string, number>();
  for (const c of plan.cadres) {
    const { id } = await trx
      .insertInto('cadres')
      .values({
        name: c.name,
        name_sort: nameSortKey(c.name),
        id_card: c.idCard,
        gender: c.gender,
        birth_date: c.birthDate,
        ethnicity: c.ethnicity,
        party_status: c.partyStatus,
        party_joined_on: c.partyJoinedOn,
        birthplace_code: c.birthplaceCode,
        growth_place_code: c.growthPlaceCode,
        org_id: orgId(c.org),
        created_at: w.now,
        updated_at: w.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    cadreIds.set(c.idCard, id);
    await appendTimeline(w, {
      cadreId: id,
      occurredOn: day,
      eventType: 'registry.record_created',
      sourceModule: 'registry',
      summary: `建立干部档案：${c.name}（名册导入）`,
      refEntity: 'cadre',
      refId: id,
    });
  }
  const cadreId = (r: CadreRef) => ('id' in r ? r.id : cadreIds.get(r.temp)!);
  const orgNames = new Map(
    (
      await trx
        .selectFrom('orgs')
        .select(['id', 'name'])
        .where('id', 'in', [...new Set(plan.posts.map((p) => orgId(p.org)))].concat(0))
        .execute()
    ).map((o) => [o.id, o.name]),
  );
  const postIds: number[] = [];
  for (const p of plan.posts) {
    const { id } = await trx
      .insertInto('posts')
      .values({
        cadre_id: cadreId(p.cadre),
        org_id: orgId(p.org),
        title: p.title,
        post_kind: p.postKind,
        rank: p.rank,
        is_principal: p.isPrincipal,
        start_date: p.startDate,
        end_date: p.endDate,
        end_reason: p.endDate ? '名册导入' : null,
        appoint_doc: p.appointDoc,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendTimeline(w, {
      cadreId: cadreId(p.cadre),
      occurredOn: p.startDate,
      eventType: 'registry.appointed',
      sourceModule: 'registry',
      summary: appointedSummary(orgNames.get(orgId(p.org))!, p.title, p.rank, p.isPrincipal),
      refEntity: 'post',
      refId: id,
    });
    postIds.push(id);
  }
  // Deadlines these appointments open (M-22, M-21 talks) open now, with them: one set-based event for the roster.
  await ctx.deadlines.fire(w, 'posts.started', { postIds });
  for (const r of plan.relations) {
    const [a, b] = [cadreId(r.a), cadreId(r.b)];
    const rows = await trx
      .insertInto('relations')
      .values([
        { cadre_id: a, relative_cadre_id: b, kind: r.kind, generation: r.generation, note: null, created_at: w.now },
        {
          cadre_id: b,
          relative_cadre_id: a,
          kind: inverseRelation(r.kind)!,
          generation: r.generation,
          note: null,
          created_at: w.now,
        },
      ])
      .returning('id')
      .execute();
    await appendTimeline(w, [
      {
        cadreId: a,
        occurredOn: day,
        eventType: 'registry.relation_added',
        sourceModule: 'registry',
        summary: relationAddedSummary(r.kind),
        refEntity: 'relation',
        refId: rows[0].id,
      },
      {
        cadreId: b,
        occurredOn: day,
        eventType: 'registry.relation_added',
        sourceModule: 'registry',
        summary: relationAddedSummary(inverseRelation(r.kind)!),
        refEntity: 'relation',
        refId: rows[1].id,
      },
    ]);
  }
  w.record({ action: 'roster.import', entity: 'roster', detail: { sha256: digest, ...counts } });
  return [
    ...cadreIds.values(),
    ...plan.posts.map((p) => cadreId(p.cadre)),
    ...plan.relations.flatMap((r) => [cadreId(r.a), cadreId(r.b)]),
  ];
}
