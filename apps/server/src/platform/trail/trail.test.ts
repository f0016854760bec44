// Trail (base of M-35): written by construction, append-only, hash-chained, and `verify-trail` names the first
// broken row after a hand-made SQL change. Hand-made changes run with the owner's rights (t.asOwner): on the
// PostgreSQL leg the app's role may not disable triggers (issue 11 §1). The keyed chain and the checkpoints: last describe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { type Client, loginAs, startTestApp, type TestApp } from '../../test/harness.js';
import { loadSmallTree } from '../../test/fixtures.js';
import {
  write,
  recordRead,
  verifyTrail,
  verifyWithCheckpoints,
  startCheckpoints,
  rowHash,
  SYSTEM_ACTOR,
  type Checkpointer,
} from './index.js';
import { cutEnd, editRow, forgeRow } from '../../test/trail-tamper.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await loadSmallTree(t);
});
afterAll(() => t.close());

const count = async (table: 'trail' | 'orgs') =>
  Number(
    (
      await t.ctx.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('trail by construction', () => {
  it('refuses a write transaction that records no trail event, and rolls the write back', async () => {
    const before = await count('orgs');
    await expect(
      write(t.ctx.db, t.ctx.clock, SYSTEM_ACTOR, async (w) => {
        await w.trx.updateTable('orgs').set({ name: '改名' }).where('id', '=', 2).execute();
      }),
    ).rejects.toThrow(/at least one trail event/);
    expect(await count('orgs')).toBe(before);
    const org = await t.ctx.db.selectFrom('orgs').select('name').where('id', '=', 2).executeTakeFirstOrThrow();
    expect(org.name).toBe('明湖区');
  });

  it('the database itself refuses to commit a guarded write without a trail row', async () => {
    await expect(
      t.ctx.db.transaction().execute(async (trx) => {
        await sql`update orgs set name = '绕过' where id = 3`.execute(trx);
      }),
    ).rejects.toThrow(/without a trail row/);
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
    expect(rows[1]).toMatchObject({
      actor_name: 'tester',
      client_ip: '10.0.0.9',
      action: 'org.update',
      entity: 'org',
      entity_id: '2',
    });
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
  // On the PostgreSQL leg the app's role is refused by its grants before the trigger runs (issue 11 §1); on PGlite (one
  // role) by the trigger.
  it('refuses UPDATE, DELETE and TRUNCATE of trail rows from the application connection', async () => {
    const refused = /append-only|permission denied/;
    await expect(sql`update trail set actor_name = 'x' where seq = 1`.execute(t.ctx.db)).rejects.toThrow(refused);
    await expect(sql`delete from trail where seq = 1`.execute(t.ctx.db)).rejects.toThrow(refused);
    await expect(sql`truncate trail`.execute(t.ctx.db)).rejects.toThrow(refused);
    expect(await verifyTrail(t.ctx.db)).toMatchObject({ ok: true });
  });

  it("names the first altered row when someone with the table owner's rights changes one by hand", async () => {
    const rows = await t.ctx.db.selectFrom('trail').select('seq').orderBy('seq').execute();
    const victim = rows[Math.floor(rows.length / 2)].seq;
    await editRow(t, victim, sql`detail = '{"forged":true}'::jsonb`);
    const r = await verifyTrail(t.ctx.db);
    expect(r).toMatchObject({ ok: false, firstBrokenSeq: String(victim) });
  });

  it('names a deleted row as missing', async () => {
    const t2 = await startTestApp();
    try {
      await loadSmallTree(t2);
      await t2.asOwner(async (db) => {
        await sql`alter table trail disable trigger trail_no_update`.execute(db);
        await sql`delete from trail where seq = 3`.execute(db);
        await sql`alter table trail enable trigger trail_no_update`.execute(db);
      });
      expect(await verifyTrail(t2.ctx.db)).toMatchObject({
        ok: false,
        firstBrokenSeq: '3',
        reason: expect.stringMatching(/missing/),
      });
    } finally {
      await t2.close();
    }
  });
});

// issue 11 §1: each row's hash is an HMAC under a key kept outside the database, and signed checkpoints of the head are
// kept outside it, so a forged, an edited and a cut trail each fail, and say which.
describe('keyed chain and checkpoints', () => {
  let k: TestApp;
  let dir: string;
  let file: string;
  let checkpoints: Checkpointer;
  const verify = () => verifyWithCheckpoints(k.ctx.db, k.ctx.signer, file);
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'mj-checkpoints-'));
    file = path.join(dir, 'trail-checkpoints.jsonl');
    k = await startTestApp({ checkpointFile: file });
    await loadSmallTree(k);
    checkpoints = await startCheckpoints({
      db: k.ctx.db,
      signer: k.ctx.signer,
      clock: k.clock,
      file,
      everyMs: 3_600_000,
    });
  });
  afterAll(async () => {
    await k.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('hashes each row with the key: a plain SHA-256 of the same content is not its hash', async () => {
    const [r] = await k.ctx.db.selectFrom('trail').selectAll().orderBy('seq', 'desc').limit(1).execute();
    const content = { ...r, detail: r.detail as Record<string, unknown> };
    expect(rowHash(r.prev_hash, content, k.trailKey)).toBe(r.hash);
    expect(rowHash(r.prev_hash, content, null)).not.toBe(r.hash);
  });

  it('writes a signed checkpoint of the head to the file, and verifies against it', async () => {
    const c = await checkpoints.checkpoint();
    const head = await k.ctx.db.selectFrom('trail_head').selectAll().executeTakeFirstOrThrow();
    expect(c?.payload).toMatchObject({ seq: head.seq, hash: head.hash, at: k.clock.now().toISOString() });
    expect(c?.keyId).toBe(k.ctx.signer.keyId);
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(1);
    expect(await verify()).toMatchObject({ ok: true, checkpointSeq: head.seq });
  });

  it("refuses a row that does not follow the head, from the app's own connection", async () => {
    const head = await k.ctx.db.selectFrom('trail_head').selectAll().executeTakeFirstOrThrow();
    await expect(
      k.ctx.db
        .insertInto('trail')
        .values({
          seq: String(BigInt(head.seq) + 5n),
          at: new Date(),
          actor_name: 'x',
          action: 'x',
          entity: 'x',
          detail: '{}',
          prev_hash: head.hash,
          hash: 'x',
        })
        .execute(),
    ).rejects.toThrow(/does not follow the head/);
  });

  it('reports a forged row with a correct plain SHA-256 (the attack that passed before) as forged', async () => {
    const seq = await forgeRow(k.ctx.db);
    expect(await verifyTrail(k.ctx.db)).toMatchObject({
      ok: false,
      kind: 'forged',
      firstBrokenSeq: seq,
      reason: expect.stringMatching(/plain SHA-256/),
    });
    expect(await verify()).toMatchObject({ ok: false, kind: 'forged', firstBrokenSeq: seq });
    // The checkpointer does not anchor a broken trail.
    expect(await checkpoints.checkpoint()).toBeNull();
    await cutEnd(k, 1); // the owner takes it out again (after the checkpoint: nothing checkpointed is cut)
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('reports a checkpointed row changed by hand as edited', async () => {
    const before = await k.ctx.db
      .selectFrom('trail')
      .select('actor_name')
      .where('seq', '=', '2')
      .executeTakeFirstOrThrow();
    await editRow(k, '2');
    expect(await verify()).toMatchObject({ ok: false, kind: 'edited', firstBrokenSeq: '2' });
    await editRow(k, '2', sql`actor_name = ${before.actor_name}`);
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('reports a checkpoint file line changed by hand', async () => {
    const bad = path.join(dir, 'bad.jsonl');
    writeFileSync(
      bad,
      readFileSync(file, 'utf8').replace(/"seq":"(\d+)"/, (_m, n) => `"seq":"${Number(n) - 3}"`),
    );
    expect(await verifyWithCheckpoints(k.ctx.db, k.ctx.signer, bad)).toMatchObject({
      ok: false,
      kind: 'checkpoint',
      reason: expect.stringMatching(/line 1: signature/),
    });
  });

  it('checkpoints a live trail: rows appended while it verifies wait for the next checkpoint, nothing is reported cut', async () => {
    const reads = Array.from({ length: 40 }, (_, i) =>
      recordRead(k.ctx.db, k.ctx.clock, SYSTEM_ACTOR, { action: 'cadre.read', entity: 'cadre', entityId: i }),
    );
    const [c] = await Promise.all([checkpoints.checkpoint(), ...reads]);
    expect(c).not.toBeNull();
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('reports deleting the last rows and moving trail_head back as truncated against the checkpoint, also through POST /trail/verify', async () => {
    await recordRead(k.ctx.db, k.ctx.clock, SYSTEM_ACTOR, { action: 'cadre.read', entity: 'cadre', entityId: 1 });
    const c = (await checkpoints.checkpoint())!;
    await cutEnd(k, 3);
    expect(await verifyTrail(k.ctx.db)).toMatchObject({ ok: true }); // without the checkpoint the cut does not show
    const cut = { ok: false, kind: 'truncated', firstBrokenSeq: String(Number(c.payload.seq) - 2) };
    expect(await verify()).toMatchObject(cut);
    expect(await checkpoints.checkpoint()).toBeNull();
    const auditor: Client = await loginAs(k, { role: 'auditor', orgId: 1, scope: 1 });
    const res = await auditor.post('/api/v1/trail/verify');
    expect(res.statusCode).toBe(200);
    // The auditor's account and login were trailed since, re-using the cut seqs: the checkpointed hash is not at its seq.
    expect(res.json()).toMatchObject({ ok: false, kind: 'truncated', firstBrokenSeq: c.payload.seq });
  });
});
