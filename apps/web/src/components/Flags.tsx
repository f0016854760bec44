// Flags of the rules: a tag per finding, and the full finding with its rule, settings and evidence.
import { Alert, Descriptions, Space, Tag, Typography } from 'antd';
import { useI18n } from '../i18n';

export interface Flag { ruleId: string; level: 'red' | 'yellow' | 'green'; message?: string; messageEn?: string | null; settings?: Record<string, unknown>; evidence?: Array<Record<string, unknown>>; evaluatedOn?: string }

export const RULE_NAMES: Record<string, [string, string]> = {
  'M-04': ['五个不直接分管', 'Five areas not overseen directly'],
  'M-05': ['三重岗位', 'Power, money or goods post'],
  'M-06': ['任职回避', 'Avoidance'],
  'M-07': ['轮岗交流', 'Rotation due'],
};
const COLOR = { red: 'red', yellow: 'gold', green: 'green' } as const;

export function FlagTags({ flags }: { flags: Array<Pick<Flag, 'ruleId' | 'level'>> }) {
  const { lang } = useI18n();
  const seen = new Map<string, Pick<Flag, 'ruleId' | 'level'>>();
  for (const f of flags) if (!seen.has(f.ruleId)) seen.set(f.ruleId, f); // the worst first: the server sorts red → green
  return <Space size={4} wrap>{[...seen.values()].map((f) => <Tag key={f.ruleId} color={COLOR[f.level]}>{f.ruleId} {RULE_NAMES[f.ruleId]?.[lang === 'en' ? 1 : 0] ?? ''}</Tag>)}</Space>;
}

/** Evidence and setting names a reader understands; ids stay out of sight (the links carry them). */
const NAMES: Record<string, [string, string]> = {
  area: ['', ''], areaLabel: ['分管领域', 'Area'], orgName: ['单位', 'Unit'], postTitle: ['职务', 'Post'], since: ['起算日', 'Since'],
  years: ['已满年数', 'Years'], today: ['评估日', 'Evaluated'], dueOn: ['到期日', 'Due on'], tag: ['岗位类别', 'Tag'], keyTag: ['岗位类别', 'Tag'],
  situation: ['情形', 'Situation'], relationKind: ['亲属关系', 'Relation'], generation: ['代数', 'Generation'], leadOrgName: ['领导的单位', 'Unit led'],
  postOrgName: ['任职单位', 'Unit of post'], work: ['工作', 'Work'], regionCode: ['任职地区划', 'Region'], growthPlaceCode: ['成长地', 'Grew up in'],
  rankLabel: ['职级', 'Rank'], rule: ['情形', 'Case'], direction: ['', ''],
  areas: ['不得直接分管的领域', 'Areas the principal may not oversee'], unitTags: ['三重单位标签', 'Unit tags'],
  collateralGenerations: ['旁系血亲回避代数', 'Collateral generations'], sensitiveWork: ['回避的工作', 'Sensitive work'],
  samePostYears: ['同一岗位（年）', 'Same post (years)'], sameSectionYears: ['同一科室正副职（年）', 'Same section (years)'],
  middleRankPostYears: ['中层连续任职（年）', 'Middle-level (years)'], keyPostYears: ['审批/人财物岗位（年）', 'Key post (years)'],
  termYears: ['每届（年）', 'Term (years)'], maxConsecutiveTerms: ['最多连任（届）', 'Max consecutive terms'],
  samePostExchangeYears: ['领导职务同一职位（年）', 'Same leading post (years)'], sameRankMaxYears: ['同一职级（年）', 'Same rank (years)'],
};
const CODES: Record<string, [string, string]> = {
  leading_post: ['领导职务同一职位', 'Same leading post'], same_post: ['同一岗位', 'Same post'], same_section: ['同一科室正副职', 'Same section'],
  middle_level: ['中层连续任职', 'Middle-level posts'], key_post: ['审批/人财物岗位', 'Key post'], coming_due: ['即将到期', 'Coming due'],
  same_rank: ['同一职级', 'Same rank'], same_team: ['同一班子', 'Same team'], direct_line: ['直接上下级', 'Direct line'],
  sensitive_work: ['在对方任一把手的单位从事回避工作', 'Sensitive work'], home_area: ['成长地回避', 'Home area'],
};
const shown = (k: string) => !/Id$/.test(k) && NAMES[k]?.[0] !== '';

function value(v: unknown, lang: 'zh' | 'en' = 'zh'): string {
  if (typeof v === 'string' && CODES[v]) return CODES[v][lang === 'en' ? 1 : 0];
  return Array.isArray(v) ? v.join('、') : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
}

export function FlagCard({ flag }: { flag: Flag }) {
  const { t, lang } = useI18n();
  const type = flag.level === 'red' ? 'error' : flag.level === 'yellow' ? 'warning' : 'success';
  return (
    <Alert type={type} showIcon style={{ marginBottom: 12 }} data-testid={`flag-${flag.ruleId}`}
      message={<span><Tag color={COLOR[flag.level]}>{flag.ruleId} {RULE_NAMES[flag.ruleId]?.[lang === 'en' ? 1 : 0]}</Tag>{lang === 'en' && flag.messageEn ? flag.messageEn : flag.message}</span>}
      description={
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('规则设置', 'Settings used')}>
            {Object.entries(flag.settings ?? {}).map(([k, v]) => <div key={k}>{NAMES[k]?.[lang === 'en' ? 1 : 0] ?? k} <Typography.Text code>{k}</Typography.Text> = {value(v)}</div>)}
          </Descriptions.Item>
          <Descriptions.Item label={t('依据', 'Evidence')}>
            {(flag.evidence ?? []).map((e, i) => (
              <div key={i}>{Object.entries(e).filter(([k, v]) => v !== null && v !== undefined && shown(k)).map(([k, v]) => `${NAMES[k]?.[lang === 'en' ? 1 : 0] ?? k}：${value(v, lang)}`).join('；')}</div>
            ))}
          </Descriptions.Item>
          {flag.evaluatedOn && <Descriptions.Item label={t('评估日期', 'Evaluated on')}>{flag.evaluatedOn}</Descriptions.Item>}
        </Descriptions>
      } />
  );
}
