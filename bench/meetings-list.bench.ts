// Meetings list (issue 14 "Tests and measurement", M-30): a city account's meetings list — first page of 20 with the
// total, and one unit's list — on the province bench dataset with a year of meetings for every unit above the
// villages, through the app's service layer and as bare SQL through `pg` doing the same reads, interleaved.
// Loads the province into mj_bench first when it is not there (as bench:registry does).
//   DATABASE_URL=postgres://… npm run bench:meetings-list
import os from 'node:os';
import pg from 'pg';
import { sql } from 'kysely';
import { boot } from '../apps/server/src/bootstrap.js';
import { generateRegistry, loadRegistry } from '../apps/server/src/demo/index.js';
import { listMeetings } from '../apps/server/src/modules/decisions/meetings.service.js';
import { SYSTEM_ACTOR, write } from '../apps/server/src/platform/trail/index.js';
import type { Auth } from '../apps/server/src/platform/auth/index.js';
import { PROVINCE_OPTIONS } from './province.js';
import { writeSection } from './results.js';

const base = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL; // the owner may create the bench database
if (!base) throw new Error('set DATABASE_URL to a PostgreSQL server (see scripts/pg-local.sh)');
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const PER_YEAR = 24; // two meetings a month per unit, each with three items
const admin = new pg.Client({ connectionString: base });
await admin.connect();
if (!(await admin.query(`select 1 from pg_database where datname = 'mj_bench'`)).rowCount)
  await admin.query('create database mj_bench');
await admin.end();
const u = new URL(base);
u.pathname = '/mj_bench';
const b = await boot({ databaseUrl: u.toString() });
const { db } = b.ctx;
if (!(await db.selectFrom('orgs').select('id').limit(1).executeTakeFirst())) {
  await loadRegistry(db, b.ctx.clock, SYSTEM_ACTOR, generateRegistry(PROVINCE_OPTIONS));
  await sql`analyze`.execute(db);
}
const count = async (t: string) =>
  Number((await sql<{ n: string }>`select count(*) n from ${sql.table(t)}`.execute(db)).rows[0].n);

// A year of meetings, written once (the bench database keeps them): every unit above the villages with a team on
// its meeting day; the chair is the team's first member, everyone attends but the last member of every fifth meeting.
let loadSeconds: number | null = null;
if (!(await count('meetings'))) {
  const t0 = performance.now();
  await write(db, b.ctx.clock, SYSTEM_ACTOR, async (w) => {
    await sql`
      insert into meetings (org_id, kind, held_on, place, chair_cadre_id, recorder, created_at)
      select o.id, (array['committee','standing','office'])[1 + n % 3], d.day, '会议室', t.cadre_id, '办公室', now()
      from orgs o cross join generate_series(0, ${PER_YEAR - 1}) n
      cross join lateral (select date '2026-01-05' + (n * 15) as day) d
      cross join lateral (select tm.cadre_id from team_members tm where tm.org_id = o.id and tm.joined_on <= d.day
        and (tm.left_on is null or tm.left_on > d.day) order by tm.sort, tm.id limit 1) t
      where o.level <> 'village'`.execute(w.trx);
    await sql`
      insert into meeting_members (meeting_id, cadre_id, team_role, sort, attended, absence_reason)
      select m.id, tm.cadre_id, tm.team_role, row_number() over (partition by m.id order by tm.sort, tm.id) - 1,
        not (m.id % 5 = 0 and tm.cadre_id = last.cadre_id), case when m.id % 5 = 0 and tm.cadre_id = last.cadre_id then '出差' end
      from meetings m join team_members tm on tm.org_id = m.org_id and tm.joined_on <= m.held_on
        and (tm.left_on is null or tm.left_on > m.held_on)
      cross join lateral (select x.cadre_id from team_members x where x.org_id = m.org_id and x.joined_on <= m.held_on
        and (x.left_on is null or x.left_on > m.held_on) order by x.sort desc, x.id desc limit 1) last`.execute(w.trx);
    await sql`
      insert into meeting_items (meeting_id, seq, title, category, proposer_cadre_id, proposer_deemed, created_at)
      select m.id, s, '议题' || s, (array['major_decision','appointment','major_project','large_funds','other'])[1 + (m.id + s) % 5],
        m.chair_cadre_id, true, now()
      from meetings m cross join generate_series(1, 3) s`.execute(w.trx);
    w.record({ action: 'bench.meetings', entity: 'meeting' });
  });
  await sql`analyze meetings, meeting_members, meeting_items`.execute(db);
  loadSeconds = (performance.now() - t0) / 1000;
}
const [orgs, cadres, meetings, members, items] = [
  await count('orgs'),
  await count('cadres'),
  await count('meetings'),
  await count('meeting_members'),
  await count('meeting_items'),
];
const city = await db
  .selectFrom('orgs')
  .select(['id', 'path', 'name'])
  .where('level', '=', 'city')
  .where('unit_type', '=', 'party_committee')
  .orderBy('id')
  .offset(5)
  .limit(1)
  .executeTakeFirstOrThrow();
const unit = await db
  .selectFrom('meetings as m')
  .innerJoin('orgs as o', 'o.id', 'm.org_id')
  .select(['o.id', 'o.name'])
  .where(sql<boolean>`o.path <@ ${city.path}::ltree`)
  .where('o.level', '=', 'county')
  .orderBy('o.id')
  .limit(1)
  .executeTakeFirstOrThrow();
const auth: Auth = {
  accountId: 1,
  username: 'bench',
  displayName: 'bench',
  role: 'org_supervisor',
  orgId: city.id,
  csrfToken: '',
  isHead: false,
  scope: { code: 4, orgId: city.id, orgPath: city.path, customOrgIds: [], cadreId: null },
};
const inCity = Number(
  (
    await sql<{
      n: string;
    }>`select count(*) n from meetings m join orgs o on o.id = m.org_id where o.path <@ ${city.path}::ltree`.execute(db)
  ).rows[0].n,
);

// The bare stack: one pg client, the same page and total for the city's subtree in hand-written statements (no scope
// rule beyond the subtree, no labels), run in parallel as the app runs its two.
const bare = new pg.Client({ connectionString: u.toString() });
await bare.connect();
const bareList = (orgId: number | null) =>
  Promise.all([
    bare.query(
      `select m.id, m.org_id, o.name, m.kind, m.held_on, m.place, c.name chair,
        (select count(*) from meeting_members x where x.meeting_id = m.id) expected,
        (select count(*) from meeting_members x where x.meeting_id = m.id and x.attended) present,
        (select count(*) from meeting_items i where i.meeting_id = m.id) items
      from meetings m join orgs o on o.id = m.org_id join cadres c on c.id = m.chair_cadre_id
      where o.path <@ $1::ltree and ($2::int is null or m.org_id = $2) order by m.held_on desc, m.id desc limit 20`,
      [city.path, orgId],
    ),
    bare.query(
      `select count(*) from meetings m join orgs o on o.id = m.org_id where o.path <@ $1::ltree and ($2::int is null or m.org_id = $2)`,
      [city.path, orgId],
    ),
  ]);
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, c) => a - c)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
async function pair(app: () => Promise<unknown>, bareRun: () => Promise<unknown>) {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < RUNS + 10; i++) {
    const order = i % 2 ? [app, bareRun] : [bareRun, app];
    for (const fn of order) {
      const t0 = performance.now();
      await fn();
      if (i >= 10) (fn === app ? xs : ys).push(performance.now() - t0);
    }
  }
  return { app: [pct(xs, 50), pct(xs, 95)], bare: [pct(ys, 50), pct(ys, 95)] };
}
const first = await pair(
  () => listMeetings(b.ctx, auth, { page: 1, pageSize: 20 }),
  () => bareList(null),
);
const one = await pair(
  () => listMeetings(b.ctx, auth, { page: 1, pageSize: 20, orgId: unit.id }),
  () => bareList(unit.id),
);
const deep = await pair(
  () => listMeetings(b.ctx, auth, { page: 50, pageSize: 20 }),
  () => Promise.resolve(),
);
await bare.end();
const pgVersion = (await sql<{ v: string }>`select current_setting('server_version') as v`.execute(db)).rows[0].v;
await b.close();
const ms = (p: number[]) => `${p[0].toFixed(1)} / ${p[1].toFixed(1)} ms`;
const lines = [
  `Machine: ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL ${pgVersion}; ` +
    `load average at the end ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(
        ' / ',
      )}. The province bench dataset (${orgs.toLocaleString('en')} units, ${cadres.toLocaleString('en')} cadres) ` +
    `with ${meetings.toLocaleString('en')} meetings (${PER_YEAR} a year for every unit above the villages), ${members.toLocaleString('en')} members recorded and ` +
    `${items.toLocaleString('en')} items${loadSeconds === null ? '' : `, written in ${loadSeconds.toFixed(1)} s`}. ${city.name}'s subtree holds ${inCity.toLocaleString('en')} meetings. ` +
    `${RUNS} runs each after 10 warm-up runs, app and bare interleaved; p50 / p95.`,
  '',
  '| what | app | bare pg |',
  '|---|---|---|',
  `| a city organization-department account: meetings list, first page of 20 with the total | ${ms(first.app)} | ${ms(first.bare)} |`,
  `| the same account, one unit's meetings (${unit.name}) | ${ms(one.app)} | ${ms(one.bare)} |`,
  `| the same account, page 50 of the city's list | ${ms(deep.app)} | — |`,
];
writeSection('meetings-list', lines, 'Meetings list of a city on the province dataset (issue 14)');
console.log(lines.join('\n'));
