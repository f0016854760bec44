// The scope matrix (ARCHITECTURE non-negotiable 2): every role × every scope code × every endpoint of the registry.
// Expectations are written out by hand here — not derived from the code under test.
//   R(1) ─┬─ A(2) ─┬─ A_DEPT(4)      cadres: R→1, A→2, A_DEPT→3, B→4, B_DEPT→5, A_TOWN→6
//         │        └─ A_TOWN(5)
//         └─ B(3) ─── B_DEPT(6)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { CADRE, loadSmallTree, ORG } from '../../test/fixtures.js';
import type { Role } from '../auth/index.js';
import type { ScopeCode } from './index.js';
import { readWorkbook } from '../sheets/index.js';

const ROLES: Role[] = [
  'org_supervisor',
  'discipline',
  'petition',
  'auditor',
  'committee_leader',
  'cadre',
  'joint_member',
  'admin',
];
const READS_ORGS: Record<Role, boolean> = {
  org_supervisor: true,
  discipline: true,
  petition: true,
  auditor: true,
  committee_leader: true,
  cadre: true,
  joint_member: false,
  admin: true,
};
const READS_CADRES: Record<Role, boolean> = {
  org_supervisor: true,
  discipline: true,
  petition: true,
  auditor: true,
  committee_leader: true,
  cadre: true,
  joint_member: false,
  admin: false,
};
const WRITES: Record<Role, boolean> = {
  org_supervisor: true,
  discipline: false,
  petition: false,
  auditor: false,
  committee_leader: false,
  cadre: false,
  joint_member: false,
  admin: false,
};

interface ScopeCase {
  code: ScopeCode;
  orgId: number;
  cadreId?: number;
  custom?: number[];
  orgs: number[];
  cadres: number[];
  tops: number[];
}
const SCOPES: ScopeCase[] = [
  { code: 1, orgId: ORG.R, orgs: [1, 2, 3, 4, 5, 6], cadres: [1, 2, 3, 4, 5, 6], tops: [1] },
  { code: 2, orgId: ORG.A, custom: [ORG.A_DEPT, ORG.B_DEPT], orgs: [4, 6], cadres: [3, 5], tops: [4, 6] },
  { code: 3, orgId: ORG.A, orgs: [2], cadres: [2], tops: [2] },
  { code: 4, orgId: ORG.A, orgs: [2, 4, 5], cadres: [2, 3, 6], tops: [2] },
  { code: 5, orgId: ORG.A_DEPT, cadreId: CADRE.A_DEPT, orgs: [4], cadres: [3], tops: [4] },
];
const ALL_ORGS = Object.values(ORG);
const ALL_CADRES = Object.values(CADRE);
const cadreOrg: Record<number, number> = { 1: ORG.R, 2: ORG.A, 3: ORG.A_DEPT, 4: ORG.B, 5: ORG.B_DEPT, 6: ORG.A_TOWN };

let t: TestApp;
const clients = new Map<string, Client>();
const key = (r: Role, s: ScopeCode) => `${r}/${s}`;

beforeAll(async () => {
  t = await startTestApp();
  await loadSmallTree(t);
  for (const role of ROLES)
    for (const s of SCOPES) {
      clients.set(
        key(role, s.code),
        await loginAs(t, { role, scope: s.code, orgId: s.orgId, cadreId: s.cadreId, customOrgIds: s.custom }),
      );
    }
}, 120_000);
afterAll(() => t.close());

/** 403 without the permission; with it, 2xx inside the scope and 404 outside. */
const expected = (perm: boolean, visible: boolean, ok: number) => (!perm ? 403 : visible ? ok : 404);

// All reads run before any write, so the fixture is the same for every account that reads.
const MATRIX = ROLES.flatMap((role) => SCOPES.map((s) => ({ role, s, name: `${role} × scope ${s.code}` })));

describe('reads: lists, records, timelines, trees, teams', () => {
  it.each(MATRIX)('$name', async ({ role, s }) => {
    const c = clients.get(key(role, s.code))!;
    const list = await c.get('/api/v1/cadres?pageSize=200');
    expect(list.statusCode).toBe(READS_CADRES[role] ? 200 : 403);
    if (READS_CADRES[role])
      expect(
        list
          .json()
          .items.map((i: { id: number }) => i.id)
          .sort(),
      ).toEqual(s.cadres);
    const search = await c.get(`/api/v1/cadres?q=${encodeURIComponent('局长')}`); // 张局长 in A_DEPT, 钱局长 in B_DEPT
    if (READS_CADRES[role])
      expect(
        search
          .json()
          .items.map((i: { id: number }) => i.id)
          .sort(),
      ).toEqual([3, 5].filter((id) => s.cadres.includes(id)));
    for (const id of ALL_CADRES) {
      const visible = s.cadres.includes(id);
      expect((await c.get(`/api/v1/cadres/${id}`)).statusCode, `cadre ${id}`).toBe(
        expected(READS_CADRES[role], visible, 200),
      );
      expect((await c.get(`/api/v1/cadres/${id}/timeline`)).statusCode, `timeline ${id}`).toBe(
        expected(READS_CADRES[role], visible, 200),
      );
      expect((await c.get(`/api/v1/cadres/${id}/dossier.docx`)).statusCode, `dossier.docx ${id}`).toBe(
        expected(READS_CADRES[role], visible, 200),
      );
    }
    // Exports and flag lists hold exactly the cadres in scope, like the list.
    const xlsx = await c.get('/api/v1/cadres/export.xlsx');
    expect(xlsx.statusCode).toBe(READS_CADRES[role] ? 200 : 403);
    if (READS_CADRES[role]) expect((await readWorkbook(xlsx.rawPayload))[0].rows.length - 1).toBe(s.cadres.length);
    expect((await c.get('/api/v1/flags/summary')).statusCode).toBe(READS_CADRES[role] ? 200 : 403);
    for (const id of ALL_ORGS) {
      expect((await c.get(`/api/v1/flags/M-07?orgId=${id}`)).statusCode, `flags under org ${id}`).toBe(
        expected(READS_CADRES[role], s.orgs.includes(id), 200),
      );
    }
    for (const id of ALL_ORGS) {
      const visible = s.orgs.includes(id);
      expect((await c.get(`/api/v1/orgs/${id}`)).statusCode, `org ${id}`).toBe(
        expected(READS_ORGS[role], visible, 200),
      );
      const tree = await c.get(`/api/v1/orgs/${id}/tree?depth=3`);
      expect(tree.statusCode, `tree ${id}`).toBe(expected(READS_ORGS[role], visible, 200));
      if (tree.statusCode === 200) {
        const seen: number[] = [];
        const walk = (n: { id: number; children: unknown[] }) => {
          seen.push(n.id);
          for (const ch of n.children) walk(ch as typeof n);
        };
        walk(tree.json());
        expect(
          seen.every((o) => s.orgs.includes(o)),
          `tree ${id} shows ${seen}`,
        ).toBe(true);
      }
      expect((await c.get(`/api/v1/orgs/${id}/team`)).statusCode, `team ${id}`).toBe(
        expected(READS_CADRES[role], visible, 200),
      );
    }
    const tops = await c.get('/api/v1/orgs');
    expect(tops.statusCode).toBe(READS_ORGS[role] ? 200 : 403);
    if (READS_ORGS[role])
      expect(
        tops
          .json()
          .items.map((o: { id: number }) => o.id)
          .sort(),
      ).toEqual(s.tops);
  });
});

describe('writes: units, cadres, posts, teams, relations', () => {
  it.each(MATRIX)('$name', async ({ role, s }) => {
    const c = clients.get(key(role, s.code))!;
    const w = WRITES[role];
    for (const id of ALL_ORGS) {
      const visible = s.orgs.includes(id);
      expect((await c.patch(`/api/v1/orgs/${id}`, { sort: 7 })).statusCode, `patch org ${id}`).toBe(
        expected(w, visible, 200),
      );
      const child = await c.post('/api/v1/orgs', {
        parentId: id,
        name: `测试单位${role}${s.code}`,
        level: 'village',
        unitType: 'village_org',
      });
      expect(child.statusCode, `create under ${id}`).toBe(expected(w, visible, 201));
    }
    for (const id of ALL_CADRES) {
      const visible = s.cadres.includes(id);
      expect((await c.patch(`/api/v1/cadres/${id}`, { ethnicity: '汉族' })).statusCode, `patch cadre ${id}`).toBe(
        expected(w, visible, 200),
      );
      const post = await c.post(`/api/v1/cadres/${id}/posts`, {
        orgId: cadreOrg[id],
        title: '兼职',
        postKind: 'staff',
        rank: 'staff',
        startDate: '2024-01-01',
      });
      // The post's unit is the cadre's own unit, so it is visible exactly when the cadre is (scope 5 aside: own unit).
      expect(post.statusCode, `post for ${id}`).toBe(expected(w, visible && s.orgs.includes(cadreOrg[id]), 201));
      // Another account may have seated the cadre already: 409 then stands for “allowed”.
      const team = await c.post(`/api/v1/orgs/${cadreOrg[id]}/team`, {
        cadreId: id,
        teamRole: 'member',
        joinedOn: '2024-01-01',
      });
      const want = expected(w, visible && s.orgs.includes(cadreOrg[id]), 201);
      expect(want === 201 ? [201, 409] : [want], `team for ${id}`).toContain(team.statusCode);
    }
    // A relation needs both cadres in scope.
    for (const [a, b] of [
      [CADRE.A, CADRE.A_DEPT],
      [CADRE.A_DEPT, CADRE.B_DEPT],
      [CADRE.A, CADRE.B],
    ]) {
      const both = s.cadres.includes(a) && s.cadres.includes(b);
      const res = await c.post(`/api/v1/cadres/${a}/relations`, {
        relativeCadreId: b,
        kind: 'cousin',
        note: `${role}${s.code}`,
      });
      const want = expected(w, both, 201);
      expect(want === 201 ? [201, 409] : [want], `relation ${a}-${b}`).toContain(res.statusCode);
    }
  });
});

describe('denied attempts', () => {
  it('leave a scope.denied trail row naming the account and the record asked for', async () => {
    const c = clients.get(key('org_supervisor', 4))!;
    expect((await c.get(`/api/v1/cadres/${CADRE.B_DEPT}`)).statusCode).toBe(404);
    const me = (await c.get('/api/v1/auth/me')).json();
    const rows = await t.ctx.db
      .selectFrom('trail')
      .selectAll()
      .where('action', '=', 'scope.denied')
      .where('actor_id', '=', me.id)
      .where('entity', '=', 'cadre')
      .where('entity_id', '=', String(CADRE.B_DEPT))
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(1);
  });

  it('a 404 outside the scope looks exactly like a 404 for a record that does not exist', async () => {
    const c = clients.get(key('org_supervisor', 4))!;
    const outside = await c.get(`/api/v1/cadres/${CADRE.B}`);
    const missing = await c.get('/api/v1/cadres/987654');
    expect(outside.statusCode).toBe(404);
    expect(outside.body).toBe(missing.body);
  });
});
