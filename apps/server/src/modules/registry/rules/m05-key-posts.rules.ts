// M-05 三重 posts (`001`): leading posts in units that touch power, money or goods (发改, 财政, 工信, 住建, state-owned
// enterprises…) are tagged for closer supervision. A tag matches the unit's name or its unit-type label. The flag
// is informational (green): it marks whom the audit list and the warnings look at first.
import type { Finding, RuleSettings } from '../../../platform/rules/index.js';
import { dictLabel } from '../registry.dicts.js';
import { currentPosts, isLeadingPost, type CadreFacts } from './facts.repo.js';

export function matchingTag(org: { name: string; unitType: string }, tags: readonly string[]): string | undefined {
  const typeLabel = dictLabel('unit_type', org.unitType);
  return tags.find((t) => org.name.includes(t) || typeLabel === t);
}

export function checkKeyPosts(f: CadreFacts, settings: RuleSettings<'M-05'>): Finding[] {
  const out: Finding[] = [];
  for (const post of currentPosts(f)) {
    if (!isLeadingPost(post)) continue; // 三重 supervision is about who decides, not the unit's staff
    const tag = matchingTag(post.org, settings.unitTags);
    if (!tag) continue;
    out.push({
      ruleId: 'M-05',
      level: 'green',
      message: `三重岗位（${tag}）：${post.org.name}${post.title}，列入重点监督`,
      messageEn: `Post touching power, money or goods (${tag}): ${post.org.name}, closer supervision`,
      settings: { unitTags: settings.unitTags },
      evidence: [
        {
          postId: post.id,
          orgId: post.org.id,
          orgName: post.org.name,
          postTitle: post.title,
          tag,
          since: post.startDate,
        },
      ],
    });
  }
  return out;
}
