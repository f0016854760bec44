// Large expenses and their joint signatures (issue 14 §7, M-37, `003` 篇4: 3000元以上的大额支出必须由领导班子会签):
// an expense at or above the M-37 amount needs the signature, in person, of every team member in jointSignerRoles
// on the day it was spent; each signs for themselves (the password or a one-time code again) over the digest of the
// expense as recorded. Without them it is a finding on the unit (interference.findings.ts).
import { sql, type SqlBool } from 'kysely';
import type { z } from 'zod';
import { signInPerson, type Auth } from '../../platform/auth/index.js';
import type { AppContext } from '../../platform/context.js';
import { assertNotAfterToday, conflict, toLimitOffset } from '../../platform/http/index.js';
import { getRuleSettings, getRuleSettingsForOrgs } from '../../platform/rules/index.js';
import { orgVisible } from '../../platform/scope/index.js';
import { write, type Actor } from '../../platform/trail/index.js';
import { refreshInterferenceFindings } from './interference.findings.js';
import type { expenseCreate, expenseListQuery, expenseSign } from './interference.schema.js';
import { digestOf } from './seal-record.js';
import { missingSigners } from './joint-signers.js';
import { notSigner } from './signatures.service.js';

export async function createExpense(ctx: AppContext, actor: Actor, auth: Auth, input: z.infer<typeof expenseCreate>) {
  assertNotAfterToday(ctx.clock, 'spentOn', input.spentOn, ['支出日期', 'The expense']);
  return write(ctx.db, ctx.clock, actor, async (w) => {
    const { id } = await w.trx
      .insertInto('expenses')
      .values({
        org_id: input.orgId,
        spent_on: input.spentOn,
        purpose: input.purpose,
        amount_yuan: input.amountYuan,
        recorded_by: auth.accountId,
        created_at: w.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    w.record({ action: 'expense.create', entity: 'expense', entityId: id, detail: { ...input } });
    await refreshInterferenceFindings(ctx, w, [input.orgId]);
    const { values } = await getRuleSettings(w.trx, 'M-37', input.orgId);
    return { id, needsJointSignatures: input.amountYuan >= values.jointSignatureYuan };
  });
}

export async function signExpense(ctx: AppContext, actor: Actor, id: number, input: z.infer<typeof expenseSign>) {
  const e = await ctx.db
    .selectFrom('expenses')
    .select(['id', 'org_id', 'spent_on', 'purpose', 'amount_yuan'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const { values } = await getRuleSettings(ctx.db, 'M-37', e.org_id);
  const alreadySigned = () => conflict('ALREADY_SIGNED', '您已会签', 'You have already signed this expense');
  return signInPerson(ctx, actor, input, {
    refusal: () =>
      notSigner(
        '只有支出当日的班子成员本人可以会签，不能代签',
        'Only the team members of that day sign, each for themselves',
      ),
    may: async (cadreId) => {
      const owed = await missingSigners(ctx.db, id, e.org_id, e.spent_on, values.jointSignerRoles);
      if (owed.some((m) => m.cadreId === cadreId)) return true;
      const signed = await ctx.db
        .selectFrom('expense_signatures')
        .select('cadre_id')
        .where('expense_id', '=', id)
        .where('cadre_id', '=', cadreId)
        .executeTakeFirst();
      if (signed) throw alreadySigned();
      return false;
    },
    sign: async (w, { accountId, cadreId, method }) => {
      const digest = digestOf(ctx.signer, { ...e, amount_yuan: Number(e.amount_yuan) });
      const r = await w.trx
        .insertInto('expense_signatures')
        .values({ expense_id: id, cadre_id: cadreId, account_id: accountId, method, digest, signed_at: w.now })
        .onConflict((oc) => oc.columns(['expense_id', 'cadre_id']).doNothing())
        .returning('cadre_id')
        .executeTakeFirst();
      if (!r) throw alreadySigned();
      w.record({ action: 'expense.sign', entity: 'expense', entityId: id, detail: { method, digest } });
      await refreshInterferenceFindings(ctx, w, [e.org_id]);
      return { id, method, digest, signedAt: w.now.toISOString() };
    },
  });
}

export async function listExpenses(ctx: AppContext, auth: Auth, query: z.infer<typeof expenseListQuery>) {
  let q = ctx.db
    .selectFrom('expenses as e')
    .innerJoin('orgs as o', 'o.id', 'e.org_id')
    .where(orgVisible(auth.scope, 'o'));
  if (query.orgId) q = q.where(sql<SqlBool>`o.path <@ (select path from orgs where id = ${query.orgId})`);
  const { limit, offset } = toLimitOffset(query);
  const [rows, total] = await Promise.all([
    q
      .select(['e.id', 'e.org_id', 'o.name as org_name', 'o.path', 'e.spent_on', 'e.purpose', 'e.amount_yuan'])
      .orderBy('e.spent_on', 'desc')
      .orderBy('e.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const signed = rows.length
    ? await ctx.db
        .selectFrom('expense_signatures as g')
        .innerJoin('cadres as c', 'c.id', 'g.cadre_id')
        .select(['g.expense_id', 'g.cadre_id', 'c.name', 'g.signed_at'])
        .where(
          'g.expense_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('g.signed_at')
        .execute()
    : [];
  const settings = await getRuleSettingsForOrgs(ctx.db, 'M-37', new Map(rows.map((r) => [r.org_id, r.path])));
  const items = [];
  for (const r of rows) {
    const values = settings.get(r.org_id)!;
    const needs = Number(r.amount_yuan) >= values.jointSignatureYuan;
    items.push({
      id: r.id,
      orgId: r.org_id,
      orgName: r.org_name,
      spentOn: r.spent_on,
      purpose: r.purpose,
      amountYuan: Number(r.amount_yuan),
      needsJointSignatures: needs,
      signed: signed
        .filter((g) => g.expense_id === r.id)
        .map((g) => ({ cadreId: g.cadre_id, name: g.name, signedAt: new Date(g.signed_at).toISOString() })),
      missing: needs ? await missingSigners(ctx.db, r.id, r.org_id, r.spent_on, values.jointSignerRoles) : [],
    });
  }
  return { total: Number(total.n), items };
}
