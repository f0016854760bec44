// M-07 定期轮岗 / 交流 (`003` 篇3 and the national rules on leading cadres). Defaults, all settings:
//  - middle-level and staff posts (`003` 篇3 四): same post ≥ 6 years; 正副职 in the same 科室 ≥ 9 years; middle-level
//    posts held continuously ≥ 12 years; approval or 人财物 posts ≥ 10 years → due for rotation (yellow);
//  - leading posts: ≥ 10 years in the same post, or two consecutive 5-year terms → must be exchanged (red);
//  - 15 years at the same rank → due (yellow).
// Within `APPROACH_DAYS` of a post's first threshold the flag is green (coming due). Thresholds are anniversaries.
import type { Finding, RuleSettings } from '../../../platform/rules/index.js';
import { dictLabel } from '../registry.dicts.js';
import { currentPosts, isLeadingPost, type CadreFacts, type PostFact } from './facts.repo.js';
import { addDays, addYears, fullYears, reached } from './rule-dates.rules.js';
import { matchingTag } from './m05-key-posts.rules.js';

export const APPROACH_DAYS = 180;
const KEY_TITLE = /审批|财务|人事|采购|招标/;
const RANK_FLOOR = new Set(['sec_deputy', 'sec_full', 'div_deputy', 'div_full', 'dept_deputy', 'dept_full']);

/** Start of an unbroken chain of posts ending in `post` that satisfy `same` (a new term starts the day the last ended or the next). */
function chainStart(posts: PostFact[], post: PostFact, same: (p: PostFact) => boolean): string {
  let start = post.startDate;
  for (let moved = true; moved; ) {
    moved = false;
    for (const p of posts) {
      if (p.id === post.id || !same(p) || p.startDate >= start || !p.endDate) continue;
      if (p.endDate >= addDays(start, -1)) {
        start = p.startDate;
        moved = true;
      }
    }
  }
  return start;
}

export interface RotationContext {
  keyUnitTags: readonly string[];
}

export function checkRotation(f: CadreFacts, s: RuleSettings<'M-07'>, today: string, ctx: RotationContext): Finding[] {
  const out: Finding[] = [];
  const settings = { ...s };
  const finding = (level: Finding['level'], message: string, messageEn: string, evidence: Record<string, unknown>) =>
    out.push({ ruleId: 'M-07', level, message, messageEn, settings, evidence: [evidence] });
  for (const post of currentPosts(f)) {
    const samePost = (p: PostFact) =>
      p.org.id === post.org.id && p.postKind === post.postKind && p.title === post.title;
    const since = chainStart(f.posts, post, samePost);
    const years = fullYears(since, today);
    const ev = {
      postId: post.id,
      orgId: post.org.id,
      orgName: post.org.name,
      postTitle: post.title,
      since,
      years,
      today,
    };
    const where = `${post.org.name}${post.title}`;
    const thresholds: number[] = [];
    if (isLeadingPost(post)) {
      const terms = s.termYears * s.maxConsecutiveTerms;
      thresholds.push(s.samePostExchangeYears, terms);
      const why = [
        ...(reached(since, s.samePostExchangeYears, today) ? [`同一职位任职满${s.samePostExchangeYears}年`] : []),
        ...(reached(since, terms, today) ? [`连续任满${s.maxConsecutiveTerms}届（每届${s.termYears}年）`] : []),
      ];
      if (why.length)
        finding('red', `${where}：${why.join('，')}，应当交流`, `Same leading post since ${since}: must be exchanged`, {
          ...ev,
          rule: 'leading_post',
        });
    } else {
      thresholds.push(s.samePostYears);
      if (reached(since, s.samePostYears, today))
        finding(
          'yellow',
          `${where}：同一岗位任职满${s.samePostYears}年，应轮岗或交流`,
          `Same post for ${years} years since ${since}: due for rotation`,
          { ...ev, rule: 'same_post' },
        );
      if (post.postKind === 'middle_manager') {
        const section = chainStart(f.posts, post, (p) => p.org.id === post.org.id && p.postKind === 'middle_manager');
        if (section < since && reached(section, s.sameSectionYears, today)) {
          finding(
            'yellow',
            `${post.org.name}：同一科室担任正副职满${s.sameSectionYears}年，应轮岗或交流`,
            `正副职 in the same section since ${section}: due for rotation`,
            { ...ev, since: section, years: fullYears(section, today), rule: 'same_section' },
          );
        }
        const middle = chainStart(f.posts, post, (p) => p.postKind === 'middle_manager');
        if (reached(middle, s.middleRankPostYears, today)) {
          finding(
            'yellow',
            `中层岗位连续任职满${s.middleRankPostYears}年，应有计划地交流`,
            `Middle-level posts since ${middle}: planned exchange due`,
            { ...ev, since: middle, years: fullYears(middle, today), rule: 'middle_level' },
          );
        }
      }
      const keyTag =
        matchingTag(post.org, ctx.keyUnitTags) ??
        (KEY_TITLE.test(post.title) ? post.title.match(KEY_TITLE)![0] : undefined);
      if (keyTag && reached(since, s.keyPostYears, today)) {
        finding(
          'yellow',
          `${where}：审批或人财物重要岗位连续满${s.keyPostYears}年，应轮岗交流`,
          `Approval / people-money-goods post since ${since}: due for rotation`,
          { ...ev, rule: 'key_post', keyTag },
        );
      }
    }
    const first = Math.min(...thresholds);
    if (!reached(since, first, today) && addDays(today, APPROACH_DAYS) >= addYears(since, first)) {
      finding(
        'green',
        `${where}：将于${addYears(since, first)}任职满${first}年`,
        `Reaches ${first} years in the post on ${addYears(since, first)}`,
        { ...ev, dueOn: addYears(since, first), rule: 'coming_due' },
      );
    }
  }
  // 15 years at the same rank (leading ranks), across posts held without a break.
  const top = currentPosts(f)
    .filter((p) => RANK_FLOOR.has(p.rank))
    .sort((a, b) => a.startDate.localeCompare(b.startDate))[0];
  if (top) {
    const since = chainStart(f.posts, top, (p) => p.rank === top.rank);
    if (reached(since, s.sameRankMaxYears, today)) {
      finding(
        'yellow',
        `任${dictLabel('rank', top.rank)}职级满${s.sameRankMaxYears}年，应当交流`,
        `Same rank since ${since}: exchange due`,
        {
          postId: top.id,
          rank: top.rank,
          rankLabel: dictLabel('rank', top.rank),
          since,
          years: fullYears(since, today),
          today,
          rule: 'same_rank',
        },
      );
    }
  }
  return out;
}
