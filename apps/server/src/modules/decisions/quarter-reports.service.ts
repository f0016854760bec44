// Quarterly interference reports (issue 14 §7, M-37): once a quarter has ended, each unit with a principal reports
// how many interference records are dated inside it — a zero report (零报告) when none — signed by the principal in
// person over the digest of what it states. The list shows every unit in scope for a year, quarter by quarter: filed
// (and a zero report later contradicted by a record), not yet due, or missing after the deadline.
import { sql, type SqlBool } from 'kysely';
import type { z } from 'zod';
import { signInPerson, type Auth } from '../../platform/auth/index.js';
import { toCstDate } from '../../platform/clock/index.js';
import type { AppContext } from '../../platform/context.js';
import { conflict, invalidField, toLimitOffset } from '../../platform/http/index.js';
import { getRuleSettingsForOrgs } from '../../platform/rules/index.js';
import { orgVisible } from '../../platform/scope/index.js';
import { write, type Actor } from '../../platform/trail/index.js';
import { currentPrincipal } from '../registry/index.js';
import { installedOn, refreshInterferenceFindings } from './interference.findings.js';
import type { quarterListQuery, quarterReport } from './interference.schema.js';
import { quarterOf, quarterRange } from './quarters.js';
import { digestOf } from './seal-record.js';
import { notSigner } from './signatures.service.js';

export async function fileQuarterReport(ctx: AppContext, actor: Actor, input: z.infer<typeof quarterReport>) {
  const { orgId, year, quarter } = input;
  const [from, to] = quarterRange({ year, quarter });
  const principal = await currentPrincipal(ctx.db, orgId);
  const filed = () =>
    ctx.db
      .selectFrom('interference_reports')
      .select('id')
      .where('org_id', '=', orgId)
      .where('year', '=', year)
      .where('quarter', '=', quarter)
      .executeTakeFirst();
  const already = () => conflict('ALREADY_FILED', '该季度已报告', 'This quarter has already been reported');
  return signInPerson(ctx, actor, input, {
    refusal: () =>
      notSigner('季度报告须由本单位主要负责人本人签署', "Only the unit's principal signs its quarterly report"),
    may: async (cadreId) => {
      if (principal === null || cadreId !== principal) return false;
      if (to >= toCstDate(ctx.clock.now()))
        throw invalidField('quarter', '季度结束后才能报告', 'A quarter is reported once it has ended');
      if (await filed()) throw already();
      return true;
    },
    sign: async (w, { accountId, cadreId, method }) => {
      const ids = (
        await w.trx
          .selectFrom('interference_records')
          .select('id')
          .where('org_id', '=', orgId)
          .where('asked_on', '>=', from)
          .where('asked_on', '<=', to)
          .orderBy('id')
          .execute()
      ).map((r) => r.id);
      const digest = digestOf(ctx.signer, { orgId, year, quarter, records: ids.length, recordIds: ids });
      const r = await w.trx
        .insertInto('interference_reports')
        .values({
          org_id: orgId,
          year,
          quarter,
          records: ids.length,
          cadre_id: cadreId,
          account_id: accountId,
          method,
          digest,
          filed_on: toCstDate(w.now),
          signed_at: w.now,
        })
        .onConflict((oc) => oc.columns(['org_id', 'year', 'quarter']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!r) throw already();
      w.record({
        action: 'interference.report',
        entity: 'interference_report',
        entityId: r.id,
        detail: { orgId, year, quarter, records: ids.length, method, digest },
      });
      await refreshInterferenceFindings(ctx, w, [orgId]);
      return { id: r.id, records: ids.length, zero: ids.length === 0, digest };
    },
  });
}

export async function listQuarterReports(ctx: AppContext, auth: Auth, query: z.infer<typeof quarterListQuery>) {
  const today = toCstDate(ctx.clock.now());
  const year = query.year ?? Number(today.slice(0, 4));
  let q = ctx.db
    .selectFrom('orgs as o')
    .where(orgVisible(auth.scope, 'o'))
    .where(
      sql<SqlBool>`exists (select 1 from posts p where p.org_id = o.id and p.is_principal and p.end_date is null)`,
    );
  if (query.orgId) q = q.where(sql<SqlBool>`o.path <@ (select path from orgs where id = ${query.orgId})`);
  const { limit, offset } = toLimitOffset(query);
  const [units, total] = await Promise.all([
    q.select(['o.id', 'o.name', 'o.path']).orderBy('o.path').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const ids = units.map((u) => u.id);
  const [reports, records] = ids.length
    ? await Promise.all([
        ctx.db
          .selectFrom('interference_reports as r')
          .innerJoin('cadres as c', 'c.id', 'r.cadre_id')
          .select(['r.id', 'r.org_id', 'r.quarter', 'r.records', 'r.filed_on', 'r.method', 'c.name'])
          .where('r.org_id', 'in', ids)
          .where('r.year', '=', year)
          .execute(),
        ctx.db
          .selectFrom('interference_records')
          .select(['org_id', 'asked_on'])
          .where('org_id', 'in', ids)
          .where('asked_on', '>=', `${year}-01-01`)
          .where('asked_on', '<=', `${year}-12-31`)
          .execute(),
      ])
    : [[], []];
  const installed = await installedOn(ctx.db, ctx.clock.now());
  const settings = await getRuleSettingsForOrgs(ctx.db, 'M-37', new Map(units.map((u) => [u.id, u.path])));
  const items = [];
  for (const u of units) {
    const values = settings.get(u.id)!;
    const from = values.reportsFrom || installed;
    const quarters = [1, 2, 3, 4].map((quarter) => {
      const [start, end] = quarterRange({ year, quarter });
      const dueOn = ctx.calendar.addWorkingDays(end, values.reportWithinWorkingDays).due;
      const r = reports.find((x) => x.org_id === u.id && x.quarter === quarter);
      const now = records.filter((x) => x.org_id === u.id && quarterOf(x.asked_on).quarter === quarter).length;
      const state = r ? 'filed' : start < from ? 'not_owed' : end >= today ? 'open' : dueOn < today ? 'missing' : 'due';
      return {
        quarter,
        dueOn,
        state: state as 'filed' | 'not_owed' | 'open' | 'due' | 'missing',
        report: r ? { id: r.id, records: r.records, filedOn: r.filed_on, signedBy: r.name, method: r.method } : null,
        /** Records dated in the quarter now; more than a zero report said flags it. */
        recordsNow: now,
        contradicted: r != null && r.records === 0 && now > 0,
      };
    });
    items.push({ orgId: u.id, orgName: u.name, quarters });
  }
  return { total: Number(total.n), year: year, items };
}
