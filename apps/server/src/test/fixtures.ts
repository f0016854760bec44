// A small, hand-made tree for tests: city R with counties A and B, each with a department; A also has a town.
//   1 R 示例市 ─┬─ 2 A 明湖区 ─┬─ 4 A-dept 明湖区财政局
//              │             └─ 5 A-town 城关街道
//              └─ 3 B 青石区 ─── 6 B-dept 青石区财政局
// Cadres: 1 in R, 2 in A, 3 in A-dept, 4 in B, 5 in B-dept, 6 in A-town.
import { makeIdCard } from '../modules/registry/index.js';
import { loadRegistry, type Registry } from '../demo/index.js';
import { SYSTEM_ACTOR } from '../platform/trail/index.js';
import type { TestApp } from './harness.js';

export const ORG = { R: 1, A: 2, B: 3, A_DEPT: 4, A_TOWN: 5, B_DEPT: 6 } as const;
export const CADRE = { R: 1, A: 2, A_DEPT: 3, B: 4, B_DEPT: 5, A_TOWN: 6 } as const;

const org = (id: number, parentId: number | null, path: string, name: string, level: string, unitType: string) => ({
  id,
  parentId,
  path,
  name,
  level,
  unitType,
  regionCode: '339800',
  sort: id,
});

export function smallRegistry(): Registry {
  const orgs = [
    org(1, null, '1', '示例市', 'city', 'party_committee'),
    org(2, 1, '1.2', '明湖区', 'county', 'party_committee'),
    org(3, 1, '1.3', '青石区', 'county', 'party_committee'),
    org(4, 2, '1.2.4', '明湖区财政局', 'county', 'gov_department'),
    org(5, 2, '1.2.5', '城关街道', 'township', 'party_committee'),
    org(6, 3, '1.3.6', '青石区财政局', 'county', 'gov_department'),
  ];
  const people: Array<[string, number, string]> = [
    ['李书记', 1, '1968-05-01'],
    ['王区长', 2, '1972-03-15'],
    ['张局长', 4, '1975-09-09'],
    ['赵区长', 3, '1970-01-20'],
    ['钱局长', 6, '1977-12-31'],
    ['孙书记', 5, '1980-06-06'],
  ];
  const cadres = people.map(([name, orgId, birth], i) => ({
    id: i + 1,
    name,
    idCard: makeIdCard('339802', birth, 10 + i),
    gender: 'M' as const,
    birthDate: birth,
    partyStatus: 'member',
    partyJoinedOn: null,
    birthplaceCode: '339802',
    growthPlaceCode: '339802',
    orgId,
  }));
  const posts = cadres.map((c, i) => ({
    id: i + 1,
    cadreId: c.id,
    orgId: c.orgId,
    title: '主要负责人',
    postKind: 'party_secretary',
    rank: 'sec_full',
    isPrincipal: true,
    startDate: '2020-01-01',
    endDate: null,
    endReason: null,
    appointDoc: '示组干〔2020〕1号',
  }));
  return { orgs, cadres, posts, members: [], portfolios: [], relations: [], timeline: [] };
}

export async function loadSmallTree(t: TestApp): Promise<void> {
  await loadRegistry(t.ctx.db, t.ctx.clock, SYSTEM_ACTOR, smallRegistry());
}
