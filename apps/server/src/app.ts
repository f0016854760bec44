// Builds the HTTP app: validation, errors, sessions, OpenAPI, and every module's routes under /api/v1.
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { sql } from 'kysely';
import { jsonSchemaTransform, jsonSchemaTransformObject, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from './platform/context.js';
import {
  answerSerializer,
  checkAnswers,
  DATABASE_RETRY_SECONDS,
  databaseUnavailable,
  errorBody,
  frameworkErrorOptions,
  loggerOptions,
  registerAnswerCheck,
  registerAuthHook,
  registerErrorHandler,
  registerJsonBodyParser,
  registerSecurityHeaders,
  zodValidatorCompiler,
  type LogOptions,
} from './platform/http/index.js';
import { parseTrustProxy } from './platform/http/trust-proxy.js';
import { authRoutes } from './platform/auth/auth.routes.js';
import { accountsRoutes } from './platform/auth/accounts-admin.routes.js';
import { accountsManageRoutes } from './platform/auth/accounts-manage.routes.js';
import { rulesRoutes } from './platform/rules/rules.routes.js';
import { trailRoutes } from './platform/trail/trail.routes.js';
import { calendarRoutes } from './platform/clock/calendar.routes.js';
import { loadCalendar } from './bootstrap.js';
import { registryRoutes, sweepRuns } from './modules/registry/index.js';
import { orgVisible } from './platform/scope/index.js';
import {
  caseDeadlineSource,
  clueRoutes,
  publicReportRoutes,
  staffReportRoutes,
  type PublicLimits,
} from './modules/reports/index.js';
import { dutySource, obligationsRoutes, onPostsStarted, talksRoutes } from './modules/talks/index.js';
import { deadlineRoutes } from './platform/deadlines/index.js';
import { findingRoutes, restrictFindings } from './platform/findings/index.js';
import { jobRoutes, type JobBoard } from './platform/jobs/index.js';
import {
  audioRoutes,
  emergencyRoutes,
  itemRoutes,
  meetingRoutes,
  verifyPageRoutes,
  INTERFERENCE_CADRE_SOURCE,
  interferenceRoutes,
  reviewRoutes,
  reviewSource,
} from './modules/decisions/index.js';
import { personalRoutes, pmDutySource } from './modules/personal/index.js';
import * as answers from './app.responses.js';

export interface AppOptions {
  logger?: boolean;
  /** Where log lines go instead of stdout (tests read them). */
  logStream?: LogOptions['stream'];
  /** The built workbench (apps/web/dist); without it the root leads to the API documentation. */
  webDir?: string;
  /** Limits on the public report endpoints (tests lower them). */
  publicLimits?: PublicLimits;
  /** The reverse proxies whose X-Forwarded-For is believed, as TRUST_PROXY (the default) takes them. */
  trustProxy?: string;
  /** Subtrees with more cadres are re-evaluated after a rule change's answer, not within it (tests lower it). */
  sweepInRequestMax?: number;
  /** The scheduled jobs and their scheduler, for the job page (issue 13 §5); none in most tests. */
  jobs?: JobBoard;
}

export async function buildApp(ctx: AppContext, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    // Errors (every 500) are always logged; LOG=true adds one line per request. No address or receipt (issue 11 §5).
    logger: loggerOptions({ verbose: opts.logger, stream: opts.logStream }),
    bodyLimit: 1024 * 1024,
    // Limits and the trail see the client behind a reverse proxy only when told which proxies to believe (issue 11 §6).
    trustProxy: parseTrustProxy(opts.trustProxy ?? process.env.TRUST_PROXY),
    // Unknown query fields are refused by the strict schemas, not silently dropped.
    routerOptions: { ignoreTrailingSlash: true },
    // Router errors and requests Node cannot even parse still get a bilingual answer with the security headers.
    ...frameworkErrorOptions(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(zodValidatorCompiler);
  // Answers through their response schemas; in tests, a schema that would change an answer fails it (serializer.ts).
  app.setSerializerCompiler(answerSerializer(checkAnswers()));
  if (checkAnswers()) registerAnswerCheck(app);
  registerErrorHandler(app, { spaIndex: opts.webDir ? 'index.html' : undefined });
  registerJsonBodyParser(app); // issue 11 §3: size and depth limits before a body becomes objects
  await registerSecurityHeaders(app);
  await app.register(cookie);
  registerAuthHook(app, ctx);

  await app.register(swagger, {
    openapi: {
      info: {
        title: '明鉴 Mingjian API',
        version: '0.1.0',
        description: '一把手和领导班子监督平台 — supervision of principal leaders',
      },
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'mj_session',
            description: '登录后由 POST /api/v1/auth/login 设置 Set by login',
          },
          csrf: {
            type: 'apiKey',
            in: 'header',
            name: 'x-csrf-token',
            description: '写操作必带：登录返回的 csrfToken Required on writes: the csrfToken login returns',
          },
        },
      },
      security: [{ session: [], csrf: [] }],
    },
    transform: jsonSchemaTransform,
    // Schemas with an id (the recursive unit tree) become components the answers refer to.
    transformObject: jsonSchemaTransformObject,
  });
  if (opts.webDir) {
    // The workbench: its files, and index.html for every other page address (the browser router takes over).
    await app.register(fastifyStatic, { root: opts.webDir, prefix: '/', wildcard: false, index: 'index.html' });
  } else {
    app.get('/', { schema: { hide: true } }, async (_req, reply) => reply.redirect('/api/docs'));
  }
  await app.register(verifyPageRoutes()); // public: checks an archive in the browser, nothing is sent
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.get(
    '/api/v1/health',
    {
      schema: {
        response: { 200: answers.health, 503: answers.healthDown },
        tags: ['platform'],
        summary: '健康检查 Health',
      },
    },
    async (_req, reply) => {
      try {
        await sql`select 1`.execute(ctx.db);
        return { status: 'ok', engine: ctx.engine, time: ctx.clock.now().toISOString() };
      } catch {
        // Issue 11 §4: the database is away; say so in the project's bilingual error format as well.
        return reply
          .status(503)
          .header('retry-after', String(DATABASE_RETRY_SECONDS))
          .send({ status: 'down', engine: ctx.engine, ...errorBody(databaseUnavailable()) });
      }
    },
  );

  // The deadline engine's wiring (issue 12 §1): who opens what on which event, and whose deadlines the list shows.
  ctx.deadlines.on('posts.started', 'talks:appointment', onPostsStarted(ctx));
  ctx.deadlines.source(caseDeadlineSource);
  ctx.deadlines.source(dutySource);
  ctx.deadlines.source(reviewSource);
  ctx.deadlines.source(pmDutySource);
  restrictFindings(INTERFERENCE_CADRE_SOURCE, 'interference.read');

  const reevaluate = sweepRuns(ctx, { inRequestMax: opts.sweepInRequestMax });
  app.addHook('onClose', () => reevaluate.settle());
  await app.register(
    async (api) => {
      await api.register(authRoutes(ctx));
      await api.register(accountsRoutes(ctx));
      await api.register(accountsManageRoutes(ctx));
      await api.register(registryRoutes(ctx));
      await api.register(
        rulesRoutes(ctx, {
          // A changed threshold re-evaluates the subtree it applies to: at once, or after the answer when it is large.
          afterChange: (ruleId, orgId, actor) => reevaluate.afterChange(ruleId, orgId, actor),
          reevaluations: (auth) =>
            reevaluate.list(async (ids) =>
              ids.length
                ? (
                    await ctx.db
                      .selectFrom('orgs')
                      .select('id')
                      .where('id', 'in', ids)
                      .where(orgVisible(auth.scope, 'orgs'))
                      .execute()
                  ).map((o) => o.id)
                : [],
            ),
        }),
      );
      await api.register(trailRoutes(ctx));
      await api.register(publicReportRoutes(ctx, opts.publicLimits));
      await api.register(staffReportRoutes(ctx));
      await api.register(clueRoutes(ctx));
      await api.register(talksRoutes(ctx));
      await api.register(obligationsRoutes(ctx));
      await api.register(deadlineRoutes(ctx, ctx.deadlines));
      await api.register(findingRoutes(ctx));
      await api.register(jobRoutes(ctx, opts.jobs ?? { jobs: [] }));
      await api.register(meetingRoutes(ctx));
      await api.register(itemRoutes(ctx));
      await api.register(audioRoutes(ctx));
      await api.register(emergencyRoutes(ctx));
      await api.register(reviewRoutes(ctx));
      await api.register(interferenceRoutes(ctx));
      await api.register(personalRoutes(ctx));
      await api.register(calendarRoutes(ctx, () => loadCalendar(ctx.db)));
    },
    { prefix: '/api/v1' },
  );

  return app;
}
