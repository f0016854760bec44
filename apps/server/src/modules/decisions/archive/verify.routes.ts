// The public verify page (issue 14 §8, M-35): GET /verify serves the same self-contained verify.html an archive
// carries, so anyone handed an archive can check it in the browser here — without signing in, and without the
// archive leaving the browser: the page's policy allows its own inline script (by digest) and no request at all.
import type { FastifyInstance } from 'fastify';
import { verifyPage } from './verify-html.js';

export function verifyPageRoutes() {
  return async (app: FastifyInstance) => {
    app.get('/verify', { schema: { hide: true } }, async (_req, reply) => {
      const { html, scriptSha256 } = await verifyPage();
      return reply
        .header(
          'content-security-policy',
          `default-src 'none'; script-src 'sha256-${scriptSha256}'; style-src 'unsafe-inline'; ` +
            "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        )
        .type('text/html; charset=utf-8')
        .send(html);
    });
  };
}
