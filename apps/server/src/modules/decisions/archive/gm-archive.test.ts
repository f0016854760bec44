// A 国密 installation end to end (issue 14 §5, M-35), on the engine of the run: chosen at the first start, it seals with
// SM3 and SM2; the seal checks, the archive verifies offline (the code verify.html runs) and names a changed byte;
// the trail's rows are HMAC-SM3 and verify; signatures of items carry SM3 digests; the public key says SM2; and a
// start asking for the other suite is refused, since nothing written would verify any more.
import { strToU8, unzipSync, zipSync } from 'fflate';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestHex, establishSuite, newSigner } from '../../../platform/crypto/index.js';
import { canonicalJson, rowHash, verifyTrail } from '../../../platform/trail/index.js';
import { loginAs, startTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { loadSmallTree, ORG } from '../../../test/fixtures.js';
import { meetingWith, seatTeam } from '../meetings.fixtures.js';
import { verifyArchive } from './verify-core.js';

let t: TestApp;
let city: Client;
let zip: Uint8Array<ArrayBufferLike>;
let meetingId: number;

beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-10T02:00:00Z', crypto: 'gm' });
  await loadSmallTree(t);
  city = await loginAs(t, { role: 'org_supervisor', orgId: ORG.R, scope: 4 });
  const team = await seatTeam(city, 4);
  for (const heldOn of ['2026-03-02', '2026-03-09']) {
    meetingId = await meetingWith(city, team, 5, heldOn);
    const item = (
      await city.post(`/api/v1/meetings/${meetingId}/items`, { title: '审议预算', category: 'other' })
    ).json();
    expect((await city.post(`/api/v1/meeting-items/${item.id}/close`, {})).statusCode).toBe(200);
    expect((await city.post(`/api/v1/meetings/${meetingId}/seal`, {})).statusCode).toBe(200);
  }
  const res = await city.get(`/api/v1/meetings/${meetingId}/archive`);
  expect(res.statusCode).toBe(200);
  zip = new Uint8Array(res.rawPayload);
}, 120_000);
afterAll(() => t.close());

describe('a 国密 installation (SM3 / SM2)', () => {
  it('seals with SM3 and SM2, and the seal checks intact', async () => {
    const s = await t.ctx.db
      .selectFrom('meeting_seals')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .executeTakeFirstOrThrow();
    expect(s.algorithm).toBe('SM3');
    expect(s.digest).toBe(digestHex('SM3', canonicalJson(s.record)));
    expect(s.digest).not.toBe(digestHex('SHA-256', canonicalJson(s.record)));
    const check = (await city.get(`/api/v1/meetings/${meetingId}/seal`)).json();
    expect(check).toMatchObject({ sealed: true, intact: true, algorithm: 'SM3' });
    expect((await city.get('/api/v1/public/signing-key')).json().algorithm).toBe('SM2');
  });

  it('exports an archive that verifies offline, with SM3 digests and SM2 signatures; a changed byte is named', async () => {
    const files = unzipSync(zip);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
    expect(manifest.algorithm).toBe('SM2');
    expect(manifest.payload.files[0].sm3).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyArchive(zip, { publicKeyPem: t.ctx.signer.publicKeyPem })).toMatchObject({
      ok: true,
      seq: 2,
      algorithm: 'SM3',
    });
    files['record.json'] = strToU8(new TextDecoder().decode(files['record.json']).replace('审议预算', '审议预箅'));
    const bad = await verifyArchive(zipSync(files));
    expect(bad.problems.map((p) => p.zh)).toEqual(['文件 record.json 已被改动（摘要不符）', '会议记录与封存摘要不符']);
    const other = await verifyArchive(zip, { publicKeyPem: newSigner('gm').publicKeyPem });
    expect(other.problems.map((p) => p.zh)).toEqual(['该归档不是本系统封存的（公钥不同）']);
  });

  it('keys the trail with HMAC-SM3, and the chain verifies', async () => {
    const r = await t.ctx.db.selectFrom('trail').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(rowHash(r.prev_hash, r, t.trailKey, 'SM3')).toBe(r.hash);
    expect(rowHash(r.prev_hash, r, t.trailKey, 'SHA-256')).not.toBe(r.hash);
    expect((await verifyTrail(t.ctx.db)).ok).toBe(true);
  });

  it('refuses a later start that asks for the other suite', async () => {
    await expect(establishSuite(t.ctx.db, 'standard')).rejects.toThrow(/cannot become standard/);
    await expect(establishSuite(t.ctx.db, 'gm')).resolves.toBe('gm');
    const recorded = await sql<{ value: string }>`select value from installation where name = 'crypto_suite'`.execute(
      t.ctx.db,
    );
    expect(recorded.rows[0].value).toBe('gm');
  });
});
