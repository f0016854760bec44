// M-04 … M-07 as pure functions: boundaries, settings that change the outcome, and what must not be flagged.
import { describe, expect, it } from 'vitest';
import { RULE_DEFINITIONS } from '../../../platform/rules/index.js';
import type { CadreFacts, OrgFact, PostFact, RelativeFact, SeatFact } from './facts.repo.js';
import { evaluateCadre, type RegistrySettings } from './evaluate.rules.js';
import { checkFiveAreas } from './m04-five-areas.rules.js';
import { checkKeyPosts } from './m05-key-posts.rules.js';
import { checkAvoidance, withinAvoidance } from './m06-avoidance.rules.js';
import { checkRotation } from './m07-rotation.rules.js';
import { addYears, fullYears } from './rule-dates.rules.js';

const D = Object.fromEntries(
  Object.entries(RULE_DEFINITIONS).map(([k, v]) => [k, v.defaults]),
) as unknown as RegistrySettings;
const county: OrgFact = {
  id: 10,
  name: '明湖区',
  path: '1.10',
  level: 'county',
  unitType: 'party_committee',
  regionCode: '339802',
  parentId: 1,
};
const finance: OrgFact = {
  id: 11,
  name: '明湖区财政局',
  path: '1.10.11',
  level: 'county',
  unitType: 'gov_department',
  regionCode: '339802',
  parentId: 10,
};
const town: OrgFact = {
  id: 12,
  name: '城关街道',
  path: '1.10.12',
  level: 'township',
  unitType: 'party_committee',
  regionCode: '339802',
  parentId: 10,
};
const village: OrgFact = {
  id: 13,
  name: '东村',
  path: '1.10.12.13',
  level: 'village',
  unitType: 'village_org',
  regionCode: '339802',
  parentId: 12,
};

let nextId = 100;
const post = (org: OrgFact, p: Partial<PostFact> = {}): PostFact => ({
  id: nextId++,
  org,
  title: '局长',
  postKind: 'admin_head',
  rank: 'sec_full',
  isPrincipal: true,
  startDate: '2020-01-01',
  endDate: null,
  ...p,
});
const seat = (org: OrgFact, areas: string[], s: Partial<SeatFact> = {}): SeatFact => ({
  id: nextId++,
  org,
  teamRole: 'member',
  joinedOn: '2020-01-01',
  leftOn: null,
  portfolios: areas.map((area) => ({ area, startDate: '2020-01-01', endDate: null })),
  ...s,
});
const cadre = (c: Partial<CadreFacts> = {}): CadreFacts => ({
  id: 1,
  name: '甲',
  orgId: county.id,
  orgPath: county.path,
  growthPlaceCode: null,
  birthplaceCode: null,
  posts: [],
  seats: [],
  relatives: [],
  ...c,
});
const relative = (kind: string, r: Partial<RelativeFact> = {}): RelativeFact => ({
  relationId: nextId++,
  kind,
  generation: null,
  cadreId: 2,
  name: '乙',
  posts: [],
  seats: [],
  ...r,
});

describe('tenure dates', () => {
  it('counts years by anniversary: 5 years 364 days is not 6 years, the sixth anniversary is', () => {
    expect(fullYears('2020-03-02', '2026-03-01')).toBe(5);
    expect(fullYears('2020-03-02', '2026-03-02')).toBe(6);
  });
  it('a 29 February start reaches its anniversary on 28 February in a common year (民法典 §203)', () => {
    expect(addYears('2020-02-29', 1)).toBe('2021-02-28');
    expect(addYears('2020-02-29', 4)).toBe('2024-02-29');
  });
});

describe('M-04 五个不直接分管', () => {
  const principal = post(finance);
  it('flags a principal who oversees 财务管理 in the unit they lead, with the area as evidence', () => {
    const f = checkFiveAreas(cadre({ posts: [principal], seats: [seat(finance, ['finance', 'overall'])] }), D['M-04']);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ ruleId: 'M-04', level: 'red', settings: { areas: D['M-04'].areas } });
    expect(f[0].evidence).toEqual([expect.objectContaining({ area: 'finance', orgId: finance.id })]);
  });
  it('does not flag a deputy with the same portfolio, an ended portfolio, or an area the settings leave out', () => {
    expect(
      checkFiveAreas(
        cadre({
          posts: [post(finance, { isPrincipal: false, postKind: 'deputy_head' })],
          seats: [seat(finance, ['finance'])],
        }),
        D['M-04'],
      ),
    ).toEqual([]);
    const ended = seat(finance, []);
    ended.portfolios = [{ area: 'finance', startDate: '2020-01-01', endDate: '2024-01-01' }];
    expect(checkFiveAreas(cadre({ posts: [principal], seats: [ended] }), D['M-04'])).toEqual([]);
    expect(
      checkFiveAreas(cadre({ posts: [principal], seats: [seat(finance, ['finance'])] }), { areas: ['personnel'] }),
    ).toEqual([]);
  });
});

describe('M-05 三重 posts', () => {
  it('tags leading posts in units whose name or type matches a tag, not their staff', () => {
    expect(checkKeyPosts(cadre({ posts: [post(finance)] }), D['M-05'])[0]).toMatchObject({
      ruleId: 'M-05',
      evidence: [{ tag: '财政' }],
    });
    const soe: OrgFact = { ...finance, id: 20, name: '示例市城投集团', unitType: 'soe' };
    expect(checkKeyPosts(cadre({ posts: [post(soe)] }), D['M-05'])[0].evidence[0]).toMatchObject({ tag: '国有企业' });
    expect(
      checkKeyPosts(cadre({ posts: [post(finance, { postKind: 'staff', isPrincipal: false })] }), D['M-05']),
    ).toEqual([]);
    expect(checkKeyPosts(cadre({ posts: [post(finance)] }), { unitTags: ['住建'] })).toEqual([]);
  });
});

describe('M-06 任职回避', () => {
  const s = D['M-06'];
  it('collateral relatives count to the third generation: a cousin (3) yes, a second cousin (4) no', () => {
    expect(withinAvoidance('cousin', 3, 3)).toBe(true);
    expect(withinAvoidance('cousin', 4, 3)).toBe(false);
    expect(withinAvoidance('cousin', 4, 4)).toBe(true);
    const inTeam = (generation: number) =>
      checkAvoidance(cadre({ seats: [seat(county, [])] }), { ...s }).length +
      checkAvoidance(
        cadre({
          seats: [seat(county, [])],
          relatives: [relative('cousin', { generation, seats: [seat(county, [])] })],
        }),
        s,
      ).length;
    expect(inTeam(3)).toBe(1);
    expect(inTeam(4)).toBe(0);
  });
  it('flags spouses in the same team', () => {
    const f = checkAvoidance(
      cadre({ seats: [seat(county, [])], relatives: [relative('spouse', { seats: [seat(county, [])] })] }),
      s,
    );
    expect(f.map((x) => x.evidence[0].situation)).toEqual(['same_team']);
    expect(JSON.stringify(f)).not.toContain('乙'); // the relative is named by the relation only
  });
  it('flags a direct line: a child working in a unit directly under the one the cadre leads, not two levels down', () => {
    const leader = cadre({ posts: [post(county, { postKind: 'party_secretary', title: '区委书记' })] });
    const direct = checkAvoidance(
      {
        ...leader,
        relatives: [
          relative('child', { posts: [post(town, { isPrincipal: false, postKind: 'staff', title: '科员' })] }),
        ],
      },
      s,
    );
    expect(direct.map((x) => x.evidence[0].situation)).toEqual(['direct_line']);
    const twoDown = checkAvoidance(
      {
        ...leader,
        relatives: [relative('child', { posts: [post(village, { isPrincipal: false, postKind: 'staff' })] })],
      },
      s,
    );
    expect(twoDown).toEqual([]);
  });
  it('flags 财务 work by a sibling in a unit the cadre is principal of', () => {
    const f = checkAvoidance(
      cadre({
        posts: [post(finance)],
        relatives: [
          relative('sibling', {
            generation: 2,
            posts: [post(finance, { isPrincipal: false, postKind: 'deputy_head', title: '副局长' })],
            seats: [seat(finance, ['finance'])],
          }),
        ],
      }),
      s,
    );
    expect(f.map((x) => x.evidence[0].situation)).toEqual(expect.arrayContaining(['sensitive_work']));
    expect(f.find((x) => x.evidence[0].situation === 'sensitive_work')!.evidence[0]).toMatchObject({ work: ['财务'] });
  });
  it('flags a county party secretary in the county where they grew up (成长地回避), not elsewhere', () => {
    const sec = post(county, { postKind: 'party_secretary', title: '区委书记' });
    expect(checkAvoidance(cadre({ growthPlaceCode: '339802', posts: [sec] }), s)[0].evidence[0]).toMatchObject({
      situation: 'home_area',
    });
    expect(checkAvoidance(cadre({ growthPlaceCode: '339803', posts: [sec] }), s)).toEqual([]);
    expect(checkAvoidance(cadre({ growthPlaceCode: '339802', posts: [post(finance)] }), s)).toEqual([]); // a 财政局 head is not on the list
  });
});

describe('M-07 rotation due', () => {
  const s = D['M-07'];
  const middle = (startDate: string, p: Partial<PostFact> = {}) =>
    post(finance, {
      postKind: 'middle_manager',
      isPrincipal: false,
      title: '预算科科长',
      rank: 'staff',
      startDate,
      ...p,
    });
  const rules = (f: CadreFacts, today: string) =>
    checkRotation(f, s, today, { keyUnitTags: [] }).map((x) => `${x.level}:${x.evidence[0].rule}`);
  it('a middle-level post is due on the sixth anniversary: 5y364d no, 6y0d yes', () => {
    const f = cadre({ posts: [middle('2020-03-02')] });
    expect(rules(f, '2026-03-01')).toEqual(['green:coming_due']);
    expect(rules(f, '2026-03-02')).toEqual(['yellow:same_post']);
    expect(rules(f, '2025-09-01')).toEqual([]); // more than 180 days before
  });
  it('the same section as 正副职 for 9 years, across a promotion from deputy to chief', () => {
    const deputy = middle('2015-01-01', { title: '预算科副科长', endDate: '2019-12-31' });
    const f = cadre({ posts: [deputy, middle('2020-01-01')] });
    expect(rules(f, '2023-12-31')).toEqual(expect.not.arrayContaining(['yellow:same_section']));
    expect(rules(f, '2024-01-01')).toEqual(expect.arrayContaining(['yellow:same_section']));
  });
  it('approval or 人财物 posts are due after 10 years', () => {
    const f = cadre({ posts: [middle('2014-05-01', { title: '行政审批科科长' })] });
    expect(rules(f, '2024-04-30')).not.toContain('yellow:key_post');
    expect(rules(f, '2024-05-01')).toContain('yellow:key_post');
  });
  it('middle-level posts held continuously for 12 years call for a planned exchange', () => {
    const other: OrgFact = { ...finance, id: 30, name: '明湖区审计局' };
    const f = cadre({ posts: [middle('2012-06-01', { org: other, endDate: '2018-05-31' }), middle('2018-06-01')] });
    expect(rules(f, '2024-05-31')).not.toContain('yellow:middle_level');
    expect(rules(f, '2024-06-01')).toContain('yellow:middle_level');
  });
  it('a leading post must be exchanged after 10 years or two 5-year terms, counting a re-appointment as the same post', () => {
    const first = post(finance, { startDate: '2014-07-01', endDate: '2019-06-30' });
    const second = post(finance, { startDate: '2019-07-01' });
    const f = cadre({ posts: [first, second] });
    expect(rules(f, '2024-06-30')).toEqual(['green:coming_due']);
    const due = checkRotation(f, s, '2024-07-01', { keyUnitTags: [] });
    expect(due.map((x) => x.level)).toEqual(['red']);
    expect(due[0].message).toContain('连续任满2届');
    expect(
      checkRotation(f, { ...s, samePostExchangeYears: 12, termYears: 6 }, '2024-07-01', { keyUnitTags: [] }),
    ).toEqual([]);
  });
  it('15 years at the same rank', () => {
    const f = cadre({
      posts: [
        post(town, { rank: 'sec_full', startDate: '2009-01-01', endDate: '2015-12-31' }),
        post(finance, { rank: 'sec_full', startDate: '2016-01-01' }),
      ],
    });
    expect(rules(f, '2023-12-31')).not.toContain('yellow:same_rank');
    expect(rules(f, '2024-01-01')).toContain('yellow:same_rank');
  });
});

describe('evaluateCadre', () => {
  it('returns red before yellow before green, each with its rule id, settings and evidence', () => {
    const f = cadre({ posts: [post(finance, { startDate: '2010-01-01' })], seats: [seat(finance, ['finance'])] });
    const all = evaluateCadre(f, D, '2026-03-02');
    expect(all.map((x) => `${x.level}:${x.ruleId}`)).toEqual(['red:M-04', 'red:M-07', 'yellow:M-07', 'green:M-05']);
    for (const x of all)
      expect(x).toEqual(
        expect.objectContaining({
          settings: expect.any(Object),
          evidence: expect.any(Array),
          message: expect.any(String),
        }),
      );
  });
});
