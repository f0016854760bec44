// What the request log may hold (issue 11 §5, ARCHITECTURE non-negotiable 12): method, path, status and time — never
// the client address, the query string, headers or bodies; and anything shaped like a receipt is masked in every line,
// at every level, error lines included (a receipt sent in an old-style URL or quoted in an error message).
import type { FastifyRequest, FastifyServerOptions } from 'fastify';

export interface LogOptions {
  /** true: one line per request (LOG=true); otherwise errors only. */
  verbose?: boolean;
  /** Where the lines go (tests capture them); stdout by default. */
  stream?: { write(line: string): void };
}

// 16 digits in four groups, with or without separators, standing alone (not the tail of a longer number).
const RECEIPT = /(?<![\d.])\d{4}(?:-|%2[dD]|\s)?\d{4}(?:-|%2[dD]|\s)?\d{4}(?:-|%2[dD]|\s)?\d{4}(?!\d)/g;
export const RECEIPT_MASK = '[receipt]';
const PUBLIC_API = '/api/v1/public/';

export const maskReceipts = (line: string) => line.replace(RECEIPT, RECEIPT_MASK);

/** The path only; an unmatched public path is not written at all (it is what a receipt in a URL would look like). */
export function loggedPath(req: Pick<FastifyRequest, 'url'> & { routeOptions?: { url?: string } }): string {
  const path = req.url.split('?')[0];
  if (path.startsWith(PUBLIC_API) && !req.routeOptions?.url) return `${PUBLIC_API}…`;
  return path;
}

export function loggerOptions(o: LogOptions = {}): NonNullable<FastifyServerOptions['logger']> {
  return {
    level: o.verbose ? 'info' : 'error',
    redact: [
      'req.headers.cookie',
      'req.headers["x-csrf-token"]',
      'req.headers["x-receipt"]',
      'req.headers["x-file-name"]',
    ],
    serializers: { req: (req: FastifyRequest) => ({ method: req.method, url: loggedPath(req) }) },
    hooks: { streamWrite: maskReceipts },
    ...(o.stream ? { stream: o.stream } : {}),
  } as NonNullable<FastifyServerOptions['logger']>;
}
