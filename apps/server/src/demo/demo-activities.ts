// Demo supervision work (issue 5): this year's research visits, lectures, special checks and hearings of the city and
// county committees (some done, some not, one hearing finding a failure and its 约谈 still open), occasions that call for
// a talk (八个必谈), and the discipline secretaries' reminders. Recorded through the same services the workbench uses,
// as the demo accounts, at past dates; deterministic from the seed. Cadres linked to a demo account get no records, so
// the demo leader's own duties show what is still to do.
import { sql } from 'kysely';
import type { AppContext } from '../platform/context.js';
import type { Auth } from '../platform/auth/index.js';
import { toCstDate } from '../platform/clock/index.js';
import type { DataScope } from '../platform/scope/index.js';
import { SYSTEM_ACTOR } from '../platform/trail/index.js';
import { principals } from '../modules/registry/index.js';
import {
  COLUMNS,
  generateDuties,
  importList,
  recordActivities,
  recordActivity,
  type NewActivity,
  recordOccasion,
  updateTask,
} from '../modules/talks/index.js';
import { Rng } from './people/prng.js';
import { writeWorkbook, type Cell } from '../platform/sheets/index.js';

const VISITS = ['赴基层开展全面从严治党专题调研', '围绕作风建设开展蹲点调研', '深入项目一线调研廉政风险防控'];
const LECTURES = ['在分管领域讲专题党课：严守纪律规矩', '讲授“以案促改”专题党课'];

export async function staff(ctx: AppContext, username: string): Promise<Auth> {
  const a = await ctx.db
    .selectFrom('accounts as a')
    .innerJoin('orgs as o', 'o.id', 'a.org_id')
    .select(['a.id', 'a.username', 'a.display_name', 'a.role', 'a.org_id', 'a.scope', 'a.cadre_id', 'o.path'])
    .where('a.username', '=', username)
    .executeTakeFirstOrThrow();
  const scope: DataScope = {
    code: a.scope as DataScope['code'],
    orgId: a.org_id,
    orgPath: a.path,
    customOrgIds: [],
    cadreId: a.cadre_id,
  };
  return {
    accountId: a.id,
    username: a.username,
    displayName: a.display_name,
    role: a.role as Auth['role'],
    orgId: a.org_id,
    scope,
    csrfToken: '',
    isHead: false,
  };
}

export async function seedDemoActivities(ctx: AppContext, linked: number[]) {
  const rng = new Rng('mingjian-demo-activities');
  const today = toCstDate(ctx.clock.now());
  const year = today.slice(0, 4);
  const lastMonth = Math.max(1, Number(today.slice(5, 7)) - 1);
  const day = () =>
    `${year}-${String(rng.int(1, lastMonth)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  const [org, discipline] = [await staff(ctx, 'demo_city'), await staff(ctx, 'demo_discipline')];
  const actor = { ...SYSTEM_ACTOR, name: 'demo-seed' };
  let n = 0;
  // The city and county committees, their members and their lower principals.
  const committees = (
    await sql<{ id: number; level: string }>`select c.id, c.level from orgs c where c.unit_type = 'party_committee'
    and c.level in ('city', 'county') and exists (select 1 from orgs ch where ch.parent_id = c.id) order by c.path`.execute(
      ctx.db,
    )
  ).rows;
  // Checked one by one as the workbench checks them, written in one transaction (issue 12 §8: the first start).
  const batch: NewActivity[] = [];
  for (const c of committees) {
    const team = (
      await ctx.db
        .selectFrom('team_members')
        .select('cadre_id')
        .where('org_id', '=', c.id)
        .where('left_on', 'is', null)
        .orderBy('sort')
        .execute()
    )
      .map((m) => m.cadre_id)
      .filter((id) => !linked.includes(id));
    for (const member of team) {
      for (let i = rng.int(0, 2); i > 0; i--, n++) {
        batch.push({
          kind: 'research_visit',
          orgId: c.id,
          actorCadreId: member,
          heldOn: day(),
          title: rng.pick(VISITS),
          summary: '听取落实全面从严治党主体责任情况汇报，查找廉政风险点，提出整改要求。',
        });
      }
      if (rng.chance(0.7)) {
        batch.push({
          kind: 'party_lecture',
          orgId: c.id,
          actorCadreId: member,
          heldOn: day(),
          title: rng.pick(LECTURES),
          summary: '结合分管领域典型案例，讲解党规党纪，提醒抓早抓小。',
        });
        n++;
      }
    }
    if (rng.chance(0.6)) {
      batch.push({
        kind: 'special_check',
        orgId: c.id,
        heldOn: day(),
        title: '全面从严治党主体责任执行情况专项监督检查',
        summary: '采取听取汇报、查阅资料、个别谈话等方式，对下级党组织落实主体责任情况开展检查。',
      });
      n++;
    }
    const lower = (
      await sql<{
        cadre_id: number;
      }>`select sp.cadre_id from ${principals} sp join orgs u on u.id = sp.org_id where u.parent_id = ${c.id}
      order by sp.org_id`.execute(ctx.db)
    ).rows
      .map((r) => r.cadre_id)
      .filter((id) => !linked.includes(id));
    if (lower.length && (c.level === 'city' || rng.chance(0.5))) {
      const heard = lower.slice(0, 8);
      // Early in the year, so the failing one's 约谈 (30 days) is overdue by now.
      batch.push({
        kind: 'lower_hearing',
        orgId: c.id,
        heldOn: `${year}-03-${String(rng.int(10, 28))}`,
        title: '党委常委会听取下级“一把手”履行管党治党责任情况汇报',
        summary: '逐一听取汇报并现场点评，对存在的问题提出整改要求。',
        subjects: heard.map((cadreId, i) => ({
          cadreId,
          verdict: i === 1 ? 'failing' : rng.pick(['good', 'good', 'adequate'] as const),
          comment: i === 1 ? '主体责任落实不到位，对班子成员日常监督偏软' : undefined,
        })),
      });
      n++;
    }
  }
  if (batch.length) await recordActivities(ctx, org, actor, batch);
  // 八个必谈: occasions recorded by the organization department; most talks still to hold, some overdue.
  const cadres = (
    await sql<{ id: number }>`select p.cadre_id as id from posts p join orgs u on u.id = p.org_id
    where p.end_date is null and u.level = 'county' and u.unit_type <> 'party_committee' and p.is_principal order by p.cadre_id`.execute(
      ctx.db,
    )
  ).rows
    .map((r) => r.id)
    .filter((id) => !linked.includes(id));
  const events = ['commendation', 'urgentTask', 'personalMatter', 'errorSigns', 'majorDifficulty'] as const;
  for (let i = 0; i < 6 && cadres.length; i++, n++) {
    await recordOccasion(ctx, org, actor, {
      event: events[i % events.length],
      cadreId: rng.pick(cadres),
      occurredOn: day(),
      note: [
        '获评省级先进集体',
        '承担重大项目攻坚任务',
        '报告子女出国（境）定居',
        '公务接待存在超标准苗头',
        '重点项目推进受阻',
      ][i % 5],
    });
  }
  // M-26: a discipline secretary's reminder of two team members.
  const sec = (
    await sql<{
      cadre_id: number;
      org_id: number;
    }>`select p.cadre_id, p.org_id from posts p join orgs u on u.id = p.org_id
    where p.post_kind = 'discipline_secretary' and p.end_date is null and u.level = 'county' order by p.org_id limit 1`.execute(
      ctx.db,
    )
  ).rows[0];
  if (sec) {
    const peers = (
      await ctx.db
        .selectFrom('team_members')
        .select('cadre_id')
        .where('org_id', '=', sec.org_id)
        .where('left_on', 'is', null)
        .where('cadre_id', '<>', sec.cadre_id)
        .orderBy('sort')
        .limit(2)
        .execute()
    )
      .map((m) => m.cadre_id)
      .filter((id) => !linked.includes(id));
    if (peers.length) {
      await recordActivity(ctx, discipline, actor, {
        kind: 'secretary_reminder',
        orgId: sec.org_id,
        actorCadreId: sec.cadre_id,
        heldOn: day(),
        title: '对班子成员苗头性问题谈话提醒',
        summary: '提醒注意分管领域工程项目廉政风险，严格执行“三重一大”决策程序。',
        subjects: peers.map((cadreId) => ({ cadreId })),
      });
      n++;
    }
  }
  // M-24: the city's division-of-work list (`001`: 21 tasks, 50 measures), imported as users bring it; two tasks under way.
  const city = (
    await ctx.db
      .selectFrom('orgs')
      .select('id')
      .where('level', '=', 'city')
      .where('unit_type', '=', 'party_committee')
      .orderBy('id')
      .executeTakeFirst()
  )?.id;
  if (city) {
    const rows: Cell[][] = [
      [
        1,
        '市委班子成员结合分工每年至少开展 2 次全面从严治党调研',
        '市委书记',
        '市委办公室',
        '市纪委监委',
        '调研报告',
        `${year}年12月底`,
      ],
      [
        2,
        '市委班子成员在分管领域每年至少讲 1 次党课',
        '市委副书记',
        '市委组织部',
        '市委宣传部',
        '党课讲稿',
        `${year}年12月底`,
      ],
      [3, '同下级“一把手”每半年至少开展 1 次谈话', '市委书记', '市委组织部', '市纪委监委', '谈话记录', '长期坚持'],
      [
        4,
        '每年至少组织开展 1 次全面从严治党主体责任制执行情况专项监督检查',
        '市委常委、组织部部长',
        '市委组织部',
        '市纪委监委、市审计局',
        '检查报告',
        `${year}年11月底`,
      ],
      [
        5,
        '建立下级“一把手”权力运行情况报告制度，市委常委会每年听取汇报',
        '市委书记',
        '市委办公室',
        '市委组织部',
        '会议纪要',
        `${year}年6月30日`,
      ],
      [
        6,
        '完善“一把手”和领导班子监督信息共享机制，联席会议每季度会商一次',
        '市纪委书记',
        '市纪委监委',
        '市委组织部、市审计局、市公安局',
        '会商纪要',
        '长期坚持',
      ],
    ];
    const file = await writeWorkbook([{ name: '责任清单', columns: COLUMNS.map((title) => ({ title })), rows }]);
    const list = `${year}年度加强对“一把手”和领导班子监督工作举措及分工清单`;
    await importList(ctx, org, actor, city, list, Buffer.from(file), false);
    const tasks = await ctx.db
      .selectFrom('responsibility_tasks')
      .select(['id', 'seq'])
      .where('list_name', '=', list)
      .orderBy('seq')
      .execute();
    await updateTask(
      ctx,
      org,
      actor,
      tasks[0].id,
      { status: 'in_progress', progress: '已开展调研 9 次，形成调研报告 4 篇。' },
      true,
    );
    await updateTask(
      ctx,
      org,
      actor,
      tasks[4].id,
      { status: 'done', progress: '市委常委会专题听取 7 个县区党委书记汇报。', completedOn: `${year}-06-26` },
      true,
    );
  }
  // Records made before the job opened a duty count when it runs again.
  await generateDuties(ctx, actor, { from: `${year}-01-01`, to: `${year}-12-31` });
  return { activities: n };
}
