// Per-address limits of the public routes (issue 11 §6): @fastify/rate-limit, with its counters in the throttle table
// instead of process memory, so a restart does not reset them and several servers share them. A route names its
// budget with `groupId`: every route that takes a receipt shares one budget per address; submissions have their own.
// The address is counted by its keyed hash only (README: no client address is kept for public actions), and a row
// is deleted when its window is over (within PRUNE_TIMER_MS more on an idle server).
import rateLimit, { type FastifyRateLimitStore, type RateLimitPluginOptions } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { AppError, waitText } from '../http/errors.js';
import { addressDigest } from './client-address.js';
import { countHit, pruneThrottle, prunePerhaps } from './throttle.repo.js';

const BUCKET = 'public';
const PRUNE_TIMER_MS = 5 * 60_000;

/** The route config of a limited public route: at most `max` requests per address in `windowMs`, shared by `budget`. */
export const addressBudget = (budget: string, max: number, windowMs: number) => ({
  max,
  timeWindow: windowMs,
  groupId: budget,
});

function dbStore(ctx: AppContext) {
  return class DbRateLimitStore implements FastifyRateLimitStore {
    incr(key: string, cb: (e: Error | null, r?: { current: number; ttl: number }) => void, timeWindow: number): void {
      const now = ctx.clock.now();
      prunePerhaps(ctx.db, now);
      countHit(ctx.db, { bucket: BUCKET, subject: key, windowMs: timeWindow }, now).then(
        (c) => cb(null, { current: c.hits, ttl: Math.max(0, c.resetAt.getTime() - now.getTime()) }),
        (e: Error) => cb(e),
      );
    }

    child(): FastifyRateLimitStore {
      return this;
    }
  };
}

const tooMany = (_req: FastifyRequest, c: { ttl: number }) => {
  const seconds = Math.max(1, Math.ceil(c.ttl / 1000));
  const wait = waitText(seconds);
  return new AppError(
    429,
    'RATE_LIMITED',
    `请求过于频繁，请 ${wait[0]}后再试`,
    `Too many requests; try again in ${wait[1]}`,
    { retryAfterSeconds: seconds },
  );
};

/** Registers the limiter on `app` (routes opt in with `config.rateLimit`) and a timer that deletes expired rows. */
export async function registerPublicLimits(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const options: RateLimitPluginOptions = {
    global: false,
    store: dbStore(ctx),
    // The budget (groupId) is appended to this key by the library.
    keyGenerator: (req) => `${addressDigest(ctx.box, req.ip, 'public')}:`,
    errorResponseBuilder: tooMany,
  };
  await app.register(rateLimit, options);
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    timer = setInterval(() => {
      pruneThrottle(ctx.db, ctx.clock.now()).catch(() => {});
    }, PRUNE_TIMER_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
}
