// M-23, M-25 obligation templates: who owes what, how often, for whom — defaults from `001` (市委班子成员每年至少开展 2 次
// 全面从严治党调研, 在分管领域每年至少讲 1 次党课, 党委每年至少组织 1 次专项监督检查) and `000`/`003` (十一) (定期听取班子成员
// 和下级一把手的汇报). How many per period is a rule setting (`countKey`, 0 turns it off for a subtree); the job opens one
// duty per template, owner, subject and period, set-based and idempotent, and records fulfil them (activities.service.ts).
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { RULE_DEFINITIONS } from '../../platform/rules/index.js';
import { periods, type Period } from '../../platform/deadlines/index.js';
import { principals } from '../registry/index.js';
import { orgVisible, type DataScope } from '../../platform/scope/index.js';
import type { WriteCtx } from '../../platform/trail/index.js';

/** Who owes it: each team member of the unit, its principal, or the committee as a body (its principal answers). */
type Owner = 'members' | 'principal' | 'committee';

interface Template {
  ruleId: 'M-23' | 'M-25';
  zh: string;
  en: string;
  owner: Owner;
  activity: string;
  period: Period;
  /** For whom: one duty per team member, per lower principal, or none (one per owner). */
  per: 'none' | 'team_member' | 'lower_principal';
  countKey: string;
}

export const OBLIGATIONS = {
  research_visit: {
    ruleId: 'M-23',
    zh: '全面从严治党调研',
    en: 'Research visit on strict party governance',
    owner: 'members',
    activity: 'research_visit',
    period: 'year',
    per: 'none',
    countKey: 'researchVisitsPerYear',
  },
  party_lecture: {
    ruleId: 'M-23',
    zh: '在分管领域讲党课',
    en: 'Party lecture in the portfolio',
    owner: 'members',
    activity: 'party_lecture',
    period: 'year',
    per: 'none',
    countKey: 'lecturesPerYear',
  },
  special_check: {
    ruleId: 'M-23',
    zh: '全面从严治党主体责任专项监督检查',
    en: 'Special supervision check',
    owner: 'committee',
    activity: 'special_check',
    period: 'year',
    per: 'none',
    countKey: 'specialChecksPerYear',
  },
  member_hearing: {
    ruleId: 'M-25',
    zh: '听取班子成员履行“一岗双责”情况汇报',
    en: 'Hearing a team member on their dual duty',
    owner: 'principal',
    activity: 'member_hearing',
    period: 'year',
    per: 'team_member',
    countKey: 'memberHearingsPerYear',
  },
  lower_hearing: {
    ruleId: 'M-25',
    zh: '听取下级一把手履行管党治党责任情况汇报',
    en: 'Hearing a lower principal on their duty',
    owner: 'committee',
    activity: 'lower_hearing',
    period: 'year',
    per: 'lower_principal',
    countKey: 'lowerHearingsPerYear',
  },
} as const satisfies Record<string, Template>;
export type ObligationCode = keyof typeof OBLIGATIONS;

/**
 * A rule setting for the unit `c`, set-based: the nearest override that sets the key, else the SPEC default (the same
 * key-by-key rule as getRuleSettings, in SQL so the job stays one statement per period).
 */
export function unitSetting<T extends number | string>(
  ruleId: keyof typeof RULE_DEFINITIONS,
  key: string,
  unit = 'c',
): RawBuilder<T> {
  const fallback = (RULE_DEFINITIONS[ruleId].defaults as Record<string, unknown>)[key];
  const cast = typeof fallback === 'number' ? sql.raw('int') : sql.raw('text');
  return sql<T>`coalesce((select (r.settings ->> ${key})::${cast} from rule_overrides r join orgs ro on ro.id = r.org_id
    where r.rule_id = ${ruleId} and ro.path @> ${sql.ref(`${unit}.path`)} and r.settings ? ${key} order by nlevel(ro.path) desc limit 1), ${fallback}::${cast})`;
}

/**
 * A job run by hand writes only for the units in the caller's scope (issue 11 §2): `unit` is the alias of the duty's
 * subject unit. The system's run (no scope) writes for all.
 */
export const unitWithin = (within: DataScope | undefined, unit: string): RawBuilder<SqlBool> =>
  within ? orgVisible(within, unit) : sql<SqlBool>`true`;
/** The same for duties already open: those about a unit in scope. */
export const dutyWithin = (within: DataScope | undefined, duty = 'd'): RawBuilder<SqlBool> =>
  within
    ? sql<SqlBool>`${sql.ref(`${duty}.subject_org_id`)} in (select vo.id from orgs vo where ${orgVisible(within, 'vo')})`
    : sql<SqlBool>`true`;

/** Units that lead lower units: the committees (党委、党组) whose members and principal owe these obligations. */
const leadsLowerUnits = sql<boolean>`exists (select 1 from orgs ch where ch.parent_id = c.id)`;

/** Opens the template duties of [from, to]. Returns the number opened. */
export async function openTemplateDuties(
  w: WriteCtx,
  range: { from: string; to: string },
  within?: DataScope,
): Promise<number> {
  let opened = 0;
  for (const [code, t] of Object.entries(OBLIGATIONS) as Array<[ObligationCode, Template]>) {
    const count = unitSetting<number>(t.ruleId, t.countKey);
    for (const [start, end, label] of periods(range.from, range.to, t.period)) {
      const source = `${code}:${label}`;
      const common = sql`${t.ruleId}, ${code}, ${t.activity}, ${t.zh}, ${start}::date, ${end}::date, ${source}, ${count}, ${w.now}`;
      const cols = sql`(rule_id, obligation, activity, title, period_start, due_on, source, required, created_at,
        owner_cadre_id, subject_cadre_id, subject_org_id, owner_org_id, by_committee)`;
      const members = sql`join team_members tm on tm.org_id = c.id and tm.left_on is null and tm.joined_on <= ${end}::date`;
      const gate = sql`${leadsLowerUnits} and ${count} >= 1 and ${unitWithin(within, t.per === 'lower_principal' ? 'ch' : 'c')}`;
      const bodies: Record<string, RawBuilder<unknown>> = {
        // Each member of a leading team, one duty a period (research visits, lectures).
        'members:none': sql`select ${common}, tm.cadre_id, null::int, c.id, c.id, false from orgs c ${members} where ${gate}`,
        // The committee as a body (a special check): its principal answers; one per committee, whoever is principal.
        'committee:none': sql`select ${common}, sp.cadre_id, null::int, c.id, c.id, true from orgs c join ${principals} sp on sp.org_id = c.id
          where ${gate} and not exists (select 1 from duties x where x.owner_org_id = c.id and x.source = ${source} and x.by_committee)`,
        // The principal hears each other member of the team.
        'principal:team_member': sql`select ${common}, sp.cadre_id, tm.cadre_id, c.id, c.id, false from orgs c join ${principals} sp on sp.org_id = c.id
          ${members} where ${gate} and tm.cadre_id <> sp.cadre_id`,
        // The committee hears each lower principal.
        'committee:lower_principal': sql`select ${common}, sp.cadre_id, lp.cadre_id, ch.id, c.id, true from orgs c join ${principals} sp on sp.org_id = c.id
          join orgs ch on ch.parent_id = c.id join ${principals} lp on lp.org_id = ch.id
          where ${gate} and lp.cadre_id <> sp.cadre_id and lp.start_date <= ${end}::date`,
      };
      const body = bodies[`${t.owner}:${t.per}`];
      if (!body) throw new Error(`no generator for ${t.owner}:${t.per}`);
      const res = await sql`insert into duties ${cols} ${body} on conflict do nothing`.execute(w.trx);
      opened += Number(res.numAffectedRows ?? 0);
    }
  }
  return opened;
}
