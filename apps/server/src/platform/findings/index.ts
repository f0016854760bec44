// Public surface of the findings store (issue 12 §5): every module's rules write here; the warning dashboard reads.
export { recordFindings, type FindingsBatch } from './store.js';
export { FINDING_MACHINE, FINDING_STATUS, type FindingStatus } from './finding-moves.js';
export { listFindings, findingCounts, moveFinding, visibleFindings, restrictFindings } from './findings-read.js';
export { findingRoutes, finding } from './findings.routes.js';
