// One error handler: AppError and validation → their status; framework and database errors caused by the input →
// bilingual 4xx (framework-errors.ts, db-errors.ts); the rest → 500 with no internals in the answer.
import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, errorBody } from './errors.js';
import { fromDatabaseError } from './db-errors.js';
import { fromFrameworkError } from './framework-errors.js';

export interface ErrorHandlerOptions {
  /** A single-page app is served: unknown GET pages that accept HTML get its index.html (its router shows 404). */
  spaIndex?: string;
}

export function registerErrorHandler(app: FastifyInstance, opts: ErrorHandlerOptions = {}): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    let e: AppError | null = err instanceof AppError ? err : null;
    if (!e && (err as { validation?: unknown }).validation) {
      e = new AppError(400, 'VALIDATION', '输入有误', 'Invalid input', (err as { validation?: unknown }).validation);
    }
    // Known framework codes and any other 4xx get our own bilingual words, never the framework's text.
    e ??= fromDatabaseError(err, req) ?? fromFrameworkError(err);
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
    if (
      opts.spaIndex &&
      req.method === 'GET' &&
      !req.url.startsWith('/api/') &&
      (req.headers.accept ?? '').includes('text/html')
    ) {
      return (reply as unknown as { type(t: string): { sendFile(f: string): unknown } })
        .type('text/html')
        .sendFile(opts.spaIndex);
    }
    return reply.status(404).send(errorBody(new AppError(404, 'NOT_FOUND', '未找到该页面或记录', 'Not found')));
  });
}
