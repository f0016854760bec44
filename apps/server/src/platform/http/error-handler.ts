// One error handler: AppError and validation → their status; bad JSON and oversized bodies → 4xx; the rest → 500
// with no internals in the answer.
import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, errorBody } from './errors.js';
import { fromDatabaseError } from './db-errors.js';

const FASTIFY_4XX: Record<string, [string, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: ['请求体不是有效的 JSON', 'The body is not valid JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['请求体为空', 'The body is empty'],
  FST_ERR_CTP_BODY_TOO_LARGE: ['请求体过大', 'The body is too large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['不支持的内容类型', 'Unsupported content type'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['内容长度有误', 'Bad content length'],
};

export interface ErrorHandlerOptions {
  /** A single-page app is served: unknown GET pages that accept HTML get its index.html (its router shows 404). */
  spaIndex?: string;
}

export function registerErrorHandler(app: FastifyInstance, opts: ErrorHandlerOptions = {}): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    let e: AppError | null = err instanceof AppError ? err : null;
    if (!e && err.code && FASTIFY_4XX[err.code]) {
      const [zh, en] = FASTIFY_4XX[err.code];
      e = new AppError(err.statusCode ?? 400, err.code.replace('FST_ERR_CTP_', ''), zh, en);
    }
    if (!e && (err as { validation?: unknown }).validation) {
      e = new AppError(400, 'VALIDATION', '输入有误', 'Invalid input', (err as { validation?: unknown }).validation);
    }
    e ??= fromDatabaseError(err);
    if (!e && err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      e = new AppError(err.statusCode, 'BAD_REQUEST', '请求有误', err.message);
    }
    if (!e) {
      req.log.error({ err }, 'unhandled error');
      e = new AppError(500, 'INTERNAL', '服务器内部错误', 'Internal server error');
    }
    if ((e.status === 429 || e.status === 503) && (e.details as { retryAfterSeconds?: number })?.retryAfterSeconds) {
      reply.header('retry-after', String((e.details as { retryAfterSeconds: number }).retryAfterSeconds));
    }
    return reply.status(e.status).send(errorBody(e));
  });
  app.setNotFoundHandler((req, reply) => {
    if (opts.spaIndex && req.method === 'GET' && !req.url.startsWith('/api/') && (req.headers.accept ?? '').includes('text/html')) {
      return (reply as unknown as { type(t: string): { sendFile(f: string): unknown } }).type('text/html').sendFile(opts.spaIndex);
    }
    return reply.status(404).send(errorBody(new AppError(404, 'NOT_FOUND', '未找到该页面或记录', 'Not found')));
  });
}
