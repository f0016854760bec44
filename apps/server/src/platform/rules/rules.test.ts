// Rules as data: SPEC defaults by M-id, overrides per subtree where the nearest ancestor wins key by key,
// changed only by the administrator inside their scope, with validated values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { loadSmallTree, ORG } from '../../test/fixtures.js';
import { getRuleSettings, RULE_DEFINITIONS } from './index.js';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await startTestApp();
  await loadSmallTree(t);
  admin = await loginAs(t, { role: 'admin', orgId: ORG.R, scope: 1 });
});
afterAll(() => t.close());

describe('rule settings', () => {
  it('start from the SPEC defaults (M-07: 6 years in the same post, 15 at the same rank)', async () => {
    const s = await getRuleSettings(t.ctx.db, 'M-07', ORG.A_DEPT);
    expect(s.values).toMatchObject({
      samePostYears: 6,
      sameSectionYears: 9,
      middleRankPostYears: 12,
      keyPostYears: 10,
      sameRankMaxYears: 15,
    });
    expect(s.sources.samePostYears).toBeNull();
    expect((await getRuleSettings(t.ctx.db, 'M-15', ORG.A)).values.replyWorkingDays).toBe(15);
    expect(RULE_DEFINITIONS['M-60'].defaults).toMatchObject({
      noAwardPoints: 4,
      bonusWithheldPoints: 6,
      demotionPointsOneYear: 10,
    });
    // Every rule's defaults are exactly what its schema takes (a default under a misspelt key would never be editable).
    for (const [id, r] of Object.entries(RULE_DEFINITIONS)) {
      expect(r.schema.strict().safeParse(r.defaults).success, id).toBe(true);
    }
  });

  it('the nearest ancestor wins, key by key, and siblings are not affected', async () => {
    expect(
      (
        await admin.put(`/api/v1/rules/M-07/overrides/${ORG.R}`, {
          settings: { samePostYears: 7, sameRankMaxYears: 16 },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await admin.put(`/api/v1/rules/M-07/overrides/${ORG.A}`, { settings: { samePostYears: 5 } })).statusCode,
    ).toBe(200);
    const dept = await getRuleSettings(t.ctx.db, 'M-07', ORG.A_DEPT);
    expect(dept.values.samePostYears).toBe(5); // from A, the nearer ancestor
    expect(dept.values.sameRankMaxYears).toBe(16); // from R
    expect(dept.values.termYears).toBe(5); // default
    expect(dept.sources).toMatchObject({ samePostYears: ORG.A, sameRankMaxYears: ORG.R, termYears: null });
    expect((await getRuleSettings(t.ctx.db, 'M-07', ORG.B_DEPT)).values.samePostYears).toBe(7);
    // Setting one key later keeps the unit's other keys (the rules page sends only what changed).
    expect((await admin.put(`/api/v1/rules/M-07/overrides/${ORG.R}`, { settings: { termYears: 6 } })).statusCode).toBe(
      200,
    );
    expect((await getRuleSettings(t.ctx.db, 'M-07', ORG.B_DEPT)).values).toMatchObject({
      samePostYears: 7,
      sameRankMaxYears: 16,
      termYears: 6,
    });
    const viaApi = (await admin.get(`/api/v1/rules/M-07/settings?orgId=${ORG.A_TOWN}`)).json();
    expect(viaApi.values.samePostYears).toBe(5);
    expect((await admin.del(`/api/v1/rules/M-07/overrides/${ORG.A}`)).statusCode).toBe(200);
    const again = await admin.del(`/api/v1/rules/M-07/overrides/${ORG.A}`);
    expect(again.statusCode).toBe(404); // nothing left to clear: said, not pretended
    expect(again.json().error.code).toBe('NO_OVERRIDE');
    expect((await getRuleSettings(t.ctx.db, 'M-07', ORG.A_DEPT)).values.samePostYears).toBe(7);
  });

  it('refuses unknown keys, wrong types and out-of-range values with 400, writing nothing', async () => {
    const before = await t.ctx.db.selectFrom('rule_overrides').selectAll().execute();
    for (const settings of [{ samePostYears: -1 }, { samePostYears: '6' }, { nonsense: 1 }, {}]) {
      const res = await admin.put(`/api/v1/rules/M-07/overrides/${ORG.B}`, { settings });
      expect(res.statusCode, JSON.stringify(settings)).toBe(400);
      expect(res.json().error.messageZh).toBeTruthy();
    }
    // The message names the setting as the page does, never by its key or path (issue 13 §6).
    const tooBig = await admin.put(`/api/v1/rules/M-21/overrides/${ORG.B}`, { settings: { promotionDueDays: 5000 } });
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().error.messageZh).toMatch(
      /^输入有误：提拔重用：谈话期限（日，0 为不谈）：数值过大，不能超过 \d+$/,
    );
    expect(tooBig.json().error.messageEn).toMatch(
      /^Invalid input: Promotion: due within \(days; 0 = no talk\): must be at most \d+$/,
    );
    const text = await admin.put(`/api/v1/rules/M-21/overrides/${ORG.B}`, { settings: { promotionDueDays: '30' } });
    expect(text.json().error.messageZh).toBe('输入有误：提拔重用：谈话期限（日，0 为不谈）：应为数字'); // not 「期望 number」
    expect(tooBig.json().error.message).not.toMatch(/settings|promotionDueDays/);
    expect(tooBig.json().error.details[0].path).toBe('settings.promotionDueDays'); // for the form, not the screen
    expect((await admin.put(`/api/v1/rules/M-99/overrides/${ORG.B}`, { settings: { a: 1 } })).statusCode).toBe(404);
    expect(await t.ctx.db.selectFrom('rule_overrides').selectAll().execute()).toEqual(before);
  });

  it('only the administrator may change settings, and only inside their scope', async () => {
    const sup = await loginAs(t, { role: 'org_supervisor', orgId: ORG.A, scope: 4 });
    expect((await sup.get(`/api/v1/rules/M-07/settings?orgId=${ORG.A}`)).statusCode).toBe(200);
    expect((await sup.get(`/api/v1/rules/M-07/settings?orgId=${ORG.B}`)).statusCode).toBe(404);
    expect(
      (await sup.put(`/api/v1/rules/M-07/overrides/${ORG.A}`, { settings: { samePostYears: 3 } })).statusCode,
    ).toBe(403);
    const countyAdmin = await loginAs(t, { role: 'admin', orgId: ORG.A, scope: 4 });
    expect(
      (await countyAdmin.put(`/api/v1/rules/M-07/overrides/${ORG.B}`, { settings: { samePostYears: 3 } })).statusCode,
    ).toBe(404);
    expect(
      (await countyAdmin.put(`/api/v1/rules/M-07/overrides/${ORG.A}`, { settings: { samePostYears: 8 } })).statusCode,
    ).toBe(200);
    const trail = await t.ctx.db
      .selectFrom('trail')
      .selectAll()
      .where('action', '=', 'rule.override')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(trail).toMatchObject({ entity_id: `M-07@${ORG.A}`, detail: { settings: { samePostYears: 8 } } });
  });
});
