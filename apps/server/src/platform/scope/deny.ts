// Outside the scope the answer is 404, exactly as for a record that does not exist, and the attempt is trailed.
import type { AppContext } from '../context.js';
import { orgVisible, type DataScope } from './scope.js';
import { AppError } from '../http/errors.js';
import { recordRead, type Actor } from '../trail/index.js';

export async function outOfScope(
  ctx: AppContext,
  actor: Actor,
  entity: string,
  id: string | number,
): Promise<AppError> {
  await recordRead(ctx.db, ctx.clock, actor, { action: 'scope.denied', entity, entityId: id });
  return new AppError(404, 'NOT_FOUND', '未找到该记录', 'Not found');
}

/** A unit named by the caller (a filter, an import target) must be in its scope; outside it, 404 as everywhere, trailed. */
export async function orgInScope(ctx: AppContext, scope: DataScope, actor: Actor, orgId: number) {
  const o = await ctx.db
    .selectFrom('orgs')
    .select(['id', 'path', 'name'])
    .where('id', '=', orgId)
    .where(orgVisible(scope, 'orgs'))
    .executeTakeFirst();
  if (!o) throw await outOfScope(ctx, actor, 'org', orgId);
  return o;
}
