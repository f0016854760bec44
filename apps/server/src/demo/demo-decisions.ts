// Demo decisions (issue 14 §8): a year of standing-committee meetings of the city and of 新港区 — every other month,
// items of every category, all sealed — with one deferred item (opinions divided), one declared recusal, a negative
// result review and one still due; emergency decisions of 新港区 (one recorded late and still to report, one late and
// not reported at the next meeting); in 明湖区财政局, interference records, its principal's quarterly reports (a zero
// report later contradicted), a unit that owes its reports and filed none, and a large expense not yet jointly signed.
// Everything goes through the module's own services, so the rules and findings are the workbench's.
import { sql } from 'kysely';
import type { AppContext } from '../platform/context.js';
import type { Auth } from '../platform/auth/index.js';
import { toCstDate } from '../platform/clock/index.js';
import { write, SYSTEM_ACTOR } from '../platform/trail/index.js';
import * as d from '../modules/decisions/index.js';
import { staff } from './demo-activities.js';
import { DEMO_PASSWORD } from './demo-accounts.js';

const actor = { ...SYSTEM_ACTOR, name: 'demo-seed' };
const ITEMS = [
  ['研究年度重点工作任务分解方案', 'major_decision'],
  ['研究干部任免事项', 'appointment'],
  ['审议城区道路改造工程项目', 'major_project'],
  ['研究专项资金安排', 'large_funds'],
  ['听取党风廉政建设工作汇报', 'other'],
] as const;
const PREP = {
  major_decision: ['research', 'consultation', 'legality_review'],
  major_project: ['research', 'consultation', 'legality_review'],
  large_funds: ['research', 'legality_review'],
  appointment: ['consultation'],
  other: [],
} as const;

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const monthsAgo = (today: string, k: number) => {
  const dt = new Date(`${today.slice(0, 7)}-15T00:00:00Z`);
  dt.setUTCMonth(dt.getUTCMonth() - k);
  return dt.toISOString().slice(0, 10);
};

async function team(ctx: AppContext, orgId: number, on: string) {
  return (
    await ctx.db
      .selectFrom('team_members')
      .select(['cadre_id', 'team_role'])
      .where('org_id', '=', orgId)
      .where('joined_on', '<=', on)
      .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>=', on)]))
      .orderBy('sort')
      .orderBy('cadre_id')
      .execute()
  ).map((m) => ({ cadreId: m.cadre_id, principal: m.team_role === 'secretary' }));
}

/** One sealed meeting; returns its items' ids by category. */
async function meeting(ctx: AppContext, auth: Auth, orgId: number, heldOn: string, n: number, divided: boolean) {
  const members = await team(ctx, orgId, heldOn);
  const principal = members.find((m) => m.principal)?.cadreId ?? members[0].cadreId;
  const others = members.filter((m) => m.cadreId !== principal).map((m) => m.cadreId);
  const { id } = await d.createMeeting(ctx, actor, auth, {
    orgId,
    kind: 'standing',
    heldOn,
    place: '常委会议室',
    chairCadreId: principal,
    recorder: '办公室',
  });
  const absent = n % 3 === 1 ? others.at(-1) : undefined;
  await d.recordAttendance(ctx, actor, id, {
    members: members.map((m) =>
      m.cadreId === absent
        ? { cadreId: m.cadreId, attended: false, absenceReason: '外出参加培训' }
        : { cadreId: m.cadreId, attended: true },
    ),
  });
  const present = others.filter((c) => c !== absent);
  const ids: Record<string, number> = {};
  for (const [k, [title, category]] of ITEMS.entries()) {
    const item = await d.addItem(ctx, actor, id, {
      title,
      category,
      proposerCadreId: k === 4 ? undefined : present[(n + k) % present.length],
      prepDone: [...PREP[category]],
    });
    ids[category] = item.id;
    if (category === 'appointment') {
      const c = await d.addCandidate(ctx, actor, item.id, { name: `拟任人选${n + 1}`, post: '拟任局长' });
      if (divided)
        await d.declareConflict(ctx, actor, item.id, { cadreId: present[0], note: '与拟任人选系同学关系，申请回避' });
      const voters = divided ? present.slice(1) : present;
      for (const cadreId of voters) await d.giveOpinion(ctx, actor, item.id, { cadreId, opinion: 'agree' });
      await d.giveOpinion(ctx, actor, item.id, { cadreId: principal, opinion: 'agree' });
      for (const cadreId of [...voters, principal])
        await d.castVote(ctx, actor, item.id, { cadreId, candidateId: c.id, vote: 'agree' });
    } else if (category === 'other' && divided) {
      for (const [i, cadreId] of present.entries())
        await d.giveOpinion(
          ctx,
          actor,
          item.id,
          i < 3
            ? { cadreId, opinion: 'disagree', reason: '时机尚不成熟，建议进一步调研' }
            : { cadreId, opinion: 'agree' },
        );
    } else
      for (const cadreId of present.slice(0, 2))
        await d.giveOpinion(ctx, actor, item.id, { cadreId, opinion: 'agree' });
    await d.closeItem(ctx, actor, item.id, {});
  }
  await d.sealMeeting(ctx, actor, auth, id);
  return { id, ids };
}

export async function seedDemoDecisions(ctx: AppContext) {
  const today = toCstDate(ctx.clock.now());
  const city = await staff(ctx, 'demo_city');
  const units = (
    await sql<{
      id: number;
      name: string;
    }>`select id, name from orgs where name in ('示例市', '新港区') order by path`.execute(ctx.db)
  ).rows;
  let meetings = 0;
  let first: Record<string, number> = {};
  let last = '';
  for (const u of units)
    for (const [n, k] of [11, 9, 7, 5, 3, 1].entries()) {
      last = monthsAgo(today, k);
      const m = await meeting(ctx, city, u.id, last, n, u.name === '新港区' && n === 1);
      if (u.name === '示例市' && n === 0) first = m.ids;
      if (u.name === '新港区' && n === 0)
        await d.recordCompletion(ctx, actor, city, m.ids.large_funds, {
          completedOn: addDays(monthsAgo(today, 11), 60),
        });
      meetings++;
    }
  // The city's road project, completed a month after it was decided, reviewed negatively by a third party.
  const review = await d.recordCompletion(ctx, actor, city, first.major_project, {
    completedOn: addDays(monthsAgo(today, 11), 30),
  });
  await d.enterReview(ctx, actor, city, review.id, {
    reviewedOn: addDays(monthsAgo(today, 11), 75),
    reviewerKind: 'third_party',
    reviewer: '某工程造价咨询有限公司',
    outcome: 'negative',
    lossesYuan: 1_860_000,
    excessProfitYuan: 420_000,
    savingsYuan: 0,
    quality: 'poor',
    summary: '工程超概算 23%，部分路段返工，施工方获超额利润',
  });
  const xingang = units.find((u) => u.name === '新港区')!.id;
  const proposer = (await team(ctx, xingang, today))[1].cadreId;
  const emergency = (decidedOn: string, title: string) =>
    d.createEmergency(ctx, actor, city, {
      orgId: xingang,
      kind: 'standing',
      title,
      category: 'large_funds',
      decidedOn,
      reason: '突发汛情，来不及召开常委会',
      content: '同意先行拨付抢险资金',
      proposerCadreId: proposer,
    });
  await emergency(addDays(last, -5), '先行拨付防汛抢险资金');
  await emergency(addDays(today, -5), '紧急调拨救灾物资');
  return { meetings, ...(await seedInterference(ctx, today)) };
}

/** 明湖区财政局: records, its principal's reports (the zero report of the middle quarter contradicted), an expense. */
async function seedInterference(ctx: AppContext, today: string) {
  const cadre = await staff(ctx, 'demo_cadre'); // 明湖区财政局党组书记、局长, the unit's principal
  const discipline = await staff(ctx, 'demo_discipline');
  const dept = cadre.orgId;
  const county = (await ctx.db.selectFrom('orgs').select('parent_id').where('id', '=', dept).executeTakeFirstOrThrow())
    .parent_id!;
  const leader = (await team(ctx, county, today)).find((m) => m.principal)!.cadreId;
  const silentUnit = (
    await ctx.db.selectFrom('orgs').select('id').where('name', '=', '明湖区发展和改革局').executeTakeFirstOrThrow()
  ).id;
  const q = d.quarterOf(today);
  const ended = [3, 2, 1].map((k) => {
    const i = q.year * 4 + q.quarter - 1 - k;
    return { year: Math.floor(i / 4), quarter: (i % 4) + 1 };
  });
  const [start] = d.quarterRange(ended[0]);
  await write(ctx.db, ctx.clock, actor, async (w) => {
    for (const orgId of [dept, silentUnit])
      await w.trx
        .insertInto('rule_overrides')
        .values({
          rule_id: 'M-37',
          org_id: orgId,
          settings: JSON.stringify({ reportsFrom: start }),
          updated_at: w.now,
          updated_by: null,
        })
        .execute();
    w.record({
      action: 'rule.override',
      entity: 'rule',
      entityId: 'M-37',
      detail: { orgIds: [dept, silentUnit], reportsFrom: start },
    });
  });
  const inQuarter = (i: number) => addDays(d.quarterRange(ended[i])[0], 20);
  const rec = (auth: Auth, askedOn: string, extra: Record<string, unknown>) =>
    d.createInterference(ctx, actor, auth, {
      orgId: dept,
      askedOn,
      askerRelation: 'relative',
      askerName: '王某（区领导亲属）',
      leaderCadreId: leader,
      area: 'procurement',
      matter: '办公设备集中采购',
      request: '请在采购评审中照顾某商贸公司',
      handling: 'reported',
      ...extra,
    } as never);
  await rec(cadre, inQuarter(0), {});
  const sign = { password: DEMO_PASSWORD };
  const cadreActor = { accountId: cadre.accountId, name: cadre.username, ip: null };
  await d.fileQuarterReport(ctx, cadreActor, { orgId: dept, ...ended[0], ...sign });
  await d.fileQuarterReport(ctx, cadreActor, { orgId: dept, ...ended[1], ...sign }); // zero, contradicted below
  const deputy = (await team(ctx, dept, today)).find((m) => m.cadreId !== cadre.scope.cadreId)?.cadreId;
  await rec(discipline, inQuarter(1), {
    unrecordedCadreId: deputy,
    area: 'project',
    matter: '财政投资评审',
    request: '请加快某项目资金拨付',
    handling: 'complied',
    askedName: '区财政局副局长',
    askerRelation: 'staff',
    askerName: '李某（区领导秘书）',
  });
  await d.fileQuarterReport(ctx, cadreActor, { orgId: dept, ...ended[2], ...sign });
  await d.createExpense(ctx, actor, cadre, {
    orgId: dept,
    spentOn: addDays(today, -10),
    purpose: '购置办公用品',
    amountYuan: 2800,
  });
  const big = await d.createExpense(ctx, actor, cadre, {
    orgId: dept,
    spentOn: addDays(today, -8),
    purpose: '办公楼维修改造',
    amountYuan: 126_000,
  });
  if ((await team(ctx, dept, today)).some((m) => m.cadreId === cadre.scope.cadreId))
    await d.signExpense(ctx, cadreActor, big.id, sign);
  return { interference: 2, quarterReports: 3, expenses: 2 };
}
