// Deterministic registry generator: the demo city (示例市) and the province-scale bench share it.
// Same seed and reference date → the same units, people, posts, teams, portfolios and relations.
import { Rng } from './people/prng.js';
import { PeopleFactory } from './people/names.js';
import { dictLabel } from '../modules/registry/index.js';
import * as P from './registry-plan.js';

export interface GenOrg {
  id: number;
  parentId: number | null;
  path: string;
  name: string;
  level: string;
  unitType: string;
  regionCode: string | null;
  sort: number;
}
export interface GenCadre {
  id: number;
  name: string;
  idCard: string;
  gender: 'M' | 'F';
  birthDate: string;
  partyStatus: string;
  partyJoinedOn: string | null;
  birthplaceCode: string;
  growthPlaceCode: string;
  orgId: number;
}
export interface GenPost {
  id: number;
  cadreId: number;
  orgId: number;
  title: string;
  postKind: string;
  rank: string;
  isPrincipal: boolean;
  startDate: string;
  endDate: string | null;
  endReason: string | null;
  appointDoc: string;
}
export interface GenMember {
  id: number;
  orgId: number;
  cadreId: number;
  teamRole: string;
  sort: number;
  joinedOn: string;
}
export interface GenPortfolio {
  teamMemberId: number;
  area: string;
  startDate: string;
}
export interface GenRelation {
  cadreId: number;
  relativeCadreId: number;
  kind: string;
  generation: number | null;
}
export interface GenTimeline {
  cadreId: number;
  occurredOn: string;
  eventType: string;
  summary: string;
  refEntity: string;
  refId: number;
}
export interface Registry {
  orgs: GenOrg[];
  cadres: GenCadre[];
  posts: GenPost[];
  members: GenMember[];
  portfolios: GenPortfolio[];
  relations: GenRelation[];
  timeline: GenTimeline[];
}

export interface CitySpec {
  name: string;
  regionCode: string;
  counties: Array<{ name: string; regionCode: string }>;
}
export interface GenOptions {
  seed: string;
  /** Reference date: every start date lies before it. */
  refDate: string;
  province?: { name: string; regionCode: string };
  cities: CitySpec[];
  townsPerCounty: number;
  villagesPerTown: number;
  staffPerCityDept: number;
  staffPerCountyDept: number;
}

const DAY = 86_400_000;
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const RANK_BELOW: Record<string, string> = {
  dept_full: 'dept_deputy',
  dept_deputy: 'div_full',
  div_full: 'div_deputy',
  div_deputy: 'sec_full',
  sec_full: 'sec_deputy',
  sec_deputy: 'staff',
  staff: 'staff',
};

export function generateRegistry(o: GenOptions): Registry {
  const rng = new Rng(o.seed);
  const people = new PeopleFactory(rng);
  const r: Registry = { orgs: [], cadres: [], posts: [], members: [], portfolios: [], relations: [], timeline: [] };
  const ids = { org: 0, cadre: 0, post: 0, member: 0 };
  const refYear = Number(o.refDate.slice(0, 4));
  let docNo = 0;

  const unit = (
    parent: GenOrg | null,
    name: string,
    level: string,
    unitType: string,
    regionCode: string | null,
  ): GenOrg => {
    const id = ++ids.org;
    const org = {
      id,
      parentId: parent?.id ?? null,
      path: parent ? `${parent.path}.${id}` : String(id),
      name,
      level,
      unitType,
      regionCode,
      sort: id,
    };
    r.orgs.push(org);
    return org;
  };

  /** A person in a post at `org`, with one or two earlier posts in `pool`, a team seat if `team`. */
  const person = (
    org: GenOrg,
    spec: P.LeaderSpec,
    region: string,
    pool: GenOrg[],
    team: boolean,
    sort: number,
    portfolios: string[] = [],
  ) => {
    const age = rng.int(spec.age[0], spec.age[1]);
    const p = people.makePerson({ birthYearFrom: refYear - age, birthYearTo: refYear - age, regionCode: region });
    const cadreId = ++ids.cadre;
    const growth = rng.chance(0.85)
      ? region
      : (o.cities[0].counties[rng.int(0, o.cities[0].counties.length - 1)]?.regionCode ?? region);
    const joinedParty = rng.chance(0.92) ? addDays(p.birthDate, 365 * rng.int(20, 30)) : null;
    r.cadres.push({
      id: cadreId,
      name: p.name,
      idCard: p.idCard,
      gender: p.gender,
      birthDate: p.birthDate,
      partyStatus: joinedParty ? 'member' : rng.chance(0.4) ? 'democratic' : 'none',
      partyJoinedOn: joinedParty && joinedParty < o.refDate ? joinedParty : null,
      birthplaceCode: region,
      growthPlaceCode: growth,
      orgId: org.id,
    });
    // Current post: started 0.3–13 years ago; earlier posts end the day before the next begins.
    let start = addDays(o.refDate, -rng.int(120, 13 * 365));
    const earlier = Math.min(rng.int(0, 2), Math.max(0, Math.floor((age - 28) / 6)));
    const history: GenPost[] = [];
    let rank = spec.rank;
    history.push({
      id: 0,
      cadreId,
      orgId: org.id,
      title: spec.title,
      postKind: spec.postKind,
      rank,
      isPrincipal: spec.principal,
      startDate: start,
      endDate: null,
      endReason: null,
      appointDoc: '',
    });
    for (let i = 0; i < earlier; i++) {
      const prevStart = addDays(start, -rng.int(3 * 365, 7 * 365));
      rank = RANK_BELOW[rank];
      const where = pool[rng.int(0, pool.length - 1)] ?? org;
      history.push({
        id: 0,
        cadreId,
        orgId: where.id,
        title: rank === 'staff' ? '科员' : `${dictLabel('rank', rank)}级干部`,
        postKind: rank === 'staff' ? 'staff' : 'middle_manager',
        rank,
        isPrincipal: false,
        startDate: prevStart,
        endDate: addDays(start, -1),
        endReason: '工作调动',
        appointDoc: '',
      });
      start = prevStart;
    }
    for (const h of history.reverse()) {
      h.id = ++ids.post;
      h.appointDoc = `示组干〔${h.startDate.slice(0, 4)}〕${(++docNo % 300) + 1}号`;
      r.posts.push(h);
      const unitName = r.orgs[h.orgId - 1].name;
      r.timeline.push({
        cadreId,
        occurredOn: h.startDate,
        eventType: 'registry.appointed',
        summary: `任${unitName}${h.title}（${dictLabel('rank', h.rank)}${h.isPrincipal ? '，一把手' : ''}）`,
        refEntity: 'post',
        refId: h.id,
      });
      if (h.endDate)
        r.timeline.push({
          cadreId,
          occurredOn: h.endDate,
          eventType: 'registry.post_ended',
          summary: `免去${unitName}${h.title}：${h.endReason}`,
          refEntity: 'post',
          refId: h.id,
        });
    }
    if (team) {
      const cur = history[history.length - 1];
      const memberId = ++ids.member;
      r.members.push({ id: memberId, orgId: org.id, cadreId, teamRole: spec.teamRole, sort, joinedOn: cur.startDate });
      for (const area of portfolios) r.portfolios.push({ teamMemberId: memberId, area, startDate: cur.startDate });
      r.timeline.push({
        cadreId,
        occurredOn: cur.startDate,
        eventType: 'registry.team_joined',
        summary: `进入${org.name}领导班子${portfolios.length ? `，分管${portfolios.map((a) => dictLabel('portfolio_area', a)).join('、')}` : ''}`,
        refEntity: 'team_member',
        refId: memberId,
      });
    }
    return cadreId;
  };

  /** Staff a unit: its team with portfolios (the principal holds 全面工作), then middle managers and staff. */
  const staffUnit = (
    org: GenOrg,
    leaders: P.LeaderSpec[],
    region: string,
    pool: GenOrg[],
    staff: number,
    principalAreas?: string[],
  ) => {
    const areas = rng.shuffle(P.DEPUTY_AREAS);
    let next = 0;
    const take = (n: number) => {
      const from = next;
      next += n;
      return areas.slice(from, next);
    };
    const team = leaders.map((spec, i) => {
      const mine = spec.principal
        ? spec.postKind === 'party_secretary'
          ? (principalAreas ?? ['overall', 'party_building'])
          : ['overall']
        : spec.postKind === 'discipline_secretary'
          ? ['discipline']
          : spec.postKind === 'org_head'
            ? ['personnel', 'party_building']
            : take(rng.int(1, 3));
      return person(org, spec, region, pool, true, i, mine);
    });
    const midRank = RANK_BELOW[leaders.at(-1)?.rank ?? 'sec_deputy'];
    for (let i = 0; i < staff; i++) {
      const mid = i < Math.ceil(staff / 4);
      person(
        org,
        {
          title: mid ? '科（室）负责人' : '科员',
          postKind: mid ? 'middle_manager' : 'staff',
          rank: mid ? midRank : 'staff',
          principal: false,
          teamRole: '',
          age: mid ? [30, 52] : [24, 45],
        },
        region,
        pool,
        false,
        0,
      );
    }
    return team;
  };

  const root = o.province ? unit(null, o.province.name, 'province', 'party_committee', o.province.regionCode) : null;
  o.cities.forEach((c, ci) => {
    const city = unit(root, c.name, 'city', 'party_committee', c.regionCode);
    const cityUnits: GenOrg[] = [];
    const depts = P.CITY_DEPARTMENTS.map(([n, head, type]) => {
      const d = unit(
        city,
        n.replace(/^市/, `${c.name.replace(/市$/, '')}市`).replace(/^(.+?)市市/, '$1市'),
        'city',
        type,
        c.regionCode,
      );
      cityUnits.push(d);
      return { d, head };
    });
    const soes = P.CITY_SOES.map((n) => unit(city, `${c.name}${n}`, 'city', 'soe', c.regionCode));
    const insts = P.CITY_INSTITUTIONS.map(([n, head]) => ({
      d: unit(city, `${c.name}${n}`, 'city', 'institution', c.regionCode),
      head,
    }));
    const discipline = depts.find((x) => x.d.name.endsWith('纪委监委'))!.d;
    const groups = ['财政局', '住房和城乡建设局', '发展和改革委员会'].map((n) =>
      unit(discipline, `${c.name}纪委监委驻${c.name}${n}纪检监察组`, 'city', 'discipline_group', c.regionCode),
    );
    cityUnits.push(...soes, ...insts.map((x) => x.d));
    const cityPool = [city, ...cityUnits];
    staffUnit(
      city,
      P.committeeTeam('市', ci === 0 && !root ? 'dept_full' : 'dept_full', 'dept_deputy', '市长'),
      c.regionCode,
      cityPool,
      0,
    );
    for (const { d, head } of depts)
      staffUnit(d, P.departmentTeam(head, 'div_full', 'div_deputy'), c.regionCode, cityPool, o.staffPerCityDept);
    for (const s of soes) staffUnit(s, P.soeTeam, c.regionCode, cityPool, Math.ceil(o.staffPerCityDept / 2));
    for (const { d, head } of insts)
      staffUnit(
        d,
        P.departmentTeam(head, 'div_full', 'div_deputy', 2),
        c.regionCode,
        cityPool,
        Math.ceil(o.staffPerCityDept / 2),
      );
    for (const g of groups)
      staffUnit(g, [P.departmentTeam('组长', 'div_full', 'div_deputy', 1)[0]], c.regionCode, cityPool, 2);

    c.counties.forEach((k, ki) => {
      const suffix = k.name.at(-1)!; // 区 / 县 / 市
      const county = unit(city, k.name, 'county', 'party_committee', k.regionCode);
      const countyUnits: GenOrg[] = [county];
      const kDepts = P.COUNTY_DEPARTMENTS.map(([n, head, type]) => {
        const d = unit(
          county,
          `${k.name.slice(0, -1)}${suffix}${n}`.replace(`${suffix}${suffix}`, suffix),
          'county',
          type,
          k.regionCode,
        );
        countyUnits.push(d);
        return { d, head };
      });
      const towns = Array.from({ length: o.townsPerCounty }, (_, ti) => {
        const kind = ti % 3 === 0 ? '街道' : '镇';
        const t = unit(
          county,
          `${P.TOWN_NAMES[(ti + ki * 7 + ci * 3) % P.TOWN_NAMES.length]}${kind}`,
          'township',
          'party_committee',
          k.regionCode,
        );
        countyUnits.push(t);
        return { t, kind: kind as '镇' | '街道' };
      });
      const titleHead = suffix === '县' ? '县长' : suffix === '市' ? '市长' : '区长';
      staffUnit(
        county,
        P.committeeTeam(suffix, 'div_full', 'div_deputy', titleHead),
        k.regionCode,
        [...cityPool, ...countyUnits],
        0,
      );
      kDepts.forEach(({ d, head }, di) => {
        // The demo's first county lets its 住建局 principal oversee 工程建设 directly: an M-04 case to see.
        const direct = ci === 0 && ki === 0 && di === 7 ? ['overall', 'construction'] : undefined;
        staffUnit(
          d,
          P.departmentTeam(head, 'sec_full', 'sec_deputy', 2),
          k.regionCode,
          countyUnits,
          o.staffPerCountyDept,
          direct,
        );
      });
      for (const { t, kind } of towns) {
        staffUnit(t, P.townshipTeam(kind), k.regionCode, countyUnits, 0);
        for (let vi = 0; vi < o.villagesPerTown; vi++) {
          const vk = kind === '街道' ? '社区' : '村';
          const v = unit(
            t,
            `${P.VILLAGE_NAMES[(vi + ki * 5 + ci) % P.VILLAGE_NAMES.length]}${vk}`,
            'village',
            'village_org',
            k.regionCode,
          );
          staffUnit(v, P.villageTeam(vk), k.regionCode, [t], 0);
        }
      }
    });
  });
  addRelations(r, rng);
  return r;
}

/** Family ties: ~3 % of cadres, including a spouse pair inside one team (an M-06 case to see). */
function addRelations(r: Registry, rng: Rng): void {
  const pair = (a: GenCadre, b: GenCadre, kind: string, inverse: string, generation: number | null) => {
    r.relations.push(
      { cadreId: a.id, relativeCadreId: b.id, kind, generation },
      { cadreId: b.id, relativeCadreId: a.id, kind: inverse, generation },
    );
  };
  const used = new Set<number>();
  const free = (c: GenCadre) => !used.has(c.id) && (used.add(c.id), true);
  const byTeam = new Map<number, number[]>();
  for (const m of r.members) byTeam.set(m.orgId, [...(byTeam.get(m.orgId) ?? []), m.cadreId]);
  const cadre = (id: number) => r.cadres[id - 1];
  // One spouse pair and one fourth-generation cousin pair inside the same team of the first county.
  const teams = [...byTeam.values()].filter((t) => t.length >= 4);
  if (teams.length > 20) {
    const t1 = teams[12];
    const [a, b] = [cadre(t1[1]), cadre(t1[2])];
    if (free(a) && free(b)) pair(a, b, 'spouse', 'spouse', null);
    const t2 = teams[13];
    const [c, d] = [cadre(t2[1]), cadre(t2[3])];
    if (free(c) && free(d)) pair(c, d, 'cousin', 'cousin', 4);
  }
  const n = Math.floor(r.cadres.length * 0.015);
  for (let i = 0; i < n; i++) {
    const a = r.cadres[rng.int(0, r.cadres.length - 1)];
    const b = r.cadres[rng.int(0, r.cadres.length - 1)];
    if (a.id === b.id || used.has(a.id) || used.has(b.id)) continue;
    const gap = Math.abs(Date.parse(a.birthDate) - Date.parse(b.birthDate)) / (365.25 * DAY);
    const roll = rng.next();
    if (a.gender !== b.gender && gap <= 6 && roll < 0.5) pair(a, b, 'spouse', 'spouse', null);
    else if (gap <= 12 && roll < 0.75) pair(a, b, 'sibling', 'sibling', 2);
    else if (gap <= 15) pair(a, b, 'cousin', 'cousin', rng.chance(0.8) ? 3 : 4);
    else if (gap >= 22) {
      const [older, younger] = a.birthDate < b.birthDate ? [a, b] : [b, a];
      pair(older, younger, 'child', 'parent', null);
    } else continue;
    used.add(a.id);
    used.add(b.id);
  }
}
