// Rule settings API: list rules with their SPEC defaults, read the effective settings for a unit, set or clear
// an override for a subtree (administrator, within scope). Every change is trailed.
import { z } from 'zod';
import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { AppError, actorOf, requireAuth, validationError } from '../http/index.js';
import { org } from '../scope/index.js';
import { write } from '../trail/index.js';
import { RULE_DEFINITIONS, RULE_IDS, isRuleId, type RuleId } from './defaults.js';
import { getRuleSettings } from './settings.js';
import { SETTING_NAMES } from './setting-names.js';
import * as answers from './rules.responses.js';

const ruleParam = z.object({ ruleId: z.string().regex(/^M-\d{2}$/) }).strict();

function ruleOrThrow(id: string): RuleId {
  if (!isRuleId(id)) throw new AppError(404, 'NOT_FOUND', '没有该规则', 'No such rule');
  return id;
}

export interface RulesHooks {
  /** After an override changes: re-evaluate the subtree's stored findings (the modules that own rules do it). */
  afterChange?: (ruleId: RuleId, orgId: number, actor: ReturnType<typeof actorOf>) => Promise<unknown>;
  /** The recent re-evaluations under the caller's units (running, or when they finished). */
  reevaluations?: (auth: ReturnType<typeof requireAuth>) => Promise<Array<z.output<typeof answers.reevaluation>>>;
}

export function rulesRoutes(ctx: AppContext, hooks: RulesHooks = {}): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['rules'];
    app.get(
      '/rules',
      {
        config: { access: 'rules.read' },
        schema: { response: { 200: answers.rulesAnswer }, tags, summary: '规则及默认值 Rules and SPEC defaults' },
      },
      async () => {
        return {
          items: RULE_IDS.map((id) => ({
            ruleId: id,
            titleZh: RULE_DEFINITIONS[id].titleZh,
            titleEn: RULE_DEFINITIONS[id].titleEn,
            defaults: RULE_DEFINITIONS[id].defaults,
          })),
        };
      },
    );

    app.get(
      '/rules/:ruleId/settings',
      {
        config: { access: 'rules.read' },
        schema: {
          response: { 200: answers.effectiveSettings },
          tags,
          summary: '某单位的生效设置 Effective settings for a unit',
          params: ruleParam,
          querystring: z.object({ orgId: org.inUrl() }).strict(),
        },
      },
      async (req) => {
        const ruleId = ruleOrThrow(req.params.ruleId);
        return getRuleSettings(ctx.db, ruleId, req.query.orgId);
      },
    );

    app.get(
      '/rules/reevaluations',
      {
        config: { access: 'rules.read' },
        schema: {
          response: { 200: answers.reevaluationsAnswer },
          tags,
          summary: '规则变更后的重新评估 Re-evaluations after rule changes',
        },
      },
      async (req) => ({ items: (await hooks.reevaluations?.(requireAuth(req))) ?? [] }),
    );

    app.put(
      '/rules/:ruleId/overrides/:id',
      {
        config: { access: 'rules.write' },
        schema: {
          response: { 200: answers.effectiveSettings },
          tags,
          summary: '设置下级覆盖 Set an override for a subtree',
          params: ruleParam.extend({ id: org.inUrl() }),
          body: z.object({ settings: z.record(z.string(), z.unknown()) }).strict(),
        },
      },
      async (req) => {
        const ruleId = ruleOrThrow(req.params.ruleId);
        const parsed = RULE_DEFINITIONS[ruleId].schema
          .partial()
          .strict()
          .safeParse(req.body.settings, { reportInput: true });
        if (!parsed.success)
          throw validationError(
            parsed.error.issues.map((i) => ({ ...i, path: ['settings', ...i.path] })),
            SETTING_NAMES,
          );
        if (!Object.keys(parsed.data).length) throw new AppError(400, 'EMPTY', '没有要设置的值', 'No settings given');
        await write(ctx.db, ctx.clock, actorOf(req), async (w) => {
          await w.trx
            .insertInto('rule_overrides')
            .values({
              rule_id: ruleId,
              org_id: req.params.id,
              settings: JSON.stringify(parsed.data),
              updated_at: w.now,
              updated_by: w.actor.accountId,
              // The keys given are set; the unit's other keys of this rule stay as they were (the page sends only what changed).
            })
            .onConflict((oc) =>
              oc.columns(['rule_id', 'org_id']).doUpdateSet({
                settings: sql`rule_overrides.settings || excluded.settings`,
                updated_at: w.now,
                updated_by: w.actor.accountId,
              }),
            )
            .execute();
          w.record({
            action: 'rule.override',
            entity: 'rule',
            entityId: `${ruleId}@${req.params.id}`,
            detail: { settings: parsed.data },
          });
        });
        await hooks.afterChange?.(ruleId, req.params.id, actorOf(req));
        return getRuleSettings(ctx.db, ruleId, req.params.id);
      },
    );

    app.delete(
      '/rules/:ruleId/overrides/:id',
      {
        config: { access: 'rules.write' },
        schema: {
          response: { 200: answers.effectiveSettings },
          tags,
          summary: '清除覆盖 Clear an override',
          params: ruleParam.extend({ id: org.inUrl() }),
        },
      },
      async (req) => {
        const ruleId = ruleOrThrow(req.params.ruleId);
        await write(ctx.db, ctx.clock, actorOf(req), async (w) => {
          const gone = await w.trx
            .deleteFrom('rule_overrides')
            .where('rule_id', '=', ruleId)
            .where('org_id', '=', req.params.id)
            .returning('rule_id')
            .executeTakeFirst();
          if (!gone)
            throw new AppError(
              404,
              'NO_OVERRIDE',
              '该单位没有此规则的覆盖设置',
              'This unit has no override of this rule',
            );
          w.record({ action: 'rule.override_cleared', entity: 'rule', entityId: `${ruleId}@${req.params.id}` });
        });
        await hooks.afterChange?.(ruleId, req.params.id, actorOf(req));
        return getRuleSettings(ctx.db, ruleId, req.params.id);
      },
    );
  };
}
