// Errors raised by Fastify, its router and Node's HTTP parser, in the project's bilingual format (issue 11 §7): the
// message never quotes the framework's own English text or code, and the answer carries the security headers.
import type { FastifyError, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import type { Socket } from 'node:net';
import { STATUS_CODES } from 'node:http';
import { AppError, errorBody } from './errors.js';
import { cookieSecure, rawSecurityHeaders } from './security-headers.js';

type Known = [status: number, code: string, zh: string, en: string];

const BY_CODE: Record<string, Known> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'INVALID_JSON_BODY', '请求体不是有效的 JSON', 'The body is not valid JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'EMPTY_JSON_BODY', '请求体为空', 'The body is empty'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'BODY_TOO_LARGE', '请求体过大', 'The body is too large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'INVALID_MEDIA_TYPE', '不支持的内容类型', 'Unsupported content type'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'INVALID_CONTENT_LENGTH', '内容长度有误', 'Bad content length'],
  FST_ERR_BAD_URL: [400, 'BAD_URL', '网址编码有误', 'The address is not correctly encoded'],
  FST_ERR_MAX_PARAM_LENGTH: [414, 'URI_TOO_LONG', '网址中的参数过长', 'A part of the address is too long'],
  // Node's HTTP parser (clientError).
  HPE_HEADER_OVERFLOW: [431, 'HEADERS_TOO_LARGE', '请求头或网址过长', 'The request headers or address are too long'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'REQUEST_TIMEOUT', '请求超时', 'The request timed out'],
};

const BY_STATUS: Record<number, [code: string, zh: string, en: string]> = {
  400: ['BAD_REQUEST', '请求格式有误', 'Malformed request'],
  401: ['UNAUTHENTICATED', '请先登录', 'Please log in'],
  403: ['FORBIDDEN', '无权执行此操作', 'You may not do this'],
  404: ['NOT_FOUND', '未找到该页面或记录', 'Not found'],
  405: ['METHOD_NOT_ALLOWED', '不支持该请求方法', 'This method is not allowed here'],
  406: ['NOT_ACCEPTABLE', '无法提供所要求的格式', 'The requested format is not available'],
  408: ['REQUEST_TIMEOUT', '请求超时', 'The request timed out'],
  411: ['LENGTH_REQUIRED', '缺少内容长度', 'The content length is missing'],
  413: ['BODY_TOO_LARGE', '请求体过大', 'The body is too large'],
  414: ['URI_TOO_LONG', '网址过长', 'The address is too long'],
  415: ['INVALID_MEDIA_TYPE', '不支持的内容类型', 'Unsupported content type'],
  416: ['RANGE_NOT_SATISFIABLE', '请求的范围无效', 'The requested range is not available'],
  429: ['RATE_LIMITED', '请求过于频繁，请稍后再试', 'Too many requests; try again later'],
  431: ['HEADERS_TOO_LARGE', '请求头或网址过长', 'The request headers or address are too long'],
};

/** A framework error (known code, or any 4xx status) as an AppError; null for what is not the caller's fault. */
export function fromFrameworkError(err: { code?: string; statusCode?: number }): AppError | null {
  const known = err.code ? BY_CODE[err.code] : undefined;
  if (known) return new AppError(known[0], known[1], known[2], known[3]);
  const status = err.statusCode ?? 0;
  if (status < 400 || status >= 500) return null;
  const [code, zh, en] = BY_STATUS[status] ?? ['BAD_REQUEST', '请求有误', 'Bad request'];
  return new AppError(status, code, zh, en);
}

function onFrameworkError(err: FastifyError, _req: FastifyRequest, reply: FastifyReply) {
  const e = fromFrameworkError(err) ?? new AppError(500, 'INTERNAL', '服务器内部错误', 'Internal server error');
  return reply
    .headers(rawSecurityHeaders({ https: cookieSecure() }))
    .status(e.status)
    .send(errorBody(e));
}

function onClientError(err: Error & { code?: string }, socket: Socket) {
  // A reset or closed socket has no one to answer.
  if (err.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
  const e = fromFrameworkError(err) ?? fromFrameworkError({ statusCode: 400 })!;
  const body = JSON.stringify(errorBody(e));
  const headers = Object.entries(rawSecurityHeaders({ https: cookieSecure() }))
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  socket.end(
    `HTTP/1.1 ${e.status} ${STATUS_CODES[e.status]}\r\nContent-Type: application/json; charset=utf-8\r\n${headers}` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** Fastify options so router and socket errors answer like every other error. */
export const frameworkErrorOptions = (): Pick<FastifyServerOptions, 'frameworkErrors' | 'clientErrorHandler'> => ({
  frameworkErrors: onFrameworkError,
  clientErrorHandler: onClientError,
});
