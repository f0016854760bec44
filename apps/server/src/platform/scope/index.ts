export { orgVisible, cadreVisible, cadreInSubtree, SCOPE_LABELS, type DataScope, type ScopeCode } from './scope.js';
export { outOfScope, orgInScope } from './deny.js';
