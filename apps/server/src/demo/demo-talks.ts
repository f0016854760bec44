// Demo talks (issue 5): the superior principals of the demo city held their half-yearly talks with most lower principals
// this year — not all, so the duty job leaves some overdue for the compliance view. Written in one trailed write; the
// job then finds the talks and closes the duties they answer. Deterministic from the seed.
import { sql } from 'kysely';
import type { AppContext } from '../platform/context.js';
import { toCstDate } from '../platform/clock/index.js';
import { write, SYSTEM_ACTOR } from '../platform/trail/index.js';
import { principals } from '../modules/registry/index.js';
import { generateDuties } from '../modules/talks/index.js';
import { Rng } from './people/prng.js';

const SUMMARIES = [
  '听取履行全面从严治党主体责任情况汇报，提出改进要求。',
  '了解班子运行和分管领域廉政风险，提醒抓早抓小。',
  '谈心谈话，交流思想，提醒严守纪律规矩。',
  '听取“三重一大”决策执行情况，要求规范议事程序。',
];

export async function seedDemoTalks(ctx: AppContext) {
  const rng = new Rng('mingjian-demo-talks');
  const today = toCstDate(ctx.clock.now());
  const year = today.slice(0, 4);
  // The same superior/lower principal pairs the duty job uses.
  const pairs = (
    await sql<{ owner: number; subject: number; org: number }>`
    select sp.cadre_id as owner, lp.cadre_id as subject, c.id as org from orgs c join ${principals} lp on lp.org_id = c.id
    join ${principals} sp on sp.org_id = c.parent_id where sp.cadre_id <> lp.cadre_id order by c.id`.execute(ctx.db)
  ).rows;
  const h1End = `${year}-06-30` < today ? `${year}-06-30` : today;
  const talks: Array<{ owner: number; subject: number; on: string; kind: string }> = [];
  for (const p of pairs) {
    if (rng.chance(0.8))
      talks.push({
        ...p,
        on: `${year}-0${rng.int(1, 6)}-${String(rng.int(1, 28)).padStart(2, '0')}`,
        kind: rng.pick(['supervision', 'integrity', 'performance']),
      });
    if (today > `${year}-07-01` && rng.chance(0.35))
      talks.push({
        ...p,
        on: `${year}-${String(rng.int(7, Number(today.slice(5, 7)))).padStart(2, '0')}-01`,
        kind: 'supervision',
      });
  }
  const held = talks.filter((x) => x.on <= today && (x.on > `${year}-06-30` || x.on <= h1End));
  if (held.length) {
    await write(ctx.db, ctx.clock, { ...SYSTEM_ACTOR, name: 'demo-seed' }, async (w) => {
      const rows = await w.trx
        .insertInto('talks')
        .values(
          held.map((x) => ({
            kind: x.kind,
            talker_cadre_id: x.owner,
            talkee_cadre_id: x.subject,
            held_on: x.on,
            place: null,
            summary: rng.pick(SUMMARIES),
            follow_up: null,
            recorded_by: null,
            created_at: w.now,
          })),
        )
        .returning(['id', 'talkee_cadre_id', 'held_on', 'kind'])
        .execute();
      const names = new Map(
        (
          await w.trx
            .selectFrom('cadres')
            .select(['id', 'name'])
            .where('id', 'in', [...new Set(held.map((x) => x.owner))])
            .execute()
        ).map((c) => [c.id, c.name]),
      );
      const label: Record<string, string> = { supervision: '监督谈话', integrity: '廉政谈话', performance: '履职谈话' };
      await w.trx
        .insertInto('timeline_events')
        .values(
          rows.map((r, i) => ({
            cadre_id: r.talkee_cadre_id,
            occurred_on: r.held_on,
            recorded_at: w.now,
            event_type: 'talks.talk',
            source_module: 'talks',
            summary: `${label[r.kind]}（谈话人：${names.get(held[i].owner)}）`,
            ref_entity: 'talk',
            ref_id: String(r.id),
          })),
        )
        .execute();
      w.record({ action: 'talk.record', entity: 'talk', detail: { demo: true, count: rows.length } });
    });
  }
  const job = await generateDuties(
    ctx,
    { ...SYSTEM_ACTOR, name: 'demo-seed' },
    { from: `${year}-01-01`, to: `${year}-12-31` },
  );
  return { talks: held.length, duties: job.periodic + job.appointments };
}
