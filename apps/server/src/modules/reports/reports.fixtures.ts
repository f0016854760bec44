// Test fixtures for reports and clues: the small tree with the public limits opened wide, and the three staff a case
// passes through (petition officer, case handler, commission head), all at the city with scope 4.
import type { FastifyInstance } from 'fastify';
import { loginAs, startTestApp, type TestApp } from '../../test/harness.js';
import { loadSmallTree, ORG } from '../../test/fixtures.js';

export const OPEN_LIMITS = {
  publicLimits: { submissionsPerHour: 1000, lookupsPerTenMinutes: 1000, wrongReceiptDelayMs: 1 },
};

export async function startCaseApp(now = '2026-03-02T02:00:00Z'): Promise<TestApp> {
  const t = await startTestApp({ now, app: OPEN_LIMITS });
  await loadSmallTree(t);
  return t;
}

export async function caseDesk(t: TestApp) {
  return {
    petition: await loginAs(t, { role: 'petition', orgId: ORG.R, scope: 4 }),
    handler: await loginAs(t, { role: 'discipline', orgId: ORG.R, scope: 4 }),
    head: await loginAs(t, { role: 'discipline', orgId: ORG.R, scope: 4, isHead: true }),
  };
}

/** A collective decision (集体研究) as a proposal carries it (M-14). */
export const collectiveOn = (meetingOn: string, minutes = '经集体研究，同意该处置意见。') => ({
  meetingOn,
  participants: ['甲委员', '乙委员', '丙委员'],
  minutes,
});

/** The reporter's side of the public API, receipts and file names in bodies and headers, never in URLs (issue 11 §5). */
export const publicApi = (app: FastifyInstance) => ({
  status: (receipt: string) =>
    app.inject({ method: 'POST', url: '/api/v1/public/reports/status', payload: { receipt } }),
  add: (receipt: string, content: string) =>
    app.inject({ method: 'POST', url: '/api/v1/public/reports/additions', payload: { receipt, content } }),
  attach: (receipt: string, name: string, body: Buffer | string, type = 'application/octet-stream') =>
    app.inject({
      method: 'POST',
      url: '/api/v1/public/reports/attachments',
      headers: { 'content-type': type, 'x-receipt': receipt, 'x-file-name': encodeURIComponent(name) },
      payload: body,
    }),
});
