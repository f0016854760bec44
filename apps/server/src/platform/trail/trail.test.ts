// Trail (base of M-35): written by construction, append-only, hash-chained, and `verify-trail` names the first
// broken row after a hand-made SQL change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { loadSmallTree } from '../../test/fixtures.js';
import { write, recordRead, verifyTrail, SYSTEM_ACTOR } from './index.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await loadSmallTree(t);
});
afterAll(() => t.close());

const count = async (table: 'trail' | 'orgs') => Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

describe('trail by construction', () => {
  it('refuses a write transaction that records no trail event, and rolls the write back', async () => {
    const before = await count('orgs');
    await expect(write(t.ctx.db, t.ctx.clock, SYSTEM_ACTOR, async (w) => {
      await w.trx.updateTable('orgs').set({ name: '改名' }).where('id', '=', 2).execute();
    })).rejects.toThrow(/at least one trail event/);
    expect(await count('orgs')).toBe(before);
    const org = await t.ctx.db.selectFrom('orgs').select('name').where('id', '=', 2).executeTakeFirstOrThrow();
    expect(org.name).toBe('明湖区');
  });

  it('the database itself refuses to commit a guarded write without a trail row', async () => {
    await expect(t.ctx.db.transaction().execute(async (trx) => {
      await sql`update orgs set name = '绕过' where id = 3`.execute(trx);
    })).rejects.toThrow(/without a trail row/);
    const org = await t.ctx.db.selectFrom('orgs').select('name').where('id', '=', 3).executeTakeFirstOrThrow();
    expect(org.name).toBe('青石区');
  });

  it('appends one chained row per event with who, what, entity and client address', async () => {
    const before = await count('trail');
    await write(t.ctx.db, t.ctx.clock, { accountId: null, name: 'tester', ip: '10.0.0.9' }, async (w) => {
      await w.trx.updateTable('orgs').set({ short_name: '明湖' }).where('id', '=', 2).execute();
      w.record({ action: 'org.update', entity: 'org', entityId: 2, detail: { shortName: '明湖', 键: '中文' } });
      w.record({ action: 'org.note', entity: 'org', entityId: 2 });
    });
    const rows = await t.ctx.db.selectFrom('trail').selectAll().orderBy('seq', 'desc').limit(2).execute();
    expect(await count('trail')).toBe(before + 2);
    expect(rows[1]).toMatchObject({ actor_name: 'tester', client_ip: '10.0.0.9', action: 'org.update', entity: 'org', entity_id: '2' });
    expect(rows[0].prev_hash).toBe(rows[1].hash);
    expect(await verifyTrail(t.ctx.db)).toMatchObject({ ok: true });
  });

  it('a sensitive read leaves a row too', async () => {
    const before = await count('trail');
    await recordRead(t.ctx.db, t.ctx.clock, SYSTEM_ACTOR, { action: 'cadre.read', entity: 'cadre', entityId: 1 });
    expect(await count('trail')).toBe(before + 1);
  });
});

describe('append-only and tamper evidence', () => {
  it('refuses UPDATE, DELETE and TRUNCATE of trail rows from the application connection', async () => {
    await expect(sql`update trail set actor_name = 'x' where seq = 1`.execute(t.ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from trail where seq = 1`.execute(t.ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate trail`.execute(t.ctx.db)).rejects.toThrow(/append-only/);
    expect(await verifyTrail(t.ctx.db)).toMatchObject({ ok: true });
  });

  it('names the first altered row when someone with the table owner\'s rights changes one by hand', async () => {
    const rows = await t.ctx.db.selectFrom('trail').select('seq').orderBy('seq').execute();
    const victim = rows[Math.floor(rows.length / 2)].seq;
    await sql`alter table trail disable trigger trail_no_update`.execute(t.ctx.db);
    await sql`update trail set detail = '{"forged":true}'::jsonb where seq = ${victim}`.execute(t.ctx.db);
    await sql`alter table trail enable trigger trail_no_update`.execute(t.ctx.db);
    const r = await verifyTrail(t.ctx.db);
    expect(r).toMatchObject({ ok: false, firstBrokenSeq: String(victim) });
  });

  it('names a deleted row as missing', async () => {
    const t2 = await startTestApp();
    try {
      await loadSmallTree(t2);
      await sql`alter table trail disable trigger trail_no_update`.execute(t2.ctx.db);
      await sql`delete from trail where seq = 3`.execute(t2.ctx.db);
      await sql`alter table trail enable trigger trail_no_update`.execute(t2.ctx.db);
      expect(await verifyTrail(t2.ctx.db)).toMatchObject({ ok: false, firstBrokenSeq: '3', reason: expect.stringMatching(/missing/) });
    } finally {
      await t2.close();
    }
  });
});
