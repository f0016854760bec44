// The one way the workbench talks to the server: JSON, the session cookie, the CSRF header on writes, and errors
// that carry the server's Chinese and English messages.
export type { Me } from '@api';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageZh: string,
    readonly messageEn: string,
    readonly details?: unknown,
  ) {
    super(messageZh);
  }
}

let csrfToken = '';
export const setCsrf = (token: string) => {
  csrfToken = token;
};
/** For requests that send a file as the body (roster import). */
export const csrfHeader = () => ({ 'x-csrf-token': csrfToken });

export async function api<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  return answer<T>(
    await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    }),
  );
}

/** The JSON answer, or an ApiError carrying the server's Chinese and English message. */
async function answer<T>(res: Response): Promise<T> {
  const text = await res.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const e = data?.error ?? {};
    throw new ApiError(
      res.status,
      e.code ?? 'HTTP',
      e.messageZh ?? `请求失败（${res.status}）`,
      e.messageEn ?? `Request failed (${res.status})`,
      e.details,
    );
  }
  return data as T;
}

export const get = <T>(url: string) => api<T>('GET', url);

/** Query string from an object, leaving out empty values. */
export function qs(params: Record<string, string | number | boolean | undefined | null>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** A file as the raw request body (imports, attachments), with the CSRF header; errors as from api(). */
export async function postFile<T>(
  url: string,
  file: Blob,
  contentType: string,
  headers: Record<string, string> = {},
): Promise<T> {
  return answer<T>(
    await fetch(url, {
      method: 'POST',
      headers: { 'content-type': contentType, ...headers, ...csrfHeader() },
      body: file,
      credentials: 'same-origin',
    }),
  );
}
