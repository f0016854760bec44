export {
  AppError,
  notFound,
  unauthenticated,
  forbidden,
  badRequest,
  conflict,
  invalidField,
  errorBody,
} from './errors.js';
export { zodValidatorCompiler, parseOrThrow, validationError, describeIssues } from './validation.js';
export { registerAuthHook, requireAuth, actorOf, CSRF_HEADER } from './auth-hook.js';
export { registerErrorHandler } from './error-handler.js';
export {
  registerJsonBodyParser,
  nestsDeeperThan,
  JSON_MAX_DEPTH,
  JSON_MAX_BYTES,
  JSON_MAX_ITEMS,
} from './json-body.js';
export { pageQuery, toLimitOffset, pageAnswer, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './paging.js';
export type { Access, RouteEntry } from './auth-hook.js';
export { registerSecurityHeaders, cookieSecure } from './security-headers.js';
export { frameworkErrorOptions } from './framework-errors.js';
export { databaseUnavailable, DATABASE_RETRY_SECONDS } from './db-errors.js';
export { loggerOptions, maskReceipts, RECEIPT_MASK, type LogOptions } from './logger.options.js';
export { fileAnswer, isFileAnswer, DOCX_TYPE, XLSX_FILE_TYPE, ANY_FILE_TYPE } from './answers.js';
export { answerSerializer, checkAnswers, registerAnswerCheck } from './serializer.js';
export { assertNotAfterToday } from './not-after-today.js';
