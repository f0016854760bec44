export { AppError, notFound, unauthenticated, forbidden, badRequest, conflict, invalidField, errorBody } from './errors.js';
export { zodValidatorCompiler, parseOrThrow, validationError, describeIssues } from './validation.js';
export { registerAuthHook, requireAuth, actorOf, CSRF_HEADER } from './auth-hook.js';
export { registerErrorHandler } from './error-handler.js';
export { pageQuery, toLimitOffset } from './paging.js';
export type { Access, RouteEntry } from './auth-hook.js';
