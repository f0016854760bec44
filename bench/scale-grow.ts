// Grows the province bench database set-based (issue 12 §9), not through the trailed write path:
//  - timeline_events up to a target count with INSERT … SELECT generate_series, in chunks of 1,000,000;
//  - trail up to a target count with a genuine keyed chain: hashes computed in Node with the app's own rowHash
//    (the key boot() registered), streamed to PostgreSQL in unnest() batches, then trail_head set once to the end.
// Both run as the superuser with session_replication_role = replica, which skips the per-row triggers: the deferred
// "write needs a trail row" check and the foreign keys (the generated rows are valid by construction) on the timeline,
// and on the trail the per-row head move, which 5 million times would rewrite the one head row 5 million times.
// The head row is locked (FOR UPDATE) for the whole trail load, so no appender can interleave.
import pg from 'pg';
import { rowHash } from '../apps/server/src/platform/trail/index.js';

export interface GrowReport {
  timelineAdded: number;
  timelineMs: number;
  trailAdded: number;
  trailMs: number;
}

const TYPES = [
  'registry.appointed',
  'registry.post_ended',
  'registry.team_joined',
  'registry.portfolio_changed',
  'reports.letter',
  'reports.outcome',
  'talks.talk',
  'talks.hearing',
  'talks.secretary_reminder',
];

async function superuser(url: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`set session_replication_role = replica`);
  return c;
}

/**
 * 90 % of the new events go to all cadres evenly (≈ 44 more each at 10 M), spread over the table as appends over
 * years would be ((g · 7919) mod n, not clustered by cadre); 10 % go to 2,000 "busy" cadres (≈ 500 each).
 */
export async function growTimeline(adminUrl: string, target: number, log = console.log): Promise<[number, number]> {
  const c = await superuser(adminUrl);
  const t0 = performance.now();
  let added = 0;
  try {
    const have = Number((await c.query(`select count(*) n from timeline_events`)).rows[0].n);
    const start = Number((await c.query(`select coalesce(max(id), 0) m from timeline_events`)).rows[0].m);
    const need = Math.max(0, target - have);
    const CHUNK = 1_000_000;
    for (let from = 1; from <= need; from += CHUNK) {
      const to = Math.min(need, from + CHUNK - 1);
      await c.query(
        `insert into timeline_events (id, cadre_id, occurred_on, recorded_at, event_type, source_module, summary, ref_entity, ref_id)
         select $3::bigint + g,
                case when g % 10 = 0 then b.busy[1 + (g / 10) % array_length(b.busy, 1)]
                     else c.ids[1 + ((g::bigint * 7919) % array_length(c.ids, 1))] end,
                date '2012-01-01' + (g * 37 % 5300)::int,
                timestamptz '2026-01-01' + make_interval(secs => g % 15000000),
                t.types[1 + g % array_length(t.types, 1)],
                split_part(t.types[1 + g % array_length(t.types, 1)], '.', 1),
                '批量生成的档案事件 第' || g || '条（规模测试）',
                case when g % 3 = 0 then 'bench' end,
                case when g % 3 = 0 then g::text end
         from generate_series($1::int, $2::int) g,
              (select array_agg(id order by id) ids from cadres) c,
              (select array_agg(id order by id) busy from (select id from cadres order by md5(id::text) limit 2000) s) b,
              (select $4::text[] types) t`,
        [from, to, start, TYPES],
      );
      added += to - from + 1;
      log(
        `timeline_events +${added.toLocaleString('en')} / ${need.toLocaleString('en')} (${((performance.now() - t0) / 1000).toFixed(0)} s)`,
      );
    }
    // The identity must move past the ids given here, or the app's next append would collide.
    await c.query(
      `select setval(pg_get_serial_sequence('timeline_events', 'id'), (select max(id) from timeline_events))`,
    );
  } finally {
    await c.end();
  }
  return [added, performance.now() - t0];
}

const ACTIONS: Array<[string, string]> = [
  ['cadre.read', 'cadre'],
  ['cadre.timeline_read', 'cadre'],
  ['cadre.list', 'cadre'],
  ['talk.create', 'talk'],
  ['report.read', 'report'],
  ['duty.meet', 'duty'],
];

/** Appends trail rows until the trail holds `target`, continuing the chain from the head under `key`. */
export async function growTrail(
  adminUrl: string,
  key: Buffer,
  target: number,
  log = console.log,
): Promise<[number, number]> {
  const c = await superuser(adminUrl);
  const t0 = performance.now();
  let added = 0;
  try {
    await c.query('begin');
    const head = (await c.query(`select seq::text, hash from trail_head where id = 1 for update`)).rows[0];
    const last = (await c.query(`select at from trail where seq = $1`, [head.seq])).rows[0]?.at as Date | undefined;
    const need = Math.max(0, target - Number(head.seq));
    const from = (last ?? new Date(Date.now() - 86_400_000)).getTime();
    const span = Math.max(1, Date.now() - from);
    const cadres = (await c.query(`select array_agg(id order by id) ids from cadres`)).rows[0].ids as number[];
    let seq = BigInt(head.seq);
    let prev = head.hash as string;
    const BATCH = 10_000;
    let inflight: Promise<unknown> | null = null;
    for (let done = 0; done < need; ) {
      const n = Math.min(BATCH, need - done);
      const cols: unknown[][] = Array.from({ length: 11 }, () => []);
      for (let i = 0; i < n; i++) {
        const k = done + i;
        seq += 1n;
        const [action, entity] = ACTIONS[k % ACTIONS.length];
        const row = {
          seq: seq.toString(),
          at: new Date(from + Math.floor((span * (k + 1)) / need)),
          actor_id: 1 + (k % 5000),
          actor_name: `user${k % 5000}`,
          action,
          entity,
          entity_id: String(entity === 'cadre' ? cadres[(k * 7919) % cadres.length] : k),
          client_ip: `10.${(k >> 16) & 255}.${(k >> 8) & 255}.${k & 255}`,
          detail: k % 4 === 0 ? { page: 1 + (k % 7), filters: { rank: 'c' } } : {},
        };
        const hash = rowHash(prev, row, key);
        const values = [...Object.values(row), prev, hash];
        values[8] = JSON.stringify(row.detail);
        for (let j = 0; j < 11; j++) cols[j].push(values[j]);
        prev = hash;
      }
      if (inflight) await inflight; // one batch in flight while the next is hashed
      inflight = c.query(
        `insert into trail (seq, at, actor_id, actor_name, action, entity, entity_id, client_ip, detail, prev_hash, hash)
         select * from unnest($1::bigint[], $2::timestamptz[], $3::int[], $4::text[], $5::text[], $6::text[],
                              $7::text[], $8::text[], $9::jsonb[], $10::text[], $11::text[])`,
        cols,
      );
      done += n;
      added = done;
      if (done % 500_000 < BATCH)
        log(
          `trail +${done.toLocaleString('en')} / ${need.toLocaleString('en')} (${((performance.now() - t0) / 1000).toFixed(0)} s)`,
        );
    }
    if (inflight) await inflight;
    await c.query(`update trail_head set seq = $1, hash = $2 where id = 1`, [seq.toString(), prev]);
    await c.query('commit');
  } catch (e) {
    await c.query('rollback').catch(() => {});
    throw e;
  } finally {
    await c.end();
  }
  return [added, performance.now() - t0];
}
