export { orgVisible, cadreVisible, SCOPE_LABELS, type DataScope, type ScopeCode } from './scope.js';
export { outOfScope } from './deny.js';
