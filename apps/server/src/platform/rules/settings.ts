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

export async function getRuleSettings<R extends RuleId>(
  db: Kysely<DB>,
  ruleId: R,
  orgId: number,
): Promise<EffectiveSettings<R>> {
  return (await getRuleSettingsFor(db, [ruleId], orgId))[ruleId];
}

/** Several rules' settings for one unit in one query (a hot path such as report intake needs two or three). */
export async function getRuleSettingsFor<R extends RuleId>(
  db: Kysely<DB>,
  ruleIds: R[],
  orgId: number,
): Promise<{ [K in R]: EffectiveSettings<K> }> {
  const overrides = await db
    .selectFrom('rule_overrides as r')
    .innerJoin('orgs as o', 'o.id', 'r.org_id')
    .select(['r.rule_id', 'r.org_id', 'r.settings'])
    .where('r.rule_id', 'in', ruleIds)
    .where(sql<boolean>`o.path @> (select path from orgs where id = ${orgId})`)
    .orderBy(sql`nlevel(o.path)`)
    .execute();
  const out = {} as { [K in R]: EffectiveSettings<K> };
  for (const ruleId of ruleIds) {
    const values: Record<string, unknown> = { ...RULE_DEFINITIONS[ruleId].defaults };
    const sources: Record<string, number | null> = Object.fromEntries(Object.keys(values).map((k) => [k, null]));
    for (const o of overrides.filter((x) => x.rule_id === ruleId)) {
      for (const [k, v] of Object.entries(o.settings)) {
        if (k in values) {
          values[k] = v;
          sources[k] = o.org_id;
        }
      }
    }
    (out as Record<string, unknown>)[ruleId] = { ruleId, values, sources };
  }
  return out;
}

/** A finding always carries its rule id, the setting values used and the evidence rows (ARCHITECTURE 4). */
export interface Finding {
  ruleId: RuleId;
  level: 'red' | 'yellow' | 'green';
  message: string;
  messageEn?: string;
  settings: Record<string, unknown>;
  evidence: Array<Record<string, unknown>>;
}

/**
 * Effective settings for many units at once (a sweep): one read of the rule's overrides, then each unit's path is
 * walked from the root, so the nearest override still wins key by key.
 */
export async function getRuleSettingsForOrgs<R extends RuleId>(
  db: Kysely<DB>,
  ruleId: R,
  orgPaths: Map<number, string>,
): Promise<Map<number, RuleSettings<R>>> {
  const overrides = await db
    .selectFrom('rule_overrides')
    .select(['org_id', 'settings'])
    .where('rule_id', '=', ruleId)
    .execute();
  const byOrg = new Map(overrides.map((o) => [o.org_id, o.settings as Record<string, unknown>]));
  const defaults = RULE_DEFINITIONS[ruleId].defaults as Record<string, unknown>;
  const out = new Map<number, RuleSettings<R>>();
  for (const [orgId, path] of orgPaths) {
    const values: Record<string, unknown> = { ...defaults };
    for (const id of path.split('.').map(Number)) {
      const o = byOrg.get(id);
      if (o) for (const [k, v] of Object.entries(o)) if (k in values) values[k] = v;
    }
    out.set(orgId, values as RuleSettings<R>);
  }
  return out;
}
