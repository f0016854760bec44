// Flags of the rules: a tag per finding, and the full finding with its rule, settings and evidence.
import { Alert, Descriptions, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { loadDicts, type Dicts } from './dicts';
import { CODES, NAMES, shown } from './labels';
import type { CadreFlag as Flag } from '@api';

export type { Flag };

export const RULE_NAMES: Record<string, [string, string]> = {
  'M-04': ['五个不直接分管', 'Five areas not overseen directly'],
  'M-05': ['三重岗位', 'Power, money or goods post'],
  'M-06': ['任职回避', 'Avoidance'],
  'M-07': ['轮岗交流', 'Rotation due'],
};
const COLOR = { red: 'red', yellow: 'gold', green: 'green' } as const;

/** A flag as lists carry it: the rule and the level (red, yellow, green). */
type FlagTag = { ruleId: string; level: string };
const color = (level: string) => COLOR[level as keyof typeof COLOR];

export function FlagTags({ flags }: { flags: FlagTag[] }) {
  const { lang } = useI18n();
  const seen = new Map<string, FlagTag>();
  for (const f of flags) if (!seen.has(f.ruleId)) seen.set(f.ruleId, f); // the worst first: the server sorts red → green
  return (
    <Space size={4} wrap>
      {[...seen.values()].map((f) => (
        <Tag key={f.ruleId} color={color(f.level)}>
          {f.ruleId} {RULE_NAMES[f.ruleId]?.[lang === 'en' ? 1 : 0] ?? ''}
        </Tag>
      ))}
    </Space>
  );
}

/** A value as a reader says it: situation codes and dictionary codes (areas, relation kinds) become their labels. */
function value(v: unknown, lang: 'zh' | 'en', dicts?: Dicts): string {
  if (Array.isArray(v)) return v.map((x) => value(x, lang, dicts)).join('、');
  if (typeof v === 'string') {
    if (CODES[v]) return CODES[v][lang === 'en' ? 1 : 0];
    for (const dict of ['portfolio_area', 'relation_kind', 'rank', 'unit_type']) {
      const e = dicts?.[dict]?.find((x) => x.code === v);
      if (e) return lang === 'en' ? e.labelEn : e.labelZh;
    }
    return v;
  }
  return typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
}

export function FlagCard({ flag }: { flag: Flag }) {
  const { t, lang } = useI18n();
  const [dicts, setDicts] = useState<Dicts>();
  useEffect(() => {
    loadDicts()
      .then(setDicts)
      .catch(() => {});
  }, []);
  const type = flag.level === 'red' ? 'error' : flag.level === 'yellow' ? 'warning' : 'success';
  return (
    <Alert
      type={type}
      showIcon
      style={{ marginBottom: 12 }}
      data-testid={`flag-${flag.ruleId}`}
      message={
        <span>
          <Tag color={color(flag.level)}>
            {flag.ruleId} {RULE_NAMES[flag.ruleId]?.[lang === 'en' ? 1 : 0]}
          </Tag>
          {lang === 'en' && flag.messageEn ? flag.messageEn : flag.message}
        </span>
      }
      description={
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('规则设置', 'Settings used')}>
            {Object.entries(flag.settings ?? {}).map(([k, v]) => (
              <div key={k}>
                {NAMES[k]?.[lang === 'en' ? 1 : 0] ?? t('其他设置', 'Other setting')}：{value(v, lang, dicts)}
              </div>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label={t('依据', 'Evidence')}>
            {(flag.evidence ?? []).map((e) => (
              <div key={JSON.stringify(e)}>
                {Object.entries(e)
                  .filter(([k, v]) => v !== null && v !== undefined && shown(k))
                  .map(
                    ([k, v]) => `${NAMES[k]?.[lang === 'en' ? 1 : 0] ?? t('其他', 'Other')}：${value(v, lang, dicts)}`,
                  )
                  .join('；')}
              </div>
            ))}
          </Descriptions.Item>
          {flag.evaluatedOn && (
            <Descriptions.Item label={t('评估日期', 'Evaluated on')}>{flag.evaluatedOn}</Descriptions.Item>
          )}
        </Descriptions>
      }
    />
  );
}
