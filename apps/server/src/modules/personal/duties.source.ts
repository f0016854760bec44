// Annual personal matters reports not yet filed, as the list of every open deadline shows them (the warning
// dashboard): those of cadres in the organization department's scope.
import { can } from '../../platform/auth/index.js';
import type { DeadlineSource } from '../../platform/deadlines/index.js';
import { orgVisible } from '../../platform/scope/index.js';

export const pmDutySource: DeadlineSource = {
  source: 'pm_duty',
  zh: '个人有关事项年度报告',
  en: 'Annual personal matters reports',
  visible: (ctx, auth) =>
    can(auth.role, 'personal.manage')
      ? ctx.db
          .selectFrom('pm_duties as d')
          .innerJoin('orgs as o', 'o.id', 'd.org_id')
          .select('d.id')
          .where(orgVisible(auth.scope, 'o'))
      : null,
  kindLabel: () => '年度个人有关事项报告',
};
