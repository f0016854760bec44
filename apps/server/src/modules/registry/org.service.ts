// M-01 organization tree: create, rename, move (history kept, cycles refused), browse within scope.
import { sql, type Transaction } from 'kysely';
import { nextId, type DB } from '../../platform/db/index.js';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { Auth } from '../../platform/auth/index.js';
import { AppError, badRequest, conflict } from '../../platform/http/index.js';
import { orgVisible, outOfScope } from '../../platform/scope/index.js';
import { write, type Actor } from '../../platform/trail/index.js';
import { assertDictCodes } from './dict-check.service.js';
import type { orgCreate, orgMove, orgUpdate } from './registry.schema.js';

type OrgRow = {
  id: number;
  parent_id: number | null;
  path: string;
  name: string;
  short_name: string | null;
  level: string;
  unit_type: string;
  region_code: string | null;
  sort: number;
};

export const orgDto = (o: OrgRow & { has_children?: boolean }) => ({
  id: o.id,
  parentId: o.parent_id,
  name: o.name,
  shortName: o.short_name,
  level: o.level,
  unitType: o.unit_type,
  regionCode: o.region_code,
  sort: o.sort,
  depth: o.path.split('.').length,
  ...(o.has_children === undefined ? {} : { hasChildren: o.has_children }),
});

const ORG_COLS = [
  'o.id',
  'o.parent_id',
  'o.path',
  'o.name',
  'o.short_name',
  'o.level',
  'o.unit_type',
  'o.region_code',
  'o.sort',
] as const;

/** The org if it is inside the caller's scope; otherwise a trailed 404. */
export async function visibleOrg(ctx: AppContext, auth: Auth, actor: Actor, id: number): Promise<OrgRow> {
  const org = await ctx.db
    .selectFrom('orgs as o')
    .select(ORG_COLS)
    .where('o.id', '=', id)
    .where(orgVisible(auth.scope, 'o'))
    .executeTakeFirst();
  if (!org) throw await outOfScope(ctx, actor, 'org', id);
  return org;
}

export async function getOrg(ctx: AppContext, auth: Auth, actor: Actor, id: number) {
  return orgDto(await visibleOrg(ctx, auth, actor, id));
}

/** Children of a unit (or the caller's top visible units when no parent is given), in scope. */
export async function listChildren(ctx: AppContext, auth: Auth, actor: Actor, parentId?: number) {
  let q = ctx.db
    .selectFrom('orgs as o')
    .select(ORG_COLS)
    .select(sql<boolean>`exists (select 1 from orgs c where c.parent_id = o.id)`.as('has_children'))
    .where(orgVisible(auth.scope, 'o'));
  if (parentId) {
    await visibleOrg(ctx, auth, actor, parentId);
    q = q.where('o.parent_id', '=', parentId);
  } else {
    // Top of what the caller sees: visible units whose parent is not visible.
    q = q.where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('orgs as p')
            .select('p.id')
            .whereRef('p.id', '=', 'o.parent_id')
            .where(orgVisible(auth.scope, 'p')),
        ),
      ),
    );
  }
  return (await q.orderBy('o.sort').orderBy('o.id').limit(1000).execute()).map(orgDto);
}

export type OrgTreeNode = ReturnType<typeof orgDto> & { children: OrgTreeNode[] };

export async function orgTree(
  ctx: AppContext,
  auth: Auth,
  actor: Actor,
  id: number,
  depth: number,
): Promise<OrgTreeNode> {
  const root = await visibleOrg(ctx, auth, actor, id);
  const rows = await ctx.db
    .selectFrom('orgs as o')
    .select(ORG_COLS)
    .select(sql<boolean>`exists (select 1 from orgs c where c.parent_id = o.id)`.as('has_children'))
    .where(sql<boolean>`o.path <@ ${root.path}::ltree`)
    .where(sql<boolean>`nlevel(o.path) <= nlevel(${root.path}::ltree) + ${depth}`)
    .where(orgVisible(auth.scope, 'o'))
    .orderBy(sql`nlevel(o.path)`)
    .orderBy('o.sort')
    .orderBy('o.id')
    .limit(5000)
    .execute();
  const nodes = new Map<number, OrgTreeNode>();
  for (const r of rows) nodes.set(r.id, { ...orgDto(r), children: [] });
  for (const r of rows)
    if (r.id !== root.id && r.parent_id != null) nodes.get(r.parent_id)?.children.push(nodes.get(r.id)!);
  return nodes.get(root.id)!;
}

export async function createOrg(ctx: AppContext, auth: Auth, actor: Actor, input: z.infer<typeof orgCreate>) {
  await assertDictCodes(ctx.db, [
    ['org_level', input.level, 'level'],
    ['unit_type', input.unitType, 'unitType'],
  ]);
  let parentPath: string | null = null;
  if (input.parentId == null) {
    if (auth.scope.code !== 1)
      throw new AppError(
        403,
        'FORBIDDEN',
        '只有全部数据范围的账号可以建立顶级单位',
        'Only an account with scope “all” may create a top-level unit',
      );
  } else {
    parentPath = (await visibleOrg(ctx, auth, actor, input.parentId)).path;
  }
  return write(ctx.db, ctx.clock, actor, async (w) => {
    // The parent may have moved since it was read: take the tree lock and read its path again.
    if (input.parentId != null) parentPath = await lockTreeAndReadPath(w.trx, input.parentId);
    // Two units of one name under one parent make every later reference by name ambiguous (rosters, routing).
    const twin = await w.trx
      .selectFrom('orgs')
      .select('id')
      .where('name', '=', input.name)
      .where((eb) => (input.parentId == null ? eb('parent_id', 'is', null) : eb('parent_id', '=', input.parentId)))
      .executeTakeFirst();
    if (twin) throw conflict('ORG_EXISTS', '上级单位下已有同名单位', 'The parent already has a unit of this name');
    const id = await nextId(w.trx, 'orgs');
    const row = await w.trx
      .insertInto('orgs')
      .values({
        id,
        parent_id: input.parentId,
        path: parentPath ? `${parentPath}.${id}` : String(id),
        name: input.name,
        short_name: input.shortName ?? null,
        level: input.level,
        unit_type: input.unitType,
        region_code: input.regionCode ?? null,
        sort: input.sort ?? 0,
        created_at: w.now,
      })
      .returning(['id', 'parent_id', 'path', 'name', 'short_name', 'level', 'unit_type', 'region_code', 'sort'])
      .executeTakeFirstOrThrow();
    w.record({ action: 'org.create', entity: 'org', entityId: id, detail: { ...input } });
    return orgDto(row);
  });
}

export async function updateOrg(
  ctx: AppContext,
  auth: Auth,
  actor: Actor,
  id: number,
  input: z.infer<typeof orgUpdate>,
) {
  await visibleOrg(ctx, auth, actor, id);
  await assertDictCodes(ctx.db, [
    ['org_level', input.level, 'level'],
    ['unit_type', input.unitType, 'unitType'],
  ]);
  if (!Object.keys(input).length) throw badRequest('EMPTY', '没有要修改的内容', 'Nothing to change');
  return write(ctx.db, ctx.clock, actor, async (w) => {
    const row = await w.trx
      .updateTable('orgs')
      .set({
        name: input.name,
        short_name: input.shortName,
        level: input.level,
        unit_type: input.unitType,
        region_code: input.regionCode,
        sort: input.sort,
      })
      .where('id', '=', id)
      .returning(['id', 'parent_id', 'path', 'name', 'short_name', 'level', 'unit_type', 'region_code', 'sort'])
      .executeTakeFirstOrThrow();
    w.record({ action: 'org.update', entity: 'org', entityId: id, detail: { ...input } });
    return orgDto(row);
  });
}

// Structural changes (move, create under a parent) take one transaction-scoped lock, so two moves running at
// once on a real server cannot each pass the cycle check against the other's old paths.
const ORG_TREE_LOCK = 0x6d6a0002;

/** Serializes structural changes to the unit tree until the transaction ends (moves, creates, roster imports). */
export async function lockOrgTree(trx: Transaction<DB>): Promise<void> {
  await sql`select pg_advisory_xact_lock(${ORG_TREE_LOCK})`.execute(trx);
}

async function lockTreeAndReadPath(trx: Transaction<DB>, orgId: number): Promise<string> {
  await lockOrgTree(trx);
  const row = await trx.selectFrom('orgs').select('path').where('id', '=', orgId).executeTakeFirstOrThrow();
  return row.path;
}

const cycle = () =>
  badRequest(
    'ORG_CYCLE',
    '不能把单位移到它自己或它的下级单位之下',
    'A unit cannot be moved under itself or one of its own sub-units',
  );

/** Moving a unit moves its whole subtree; the move is kept in org_moves (M-01). A cycle is refused. */
export async function moveOrg(ctx: AppContext, auth: Auth, actor: Actor, id: number, input: z.infer<typeof orgMove>) {
  const seen = await visibleOrg(ctx, auth, actor, id);
  await visibleOrg(ctx, auth, actor, input.newParentId);
  if (seen.id === input.newParentId) throw cycle();
  return write(ctx.db, ctx.clock, actor, async (w) => {
    // Checked again under the lock, on the paths as they are now.
    const targetPath = await lockTreeAndReadPath(w.trx, input.newParentId);
    const org = await w.trx.selectFrom('orgs as o').select(ORG_COLS).where('o.id', '=', id).executeTakeFirstOrThrow();
    if (targetPath === org.path || targetPath.startsWith(`${org.path}.`)) throw cycle();
    if (org.parent_id === input.newParentId)
      throw badRequest('ORG_SAME_PARENT', '该单位已在目标单位之下', 'The unit is already under that parent');
    const newPath = `${targetPath}.${org.id}`;
    await sql`update orgs set path = case when path = ${org.path}::ltree then ${newPath}::ltree
        else ${newPath}::ltree || subpath(path, nlevel(${org.path}::ltree)) end
      where path <@ ${org.path}::ltree`.execute(w.trx);
    await w.trx.updateTable('orgs').set({ parent_id: input.newParentId }).where('id', '=', org.id).execute();
    await w.trx
      .insertInto('org_moves')
      .values({
        org_id: org.id,
        from_parent_id: org.parent_id,
        to_parent_id: input.newParentId,
        moved_at: w.now,
        moved_by: actor.accountId,
        reason: input.reason,
      })
      .execute();
    w.record({
      action: 'org.move',
      entity: 'org',
      entityId: org.id,
      detail: { from: org.parent_id, to: input.newParentId, reason: input.reason },
    });
    return orgDto({ ...org, parent_id: input.newParentId, path: newPath });
  });
}

export async function orgMoves(ctx: AppContext, auth: Auth, actor: Actor, id: number) {
  await visibleOrg(ctx, auth, actor, id);
  const rows = await ctx.db.selectFrom('org_moves').selectAll().where('org_id', '=', id).orderBy('moved_at').execute();
  return rows.map((m) => ({
    fromParentId: m.from_parent_id,
    toParentId: m.to_parent_id,
    movedAt: m.moved_at.toISOString(),
    movedBy: m.moved_by,
    reason: m.reason,
  }));
}
