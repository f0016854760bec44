// The registry module's only public surface.
export { registryRoutes } from './registry.routes.js';
export { DICTS, dictLabel, inverseRelation, type DictName } from './registry.dicts.js';
export { nameSortKey } from './cadre.service.js';
export { createOrg } from './org.service.js';
export { orgCreate } from './registry.schema.js';
export { parseIdCard, makeIdCard, maskIdCard } from './id-card/index.js';
export { sweep, sweepAll, type SweepResult } from './rules/sweep.service.js';
export { sweepRuns, SWEEP_IN_REQUEST_MAX, type SweepRun } from './rules/sweep-runs.service.js';
export { REGISTRY_RULES } from './rules/evaluate.rules.js';
export { withinAvoidance } from './rules/m06-avoidance.rules.js';
export {
  principals,
  answeringUnit,
  currentPrincipal,
  superiorPrincipalOf,
  type SuperiorPrincipal,
} from './registry.principal.js';
