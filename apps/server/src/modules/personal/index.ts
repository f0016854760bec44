// Personal matters (issue 15, M-40 … M-45): reports so far (M-40); spot checks, mismatches, disclosure, family business
// and the 凡提四必 gate follow.
export { personalRoutes } from './reports.routes.js';
export { pmReport } from './personal.scope.js';
export { creditCodeProblem, creditRegion } from './credit-code.js';
export { ITEM_KINDS, type ItemKind } from './items.catalog.js';
export { pmDutySource } from './duties.source.js';
export { openAnnualDuties, personalDutiesJob } from './duties.service.js';
