// Database errors that bad input can cause become clear 4xx answers naming the field (issue 11 §7): never a
// constraint, table or the database's own words. A lost database is a 503 (§4); anything else stays a 500.
import { AppError } from './errors.js';
import { isConnectionLoss } from '../db/index.js';
import { locateValue, type RequestParts } from './locate-field.js';
import { FIELD_NAMES } from './field-names.js';

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
  column?: string;
  table?: string;
  message?: string;
}

const camel = (col: string) => col.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/** Columns of a unique or foreign key from the detail "Key (a, lower(b::text))=(…) …", as request field names. */
function keyFields(detail: string | undefined): string[] {
  const m = /^Key \((.+?)\)=\(/.exec(detail ?? '');
  if (!m) return [];
  return m[1]
    .split(',')
    .map((part) => {
      const ids = part.replace(/::[\w ]+/g, '').match(/[a-z_][a-z0-9_]*/g) ?? [];
      return camel(ids[ids.length - 1] ?? '');
    })
    .filter(Boolean);
}

/** A check constraint named by PostgreSQL's default, `<table>_<column>_check`, names its column. */
function checkField(e: PgError): string[] {
  const m = e.table && e.constraint ? new RegExp(`^${e.table}_(\\w+)_check\\d*$`).exec(e.constraint) : null;
  return m ? [camel(m[1])] : [];
}

/** The message names the fields as the forms do (field-names.ts), never by key; the details keep the keys. */
function fieldError(status: number, code: string, fields: string[], zh: string, en: string): AppError {
  const named = fields.flatMap((f) => (FIELD_NAMES[f] ? [FIELD_NAMES[f]] : []));
  return new AppError(
    status,
    code,
    named.length ? `${zh}：${named.map((n) => n[0]).join('、')}` : zh,
    named.length ? `${en}: ${named.map((n) => n[1]).join(', ')}` : en,
    fields.length
      ? fields.map((path) => ({ path, code: code.toLowerCase(), messageZh: zh, messageEn: en }))
      : undefined,
  );
}

/** Seconds a client is asked to wait before trying again while the database is away. */
export const DATABASE_RETRY_SECONDS = 5;

/** Issue 11 §4: the database is away (restart, network); the request was not acknowledged and may succeed later. */
export const databaseUnavailable = () =>
  new AppError(
    503,
    'DATABASE_UNAVAILABLE',
    '数据库暂时不可用，请稍后再试',
    'The database is unavailable for the moment; please try again shortly',
    { retryAfterSeconds: DATABASE_RETRY_SECONDS },
  );

export function fromDatabaseError(e: unknown, req?: RequestParts): AppError | null {
  if (isConnectionLoss(e)) return databaseUnavailable();
  const err = e as PgError;
  if (typeof err?.code !== 'string') return null;
  switch (err.code) {
    case '23505':
      return fieldError(
        409,
        'DUPLICATE',
        keyFields(err.detail),
        '记录已存在，以下字段与已有记录重复',
        'Already exists: the same value is already recorded for',
      );
    case '23503':
      return /still referenced/.test(err.detail ?? '')
        ? fieldError(400, 'REFERENCE', [], '该记录仍被其他记录使用', 'The record is still in use by other records')
        : fieldError(
            400,
            'REFERENCE',
            keyFields(err.detail),
            '引用的记录不存在',
            'The referenced record does not exist',
          );
    case '23514':
      return fieldError(400, 'CONSTRAINT', checkField(err), '数据不符合要求', 'A value is not allowed');
    case '23502':
      return fieldError(
        400,
        'CONSTRAINT',
        err.column ? [camel(err.column)] : [],
        '缺少必填项',
        'A required value is missing',
      );
    case '22001':
    case '22003':
    case '22007':
    case '22008':
    case '22P02':
    case '22021':
    case '22P05': {
      const path = locateValue(err.message ?? '', req);
      return fieldError(
        400,
        'BAD_VALUE',
        path ? [path] : [],
        '数值格式或范围有误',
        'A value has a bad format or is out of range',
      );
    }
    case '40001':
    case '40P01':
      // Two writers met on the same rows; the loser's transaction was rolled back whole and may be retried.
      return new AppError(
        409,
        'CONCURRENT_CHANGE',
        '记录正被他人同时修改，请重试',
        'The record was changed concurrently; please retry',
      );
    case 'MJS01':
      // issue 14 §5: the database refused to touch a sealed meeting (db/migrations/0021_meeting_seals.sql).
      return new AppError(
        409,
        'RECORD_SEALED',
        '该会议记录已封存，不能修改；更正须另行登记并封存补充记录',
        'This meeting record is sealed and cannot change; a correction is a separate, sealed addendum',
      );
    case 'MJS02':
      // issue 15 §1: the database refused to touch a submitted personal matters report (0028_personal_reports.sql).
      return new AppError(
        409,
        'REPORT_SUBMITTED',
        '该报告已提交，不能修改；如需更正，请提交补报或更正',
        'This report has been submitted and cannot change; file a correction instead',
      );
    case 'MJS03':
      // issue 15 §2: a drawn spot check is fixed (0030_personal_draws.sql).
      return new AppError(
        409,
        'DRAW_FIXED',
        '该次抽查已抽取，不能更改',
        'This spot check has been drawn and cannot change',
      );
    default:
      return null;
  }
}
