// Demo reports for the demo city (issue 4): a year of reports from every channel about its cadres, taken through the
// real services at their own past dates, so every state, clock and queue has something in it: reports awaiting
// triage (some past their acceptance date), declined ones, clues awaiting disposal or approval, letters unanswered
// past their deadline, holds past review, concluded clues with outcomes of each form, one false accusation cleared,
// a related report awaiting a decision, and one cadre with concentrated reports. Deterministic from the seed.
import type { AppContext } from '../platform/context.js';
import type { Auth } from '../platform/auth/index.js';
import { fixedClock, toCstDate } from '../platform/clock/index.js';
import { SYSTEM_ACTOR } from '../platform/trail/index.js';
import * as reports from '../modules/reports/index.js';
import { Rng } from './people/prng.js';

const DAY = 86_400_000;
const THINGS = [
  '办公楼维修工程招标',
  '扶贫项目资金分配',
  '征地拆迁补偿',
  '政府采购',
  '项目审批',
  '公车使用',
  '干部选拔任用',
];
const TEMPLATES: Array<[reports.ProblemType, string]> = [
  ['integrity', '{name}利用职务便利，在{thing}中为他人谋取利益，收受财物。'],
  ['integrity', '{name}违规收受管理服务对象礼品礼金，逢年过节接受宴请。'],
  ['work', '{name}在{thing}中不担当、不作为，群众多次反映无人处理。'],
  ['organizational', '{name}在{thing}中搞“一言堂”，不经集体研究个人拍板。'],
  ['mass', '{name}在{thing}中优亲厚友，侵害群众利益。'],
  ['political', '{name}对上级关于{thing}的决策部署搞选择性执行。'],
  ['life', '{name}在工作日午间饮酒，影响工作。'],
];
const CHANNELS: reports.Channel[] = [
  'phone_12380',
  'letter',
  'visit',
  'sms',
  'mailbox',
  'box',
  'monitor',
  'inspection',
  'audit',
  'joint_meeting',
  'media',
];
const COLLECTIVE = (on: string) => ({
  meetingOn: on,
  participants: ['王常委', '李常委', '赵主任', '陈主任'],
  minutes: '经集体研究，同意该处置意见。',
});

interface Target {
  cadreId: number;
  name: string;
  unit: string;
  title: string;
}

/** A plan for one report: what happens to it and how long ago it came. */
type Fate =
  | 'waiting'
  | 'declined'
  | 'registered'
  | 'proposed'
  | 'letter_unanswered'
  | 'letter_done'
  | 'hold'
  | 'closed'
  | 'sanction'
  | 'false';

export async function seedDemoReports(
  ctx: AppContext,
  avoidCadreIds: number[],
): Promise<{ reports: number; clues: number }> {
  const rng = new Rng('mingjian-demo-reports');
  const now = ctx.clock.now();
  const staff = await demoStaff(ctx);
  const targets = await pickTargets(ctx, rng, avoidCadreIds);
  const fates: Array<[Fate, number]> = [
    ['waiting', 3],
    ['waiting', 9],
    ['waiting', 25],
    ['waiting', 40],
    ['declined', 70],
    ['registered', 20],
    ['registered', 95],
    ['proposed', 12],
    ['letter_unanswered', 60],
    ['letter_unanswered', 30],
    ['letter_done', 120],
    ['hold', 150],
    ['hold', 30],
    ['closed', 200],
    ['sanction', 240],
    ['sanction', 300],
    ['sanction', 180],
    ['false', 160],
    ['closed', 330],
    ['waiting', 50],
  ];
  let clues = 0;
  let n = 0;
  let firstContent = '';
  const concentrated = targets[0];
  for (const [i, [fate, daysAgo]] of fates.entries()) {
    // The first cadre gets three distinct matters (M-19 concentration); the others one each.
    const target = i % 6 === 0 ? concentrated : targets[1 + (i % (targets.length - 1))];
    const [problemType, template] = TEMPLATES[i % TEMPLATES.length];
    const content = template.replace('{name}', target.name).replace('{thing}', rng.pick(THINGS));
    if (i === 0) firstContent = content;
    const receivedAt = new Date(now.getTime() - daysAgo * DAY - rng.int(0, 8) * 3600_000);
    const at = (d: Date) => ({ ...ctx, clock: fixedClock(d) });
    const day = (offset: number) => new Date(receivedAt.getTime() + offset * DAY);
    const named = i % 5 === 1 || i % 5 === 3;
    const input = {
      accused: { name: target.name, unit: target.unit, post: target.title },
      content,
      anonymous: !named,
      reporter: named ? { name: '（演示）实名举报人', phone: '13800000000' } : undefined,
    };
    const id =
      i % 3 === 0
        ? await publicReport(at(receivedAt), input)
        : (
            await reports.registerReport(at(receivedAt), staff.petition, SYSTEM_ACTOR, {
              ...input,
              channel: CHANNELS[i % CHANNELS.length],
              receivedAt: receivedAt.toISOString(),
            })
          ).id;
    n++;
    if (fate === 'waiting') continue;
    if (named && daysAgo > 30)
      await reports.replyToReporter(
        at(day(3)),
        staff.petition,
        SYSTEM_ACTOR,
        id,
        '您反映的问题已收到，我们将依规依纪办理。',
      );
    if (fate === 'declined') {
      await reports.declineReport(
        at(day(5)),
        staff.petition,
        SYSTEM_ACTOR,
        id,
        '反映内容不属于纪检监察机关受理范围，已告知向有关部门反映。',
      );
      continue;
    }
    const { clueId } = await reports.acceptReport(at(day(4)), staff.petition, SYSTEM_ACTOR, id, {
      problemType,
      summary: content.slice(0, 60),
      handlingMode: 'self',
    });
    clues++;
    if (fate === 'registered') continue;
    const disposal: reports.Disposal =
      fate === 'hold'
        ? 'hold'
        : fate === 'closed'
          ? 'close'
          : fate === 'false' || fate === 'sanction'
            ? 'verification'
            : 'inquiry';
    const meetingOn = toCstDate(day(8));
    const p = await reports.proposeDisposal(at(day(8)), staff.handler, SYSTEM_ACTOR, clueId, {
      disposal,
      opinion: `建议${reports.DISPOSALS[disposal].zh}`,
      version: 1,
      collective: COLLECTIVE(meetingOn),
      holdReviewOn: disposal === 'hold' ? toCstDate(day(daysAgo > 60 ? 60 : 90)) : undefined,
    });
    if (fate === 'proposed') continue;
    const a = await reports.decideProposal(at(day(9)), staff.head, SYSTEM_ACTOR, clueId, true, '同意', p.version);
    if (fate === 'hold' || fate === 'closed') continue;
    let version = a.version;
    if (disposal === 'inquiry') {
      const letter = await reports.issueLetter(
        at(day(10)),
        staff.handler,
        SYSTEM_ACTOR,
        clueId,
        `1. 请就反映你在${rng.pick(THINGS)}中的有关问题作出说明。\n2. 请说明是否存在其他违反中央八项规定精神的问题。`,
      );
      version += 1; // the letter takes the clue's version
      if (fate === 'letter_unanswered') continue;
      const parties = await letterParties(ctx, letter.id);
      await reports.replyLetter(
        at(day(20)),
        cadreAuth(parties.cadre),
        SYSTEM_ACTOR,
        letter.id,
        '本人对反映的问题逐项作了说明：所反映问题与事实不符，相关事项均经集体研究、手续完备。',
      );
      await reports.countersignLetter(
        at(day(22)),
        cadreAuth(parties.signer),
        SYSTEM_ACTOR,
        letter.id,
        '经了解，该同志说明的情况与单位掌握的情况基本一致，建议予以采信。',
      );
      await reports.decideLetter(
        at(day(25)),
        staff.handler,
        SYSTEM_ACTOR,
        letter.id,
        'accept',
        '回复基本属实，予以采信',
      );
      await reports.concludeClue(at(day(26)), staff.handler, SYSTEM_ACTOR, clueId, {
        result: 'unsubstantiated',
        opinion: '函询后了结',
        version,
        outcomes: [],
      });
      continue;
    }
    const kind: reports.OutcomeKind = (['admonition', 'warning', 'talk_reminder', 'post_adjustment'] as const)[i % 4];
    const finding =
      fate === 'false'
        ? { result: 'false' as const, outcomes: [] }
        : {
            result: 'substantiated' as const,
            outcomes: [{ kind, decidedOn: toCstDate(day(40)), summary: `给予${reports.OUTCOME_KINDS[kind].zh}` }],
          };
    version = (
      await reports.concludeClue(at(day(40)), staff.handler, SYSTEM_ACTOR, clueId, {
        ...finding,
        opinion: '经初步核实，作出处理',
        version,
      })
    ).version;
  }
  // A second report on the first matter (received three days ago), yesterday: proposed as related, awaiting a person's decision (M-13).
  await publicReport(
    { ...ctx, clock: fixedClock(new Date(now.getTime() - 1 * DAY)) },
    {
      accused: { name: concentrated.name, unit: concentrated.unit },
      content: `再次反映：${firstContent}`,
      anonymous: true,
    },
  );
  return { reports: n + 1, clues };
}

async function publicReport(ctx: AppContext, input: Parameters<typeof reports.submitPublicReport>[2]) {
  const r = await reports.submitPublicReport(ctx, SYSTEM_ACTOR, input);
  return (await ctx.db.selectFrom('reports').select('id').where('number', '=', r.number).executeTakeFirstOrThrow()).id;
}

/** The demo's petition officer, case handler and commission head, as the services see an account. */
async function demoStaff(ctx: AppContext) {
  const rows = await ctx.db
    .selectFrom('accounts')
    .select(['id', 'username', 'display_name', 'role', 'org_id', 'is_head'])
    .where('username', 'in', ['demo_petition', 'demo_discipline', 'demo_discipline_head'])
    .execute();
  const auth = (username: string): Auth => {
    const a = rows.find((r) => r.username === username)!;
    return {
      accountId: a.id,
      username: a.username,
      displayName: a.display_name,
      role: a.role as Auth['role'],
      orgId: a.org_id,
      csrfToken: '',
      isHead: a.is_head,
      scope: { code: 1, orgId: a.org_id, orgPath: '', customOrgIds: [], cadreId: null },
    };
  };
  return { petition: auth('demo_petition'), handler: auth('demo_discipline'), head: auth('demo_discipline_head') };
}

// The demo's cadres have no accounts: the seeder signs for them with none (countersigned_by stays empty).
const cadreAuth = (cadreId: number): Auth => ({
  accountId: null as unknown as number,
  username: 'demo-seed',
  displayName: '（演示）',
  role: 'cadre',
  orgId: 0,
  csrfToken: '',
  isHead: false,
  scope: { code: 5, orgId: 0, orgPath: '', customOrgIds: [], cadreId },
});

async function letterParties(ctx: AppContext, letterId: number) {
  const l = await ctx.db
    .selectFrom('inquiry_letters')
    .select(['cadre_id', 'countersign_cadre_id'])
    .where('id', '=', letterId)
    .executeTakeFirstOrThrow();
  return { cadre: l.cadre_id, signer: l.countersign_cadre_id! };
}

/** Principals and deputies of county departments and towns, none of them linked to a demo account. */
async function pickTargets(ctx: AppContext, rng: Rng, avoid: number[]): Promise<Target[]> {
  const rows = await ctx.db
    .selectFrom('posts as p')
    .innerJoin('cadres as c', 'c.id', 'p.cadre_id')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .select(['c.id', 'c.name', 'o.name as unit', 'p.title'])
    .where('p.end_date', 'is', null)
    .where('o.level', 'in', ['county', 'township'])
    .where('o.unit_type', 'in', ['gov_department', 'party_committee'])
    .where('c.id', 'not in', avoid.length ? avoid : [0])
    .orderBy('c.id')
    .execute();
  // A name that two cadres share would route to the top unit; keep the demo's reports unambiguous.
  const count = new Map<string, number>();
  for (const r of rows) count.set(r.name, (count.get(r.name) ?? 0) + 1);
  const unique = rows.filter((r) => count.get(r.name) === 1);
  return rng
    .shuffle(unique)
    .slice(0, 12)
    .map((r) => ({ cadreId: r.id, name: r.name, unit: r.unit, title: r.title }));
}
