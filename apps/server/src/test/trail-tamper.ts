// The attacks on the trail of issue 11 §1, for the tests: each as the role that can do it.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../platform/db/index.js';
import { rowHash } from '../platform/trail/index.js';
import type { TestApp } from './harness.js';

type Owner = Pick<TestApp, 'asOwner'>;

/**
 * A new row with a correct *plain* SHA-256, appended after the head — what passed verify-trail before the key. Any role
 * that may insert trail rows can do this (the app's own role too): only the key tells it apart.
 */
export async function forgeRow(
  db: Kysely<DB>,
  detail: Record<string, unknown> = { outcome: 'false_accusation' },
): Promise<string> {
  const head = await db.selectFrom('trail_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  const content = {
    seq: String(BigInt(head.seq) + 1n),
    at: new Date('2026-03-02T03:00:00Z'),
    actor_id: null,
    actor_name: 'system',
    action: 'clue.conclude',
    entity: 'clue',
    entity_id: '10',
    client_ip: null,
    detail,
  };
  const hash = rowHash(head.hash, content, null);
  await db
    .insertInto('trail')
    .values({ ...content, detail: JSON.stringify(detail), prev_hash: head.hash, hash })
    .execute();
  return content.seq;
}

/** Changes a row's content by hand, with the owner's rights (the app's role may neither update nor disable triggers). */
export async function editRow(t: Owner, seq: string, set = sql`actor_name = 'someone-else'`): Promise<void> {
  await t.asOwner(async (db) => {
    await sql`alter table trail disable trigger trail_no_update`.execute(db);
    await sql`update trail set ${set} where seq = ${seq}`.execute(db);
    await sql`alter table trail enable trigger trail_no_update`.execute(db);
  });
}

/** Deletes the last n rows and moves trail_head back to the row before them: consistent, but cut. */
export async function cutEnd(t: Owner, n: number): Promise<void> {
  await t.asOwner(async (db) => {
    await sql`alter table trail disable trigger trail_no_update`.execute(db);
    await sql`delete from trail where seq > (select seq - ${n} from trail_head)`.execute(db);
    await sql`alter table trail enable trigger trail_no_update`.execute(db);
    await sql`update trail_head set (seq, hash) = (select seq, hash from trail order by seq desc limit 1) where id = 1`.execute(
      db,
    );
  });
}
