export { AppError, notFound, unauthenticated, forbidden, badRequest, conflict, invalidField, errorBody } from './errors.js';
export { zodValidatorCompiler, parseOrThrow, validationError, describeIssues } from './validation.js';
export { registerAuthHook, requireAuth, actorOf, CSRF_HEADER } from './auth-hook.js';
export { registerErrorHandler } from './error-handler.js';
export { pageQuery, toLimitOffset, idParam } from './paging.js';
export { databaseUnavailable, DATABASE_RETRY_SECONDS } from './db-errors.js';
export { loggerOptions, maskReceipts, RECEIPT_MASK, type LogOptions } from './logger.options.js';
