// Data scope inside the SQL of every query (ARCHITECTURE non-negotiable 2), with RuoYi's codes:
// 1 全部 all · 2 自定义 custom set of units · 3 本级 own unit · 4 本级及以下 own unit and below · 5 仅本人 self.
import { sql, type RawBuilder, type SqlBool } from 'kysely';

import type { ScopeCode } from './scope-labels.js';

export { SCOPE_LABELS, type ScopeCode } from './scope-labels.js';

export interface DataScope {
  code: ScopeCode;
  orgId: number;
  /** ltree path of the account's unit, read fresh with the session so a moved unit moves its scope. */
  orgPath: string;
  customOrgIds: number[];
  cadreId: number | null;
}

/** Is the org row (by alias) inside the scope? */
export function orgVisible(scope: DataScope, alias = 'orgs'): RawBuilder<SqlBool> {
  const id = sql.ref(`${alias}.id`);
  switch (scope.code) {
    case 1:
      return sql<SqlBool>`true`;
    case 2:
      return scope.customOrgIds.length ? sql<SqlBool>`${id} = any(${scope.customOrgIds}::int[])` : sql<SqlBool>`false`;
    case 3:
    case 5:
      return sql<SqlBool>`${id} = ${scope.orgId}`;
    case 4:
      return sql<SqlBool>`${sql.ref(`${alias}.path`)} <@ ${scope.orgPath}::ltree`;
  }
}

/**
 * Is the cadre row visible? A cadre belongs to the unit that manages the record (cadres.org_id). The subtree is
 * resolved to an id array first, so the planner always reads the cadres through their unit index: a join on the
 * ltree predicate let it walk the name index instead and read 20× the rows for a county (bench/results.md).
 * Scope 5 sees only the account's own cadre record.
 */
export function cadreVisible(scope: DataScope, cadreAlias = 'cadres'): RawBuilder<SqlBool> {
  const orgId = sql.ref(`${cadreAlias}.org_id`);
  switch (scope.code) {
    case 1:
      return sql<SqlBool>`true`;
    case 2:
      return scope.customOrgIds.length
        ? sql<SqlBool>`${orgId} = any(${scope.customOrgIds}::int[])`
        : sql<SqlBool>`false`;
    case 3:
      return sql<SqlBool>`${orgId} = ${scope.orgId}`;
    case 4:
      return sql<SqlBool>`${orgId} = any(array(select so.id from orgs so where so.path <@ ${scope.orgPath}::ltree))`;
    case 5:
      return scope.cadreId == null
        ? sql<SqlBool>`false`
        : sql<SqlBool>`${sql.ref(`${cadreAlias}.id`)} = ${scope.cadreId}`;
  }
}

/** Is the cadre managed in the subtree at `path`? (A unit filter inside a list, on top of the scope predicate.) */
export function cadreInSubtree(path: string, cadreAlias = 'c'): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(`${cadreAlias}.org_id`)} = any(array(select u.id from orgs u where u.path <@ ${path}::ltree))`;
}
