// Sealing (issue 14 §5, M-35), on the engine of the run: a meeting with an open item cannot be sealed; sealed, its
// seal is the unit's first link and the next meeting's seal links to it; the database refuses to change a sealed
// meeting's rows (as the app's role too: the triggers are not the app's to drop); a change made behind the triggers
// with the owner's rights is named by the check, as is a changed stored record or addendum; an intact seal checks out.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { loadSmallTree, ORG } from '../../test/fixtures.js';
import { meetingWith, seatTeam } from './meetings.fixtures.js';
import { verifySealChains } from './seal-chains.js';

let t: TestApp;
let city: Client;
let countyB: Client;
let team: number[];

beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-10T02:00:00Z' });
  await loadSmallTree(t);
  city = await loginAs(t, { role: 'org_supervisor', orgId: ORG.R, scope: 4 });
  countyB = await loginAs(t, { role: 'org_supervisor', orgId: ORG.B, scope: 4 });
  team = await seatTeam(city, 4);
});
afterAll(() => t.close());

async function decidedMeeting(heldOn: string) {
  const id = await meetingWith(city, team, 5, heldOn);
  const item = (
    await city.post(`/api/v1/meetings/${id}/items`, { title: '审议年度预算', category: 'large_funds' })
  ).json();
  await city.post(`/api/v1/meeting-items/${item.id}/opinions`, { cadreId: team[1], opinion: 'agree' });
  return { id, item: item.id as number };
}

describe('sealing a meeting (M-35)', () => {
  let first: { id: number; item: number };
  let digest: string;

  it('refuses while an item is open; seals and links the next seal of the unit to it', async () => {
    first = await decidedMeeting('2026-03-02');
    const early = await city.post(`/api/v1/meetings/${first.id}/seal`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'ITEMS_OPEN', messageZh: '还有 1 个议题未结束，不能封存' });
    expect((await city.post(`/api/v1/meeting-items/${first.item}/close`, {})).statusCode).toBe(200);
    const sealed = await city.post(`/api/v1/meetings/${first.id}/seal`, {});
    expect(sealed.statusCode, sealed.body).toBe(200);
    expect(sealed.json()).toMatchObject({ seq: 1, prevDigest: null, digest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    digest = sealed.json().digest;
    expect((await city.post(`/api/v1/meetings/${first.id}/seal`, {})).json().error.code).toBe('ALREADY_SEALED');
    const second = await decidedMeeting('2026-03-09');
    await city.post(`/api/v1/meeting-items/${second.item}/close`, {});
    expect((await city.post(`/api/v1/meetings/${second.id}/seal`, {})).json()).toMatchObject({
      seq: 2,
      prevDigest: digest,
    });
    const check = (await city.get(`/api/v1/meetings/${first.id}/seal`)).json();
    expect(check).toMatchObject({
      sealed: true,
      intact: true,
      checks: { digest: true, signature: true, chain: true, changed: [] },
    });
    expect((await city.get(`/api/v1/meetings/${first.id}`)).json().seal).toMatchObject({ seq: 1, digest });
  });

  it('the database refuses to change a sealed meeting, through the API and by hand as the app', async () => {
    const add = await city.post(`/api/v1/meetings/${first.id}/items`, { title: '补充议题', category: 'other' });
    expect(add.statusCode).toBe(409);
    expect(add.json().error).toMatchObject({ code: 'RECORD_SEALED' });
    expect(add.json().error.messageZh).not.toMatch(/meeting_|MJS|trigger/);
    for (const q of [
      sql`update meeting_items set title = '改过的标题' where id = ${first.item}`,
      sql`delete from item_opinions where item_id = ${first.item}`,
      sql`update meetings set place = '别处' where id = ${first.id}`,
      sql`insert into meeting_guests (meeting_id, name, capacity) values (${first.id}, '某人', '列席')`,
      sql`update meeting_seals set digest = 'x' where meeting_id = ${first.id}`,
    ])
      await expect(q.execute(t.ctx.db)).rejects.toThrow();
    expect((await city.get(`/api/v1/meetings/${first.id}/seal`)).json().intact).toBe(true);
  });

  it('a row changed behind the triggers, or the stored record changed, is named by the check', async () => {
    const before = await verifySealChains(t.ctx.db, t.ctx.signer);
    expect(before).toMatchObject({ ok: true, broken: [] });
    expect(before.seals).toBeGreaterThanOrEqual(2);
    await t.asOwner(async (db) => {
      await sql`alter table item_opinions disable trigger item_opinions_sealed`.execute(db);
      await sql`update item_opinions set opinion = 'disagree', reason = '事后改动' where item_id = ${first.item} and seq = 1`.execute(
        db,
      );
      await sql`alter table item_opinions enable trigger item_opinions_sealed`.execute(db);
    });
    let check = (await city.get(`/api/v1/meetings/${first.id}/seal`)).json();
    expect(check.intact).toBe(false);
    expect(check.checks).toMatchObject({ digest: true, signature: true, chain: true });
    expect(check.checks.changed).toEqual(['items.0.opinions.0.opinion', 'items.0.opinions.0.reason']);
    await t.asOwner(async (db) => {
      await sql`alter table meeting_seals disable trigger meeting_seals_fixed`.execute(db);
      await sql`update meeting_seals set record = jsonb_set(record, '{meeting,place}', '"别处"')
        where meeting_id = ${first.id}`.execute(db);
      await sql`alter table meeting_seals enable trigger meeting_seals_fixed`.execute(db);
    });
    check = (await city.get(`/api/v1/meetings/${first.id}/seal`)).json();
    expect(check.checks.digest).toBe(false);
    expect(check.checks.changed).toContain('meeting.place');
    // verify-seals over every unit's chain names the same seal, and only it; then a link moved names the chain.
    let all = await verifySealChains(t.ctx.db, t.ctx.signer, { batch: 1 });
    expect(all.broken).toEqual([{ meetingId: first.id, orgId: expect.any(Number), seq: 1, what: ['digest'] }]);
    await t.asOwner(async (db) => {
      await sql`alter table meeting_seals disable trigger meeting_seals_fixed`.execute(db);
      await sql`update meeting_seals set prev_digest = repeat('0', 64) where org_id = ${all.broken[0].orgId} and seq = 2`.execute(
        db,
      );
      await sql`alter table meeting_seals enable trigger meeting_seals_fixed`.execute(db);
    });
    all = await verifySealChains(t.ctx.db, t.ctx.signer);
    expect(all.broken.map((b) => [b.seq, b.what])).toEqual([
      [1, ['digest']],
      [2, ['signature', 'chain']],
    ]);
  });

  it("verify-seals checks each seal's addenda: an addendum changed behind the trigger is named by its number", async () => {
    for (const correction of ['出席人数应为五人', '列席人员补记一人'])
      expect((await city.post(`/api/v1/meetings/${first.id}/addenda`, { reason: '笔误', correction })).statusCode).toBe(
        201,
      );
    let all = await verifySealChains(t.ctx.db, t.ctx.signer);
    expect(all.addenda).toBe(2);
    expect(all.broken.find((b) => b.meetingId === first.id)?.what).toEqual(['digest']); // from the test before
    await t.asOwner(async (db) => {
      await sql`alter table meeting_addenda disable trigger meeting_addenda_fixed`.execute(db);
      await sql`update meeting_addenda set correction = '出席人数应为六人' where meeting_id = ${first.id} and n = 1`.execute(
        db,
      );
      await sql`alter table meeting_addenda enable trigger meeting_addenda_fixed`.execute(db);
    });
    all = await verifySealChains(t.ctx.db, t.ctx.signer);
    expect(all.broken.find((b) => b.meetingId === first.id)).toMatchObject({
      what: ['digest', 'addenda'],
      addenda: [1],
    });
  });

  it('another county gets 404 on sealing and checking', async () => {
    expect((await countyB.post(`/api/v1/meetings/${first.id}/seal`, {})).statusCode).toBe(404);
    expect((await countyB.get(`/api/v1/meetings/${first.id}/seal`)).statusCode).toBe(404);
  });
});
