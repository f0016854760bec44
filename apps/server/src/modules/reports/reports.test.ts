// Reports (M-10, M-11, M-12 routing, M-17): receipts stored only as keyed hashes, signed proofs that verify offline,
// the reporter sealed and never returned except through the petition role's reasoned reveal, routing upward for a
// principal, recusal of everyone linked to the accused, limits on the public endpoints, and bad input refused.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { loginAs, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { CADRE, loadSmallTree, ORG } from '../../test/fixtures.js';
import { publicApi } from './reports.fixtures.js';
import { verifyProof } from '../../platform/crypto/index.js';

let t: TestApp;
let petitionCity: Client;
let petitionB: Client;
let discipline: Client;
const REPORTER = { name: '举报人甲乙', phone: '13900001111' };

beforeAll(async () => {
  t = await startTestApp({
    now: '2026-03-02T02:00:00Z',
    app: { publicLimits: { submissionsPerHour: 1000, lookupsPerTenMinutes: 1000, wrongReceiptDelayMs: 1 } },
  });
  await loadSmallTree(t);
  petitionCity = await loginAs(t, { role: 'petition', orgId: ORG.R, scope: 4 });
  petitionB = await loginAs(t, { role: 'petition', orgId: ORG.B, scope: 4 });
  discipline = await loginAs(t, { role: 'discipline', orgId: ORG.R, scope: 4 });
});
afterAll(() => t.close());

const submit = (body: unknown, app = t.app) =>
  app.inject({ method: 'POST', url: '/api/v1/public/reports', payload: body as object });
const about张局长 = {
  accused: { name: '张局长', unit: '明湖区财政局', post: '局长' },
  content: '违规发放津贴补贴，2025年多次。',
  anonymous: true,
};
const reportsCount = async () =>
  Number((await sql<{ n: string }>`select count(*) n from reports`.execute(t.ctx.db)).rows[0].n);

describe('public report (M-11)', () => {
  it('returns a 16-digit receipt shown once, stores only its keyed hash, and a proof that verifies offline', async () => {
    const res = await submit(about张局长);
    expect(res.statusCode).toBe(201);
    const { receipt, proof, publicKey, number } = res.json();
    expect(receipt).toMatch(/^\d{4}-\d{4}-\d{4}-\d{4}$/);
    const dump =
      JSON.stringify((await sql`select * from reports`.execute(t.ctx.db)).rows) +
      JSON.stringify((await sql`select * from trail`.execute(t.ctx.db)).rows);
    expect(dump).not.toContain(receipt.replaceAll('-', ''));
    expect(dump).not.toContain(receipt);
    expect(verifyProof(proof, publicKey)).toBe(true);
    expect(proof.payload).toMatchObject({
      number,
      receivedAt: '2026-03-02T02:00:00.000Z',
      contentSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(
      verifyProof({ ...proof, payload: { ...proof.payload, receivedAt: '2026-03-01T00:00:00.000Z' } }, publicKey),
    ).toBe(false);
    const key = (await t.app.inject({ url: '/api/v1/public/signing-key' })).json();
    expect(key.publicKeyPem).toBe(publicKey);
    // No address is kept for a public action.
    const trail = await t.ctx.db
      .selectFrom('trail')
      .select(['client_ip', 'detail'])
      .where('action', '=', 'report.receive')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(trail.client_ip).toBeNull();
    expect(JSON.stringify(trail.detail)).not.toContain('津贴');
  });

  it('`npm run verify-proof` checks the saved answer offline: exit 0 as issued, exit 1 when altered', async () => {
    const answer = (await submit(about张局长)).json();
    const dir = mkdtempSync(path.join(tmpdir(), 'mj-proof-'));
    const run = (doc: unknown) => {
      writeFileSync(path.join(dir, 'a.json'), JSON.stringify(doc));
      return spawnSync(
        process.execPath,
        ['--import', 'tsx', 'apps/server/src/cli/verify-proof.ts', path.join(dir, 'a.json')],
        { encoding: 'utf8' },
      );
    };
    const ok = run(answer);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain(answer.number);
    expect(
      run({
        ...answer,
        proof: { ...answer.proof, payload: { ...answer.proof.payload, contentSha256: '0'.repeat(64) } },
      }).status,
    ).toBe(1);
  });

  it('the receipt shows status and staff replies only; information added with it reaches the staff', async () => {
    const { receipt } = (await submit({ ...about张局长, anonymous: false, reporter: REPORTER })).json();
    const id = (await petitionCity.get('/api/v1/reports')).json().items[0].id;
    expect((await petitionCity.post(`/api/v1/reports/${id}/replies`, { body: '已受理，正在核查。' })).statusCode).toBe(
      201,
    );
    const status = (await publicApi(t.app).status(receipt)).json();
    expect(status).toMatchObject({ status: 'received', replies: [{ body: '已受理，正在核查。' }] });
    expect(Object.keys(status).sort()).toEqual([
      'additions',
      'attachmentCount',
      'number',
      'receivedAt',
      'replies',
      'status',
      'statusZh',
    ]);
    const add = await publicApi(t.app).add(receipt.replaceAll('-', ''), '补充：另有发票复印件。');
    expect(add.statusCode).toBe(201);
    const staff = (await petitionCity.get(`/api/v1/reports/${id}`)).json();
    expect(staff.messages.map((m: { direction: string }) => m.direction)).toEqual(['to_reporter', 'from_reporter']);
  });

  it('answers a wrong receipt with 404 and limits lookups and submissions per address (429)', async () => {
    expect((await publicApi(t.app).status('1234-5678-9012-3456')).json().error.code).toBe('UNKNOWN_RECEIPT');
    expect((await publicApi(t.app).status('12345')).statusCode).toBe(400);
    const tight = await startTestApp({
      app: { publicLimits: { submissionsPerHour: 2, lookupsPerTenMinutes: 3, wrongReceiptDelayMs: 1 } },
    });
    try {
      await loadSmallTree(tight);
      const codes = [];
      for (let i = 0; i < 3; i++) codes.push((await submit(about张局长, tight.app)).statusCode);
      expect(codes).toEqual([201, 201, 429]);
      const looks = [];
      for (let i = 0; i < 4; i++) looks.push((await publicApi(tight.app).status('1111-2222-3333-4444')).statusCode);
      expect(looks).toEqual([404, 404, 404, 429]);
    } finally {
      await tight.close();
    }
  });

  it('refuses bad input with 400 and writes nothing; scripts are kept as text', async () => {
    const before = await reportsCount();
    for (const body of [
      { ...about张局长, anonymous: false },
      { ...about张局长, reporter: REPORTER },
      { ...about张局长, content: 'x'.repeat(20_001) },
      { ...about张局长, extra: 1 },
      { ...about张局长, accused: { name: '' } },
      { ...about张局长, anonymous: 'yes' },
    ]) {
      expect((await submit(body)).statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
    }
    expect(await reportsCount()).toBe(before);
    const script = '<script>alert(1)</script>';
    expect((await submit({ ...about张局长, content: script })).statusCode).toBe(201);
    const id = (await petitionCity.get('/api/v1/reports')).json().items[0].id;
    expect((await petitionCity.get(`/api/v1/reports/${id}`)).json().content).toBe(script);
  });
});

describe('routing (M-12, M-17)', () => {
  it('a report about a principal goes to the level above; about a deputy to the unit; about nobody known to the top', async () => {
    const [principal] = (await petitionCity.get('/api/v1/reports'))
      .json()
      .items.filter((r: { accused: { name: string } }) => r.accused.name === '张局长');
    expect(principal).toMatchObject({ competentOrgId: ORG.A, routedUp: true, accused: { cadreId: CADRE.A_DEPT } });
    const unknown = await petitionCity.post('/api/v1/reports', {
      channel: 'letter',
      receivedAt: '2026-03-01T09:00:00+08:00',
      accused: { name: '查无此人' },
      content: '来信反映问题。',
      anonymous: true,
    });
    expect(unknown.statusCode).toBe(201);
    expect(unknown.json()).toMatchObject({ competentOrgId: ORG.R, routedUp: false });
  });

  it('only the petition role registers other channels, and not with a future time', async () => {
    const body = {
      channel: 'phone_12380',
      receivedAt: '2026-03-01T09:00:00+08:00',
      accused: { name: '赵区长', unit: '青石区' },
      content: '电话反映。',
      anonymous: true,
    };
    expect((await discipline.post('/api/v1/reports', body)).statusCode).toBe(403);
    expect(
      (await petitionCity.post('/api/v1/reports', { ...body, receivedAt: '2026-03-09T09:00:00+08:00' })).statusCode,
    ).toBe(400);
    expect((await petitionCity.post('/api/v1/reports', { ...body, channel: 'pigeon' })).statusCode).toBe(400);
    expect((await petitionCity.post('/api/v1/reports', body)).statusCode).toBe(201);
  });
});

describe('confidentiality and scope (M-11, M-17)', () => {
  const named = async () => {
    await submit({
      accused: { name: '钱局长', unit: '青石区财政局' },
      content: '工程招标中打招呼。',
      anonymous: false,
      reporter: REPORTER,
    });
    return (await petitionCity.get('/api/v1/reports'))
      .json()
      .items.find((r: { accused: { name: string } }) => r.accused.name === '钱局长').id as number;
  };

  it('stores the reporter sealed and never returns it from lists, records or the public view', async () => {
    const id = await named();
    const row = (
      await sql<{ reporter_sealed: string }>`select reporter_sealed from reports where id = ${id}`.execute(t.ctx.db)
    ).rows[0];
    expect(row.reporter_sealed).toMatch(/^v1\./);
    expect(row.reporter_sealed).not.toContain(REPORTER.name);
    for (const c of [petitionCity, discipline, petitionB]) {
      for (const url of ['/api/v1/reports', `/api/v1/reports/${id}`]) {
        const body = (await c.get(url)).body;
        expect(body).not.toContain(REPORTER.name);
        expect(body).not.toContain(REPORTER.phone);
      }
    }
    const logs = JSON.stringify((await sql`select * from trail`.execute(t.ctx.db)).rows);
    expect(logs).not.toContain(REPORTER.phone);
  });

  it('reveals the reporter only to the petition role, with a reason, and trails the reveal', async () => {
    const id = await named();
    expect((await discipline.post(`/api/v1/reports/${id}/reveal`, { reason: '核实需要联系举报人' })).statusCode).toBe(
      403,
    );
    expect((await petitionCity.post(`/api/v1/reports/${id}/reveal`, { reason: '' })).statusCode).toBe(400);
    const res = await petitionCity.post(`/api/v1/reports/${id}/reveal`, { reason: '核实需要联系举报人' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(REPORTER);
    const last = await t.ctx.db
      .selectFrom('trail')
      .select(['action', 'entity_id', 'detail'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(last).toMatchObject({
      action: 'report.reveal_reporter',
      entity_id: String(id),
      detail: { reason: '核实需要联系举报人' },
    });
    expect(JSON.stringify(last)).not.toContain(REPORTER.phone);
  });

  it('a unit outside the competent one sees nothing (404, trailed); the competent county sees it', async () => {
    const id = await named(); // 钱局长 is principal of 青石区财政局 → routed up to 青石区 (B)
    expect((await petitionB.get(`/api/v1/reports/${id}`)).statusCode).toBe(200);
    const petitionA = await loginAs(t, { role: 'petition', orgId: ORG.A, scope: 4 });
    expect((await petitionA.get(`/api/v1/reports/${id}`)).statusCode).toBe(404);
    expect((await petitionA.get('/api/v1/reports')).json().items.map((r: { id: number }) => r.id)).not.toContain(id);
    expect((await discipline.get('/api/v1/cadres')).statusCode).toBe(200);
    const org = await loginAs(t, { role: 'org_supervisor', orgId: ORG.R, scope: 4 });
    expect((await org.get('/api/v1/reports')).statusCode).toBe(403);
  });

  it('recuses the accused, a relative and a team colleague, whatever their role and scope', async () => {
    const id = await named();
    const city = await loginAs(t, { role: 'org_supervisor', orgId: ORG.R, scope: 4 });
    expect(
      (await city.post(`/api/v1/cadres/${CADRE.B}/relations`, { relativeCadreId: CADRE.B_DEPT, kind: 'sibling' }))
        .statusCode,
    ).toBe(201);
    expect(
      (
        await city.post(`/api/v1/orgs/${ORG.B_DEPT}/team`, {
          cadreId: CADRE.B_DEPT,
          teamRole: 'head',
          joinedOn: '2020-01-01',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await city.post(`/api/v1/orgs/${ORG.B_DEPT}/team`, {
          cadreId: CADRE.R,
          teamRole: 'member',
          joinedOn: '2021-01-01',
        })
      ).statusCode,
    ).toBe(201);
    for (const cadreId of [CADRE.B_DEPT, CADRE.B, CADRE.R]) {
      // the accused, the sibling, the team colleague
      const linked = await loginAs(t, { role: 'petition', orgId: ORG.R, scope: 1, cadreId });
      expect((await linked.get(`/api/v1/reports/${id}`)).statusCode, `cadre ${cadreId}`).toBe(404);
      expect((await linked.get('/api/v1/reports')).json().items.map((r: { id: number }) => r.id)).not.toContain(id);
      expect((await linked.post(`/api/v1/reports/${id}/reveal`, { reason: '核实需要联系举报人' })).statusCode).toBe(
        404,
      );
    }
    const unrelated = await loginAs(t, { role: 'petition', orgId: ORG.R, scope: 1, cadreId: CADRE.A_TOWN });
    expect((await unrelated.get(`/api/v1/reports/${id}`)).statusCode).toBe(200);
  });
});
