// Result reviews as the list of every open deadline shows them (the warning dashboard): those of units in scope.
import { can } from '../../platform/auth/index.js';
import type { DeadlineSource } from '../../platform/deadlines/index.js';
import { orgVisible } from '../../platform/scope/index.js';

export const reviewSource: DeadlineSource = {
  source: 'result_review',
  zh: '决策结果查究',
  en: 'Result reviews',
  visible: (ctx, auth) =>
    can(auth.role, 'decisions.read')
      ? ctx.db
          .selectFrom('result_reviews as v')
          .innerJoin('orgs as o', 'o.id', 'v.org_id')
          .select('v.id')
          .where(orgVisible(auth.scope, 'o'))
      : null,
  kindLabel: () => '决策结果查究',
};
