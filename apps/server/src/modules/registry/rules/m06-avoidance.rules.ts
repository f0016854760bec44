// M-06 任职回避 (`003` (十六), 公务员法 §74, 党政领导干部选拔任用工作条例): relatives — spouse, lineal blood relatives,
// collateral blood relatives within `collateralGenerations` generations, close in-laws — may not serve in the same
// leadership team or in a direct superior–subordinate line, nor do 组织人事, 纪检监察, 审计 or 财务 work in a unit the
// other leads. County-level heads of 党委, 政府, 纪检, 组织, 法院, 检察院, 公安 are not appointed where they grew up.
// (The spouse-business situation needs business data the registry does not hold; it belongs to M-44.)
import type { Finding, RuleSettings } from '../../../platform/rules/index.js';
import { DICTS, dictLabel } from '../registry.dicts.js';
import {
  currentAreas,
  currentPosts,
  currentSeats,
  type CadreFacts,
  type OrgFact,
  type RelativeFact,
} from './facts.repo.js';

type Person = Pick<CadreFacts, 'posts' | 'seats'>;

/** The sensitive kinds of work by their SPEC names, and how the registry records each. */
export const SENSITIVE_WORK: Record<string, { areas: string[]; postKinds: string[] }> = {
  组织人事: { areas: ['personnel'], postKinds: ['org_head'] },
  纪检监察: { areas: ['discipline'], postKinds: ['discipline_secretary'] },
  审计: { areas: ['audit'], postKinds: [] },
  财务: { areas: ['finance'], postKinds: [] },
};

/** Is this relation inside the avoidance circle? Collateral relatives count up to the configured generation. */
export function withinAvoidance(kind: string, generation: number | null, collateralGenerations: number): boolean {
  const line = (DICTS.relation_kind.find(([c]) => c === kind)?.[3] as { line?: string } | undefined)?.line;
  if (line === 'spouse' || line === 'lineal' || line === 'in_law') return true;
  if (line === 'collateral') return (generation ?? 2) <= collateralGenerations;
  return false;
}

const seatsAt = (p: Person, orgId: number) => currentSeats(p).filter((s) => s.org.id === orgId);
const ledOrgs = (p: Person): OrgFact[] => [
  ...currentSeats(p).map((s) => s.org),
  ...currentPosts(p)
    .filter((x) => x.isPrincipal)
    .map((x) => x.org),
];

function sensitiveWorkAt(p: Person, orgId: number, kinds: string[]): string[] {
  const out = new Set<string>();
  for (const k of kinds) {
    const def = SENSITIVE_WORK[k];
    if (!def) continue;
    if (currentPosts(p).some((x) => x.org.id === orgId && def.postKinds.includes(x.postKind))) out.add(k);
    if (seatsAt(p, orgId).some((s) => currentAreas(s).some((a) => def.areas.includes(a.area)))) out.add(k);
  }
  return [...out];
}

function relativeFindings(f: CadreFacts, r: RelativeFact, settings: RuleSettings<'M-06'>): Finding[] {
  const rel = `${dictLabel('relation_kind', r.kind)}${r.generation && r.kind !== 'sibling' ? `（${r.generation}代）` : ''}`;
  const base = {
    ruleId: 'M-06' as const,
    level: 'red' as const,
    settings: { collateralGenerations: settings.collateralGenerations, sensitiveWork: settings.sensitiveWork },
  };
  // The relative is named by the relation only: the reader of this dossier may not be allowed to see the other one.
  const ev = (extra: Record<string, unknown>) => ({
    relationId: r.relationId,
    relationKind: r.kind,
    generation: r.generation,
    ...extra,
  });
  const out: Finding[] = [];
  const sameTeam = new Set<number>();
  for (const s of currentSeats(f)) {
    if (!seatsAt(r, s.org.id).length) continue;
    sameTeam.add(s.org.id);
    out.push({
      ...base,
      message: `与${rel}同在${s.org.name}领导班子任职，应当回避`,
      messageEn: `Serves in the same leadership team as a relative (${r.kind}) at ${s.org.name}`,
      evidence: [ev({ situation: 'same_team', orgId: s.org.id, orgName: s.org.name })],
    });
  }
  // Direct line: one leads a unit, the other works in it or in a unit directly under it.
  for (const [leader, worker, who] of [
    [f, r, 'self_leads'],
    [r, f, 'relative_leads'],
  ] as const) {
    for (const org of ledOrgs(leader)) {
      if (sameTeam.has(org.id)) continue;
      const post = currentPosts(worker).find((p) => p.org.id === org.id || p.org.parentId === org.id);
      if (!post) continue;
      out.push({
        ...base,
        message:
          who === 'self_leads'
            ? `${rel}在本人领导的${org.name}${post.org.id === org.id ? '' : `下属${post.org.name}`}任职，构成直接上下级关系`
            : `本人在${rel}领导的${org.name}${post.org.id === org.id ? '' : `下属${post.org.name}`}任职，构成直接上下级关系`,
        messageEn: `Direct superior–subordinate line with a relative (${r.kind}) through ${org.name}`,
        evidence: [
          ev({
            situation: 'direct_line',
            direction: who,
            leadOrgId: org.id,
            leadOrgName: org.name,
            postOrgId: post.org.id,
            postOrgName: post.org.name,
            postTitle: post.title,
          }),
        ],
      });
      break;
    }
  }
  // Sensitive work in a unit the other person is the principal of.
  for (const [principal, worker, who] of [
    [f, r, 'relative_works'],
    [r, f, 'self_works'],
  ] as const) {
    for (const post of currentPosts(principal).filter((p) => p.isPrincipal)) {
      const kinds = sensitiveWorkAt(worker, post.org.id, settings.sensitiveWork);
      if (!kinds.length) continue;
      out.push({
        ...base,
        message:
          who === 'relative_works'
            ? `${rel}在本人任一把手的${post.org.name}从事${kinds.join('、')}工作`
            : `本人在${rel}任一把手的${post.org.name}从事${kinds.join('、')}工作`,
        messageEn: `${kinds.join(', ')} work in a unit whose principal is a relative (${r.kind})`,
        evidence: [
          ev({ situation: 'sensitive_work', direction: who, orgId: post.org.id, orgName: post.org.name, work: kinds }),
        ],
      });
    }
  }
  return out;
}

/** County-level posts that must not be held in one's home area (成长地回避). */
export function isHomeAreaPost(p: { org: OrgFact; postKind: string; isPrincipal: boolean }): boolean {
  if (p.org.level !== 'county') return false;
  const t = p.org.unitType;
  if (t === 'party_committee')
    return p.isPrincipal || p.postKind === 'org_head' || p.postKind === 'discipline_secretary';
  if (t === 'government' || t === 'court' || t === 'procuratorate') return p.isPrincipal;
  return t === 'gov_department' && p.isPrincipal && p.org.name.includes('公安');
}

export function checkAvoidance(f: CadreFacts, settings: RuleSettings<'M-06'>): Finding[] {
  const out = f.relatives
    .filter((r) => withinAvoidance(r.kind, r.generation, settings.collateralGenerations))
    .flatMap((r) => relativeFindings(f, r, settings));
  for (const p of currentPosts(f).filter(isHomeAreaPost)) {
    if (!f.growthPlaceCode || p.org.regionCode !== f.growthPlaceCode) continue;
    out.push({
      ruleId: 'M-06',
      level: 'red',
      settings: { collateralGenerations: settings.collateralGenerations, sensitiveWork: settings.sensitiveWork },
      message: `在成长地${p.org.name}担任${p.title}，应当实行地域回避`,
      messageEn: `Holds ${p.title} at ${p.org.name} in the area where the cadre grew up`,
      evidence: [
        {
          situation: 'home_area',
          postId: p.id,
          orgId: p.org.id,
          orgName: p.org.name,
          regionCode: p.org.regionCode,
          growthPlaceCode: f.growthPlaceCode,
        },
      ],
    });
  }
  return out;
}
