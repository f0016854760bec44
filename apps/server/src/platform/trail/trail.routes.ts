// Reading and verifying the trail (auditor and administrator). Filters: who, what, when.
import { z } from 'zod';
import { sql, type SqlBool } from 'kysely';
import { orgVisible } from '../scope/index.js';
import { escapeLike } from '../db/index.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { actorOf, pageQuery, requireAuth, toLimitOffset } from '../http/index.js';
import { recordRead } from './write.js';
import { verifyWithCheckpoints } from './checkpoint.service.js';
import * as answers from './trail.responses.js';

const trailQuery = z
  .object({
    ...pageQuery,
    actor: z.string().trim().max(64).optional(),
    action: z.string().trim().max(64).optional(),
    entity: z.string().trim().max(64).optional(),
    entityId: z.string().trim().max(64).optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

export function trailRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['trail'];
    app.get(
      '/trail',
      {
        config: { access: 'trail.read' },
        schema: { response: { 200: answers.trailPage }, tags, summary: '操作留痕 Trail', querystring: trailQuery },
      },
      async (req) => {
        const auth = requireAuth(req);
        const f = req.query;
        let q = ctx.db.selectFrom('trail');
        // Scoped like every read: an auditor of a county sees what the county's own accounts did. Rows with no
        // account (system jobs, failed logins of unknown names) are for whole-system scope only.
        if (auth.scope.code !== 1) {
          q = q.where('actor_id', 'in', (eb) =>
            eb
              .selectFrom('accounts as a')
              .innerJoin('orgs as o', 'o.id', 'a.org_id')
              .select('a.id')
              .where(auth.scope.code === 5 ? sql<SqlBool>`a.id = ${auth.accountId}` : orgVisible(auth.scope, 'o')),
          );
        }
        // Part of a username finds it; an action matches itself and everything under it ("cadre" → cadre.read, cadre.search…).
        if (f.actor) q = q.where('actor_name', 'ilike', `%${escapeLike(f.actor)}%`);
        if (f.action)
          q = q.where((eb) =>
            eb.or([eb('action', '=', f.action!), eb('action', 'like', `${escapeLike(f.action!)}.%`)]),
          );
        if (f.entity) q = q.where('entity', '=', f.entity);
        if (f.entityId) q = q.where('entity_id', '=', f.entityId);
        if (f.from) q = q.where('at', '>=', new Date(f.from));
        if (f.to) q = q.where('at', '<', new Date(f.to));
        const { limit, offset } = toLimitOffset(f);
        const [items, count] = await Promise.all([
          q.selectAll().orderBy('seq', 'desc').limit(limit).offset(offset).execute(),
          q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
        ]);
        // Who read the trail, with which filters, is itself trailed.
        await recordRead(ctx.db, ctx.clock, actorOf(req), { action: 'trail.read', entity: 'trail', detail: { ...f } });
        return {
          total: Number(count.n),
          items: items.map((r) => ({
            seq: r.seq,
            at: r.at.toISOString(),
            actorId: r.actor_id,
            actorName: r.actor_name,
            action: r.action,
            entity: r.entity,
            entityId: r.entity_id,
            clientIp: r.client_ip,
            detail: r.detail,
            hash: r.hash,
          })),
        };
      },
    );
    app.post(
      '/trail/verify',
      {
        config: { access: 'trail.read' },
        schema: {
          response: { 200: answers.trailVerify },
          tags,
          summary: '校验留痕链 Verify the hash chain',
        },
      },
      async (req) => {
        // The same check as `npm run verify-trail`: the key and the latest signed checkpoint (issue 11 §1).
        const result = await verifyWithCheckpoints(ctx.db, ctx.signer, ctx.trailCheckpoints);
        await recordRead(ctx.db, ctx.clock, actorOf(req), {
          action: 'trail.verify',
          entity: 'trail',
          detail: result.ok ? { ok: true } : { ok: false, kind: result.kind, firstBrokenSeq: result.firstBrokenSeq },
        });
        return result;
      },
    );
  };
}
