// The meeting archive (issue 14 §5, M-35), on the engine of the run: a sealed meeting exports as a .zip that the
// offline verifier — the same code the CLI and verify.html run — finds intact; a byte changed in the record, in the
// minutes or in the seal, a file added, or another installation's key is named. An unsealed meeting does not export.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSigner } from '../../../platform/crypto/index.js';
import { loginAs, startTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { loadSmallTree, ORG } from '../../../test/fixtures.js';
import { meetingWith, seatTeam } from '../meetings.fixtures.js';
import { verifyArchive } from './verify-core.js';

let t: TestApp;
let city: Client;
let zip: Uint8Array<ArrayBufferLike>;
let meetingId: number;
let team: number[];

beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-10T02:00:00Z' });
  await loadSmallTree(t);
  city = await loginAs(t, { role: 'org_supervisor', orgId: ORG.R, scope: 4 });
  team = await seatTeam(city, 4);
  for (const heldOn of ['2026-03-02', '2026-03-09']) {
    meetingId = await meetingWith(city, team, 5, heldOn);
    const item = (
      await city.post(`/api/v1/meetings/${meetingId}/items`, { title: '审议预算', category: 'large_funds' })
    ).json();
    await city.post(`/api/v1/meeting-items/${item.id}/opinions`, {
      cadreId: team[1],
      opinion: 'reserve',
      reason: '需再论证',
    });
    expect((await city.post(`/api/v1/meeting-items/${item.id}/close`, {})).statusCode).toBe(200);
    if (heldOn === '2026-03-02') {
      const early = await city.get(`/api/v1/meetings/${meetingId}/archive`);
      expect(early.statusCode).toBe(409);
      expect(early.json().error.code).toBe('NOT_SEALED');
    }
    expect((await city.post(`/api/v1/meetings/${meetingId}/seal`, {})).statusCode).toBe(200);
  }
  const res = await city.get(`/api/v1/meetings/${meetingId}/archive`);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('application/zip');
  zip = new Uint8Array(res.rawPayload);
}, 120_000);
afterAll(() => t.close());

/** The archive with one file replaced (or added). */
const altered = (name: string, change: (b: Uint8Array) => Uint8Array): Uint8Array => {
  const files = unzipSync(zip);
  files[name] = change(files[name] ?? new Uint8Array()) as (typeof files)[string];
  return zipSync(files);
};
const flipLastByte = (b: Uint8Array) => {
  const c = new Uint8Array(b);
  c[c.length - 2] ^= 1;
  return c;
};

describe('the meeting archive (M-35)', () => {
  it('holds the record, the minutes, the seal and its link, the key, a signed manifest and verify.html; it verifies', async () => {
    expect(Object.keys(unzipSync(zip)).sort()).toEqual(
      [
        'chain.json',
        'manifest.json',
        'public-key.pem',
        'record.json',
        'seal.json',
        'verify.html',
        '会议纪要.docx',
      ].sort(),
    );
    const r = await verifyArchive(zip, { publicKeyPem: t.ctx.signer.publicKeyPem });
    expect(r).toMatchObject({ ok: true, meetingId, seq: 2, problems: [] });
    const chain = JSON.parse(new TextDecoder().decode(unzipSync(zip)['chain.json']));
    expect(chain.previous.payload.seq).toBe(1);
  });

  it('names a changed record, minutes or seal, an added file, and another installation', async () => {
    const files = (r: Awaited<ReturnType<typeof verifyArchive>>) => [...new Set(r.problems.map((p) => p.file))];
    const record = await verifyArchive(
      altered('record.json', (b) => strToU8(new TextDecoder().decode(b).replace('"reserve"', '"agree"'))),
    );
    expect(record.ok).toBe(false);
    expect(files(record)).toEqual(['record.json']);
    expect(record.problems.map((p) => p.zh)).toEqual([
      '文件 record.json 已被改动（摘要不符）',
      '会议记录与封存摘要不符',
    ]);
    expect(files(await verifyArchive(altered('会议纪要.docx', flipLastByte)))).toEqual(['会议纪要.docx']);
    const seal = await verifyArchive(
      altered('seal.json', (b) =>
        strToU8(new TextDecoder().decode(b).replace(/"sealedAt": "2026-03-10/, '"sealedAt": "2026-03-11')),
      ),
    );
    expect(files(seal)).toEqual(['seal.json']);
    expect(files(await verifyArchive(altered('extra.txt', () => strToU8('x'))))).toEqual(['extra.txt']);
    const other = await verifyArchive(zip, { publicKeyPem: newSigner().publicKeyPem });
    expect(other.problems.map((p) => p.zh)).toEqual(['该归档不是本系统封存的（公钥不同）']);
    expect((await verifyArchive(strToU8('not a zip'))).problems[0].zh).toBe('不是有效的会议归档（无法解压）');
  });

  it('a correction is a sealed addendum linked to the seal: in the archive, verified, a changed word named', async () => {
    const unsealed = await meetingWith(city, team, 5, '2026-03-10');
    const early = await city.post(`/api/v1/meetings/${unsealed}/addenda`, { reason: '笔误', correction: '改正' });
    expect(early.statusCode).toBe(409);
    expect((await city.post(`/api/v1/meetings/${meetingId}/addenda`, { reason: '' })).statusCode).toBe(400);
    const seal = (await city.get(`/api/v1/meetings/${meetingId}`)).json().seal;
    const first = await city.post(`/api/v1/meetings/${meetingId}/addenda`, {
      reason: '记录笔误',
      correction: '会议地点应为第二会议室',
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ n: 1, prevDigest: seal.digest });
    const second = (
      await city.post(`/api/v1/meetings/${meetingId}/addenda`, { reason: '补记', correction: '列席人员补记一人' })
    ).json();
    expect(second).toMatchObject({ n: 2, prevDigest: first.json().digest });
    const shown = (await city.get(`/api/v1/meetings/${meetingId}`)).json();
    expect(shown.addenda.map((a: { n: number; reason: string }) => [a.n, a.reason])).toEqual([
      [1, '记录笔误'],
      [2, '补记'],
    ]);
    expect((await city.get(`/api/v1/meetings/${meetingId}/seal`)).json().intact).toBe(true); // the record is untouched
    const withAddenda = new Uint8Array((await city.get(`/api/v1/meetings/${meetingId}/archive`)).rawPayload);
    expect(Object.keys(unzipSync(withAddenda))).toContain('addenda.json');
    expect(await verifyArchive(withAddenda)).toMatchObject({ ok: true, problems: [] });
    const files = unzipSync(withAddenda);
    files['addenda.json'] = strToU8(
      new TextDecoder().decode(files['addenda.json']).replace('第二会议室', '第三会议室'),
    );
    const bad = await verifyArchive(zipSync(files));
    expect(bad.problems.map((p) => p.zh)).toEqual([
      '文件 addenda.json 已被改动（摘要不符）',
      '第 1 号补充更正无效或已被改动',
    ]);
    // And the database refuses to change an addendum, as it refuses to change a seal.
    await expect(
      sql`update meeting_addenda set correction = '别的' where meeting_id = ${meetingId}`.execute(t.ctx.db),
    ).rejects.toThrow();
  });

  it('GET /verify serves the same page, signed out, allowed to run its own script only and to send nothing', async () => {
    const res = await t.app.inject({ url: '/verify' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(new TextDecoder().decode(unzipSync(zip)['verify.html']));
    const csp = String(res.headers['content-security-policy']);
    const script = /<script>([\s\S]*)<\/script>/.exec(res.body)?.[1] ?? '';
    expect(csp).toContain(`script-src 'sha256-${createHash('sha256').update(script).digest('base64')}'`);
    expect(csp).toMatch(/^default-src 'none';/);
    expect(csp).not.toContain('connect-src');
  });

  it('npm run verify-archive: exit 0 when intact, 1 naming the file when not', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mj-archive-'));
    const good = path.join(dir, 'good.zip');
    const bad = path.join(dir, 'bad.zip');
    const key = path.join(dir, 'key.pem');
    writeFileSync(good, zip);
    writeFileSync(bad, altered('会议纪要.docx', flipLastByte));
    writeFileSync(key, t.ctx.signer.publicKeyPem);
    const cli = path.resolve('apps/server/src/cli/verify-archive.ts');
    const run = (...a: string[]) => spawnSync(process.execPath, ['--import', 'tsx', cli, ...a], { encoding: 'utf8' });
    const ok = run(good, '--public-key', key);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('核验通过 INTACT');
    const no = run(bad);
    expect(no.status).toBe(1);
    expect(no.stdout).toContain('文件 会议纪要.docx 已被改动');
  }, 60_000);
});
