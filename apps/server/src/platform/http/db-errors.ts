// Database errors that bad input can cause become clear 4xx answers, a lost database a 503; anything else stays a 500.
import { AppError } from './errors.js';
import { isConnectionLoss } from '../db/index.js';

/** Seconds a client is asked to wait before trying again while the database is away. */
export const DATABASE_RETRY_SECONDS = 5;

/** Issue 11 §4: the database is away (restart, network); the request was not acknowledged and may succeed later. */
export const databaseUnavailable = () => new AppError(503, 'DATABASE_UNAVAILABLE', '数据库暂时不可用，请稍后再试',
  'The database is unavailable for the moment; please try again shortly', { retryAfterSeconds: DATABASE_RETRY_SECONDS });

export function fromDatabaseError(e: unknown): AppError | null {
  if (isConnectionLoss(e)) return databaseUnavailable();
  const err = e as { code?: string; constraint?: string; detail?: string };
  if (typeof err?.code !== 'string') return null;
  const c = err.constraint ? ` (${err.constraint})` : '';
  switch (err.code) {
    case '23505':
      return new AppError(409, 'DUPLICATE', `记录已存在${c}`, `Already exists${c}`);
    case '23503':
      return new AppError(400, 'REFERENCE', `引用的记录不存在或仍被使用${c}`, `A referenced record is missing or still in use${c}`);
    case '23514':
    case '23502':
      return new AppError(400, 'CONSTRAINT', `数据不符合约束${c}`, `The data breaks a constraint${c}`);
    case '22001':
    case '22003':
    case '22007':
    case '22008':
    case '22P02':
    case '22021':
    case '22P05':
      return new AppError(400, 'BAD_VALUE', '数值格式或范围有误', 'A value has a bad format or is out of range');
    case '40001':
    case '40P01':
      // Two writers met on the same rows; the loser's transaction was rolled back whole and may be retried.
      return new AppError(409, 'CONCURRENT_CHANGE', '记录正被他人同时修改，请重试', 'The record was changed concurrently; please retry');
    default:
      return null;
  }
}
