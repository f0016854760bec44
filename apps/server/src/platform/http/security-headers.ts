// Security headers on every answer (issue 11 §7), through helmet: a CSP the built workbench passes with no inline
// script, framing refused, no referrer, nosniff, and HSTS only where the app is served over HTTPS (COOKIE_SECURE).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import helmet, { type HelmetOptions } from 'helmet';

/** The same switch that marks the session cookie Secure (auth.routes.ts): set it only behind HTTPS. */
export const cookieSecure = (): boolean => process.env.COOKIE_SECURE === 'true';

export function helmetOptions(opts: { https: boolean }): HelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // Vite emits module files only; no inline script, no eval. Inline event-handler attributes are refused too.
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        // antd (CSS-in-JS) and Swagger UI insert <style> elements at run time, so styles may be inline. Injected CSS
        // cannot carry anything away: images, fonts and requests may only go to this origin.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // Over plain HTTP (the default 127.0.0.1) an upgrade would break every asset, so only behind HTTPS.
        ...(opts.https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: opts.https ? { maxAge: 365 * 24 * 3600, includeSubDomains: true } : false,
  };
}

/** The headers helmet sets, as a plain map, for answers written outside Fastify's hooks (router and socket errors). */
export function rawSecurityHeaders(opts: { https: boolean }): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (k: string, v: string) => {
      headers[k.toLowerCase()] = String(v);
    },
    removeHeader: () => {},
  };
  helmet(helmetOptions(opts))({} as IncomingMessage, res as unknown as ServerResponse, () => {});
  return headers;
}

export async function registerSecurityHeaders(app: FastifyInstance, opts = { https: cookieSecure() }): Promise<void> {
  // @fastify/helmet types helmet's options through its CommonJS typings; they are the same options.
  await app.register(fastifyHelmet, helmetOptions(opts) as FastifyHelmetOptions);
}
