// The bare side of bench/scale.bench.ts: the same reads and trail appends as the app's dossier and list endpoints,
// as hand-written statements through a pg.Pool, in the same order (scope check first, then what the app runs at once).
import type pg from 'pg';
import { rowHash } from '../apps/server/src/platform/trail/index.js';

export type Pcts = { p50: number; p95: number };
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

/** App and bare interleaved (app, bare, bare, app, …) so a noisy moment on the machine hits both alike. */
export async function measurePair(
  app: (i: number) => Promise<unknown>,
  bare: (i: number) => Promise<unknown>,
  runs: number,
): Promise<[Pcts, Pcts]> {
  for (let i = 0; i < 20; i++) {
    await app(i);
    await bare(i);
  }
  const xs: number[] = [];
  const ys: number[] = [];
  const time = async (fn: (i: number) => Promise<unknown>, i: number, into: number[]) => {
    const t0 = performance.now();
    await fn(i);
    into.push(performance.now() - t0);
  };
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      await time(app, i, xs);
      await time(bare, i, ys);
    } else {
      await time(bare, i, ys);
      await time(app, i, xs);
    }
  }
  return [
    { p50: pct(xs, 50), p95: pct(xs, 95) },
    { p50: pct(ys, 50), p95: pct(ys, 95) },
  ];
}

/** One keyed trail row, as recordRead appends it: lock the head, insert (the trigger moves the head). */
async function trailAppend(pool: pg.Pool, key: Buffer, action: string, id: number) {
  const c = await pool.connect();
  try {
    await c.query('begin');
    const head = (await c.query('select seq::text, hash from mj_trail_head()')).rows[0];
    const row = {
      seq: String(BigInt(head.seq) + 1n),
      at: new Date(),
      actor_id: null,
      actor_name: 'bench',
      action,
      entity: 'cadre',
      entity_id: String(id),
      client_ip: '127.0.0.1',
      detail: {},
    };
    await c.query(
      `insert into trail (seq, at, actor_id, actor_name, action, entity, entity_id, client_ip, detail, prev_hash, hash)
       values ($1, $2, null, 'bench', $3, 'cadre', $4, '127.0.0.1', '{}', $5, $6)`,
      [row.seq, row.at, action, row.entity_id, head.hash, rowHash(head.hash, row, key)],
    );
    await c.query('commit');
  } finally {
    c.release();
  }
}

const visible = async (pool: pg.Pool, path: string, id: number) => {
  const r = await pool.query(
    'select c.*, o.name as org_name from cadres c join orgs o on o.id = c.org_id where c.id = $1 and o.path <@ $2::ltree',
    [id, path],
  );
  if (!r.rowCount) throw new Error(`cadre ${id} not in scope`);
  return r.rows[0];
};

const ARCHIVE_TYPES = [
  'reports.letter',
  'reports.outcome',
  'reports.cleared',
  'talks.talk',
  'talks.hearing',
  'talks.secretary_reminder',
  'talks.non_report',
];

/**
 * GET /cadres/:id: scope check, then posts, team with portfolios, relations, flags, archive events, the timeline's
 * first 100 events and their total, and the trail row.
 */
export async function bareCadreRead(pool: pg.Pool, key: Buffer, path: string, id: number) {
  const c = await visible(pool, path, id);
  const parts = await Promise.all([
    pool.query(
      'select p.*, o.name from posts p join orgs o on o.id = p.org_id where p.cadre_id = $1 order by p.start_date desc',
      [id],
    ),
    pool.query(
      `select t.id, t.org_id, o.name, t.team_role, t.joined_on, t.left_on,
         coalesce((select json_agg(json_build_object('area', pf.area, 'startDate', pf.start_date) order by pf.start_date)
           from portfolios pf where pf.team_member_id = t.id), '[]'::json) portfolios
       from team_members t join orgs o on o.id = t.org_id where t.cadre_id = $1 order by t.joined_on desc`,
      [id],
    ),
    pool.query(
      `select r.*, rc.name, ro.path from relations r join cadres rc on rc.id = r.relative_cadre_id
       join orgs ro on ro.id = rc.org_id where r.cadre_id = $1`,
      [id],
    ),
    pool.query('select * from cadre_flags where cadre_id = $1 order by seq', [id]),
    pool.query(
      `select event_type, occurred_on, summary from timeline_events where cadre_id = $1 and event_type = any($2)
       order by occurred_on, id`,
      [id, ARCHIVE_TYPES],
    ),
    pool.query('select * from timeline_events where cadre_id = $1 order by occurred_on desc, id desc limit 100', [id]),
    pool.query('select count(*) from timeline_events where cadre_id = $1', [id]),
    trailAppend(pool, key, 'cadre.read', id),
  ]);
  return [c, parts];
}

const LIST = `select pg.id, pg.name, pg.gender, pg.birth_date, pg.id_card, pg.org_id, o.name as org_name, cp.title, cp.rank, cp.is_principal,
    coalesce((select json_agg(json_build_object('ruleId', cf.rule_id, 'level', cf.level) order by cf.seq) from cadre_flags cf where cf.cadre_id = pg.id), '[]'::json) as flags
  from (select c.id, c.name, c.name_sort, c.gender, c.birth_date, c.id_card, c.org_id from cadres c
        where c.org_id = any(array(select id from orgs where path <@ $1::ltree)) order by c.name_sort, c.id limit 20 offset $2) pg
  join orgs o on o.id = pg.org_id
  left join lateral (select p.title, p.rank, p.is_principal from posts p where p.cadre_id = pg.id and p.end_date is null
    order by p.is_principal desc, p.start_date desc limit 1) cp on true
  order by pg.name_sort, pg.id`;
const COUNT = 'select count(*) from cadres c where c.org_id = any(array(select id from orgs where path <@ $1::ltree))';

/** GET /cadres?page=…&pageSize=20 for a city account: the page with unit, current post and flags, and the total. */
export const bareCityList = (pool: pg.Pool, path: string, page: number) =>
  Promise.all([pool.query(LIST, [path, page * 20]), pool.query(COUNT, [path])]);
