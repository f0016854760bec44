// Signatures (issue 14 §3, M-33), on the engine of the run: only the proposer and the chair sign, each for themselves,
// after the item is closed, by giving the password or a fresh one-time code again; a wrong one writes nothing; each
// signs once; a deemed proposer (the chair) signs once in both capacities; the seal covers the signatures, and a
// signature changed behind the triggers is named by the check; nothing is signed after the seal.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTotpSecret } from '../../platform/auth/totp.js';
import { totpCode } from '../../platform/auth/index.js';
import { loginAs, makeAccount, PASSWORD, startTestApp, Client, type TestApp } from '../../test/harness.js';
import { CADRE, loadSmallTree, ORG } from '../../test/fixtures.js';
import { SYSTEM_ACTOR, write } from '../../platform/trail/index.js';
import { meetingWith, seatTeam } from './meetings.fixtures.js';
import { itemDigest } from './signatures.service.js';

let t: TestApp;
let city: Client;
let team: number[];
let chair: Client;
let proposer: Client;
let proposerId: number;
let other: Client;
let meeting: number;
let openItem: number;

const signatures = (item: number) =>
  t.ctx.db.selectFrom('item_signatures').selectAll().where('item_id', '=', item).orderBy('capacity').execute();

beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-10T02:00:00Z' });
  await loadSmallTree(t);
  city = await loginAs(t, { role: 'org_supervisor', orgId: ORG.R, scope: 4 });
  team = await seatTeam(city, 4);
  chair = await loginAs(t, { role: 'committee_leader', orgId: ORG.A, scope: 4, cadreId: CADRE.A });
  const p = await makeAccount(t, { role: 'cadre', orgId: ORG.A, scope: 4, cadreId: team[1] });
  proposerId = p.id;
  proposer = await new Client(t).login(p.username);
  other = await loginAs(t, { role: 'cadre', orgId: ORG.A, scope: 4, cadreId: team[2] });
  meeting = await meetingWith(city, team, 5, '2026-03-09');
});
afterAll(() => t.close());

async function item(proposerCadreId?: number, close = true) {
  const res = await city.post(`/api/v1/meetings/${meeting}/items`, {
    title: '审议年度预算',
    category: 'large_funds',
    ...(proposerCadreId ? { proposerCadreId } : {}),
  });
  expect(res.statusCode, res.body).toBe(201);
  const id: number = res.json().id;
  if (close) expect((await city.post(`/api/v1/meeting-items/${id}/close`, {})).statusCode).toBe(200);
  return id;
}

describe('signing an item (M-33)', () => {
  it('refuses anyone but the proposer and the chair, before looking at the password', async () => {
    const id = await item(team[1]);
    for (const who of [other, city]) {
      const res = await who.post(`/api/v1/meeting-items/${id}/sign`, { password: PASSWORD });
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.code).toBe('NOT_SIGNER');
    }
    expect(await signatures(id)).toHaveLength(0);
  });

  it('refuses an open item and a wrong password, writing nothing; signs with the password and the digest seen', async () => {
    openItem = await item(team[1], false);
    expect(
      (await proposer.post(`/api/v1/meeting-items/${openItem}/sign`, { password: PASSWORD })).json().error.code,
    ).toBe('ITEM_OPEN');
    const id = await item(team[1]);
    const wrong = await proposer.post(`/api/v1/meeting-items/${id}/sign`, { password: 'not-the-password-1' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error).toMatchObject({ code: 'BAD_PASSWORD', messageZh: '密码错误' });
    const both = await proposer.post(`/api/v1/meeting-items/${id}/sign`, { password: PASSWORD, totp: '123456' });
    expect(both.statusCode).toBe(400);
    expect(await signatures(id)).toHaveLength(0);

    const ok = await proposer.post(`/api/v1/meeting-items/${id}/sign`, { password: PASSWORD });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ capacities: ['proposer'], method: 'password' });
    expect(ok.json().digest).toBe(await itemDigest(t.ctx.db, t.ctx.signer, meeting, id));
    const again = await proposer.post(`/api/v1/meeting-items/${id}/sign`, { password: PASSWORD });
    expect(again.json().error.code).toBe('ALREADY_SIGNED');
    expect(await signatures(id)).toMatchObject([{ capacity: 'proposer', cadre_id: team[1], account_id: proposerId }]);
  });

  it('takes a fresh one-time code once, never the same code twice', async () => {
    const secret = newTotpSecret();
    await write(t.ctx.db, t.ctx.clock, SYSTEM_ACTOR, async (w) => {
      await w.trx
        .updateTable('accounts')
        .set({ totp_secret_enc: t.ctx.box.seal(secret, `totp:${proposerId}`) })
        .where('id', '=', proposerId)
        .execute();
      w.record({ action: 'test.totp_set', entity: 'account', entityId: proposerId });
    });
    const a = await item(team[1]);
    const b = await item(team[1]);
    const code = totpCode(secret, t.clock.now());
    expect((await proposer.post(`/api/v1/meeting-items/${a}/sign`, { totp: code })).statusCode).toBe(201);
    const replay = await proposer.post(`/api/v1/meeting-items/${b}/sign`, { totp: code });
    expect(replay.json().error.code).toBe('BAD_TOTP');
    expect(await signatures(b)).toHaveLength(0);
    expect((await signatures(a))[0]).toMatchObject({ method: 'totp' });
  });

  it('a deemed proposer is the chair, who signs once in both capacities; the seal covers the signatures', async () => {
    await city.post(`/api/v1/meeting-items/${openItem}/close`, {});
    const id = await item();
    const res = await chair.post(`/api/v1/meeting-items/${id}/sign`, { password: PASSWORD });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().capacities).toEqual(['proposer', 'chair']);
    const page = (await city.get(`/api/v1/meetings/${meeting}`)).json();
    expect(page.items.find((i: { id: number }) => i.id === id).signatures).toMatchObject([
      { capacity: 'proposer', cadreId: CADRE.A },
      { capacity: 'chair', cadreId: CADRE.A },
    ]);

    expect((await city.post(`/api/v1/meetings/${meeting}/seal`, {})).statusCode).toBe(200);
    const sealed = await t.ctx.db
      .selectFrom('meeting_seals')
      .select('record')
      .where('meeting_id', '=', meeting)
      .executeTakeFirstOrThrow();
    const items = (sealed.record as { items: Array<{ id: number; signatures?: unknown[] }> }).items;
    expect(items.find((i) => i.id === id)?.signatures).toHaveLength(2);
    const late = await item(undefined, false).catch(() => null);
    expect(late).toBeNull(); // the sealed meeting takes no new item either

    const after = await chair.post(`/api/v1/meeting-items/${items[0].id}/sign`, { password: PASSWORD });
    expect(after.json().error.code).toBe('RECORD_SEALED');

    // Changed behind the triggers (as the owner, the trigger off for the moment), the check names the signature.
    await t.asOwner(async (db) => {
      await sql`alter table item_signatures disable trigger item_signatures_sealed`.execute(db);
      await sql`update item_signatures set method = 'totp' where item_id = ${id} and capacity = 'chair'`.execute(db);
      await sql`alter table item_signatures enable trigger item_signatures_sealed`.execute(db);
    });
    const check = (await city.get(`/api/v1/meetings/${meeting}/seal`)).json();
    expect(check.intact).toBe(false);
    expect(check.checks.changed.join(' ')).toMatch(/signatures\.\d\.method/);
  });
});
