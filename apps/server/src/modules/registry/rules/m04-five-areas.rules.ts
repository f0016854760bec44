// M-04 五个不直接分管 (`002`, `003` 篇4): the principal must not directly oversee 干部人事, 财务管理, 工程建设,
// 行政审批, 物资采购. A principal whose current portfolio in the unit they lead includes any of them is flagged red.
import type { Finding, RuleSettings } from '../../../platform/rules/index.js';
import { dictLabel } from '../registry.dicts.js';
import { currentAreas, currentPosts, currentSeats, type CadreFacts } from './facts.repo.js';

export function checkFiveAreas(f: CadreFacts, settings: RuleSettings<'M-04'>): Finding[] {
  const forbidden = new Set(settings.areas);
  const out: Finding[] = [];
  for (const post of currentPosts(f).filter((p) => p.isPrincipal)) {
    for (const seat of currentSeats(f).filter((s) => s.org.id === post.org.id)) {
      const hit = currentAreas(seat).filter((a) => forbidden.has(a.area));
      if (!hit.length) continue;
      const labels = hit.map((a) => dictLabel('portfolio_area', a.area)).join('、');
      out.push({
        ruleId: 'M-04',
        level: 'red',
        message: `一把手直接分管${labels}（${post.org.name}${post.title}），违反“五个不直接分管”`,
        messageEn: `The principal of ${post.org.name} directly oversees ${hit.map((a) => a.area).join(', ')}`,
        settings: { areas: settings.areas },
        evidence: hit.map((a) => ({
          orgId: post.org.id,
          orgName: post.org.name,
          postId: post.id,
          postTitle: post.title,
          teamMemberId: seat.id,
          area: a.area,
          areaLabel: dictLabel('portfolio_area', a.area),
          since: a.startDate,
        })),
      });
    }
  }
  return out;
}
