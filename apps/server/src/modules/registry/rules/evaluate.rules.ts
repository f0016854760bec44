// All registry rules for one cadre: pure, given the facts, each rule's settings for the cadre's unit, and today.
import type { Finding, RuleSettings } from '../../../platform/rules/index.js';
import type { CadreFacts } from './facts.repo.js';
import { checkFiveAreas } from './m04-five-areas.rules.js';
import { checkKeyPosts } from './m05-key-posts.rules.js';
import { checkAvoidance } from './m06-avoidance.rules.js';
import { checkRotation } from './m07-rotation.rules.js';

export const REGISTRY_RULES = ['M-04', 'M-05', 'M-06', 'M-07'] as const;
export type RegistryRuleId = (typeof REGISTRY_RULES)[number];
export type RegistrySettings = { [R in RegistryRuleId]: RuleSettings<R> };

const LEVEL_ORDER = { red: 0, yellow: 1, green: 2 } as const;

export function evaluateCadre(f: CadreFacts, s: RegistrySettings, today: string): Finding[] {
  return [
    ...checkFiveAreas(f, s['M-04']),
    ...checkKeyPosts(f, s['M-05']),
    ...checkAvoidance(f, s['M-06']),
    ...checkRotation(f, s['M-07'], today, { keyUnitTags: s['M-05'].unitTags }),
  ].sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.ruleId.localeCompare(b.ruleId));
}
