// The spot-check draw (issue 15 §2, M-41): the same inputs give the same cadres — checked against a separate
// implementation of the README's lines here — one cadre more in the list gives another draw, the cohorts are never in
// the random share; through the API the seed is committed before the list is fixed, revealed at the draw, the record
// signed and replayable, the draw fixed; the sibling county reads nothing.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyProof } from '../../platform/crypto/index.js';
import { loginAs, PASSWORD, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { CADRE, loadSmallTree, ORG } from '../../test/fixtures.js';
import { drawFrom, listDigest, replayDraw, type DrawRecord } from './draw.algorithm.js';

/** The README's algorithm, written again from its words alone. */
function independent(seed: string, ids: number[], share: number) {
  const h = (s: string) => createHash('sha256').update(s).digest('hex');
  const list = [...ids].sort((a, b) => a - b);
  const digest = h(list.join('\n'));
  const k = Math.ceil((list.length * Math.round(share * 10000)) / 10000);
  const ranked = list.map((id) => [h(`${seed}:${digest}:${id}`), id] as const);
  ranked.sort((a, b) => a[0].localeCompare(b[0]) || a[1] - b[1]);
  return ranked
    .slice(0, k)
    .map((r) => r[1])
    .sort((a, b) => a - b);
}

describe('the draw algorithm (M-41)', () => {
  const ids = Array.from({ length: 400 }, (_, i) => 1000 + i * 7);
  const seed = 'a3f1c2d4e5b6978812345678900abcdef0123456789abcdef0123456789abcd';
  it('gives the same cadres as the written algorithm, 10 % rounded up', () => {
    const drawn = drawFrom(seed, ids, 1000);
    expect(drawn).toHaveLength(40);
    expect(drawn).toEqual(independent(seed, ids, 0.1));
    expect(drawFrom(seed, [...ids].reverse(), 1000)).toEqual(drawn); // the order given does not matter
    expect(drawFrom(seed, ids.slice(0, 30), 1000)).toHaveLength(3); // 30 × 10 % is 3, not 4 (no float error)
    expect(drawFrom(seed, ids.slice(0, 31), 1000)).toHaveLength(4);
  });
  it('one cadre more in the list, or another seed, is another draw', () => {
    const base = [...ids, 5]; // 401 and 402 cadres both draw 41: the difference is not in k
    const drawn = drawFrom(seed, base, 1000);
    const more = drawFrom(seed, [...base, 99_999], 1000);
    expect([drawn.length, more.length]).toEqual([41, 41]);
    expect(more).toEqual(independent(seed, [...base, 99_999], 0.1));
    // Not merely the newcomer taking a place: the list's digest is in every rank, so the draw is another one.
    const kept = more.filter((id) => drawn.includes(id)).length;
    expect(kept).toBeLessThan(20);
    expect(drawFrom(`${seed}0`, base, 1000)).not.toEqual(drawn);
  });
});

describe('the spot check through the API (M-41)', () => {
  let t: TestApp;
  let countyA: Client;
  let drawId: number;
  let record: DrawRecord;
  beforeAll(async () => {
    t = await startTestApp({ now: '2026-03-02T02:00:00Z' });
    await loadSmallTree(t);
    countyA = await loginAs(t, { role: 'org_supervisor', orgId: ORG.A, scope: 4 });
    for (const cadreId of [CADRE.A, CADRE.A_DEPT, CADRE.A_TOWN]) {
      const r = (await countyA.post('/api/v1/personal-reports', { kind: 'annual', year: 2025, cadreId })).json();
      expect((await countyA.post(`/api/v1/personal-reports/${r.id}/submit`, { password: PASSWORD })).statusCode).toBe(
        200,
      );
    }
  });
  afterAll(() => t.close());

  it('commits to the seed first, then draws from those who filed, the cohort apart', async () => {
    const open = await countyA.post('/api/v1/personal-draws', { orgId: ORG.A, year: 2025 });
    expect(open.statusCode, open.body).toBe(201);
    drawId = open.json().id;
    expect(open.json()).toMatchObject({ shareBp: 1000, commitment: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((await countyA.post('/api/v1/personal-draws', { orgId: ORG.A, year: 2025 })).statusCode).toBe(409);
    const before = (await countyA.get(`/api/v1/personal-draws/${drawId}`)).json();
    expect(before).toMatchObject({ record: null, drawnAt: null });
    expect(JSON.stringify(before)).not.toMatch(/"seed"/); // not revealed before the draw
    const bad = await countyA.post(`/api/v1/personal-draws/${drawId}/draw`, {
      cohorts: [
        { cadreId: CADRE.A, cohort: 'reserve' },
        { cadreId: CADRE.A, cohort: 'promotion_candidate' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    const run = await countyA.post(`/api/v1/personal-draws/${drawId}/draw`, {
      cohorts: [{ cadreId: CADRE.A, cohort: 'promotion_candidate' }],
    });
    expect(run.statusCode, run.body).toBe(200);
    const { id: _id, ...drawnRecord } = run.json();
    record = drawnRecord;
    expect(record.eligible).toEqual([CADRE.A_DEPT, CADRE.A_TOWN]); // the cohort is not in the random share
    expect(record.drawn).toHaveLength(1); // ⌈2 × 10 %⌉
    expect(record.drawn).toEqual(independent(record.seed, record.eligible, 0.1));
    expect(createHash('sha256').update(record.seed).digest('hex')).toBe(open.json().commitment);
    expect(record.eligibleDigest).toBe(listDigest(record.eligible));
  });

  it('the record is signed, replays, and is fixed; a changed record does not replay', async () => {
    const got = (await countyA.get(`/api/v1/personal-draws/${drawId}`)).json();
    expect(got.record).toEqual(record);
    expect(verifyProof(got.proof, got.publicKey)).toBe(true);
    expect(got.members.map((m: { reason: string }) => m.reason).sort()).toEqual(['promotion_candidate', 'random']);
    expect(replayDraw(record)).toEqual({ ok: true, problems: [] });
    const other = record.eligible.find((id) => !record.drawn.includes(id)) as number;
    expect(replayDraw({ ...record, drawn: [other] }).problems).toEqual(['drawn']);
    expect(replayDraw({ ...record, eligible: [...record.eligible, 99] }).problems).toContain('eligibleDigest');
    // The command line replays the exported answer.
    const dir = mkdtempSync(join(tmpdir(), 'mj-draw-'));
    writeFileSync(join(dir, 'draw.json'), JSON.stringify(got));
    const out = execFileSync('npx', ['tsx', 'apps/server/src/cli/replay-draw.ts', join(dir, 'draw.json')], {
      encoding: 'utf8',
    });
    expect(out).toContain('一致 REPLAYED');
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...got, record: { ...record, drawn: [other] } }));
    expect(() => execFileSync('npx', ['tsx', 'apps/server/src/cli/replay-draw.ts', join(dir, 'bad.json')])).toThrow();

    expect((await countyA.post(`/api/v1/personal-draws/${drawId}/draw`, { cohorts: [] })).statusCode).toBe(409);
    await expect(sql`update pm_draws set share_bp = 5000 where id = ${drawId}`.execute(t.ctx.db)).rejects.toThrow();
    await expect(sql`delete from pm_draw_members where draw_id = ${drawId}`.execute(t.ctx.db)).rejects.toThrow();
  });

  it('the sibling county reads nothing and may not draw for 明湖区', async () => {
    const b = await loginAs(t, { role: 'org_supervisor', orgId: ORG.B, scope: 4 });
    expect((await b.get(`/api/v1/personal-draws/${drawId}`)).statusCode).toBe(404);
    expect((await b.post('/api/v1/personal-draws', { orgId: ORG.A, year: 2024 })).statusCode).toBe(404);
    const own = await loginAs(t, { role: 'cadre', orgId: ORG.A_DEPT, scope: 5, cadreId: CADRE.A_DEPT });
    expect((await own.get(`/api/v1/personal-draws/${drawId}`)).statusCode).toBe(403);
  });
});
