// issue 12 §9: verify-trail in ranges of seq — in worker threads with their own connections on PostgreSQL, one range
// after another in-thread on PGlite — gives exactly the answer of one pass in seq order: the lowest broken seq across
// the ranges, whatever order they finish in, with the rows verified before it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { loadSmallTree } from '../../test/fixtures.js';
import { editRow } from '../../test/trail-tamper.js';
import { recordRead, SYSTEM_ACTOR, verifyTrail } from './index.js';
import { RangeMerger, type RangeContext, type RangeResult } from './verify-range.js';

describe('RangeMerger', () => {
  const ctx: RangeContext = { key: Buffer.alloc(32), keyedFrom: 1n, hash: 'SHA-256', cp: null };
  const range = (first: number, last: number, fail?: number): RangeResult => ({
    first: { seq: String(first), prevHash: `h${first - 1}` },
    last: { seq: String(fail ? fail - 1 : last), hash: `h${fail ? fail - 1 : last}` },
    rows: (fail ?? last + 1) - first,
    fail: fail ? { seq: String(fail), kind: 'forged', reason: `row ${fail}` } : null,
  });

  it('reports the earlier break when a later range finds its break first', () => {
    const m = new RangeMerger(ctx, { expect: 1n, prev: 'h0' }, 3);
    m.add(2, range(21, 30, 25));
    expect(m.done).toBe(false);
    expect(m.lowestBreak).toBe(2);
    m.add(1, range(11, 20, 17));
    expect(m.lowestBreak).toBe(1); // range 2 no longer matters
    expect(m.done).toBe(false);
    m.add(0, range(1, 10));
    expect(m).toMatchObject({ done: true, rows: 16, fail: { seq: '17', reason: 'row 17' } });
  });

  it('checks the links between ranges: a gap at a boundary, a prev_hash that does not follow', () => {
    const gap = new RangeMerger(ctx, { expect: 1n, prev: 'h0' }, 2);
    gap.add(1, range(13, 20));
    gap.add(0, range(1, 10));
    expect(gap).toMatchObject({ rows: 10, fail: { seq: '11', kind: 'missing', reason: 'row 11 is missing' } });
    const link = new RangeMerger(ctx, { expect: 1n, prev: 'h0' }, 2);
    link.add(0, range(1, 10));
    link.add(1, { ...range(11, 20), first: { seq: '11', prevHash: 'other' } });
    expect(link).toMatchObject({ rows: 10, fail: { seq: '11', kind: 'forged', reason: /prev_hash/ } });
  });
});

describe('verifyTrail in ranges', () => {
  let t: TestApp;
  let n: number;
  beforeAll(async () => {
    t = await startTestApp();
    await loadSmallTree(t);
    for (let i = 0; i < 30; i++)
      await recordRead(t.ctx.db, t.ctx.clock, SYSTEM_ACTOR, { action: 'cadre.read', entity: 'cadre', entityId: i });
    n = Number((await t.ctx.db.selectFrom('trail_head').select('seq').executeTakeFirstOrThrow()).seq);
  });
  afterAll(() => t.close());

  // Ranges of 4 seq, two workers on PostgreSQL (t.dbUrl), in-thread on PGlite (no URL).
  const threads: number[] = [];
  const parallel = () =>
    verifyTrail(t.ctx.db, {
      parallel: { connectionString: t.dbUrl, workers: 2, chunk: 4, onStart: (w) => threads.push(w) },
    });
  const onePass = () => verifyTrail(t.ctx.db, { parallel: { chunk: 1e9 } });

  it('agrees with one pass on an intact trail', async () => {
    expect(n).toBeGreaterThan(16);
    const r = await parallel();
    expect(r).toMatchObject({ ok: true, rows: n });
    expect(r).toEqual(await onePass());
    expect(threads).toEqual([t.dbUrl ? 2 : 0]); // the workers did the work, on PostgreSQL
  });

  it('a break in the middle of a later range and one in an earlier range: the earlier one is reported', async () => {
    const later = String(4 * 3 + 2); // range 3 (seq 13–16)
    const earlier = String(4 + 3); // range 1 (seq 5–8)
    await editRow(t, later);
    await editRow(t, earlier, sql`detail = '{"edited":true}'::jsonb`);
    const r = await parallel();
    expect(r).toMatchObject({
      ok: false,
      firstBrokenSeq: earlier,
      kind: 'forged',
      rows: Number(earlier) - 1,
      reason: 'content does not match its keyed hash',
    });
    expect(r).toEqual(await onePass());
  });

  it('a row deleted at the start of a range is missing, as in one pass', async () => {
    await t.asOwner(async (db) => {
      await sql`alter table trail disable trigger trail_no_update`.execute(db);
      await sql`delete from trail where seq = 5`.execute(db);
      await sql`alter table trail enable trigger trail_no_update`.execute(db);
    });
    const r = await parallel();
    expect(r).toMatchObject({ ok: false, firstBrokenSeq: '5', kind: 'missing', rows: 4 });
    expect(r).toEqual(await onePass());
  });
});
