// The audio of an item (issue 14 §3, M-33), on the engine of the run: a recording streams in as sealed 4 MiB chunks
// and downloads byte for byte; its type is read from its content (a PDF named .mp3, WAV bytes named .mp3 are
// refused); over the M-33 size it is refused, declared or not; a refused upload leaves no chunk and no file; another
// county gets 404; the seal holds the recording's digest, and nothing is added after the seal.
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { loadSmallTree, ORG } from '../../test/fixtures.js';
import { CHUNK_BYTES, sweepUnfinished } from '../../platform/files/index.js';
import { detectAudio } from '../../platform/files/audio-type.js';
import { unzipSync, zipSync } from 'fflate';
import { verifyArchive } from './archive/verify-core.js';
import { meetingWith, seatTeam } from './meetings.fixtures.js';

let t: TestApp;
let city: Client;
let countyB: Client;
let admin: Client;
let meeting: number;
let item: number;
let recording: Buffer;
let audioId: number;
let team: number[];

const upload = (
  c: Client,
  itemId: number,
  name: string,
  body: Buffer | Readable,
  headers: Record<string, string> = {},
) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/meeting-items/${itemId}/audio`,
    headers: {
      cookie: c.cookie,
      'x-csrf-token': c.csrf,
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(name),
      ...headers,
    },
    payload: body,
  });
const count = async (table: 'audio_chunks' | 'item_audio') =>
  Number((await sql<{ n: string }>`select count(*) n from ${sql.table(table)}`.execute(t.ctx.db)).rows[0].n);

/** An MP3 as a recorder writes it: an ID3 tag, then frames (here their bytes are noise). */
const mp3 = (bytes: number) =>
  Buffer.concat([Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00', 'latin1'), randomBytes(bytes)]);
const wav = () => {
  const b = Buffer.alloc(64);
  b.write('RIFF', 0, 'latin1');
  b.writeUInt32LE(56, 4);
  b.write('WAVEfmt ', 8, 'latin1');
  return b;
};

beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-10T02:00:00Z' });
  await loadSmallTree(t);
  city = await loginAs(t, { role: 'org_supervisor', orgId: ORG.R, scope: 4 });
  countyB = await loginAs(t, { role: 'org_supervisor', orgId: ORG.B, scope: 4 });
  admin = await loginAs(t, { role: 'admin', orgId: ORG.R, scope: 1 });
  team = await seatTeam(city, 4);
  meeting = await meetingWith(city, team, 5, '2026-03-09');
  item = (
    await city.post(`/api/v1/meetings/${meeting}/items`, { title: '审议城区道路项目', category: 'major_project' })
  ).json().id;
});
afterAll(() => t.close());

describe('the audio of an item (M-33)', () => {
  it('reads the type from the content: MP3, AAC, M4A, WAV, Ogg Opus; not a PDF or noise', () => {
    const ogg = Buffer.alloc(64);
    ogg.write('OggS', 0, 'latin1');
    ogg.write('OpusHead', 28, 'latin1');
    const m4a = Buffer.alloc(64);
    m4a.write('ftypM4A ', 4, 'latin1');
    const frame = Buffer.from([0xff, 0xfb, 0x90, 0x64, ...Array(60).fill(0)]); // MPEG-1 layer III, 128 kbit/s
    const adts = Buffer.from([0xff, 0xf1, 0x50, 0x80, ...Array(60).fill(0)]);
    expect([mp3(10), frame, adts, m4a, wav(), ogg].map((b) => detectAudio(b.subarray(0, 64)))).toEqual([
      'audio/mpeg',
      'audio/mpeg',
      'audio/aac',
      'audio/mp4',
      'audio/wav',
      'audio/ogg',
    ]);
    expect(detectAudio(Buffer.from('%PDF-1.4 一份会议材料 %%EOF'))).toBeNull();
    expect(detectAudio(Buffer.from([0xff, 0xff, 0xff, 0xff, ...Array(60).fill(0)]))).toBeNull(); // bad bitrate
    const video = Buffer.from(m4a);
    video.write('avc1', 8, 'latin1');
    expect(detectAudio(video)).toBeNull();
  });

  it('streams a recording into sealed chunks and gives it back byte for byte', async () => {
    const body = mp3(2 * CHUNK_BYTES + 12345);
    recording = body;
    const res = await upload(city, item, '常委会录音.mp3', body);
    audioId = res.json().id;
    expect(res.statusCode, res.body).toBe(201);
    const sha256 = createHash('sha256').update(body).digest('hex');
    expect(res.json()).toMatchObject({ name: '常委会录音.mp3', type: 'audio/mpeg', size: body.length, sha256 });
    expect(await count('audio_chunks')).toBe(3);
    const stored = await t.ctx.db
      .selectFrom('audio_chunks')
      .select('content_enc')
      .where('n', '=', 0)
      .executeTakeFirstOrThrow();
    expect(Buffer.from(stored.content_enc).includes(body.subarray(10, 40))).toBe(false); // sealed, not in clear
    const page = (await city.get(`/api/v1/meetings/${meeting}`)).json();
    expect(page.items[0].audio).toMatchObject([
      { name: '常委会录音.mp3', typeLabel: 'MP3', size: body.length, sha256 },
    ]);
    const down = await city.get(`/api/v1/meeting-items/${item}/audio/${res.json().id}`);
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-disposition']).toContain('attachment');
    expect(down.rawPayload.equals(body)).toBe(true);
    expect((await countyB.get(`/api/v1/meeting-items/${item}/audio/${res.json().id}`)).statusCode).toBe(404);
    expect((await upload(countyB, item, 'b.mp3', mp3(100))).statusCode).toBe(404);
  });

  it('refuses what is not audio, a name that lies, and a file over the setting — leaving nothing behind', async () => {
    const before = [await count('audio_chunks'), await count('item_audio')];
    const pdf = await upload(city, item, '录音.mp3', Buffer.from('%PDF-1.4\n会议材料\n%%EOF\n'));
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().error.code).toBe('AUDIO_TYPE');
    const lie = await upload(city, item, '录音.mp3', wav());
    expect(lie.json().error).toMatchObject({ code: 'AUDIO_MISMATCH', messageZh: expect.stringContaining('WAV') });
    expect((await upload(city, item, '录音.mp3', Buffer.alloc(0))).statusCode).toBe(400);
    const set = await admin.put(`/api/v1/rules/M-33/overrides/${ORG.A}`, { settings: { audioMaxMiB: 5 } });
    expect(set.statusCode, set.body).toBe(200);
    // Past the limit while streaming (the chunk already written is deleted), and declared past it up front.
    const over = mp3(5 * 1024 * 1024 + 1);
    const big = await upload(city, item, '长录音.mp3', over);
    expect(big.statusCode).toBe(413);
    expect(big.json().error.messageZh).toBe('单个文件不能超过 5 MB');
    const parts = Array.from({ length: 6 }, (_, i) => over.subarray(i * 1024 * 1024, (i + 1) * 1024 * 1024));
    const streamed = await upload(city, item, '长录音.mp3', Readable.from(parts)); // no length declared
    expect(streamed.statusCode, streamed.body).toBe(413);
    expect([await count('audio_chunks'), await count('item_audio')]).toEqual(before);
  });

  it('the daily sweep removes the chunks of an upload that died with the server, once a day old, and nothing else', async () => {
    const stored = await count('audio_chunks'); // the chunks of the recording stored above
    const now = t.ctx.clock.now().getTime();
    const orphan = (id: string, hoursAgo: number) =>
      t.ctx.db
        .insertInto('audio_chunks')
        .values({ upload_id: id, n: 0, content_enc: Buffer.from('x'), created_at: new Date(now - hoursAgo * 3600_000) })
        .execute();
    await orphan('a'.repeat(32), 25);
    await orphan('b'.repeat(32), 23); // may still be streaming
    await t.asOwner(async (db) => {
      await sql`alter table audio_chunks disable trigger audio_chunks_fixed`.execute(db);
      await sql`update audio_chunks set created_at = created_at - interval '2 days'
        where upload_id in (select upload_id from item_audio)`.execute(db);
      await sql`alter table audio_chunks enable trigger audio_chunks_fixed`.execute(db);
    }); // the stored file's chunks are old too
    const dayAgo = new Date(now - 24 * 3600_000);
    expect(await sweepUnfinished(t.ctx, dayAgo)).toBe(1);
    expect(await count('audio_chunks')).toBe(stored + 1);
    expect(await sweepUnfinished(t.ctx, new Date(now))).toBe(1); // the recent one, later; the stored file's stay
    expect(await count('audio_chunks')).toBe(stored);
  });

  it('the seal holds the digest of each recording; nothing is added after it', async () => {
    await city.post(`/api/v1/meeting-items/${item}/close`, {});
    expect((await city.post(`/api/v1/meetings/${meeting}/seal`, {})).statusCode).toBe(200);
    const seal = await t.ctx.db
      .selectFrom('meeting_seals')
      .select('record')
      .where('meeting_id', '=', meeting)
      .executeTakeFirstOrThrow();
    const audio = (seal.record as { items: Array<{ audio?: Array<{ sha256: string; size_bytes: number }> }> }).items[0]
      .audio;
    expect(audio).toHaveLength(1);
    expect(audio?.[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    const late = await upload(city, item, '补充录音.mp3', mp3(100));
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('RECORD_SEALED');
    expect((await city.get(`/api/v1/meetings/${meeting}/seal`)).json().intact).toBe(true);
    // M-33: the item has its recording, so no finding; a 三重一大 item sealed without one is a finding.
    const findings = () =>
      t.ctx.db.selectFrom('findings').select(['rule_id', 'evidence']).where('rule_id', '=', 'M-33').execute();
    expect(await findings()).toEqual([]);
    const bare = await meetingWith(city, team, 5, '2026-03-10');
    const silent = (
      await city.post(`/api/v1/meetings/${bare}/items`, { title: '审议年度预算', category: 'large_funds' })
    ).json().id;
    const other = (await city.post(`/api/v1/meetings/${bare}/items`, { title: '通报情况', category: 'other' })).json()
      .id;
    for (const i of [silent, other]) await city.post(`/api/v1/meeting-items/${i}/close`, {});
    expect((await city.post(`/api/v1/meetings/${bare}/seal`, {})).statusCode).toBe(200);
    expect((await findings()).map((f) => (f.evidence as Array<{ itemId: number }>)[0].itemId)).toEqual([silent]);

    // The archive carries the recording, streamed in; a byte changed in it is named by the offline check.
    const res = await city.get(`/api/v1/meetings/${meeting}/archive`);
    expect(res.statusCode).toBe(200);
    const zip = new Uint8Array(res.rawPayload);
    const files = unzipSync(zip);
    const name = `audio/${audioId}.mp3`;
    expect(Buffer.from(files[name]).equals(recording)).toBe(true);
    expect((await verifyArchive(zip, { publicKeyPem: t.ctx.signer.publicKeyPem })).ok).toBe(true);
    const changed = new Uint8Array(files[name]);
    changed[CHUNK_BYTES + 7] ^= 1;
    const problems = (await verifyArchive(zipSync({ ...files, [name]: changed }))).problems;
    expect(problems.map((p) => p.file)).toEqual([name]);
    expect(problems[0].zh).toBe(`文件 ${name} 已被改动（摘要不符）`);
    // Read in slices, as a recording over 64 MiB is: intact verifies, stored or deflated; a changed byte is named.
    // Repacked by another tool as ZIP64, it still verifies.
    expect((await verifyArchive(zip, { wholeMax: 1024 })).problems).toEqual([]);
    const stored = (b: Uint8Array) => zipSync({ ...files, [name]: [b, { level: 0 }] });
    expect((await verifyArchive(stored(changed), { wholeMax: 1024 })).problems.map((p) => p.file)).toEqual([name]);
    expect((await verifyArchive(zipSync({ ...files, [name]: changed }), { wholeMax: 1024 })).ok).toBe(false);
    expect((await verifyArchive(zipSync(files), { wholeMax: 1024 })).problems).toEqual([]);
    expect((await verifyArchive(stored(files[name]), { wholeMax: 1024 })).ok).toBe(true);
    const dir = mkdtempSync(path.join(tmpdir(), 'mj-zip64-'));
    for (const [n, b] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, n)), { recursive: true });
      writeFileSync(path.join(dir, n), b);
    }
    const packed = spawnSync('zip', ['-q', '-r', '-0', '-fz', path.join(dir, 'x.zip'), '.'], { cwd: dir });
    if (packed.status === 0) {
      const z64 = new Uint8Array(readFileSync(path.join(dir, 'x.zip')));
      expect(Buffer.from(z64).includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(true); // a ZIP64 end record
      expect((await verifyArchive(z64, { wholeMax: 1024 })).problems).toEqual([]);
    }
    rmSync(dir, { recursive: true, force: true });
  });
});
