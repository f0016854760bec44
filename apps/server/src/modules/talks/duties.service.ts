// Supervision duties (“上级一把手必须抓好下级一把手”) on the platform's one deadline engine. A job — daily, and on demand —
// opens them set-based and idempotently (one duty per rule, owner, subject and source) and catches up:
//   M-22 appointment talks and M-23 half-yearly talks (appointment-duties.service.ts; M-22 also opens at the appointment);
//   M-23, M-25 the other templates in obligations.service.ts (research visits, lectures, special checks, hearings);
//   M-21 talks that promotions and transfers call for (occasions.service.ts; other occasions open theirs when recorded).
// A duty is due, done (the record that fulfilled it; for a duty needing several, the last of them), overdue (past its
// due date, not done), paused, or waived with a reason. Reads never create duties.
import { sql, type SqlBool } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Auth } from '../../platform/auth/index.js';
import { toCstDate } from '../../platform/clock/index.js';
import { periods, type DeadlineSource, type DeadlineStatus } from '../../platform/deadlines/index.js';
import { toLimitOffset } from '../../platform/http/index.js';
import { cadreVisible, orgVisible, outOfScope, type DataScope } from '../../platform/scope/index.js';
import { write, type Actor } from '../../platform/trail/index.js';
import { DUTY_RULES, TALK_KINDS, type DutyRule, type TalkKind } from './talk-kinds.dicts.js';
import { OBLIGATIONS, openTemplateDuties, type ObligationCode } from './obligations.service.js';
import { OCCASIONS, type OccasionEvent } from '../../platform/rules/index.js';
import { openPostOccasions } from './occasions.service.js';
import { settleTalkDuties } from './talk.service.js';
import { settleActivityDuties } from './activities.service.js';
import { openAppointmentTalks, openHalfYearTalks } from './appointment-duties.service.js';
import { DUTIES } from './duties.deadlines.js';

/** The half-years that overlap [from, to]: [start, end, label]. */
export const halfYears = (from: string, to: string) => periods(from, to, 'half_year');

/**
 * The job: opens the duties of [from, to] and marks those already met by talks and records made earlier. Safe to run
 * again. Run by hand (`within`), only the duties about units in the caller's scope (issue 11 §2).
 */
export async function generateDuties(
  ctx: AppContext,
  actor: Actor,
  range: { from: string; to: string },
  within?: DataScope,
) {
  const started = Date.now();
  return write(ctx.db, ctx.clock, actor, async (w) => {
    const periodic = await openHalfYearTalks(w, range, within);
    const appointments = (await openAppointmentTalks(ctx.calendar, w, { range, within })).length;
    const templates = await openTemplateDuties(w, range, within);
    const occasions = (await openPostOccasions(ctx.calendar, w, { range, within })).length;
    // Records made before their duty existed count too.
    const metByEarlierTalks = await settleTalkDuties(w, undefined, within);
    const metByEarlierRecords = await settleActivityDuties(w, undefined, within);
    const counts = { periodic, appointments, templates, occasions, metByEarlierTalks, metByEarlierRecords };
    w.record({
      action: 'duties.generate',
      entity: 'duty',
      detail: { ...range, ...counts, ...(within ? { scope: within.code, orgId: within.orgId } : {}) },
    });
    return { ...range, ...counts, ms: Date.now() - started };
  });
}

export type DutyStatus = DeadlineStatus;
const statusOf = (today: string) => DUTIES.status(today, 'd');

/**
 * Duties the caller may see: about a cadre in scope (or, with no subject person, a unit in scope), or owed by the caller.
 * Each side is an IN over the scoped ids, which PostgreSQL hashes once: a CASE around the scope predicates made it
 * compare every duty with the whole subtree's id array (bench/results.md).
 */
export function visibleDuties(ctx: AppContext, auth: Auth) {
  return ctx.db
    .selectFrom('duties as d')
    .leftJoin('cadres as s', 's.id', 'd.subject_cadre_id')
    .innerJoin('cadres as o', 'o.id', 'd.owner_cadre_id')
    .innerJoin('orgs as u', 'u.id', 'd.subject_org_id')
    .where((eb) =>
      eb.or([
        eb(
          'd.subject_cadre_id',
          'in',
          eb.selectFrom('cadres as vc').select('vc.id').where(cadreVisible(auth.scope, 'vc')),
        ),
        eb.and([
          eb('d.subject_cadre_id', 'is', null),
          eb('d.subject_org_id', 'in', eb.selectFrom('orgs as vo').select('vo.id').where(orgVisible(auth.scope, 'vo'))),
        ]),
        ...(auth.scope.cadreId != null ? [eb('d.owner_cadre_id', '=', auth.scope.cadreId)] : []),
      ]),
    );
}

export interface DutyQuery {
  page: number;
  pageSize: number;
  status?: DutyStatus;
  orgId?: number;
  ownerCadreId?: number;
  mine?: boolean;
  ruleId?: string;
}

export async function listDuties(ctx: AppContext, auth: Auth, q: DutyQuery) {
  const today = toCstDate(ctx.clock.now());
  let base = visibleDuties(ctx, auth);
  if (q.status) base = base.where(sql<SqlBool>`${statusOf(today)} = ${q.status}`);
  if (q.orgId) base = base.where(sql<SqlBool>`u.path <@ (select path from orgs where id = ${q.orgId})`);
  if (q.ownerCadreId) base = base.where('d.owner_cadre_id', '=', q.ownerCadreId);
  if (q.mine) base = base.where('d.owner_cadre_id', '=', auth.scope.cadreId ?? 0);
  if (q.ruleId) base = base.where('d.rule_id', '=', q.ruleId);
  const { limit, offset } = toLimitOffset(q);
  const [rows, n] = await Promise.all([
    base
      .select([
        'd.id',
        'd.rule_id',
        'd.talk_kind',
        'd.period_start',
        'd.due_on',
        'd.done_on',
        'd.done_talk_id',
        'd.waived_reason',
        'd.owner_cadre_id',
        'o.name as owner_name',
        'd.subject_cadre_id',
        's.name as subject_name',
        'u.name as subject_org_name',
        statusOf(today).as('status'),
        'd.obligation',
        'd.activity',
        'd.title',
        'd.by_committee',
        'd.required',
        'd.done_count',
        'd.occasion_note',
        'd.subject_org_id',
        'd.owner_org_id',
      ])
      .orderBy(sql`case when d.done_on is null and d.waived_reason is null then 0 else 1 end`)
      .orderBy('d.due_on')
      .orderBy('d.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(n.n),
    today,
    items: rows.map((d) => ({
      id: d.id,
      ruleId: d.rule_id,
      what: d.title ?? DUTY_RULES[d.rule_id as DutyRule]?.zh ?? d.rule_id,
      whatEn: dutyNameEn(d.rule_id, d.obligation),
      talkKind: d.talk_kind,
      obligation: d.obligation,
      activity: d.activity,
      byCommittee: d.by_committee,
      required: d.required,
      doneCount: d.done_count,
      occasionNote: d.occasion_note,
      talkKindLabel: d.talk_kind ? TALK_KINDS[d.talk_kind as TalkKind]?.zh : null,
      periodStart: d.period_start,
      dueOn: d.due_on,
      status: d.status,
      statusLabel: { due: '待完成', done: '已完成', overdue: '已逾期', waived: '已免除', paused: '已暂停' }[d.status],
      doneOn: d.done_on,
      doneTalkId: d.done_talk_id,
      waivedReason: d.waived_reason,
      owner: { cadreId: d.owner_cadre_id, name: d.owner_name, orgId: d.owner_org_id },
      subject: {
        cadreId: d.subject_cadre_id,
        name: d.subject_name,
        orgId: d.subject_org_id,
        orgName: d.subject_org_name,
      },
    })),
  };
}

/** A duty's English name, from the template, occasion or rule that opened it. */
function dutyNameEn(ruleId: string, obligation: string | null): string {
  if (obligation && obligation in OBLIGATIONS) return OBLIGATIONS[obligation as ObligationCode].en;
  if (obligation && obligation in OCCASIONS) return OCCASIONS[obligation as OccasionEvent][1];
  if (obligation === 'hearing_summons') return 'Summons after a hearing found a failure';
  return DUTY_RULES[ruleId as DutyRule]?.en ?? ruleId;
}

/** A duty's name for lists: its title, or (rows opened before titles) its rule's. */
const dutyName = sql<string>`coalesce(d.title, case d.rule_id when 'M-22' then ${DUTY_RULES['M-22'].zh} else ${DUTY_RULES['M-23'].zh} end)`;

/**
 * Compliance in a subtree (issue 5 §3): per leader — who is behind, on what, since when — and per unit one level down
 * (the unit itself first), so a city sees which county lags.
 */
export async function compliance(ctx: AppContext, auth: Auth, q: { orgId?: number }) {
  const today = toCstDate(ctx.clock.now());
  let base = visibleDuties(ctx, auth);
  if (q.orgId) base = base.where(sql<SqlBool>`u.path <@ (select path from orgs where id = ${q.orgId})`);
  const st = statusOf(today);
  const counts = [
    sql<string>`count(*)`.as('total'),
    sql<string>`count(*) filter (where ${st} = 'done')`.as('done'),
    sql<string>`count(*) filter (where ${st} = 'overdue')`.as('overdue'),
    sql<string>`count(*) filter (where ${st} = 'due')`.as('due'),
    sql<string>`count(*) filter (where ${st} = 'waived')`.as('waived'),
  ] as const;
  const n = (r: { total: string; done: string; overdue: string; due: string; waived: string }) => ({
    total: Number(r.total),
    done: Number(r.done),
    overdue: Number(r.overdue),
    due: Number(r.due),
    waived: Number(r.waived),
  });
  // The unit each leader leads (or whose team they sit on), so two leaders of the same name can be told apart.
  const ledUnit = sql<
    string | null
  >`coalesce((select string_agg(distinct lu.name, '、') from posts lp join orgs lu on lu.id = lp.org_id
    where lp.cadre_id = d.owner_cadre_id and lp.is_principal and lp.end_date is null), (select string_agg(distinct tu.name, '、') from team_members tm
    join orgs tu on tu.id = tm.org_id where tm.cadre_id = d.owner_cadre_id and tm.left_on is null))`;
  const top = q.orgId ?? auth.orgId;
  const [rows, units] = await Promise.all([
    base
      .select([
        'd.owner_cadre_id',
        'o.name',
        ledUnit.as('org_name'),
        ...counts,
        sql<string | null>`min(d.due_on) filter (where ${st} = 'overdue')::text`.as('overdue_since'),
        sql<string[] | null>`array_agg(distinct ${dutyName}) filter (where ${st} = 'overdue')`.as('overdue_on'),
      ])
      .groupBy(['d.owner_cadre_id', 'o.name'])
      .orderBy(sql`count(*) filter (where ${st} = 'overdue')`, 'desc')
      .orderBy('o.name')
      .limit(500)
      .execute(),
    base
      .innerJoin('orgs as ch', (j) =>
        j.on(sql<SqlBool>`(ch.parent_id = ${top} and u.path <@ ch.path) or (ch.id = ${top} and u.id = ${top})`),
      )
      .select(['ch.id as unit_id', 'ch.name as unit_name', sql<boolean>`ch.id = ${top}`.as('own'), ...counts])
      .groupBy(['ch.id', 'ch.name', 'ch.sort'])
      .orderBy(sql`ch.id = ${top}`, 'desc')
      .orderBy('ch.sort')
      .orderBy('ch.id')
      .execute(),
  ]);
  return {
    today,
    items: rows.map((r) => ({
      owner: { cadreId: r.owner_cadre_id, name: r.name, orgName: r.org_name },
      ...n(r),
      overdueSince: r.overdue_since,
      overdueOn: r.overdue_on ?? [],
    })),
    units: units.map((u) => ({ orgId: u.unit_id, name: u.unit_name, own: u.own, ...n(u) })),
  };
}

/** Waive an open duty with a reason (the lower principal left, a long illness…), trailed. */
export async function waiveDuty(ctx: AppContext, auth: Auth, actor: Actor, id: number, reason: string) {
  const d = await visibleDuties(ctx, auth).select(['d.id']).where('d.id', '=', id).executeTakeFirst();
  if (!d) throw await outOfScope(ctx, actor, 'duty', id);
  return write(ctx.db, ctx.clock, actor, (w) => DUTIES.waive(w, id, reason, auth.accountId));
}

/** A duty's kind (its obligation) as a list names it. */
const DUTY_KIND_LABELS: Record<string, string> = {
  ...Object.fromEntries(Object.entries(OBLIGATIONS).map(([k, o]) => [k, o.zh])),
  ...Object.fromEntries(Object.entries(OCCASIONS).map(([k, o]) => [k, o[0]])),
  appointment: DUTY_RULES['M-22'].zh,
  lower_principal_talk: DUTY_RULES['M-23'].zh,
  hearing_summons: '听取汇报发现问题后约谈',
};

/** Duties as the list of every open deadline shows them: as visibleDuties. */
export const dutySource: DeadlineSource = {
  source: 'duty',
  zh: '监督责任',
  en: 'Supervision duties',
  visible: (ctx, auth) => visibleDuties(ctx, auth).select('d.id'),
  kindLabel: (kind) => DUTY_KIND_LABELS[kind] ?? DUTY_RULES[kind as DutyRule]?.zh ?? kind,
};
