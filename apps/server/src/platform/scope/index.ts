export { orgVisible, cadreVisible, cadreInSubtree, SCOPE_LABELS, type DataScope, type ScopeCode } from './scope.js';
export { outOfScope, orgInScope } from './deny.js';
export { defineIdKind, org, cadre, urlInt, MAX_ID, type IdKind, type IdField, type VisibleIds } from './id-kinds.js';
