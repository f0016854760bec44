// The one way to read a rule's settings for a unit: defaults, then overrides from the root down to the unit;
// a deeper (nearer) override wins key by key.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/index.js';
import { RULE_DEFINITIONS, type RuleId, type RuleSettings } from './defaults.js';

export interface EffectiveSettings<R extends RuleId> {
  ruleId: R;
  values: RuleSettings<R>;
  /** For each key, the org whose override set it, or null for the SPEC default. */
  sources: Record<string, number | null>;
}

export async function getRuleSettings<R extends RuleId>(db: Kysely<DB>, ruleId: R, orgId: number): Promise<EffectiveSettings<R>> {
  const overrides = await db.selectFrom('rule_overrides as r')
    .innerJoin('orgs as o', 'o.id', 'r.org_id')
    .select(['r.org_id', 'r.settings'])
    .where('r.rule_id', '=', ruleId)
    .where(sql<boolean>`o.path @> (select path from orgs where id = ${orgId})`)
    .orderBy(sql`nlevel(o.path)`)
    .execute();
  const values: Record<string, unknown> = { ...RULE_DEFINITIONS[ruleId].defaults };
  const sources: Record<string, number | null> = Object.fromEntries(Object.keys(values).map((k) => [k, null]));
  for (const o of overrides) {
    for (const [k, v] of Object.entries(o.settings)) {
      if (k in values) {
        values[k] = v;
        sources[k] = o.org_id;
      }
    }
  }
  return { ruleId, values: values as RuleSettings<R>, sources };
}

/** A finding always carries its rule id, the setting values used and the evidence rows (ARCHITECTURE 4). */
export interface Finding {
  ruleId: RuleId;
  level: 'red' | 'yellow' | 'green';
  message: string;
  settings: Record<string, unknown>;
  evidence: Array<Record<string, unknown>>;
}
