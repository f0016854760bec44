// Every error the API returns carries a stable code and a message in Chinese and English.
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageZh: string,
    readonly messageEn: string,
    readonly details?: unknown,
  ) {
    super(messageEn);
  }
}

export const notFound = () => new AppError(404, 'NOT_FOUND', '未找到该记录', 'Not found');
export const unauthenticated = () => new AppError(401, 'UNAUTHENTICATED', '请先登录', 'Please log in');
export const forbidden = () => new AppError(403, 'FORBIDDEN', '无权执行此操作', 'You may not do this');
export const badRequest = (code: string, zh: string, en: string, details?: unknown) =>
  new AppError(400, code, zh, en, details);
/** One field refused by a rule the schema cannot state: the message names the problem, `details` the field. */
export const invalidField = (path: string, zh: string, en: string) =>
  new AppError(400, 'VALIDATION', zh, en, [{ path, message: zh }]);
export const conflict = (code: string, zh: string, en: string) => new AppError(409, code, zh, en);

export interface ErrorBody {
  error: { code: string; message: string; messageZh: string; messageEn: string; details?: unknown };
}

export function errorBody(e: AppError): ErrorBody {
  return {
    error: {
      code: e.code,
      message: `${e.messageZh} / ${e.messageEn}`,
      messageZh: e.messageZh,
      messageEn: e.messageEn,
      ...(e.details === undefined ? {} : { details: e.details }),
    },
  };
}

/** How long to wait, as a person says it, the same in both languages (issue 13 §6: never 「请 7 minutes 后再试」). */
export function waitText(seconds: number): [string, string] {
  if (seconds < 60) return [`${seconds} 秒`, `${seconds} s`];
  const minutes = Math.ceil(seconds / 60);
  return [`${minutes} 分钟`, `${minutes} min`];
}
