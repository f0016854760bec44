// Dashboard: what is flagged in the caller's scope, per rule and level, with a way into each list. Until the counts
// arrive each card shows that it is loading, never a 0 that is not yet true (issue 13 §6); a failed load says so.
import { useMemo } from 'react';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { get } from '../api';
import { errorText, useI18n } from '../i18n';
import { useSession } from '../session';
import { Chart } from '../components/Chart';
import { RULE_NAMES } from '../components/Flags';
import { useLoad } from '../components/useLoad';
import { QueueCards } from './reports/QueueCards';
import type { CadreRow, FlagSummary, Page } from '@api';

export function HomePage() {
  const { t, lang } = useI18n();
  const { me, can } = useSession();
  const nav = useNavigate();
  const { data, error } = useLoad(
    () => Promise.all([get<FlagSummary>('/api/v1/flags/summary'), get<Page<CadreRow>>('/api/v1/cadres?pageSize=1')]),
    [],
  );
  const [summary, cadres] = data ?? [undefined, undefined];
  const loading = !data && !error;
  const rules = Object.keys(RULE_NAMES);
  const count = (rule: string, level?: string) =>
    (summary?.items ?? [])
      .filter((i) => i.ruleId === rule && (!level || i.level === level))
      .reduce((n, i) => n + i.cadres, 0);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' as const },
      legend: { data: [t('红色', 'Red'), t('黄色', 'Yellow'), t('绿色', 'Green')] },
      xAxis: { type: 'category' as const, data: rules.map((r) => `${r} ${RULE_NAMES[r][lang === 'en' ? 1 : 0]}`) },
      yAxis: { type: 'value' as const, name: t('人数', 'Cadres') },
      series: (['red', 'yellow', 'green'] as const).map((lv, i) => ({
        name: [t('红色', 'Red'), t('黄色', 'Yellow'), t('绿色', 'Green')][i],
        type: 'bar' as const,
        stack: 'all',
        itemStyle: { color: { red: '#cf1322', yellow: '#faad14', green: '#52c41a' }[lv] },
        data: rules.map((r) => count(r, lv)),
      })),
    }),
    [summary, lang],
  ); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <>
      <Typography.Title level={4}>
        {t('工作台', 'Dashboard')} · {me?.displayName}
      </Typography.Title>
      {error ? (
        <Typography.Paragraph type="danger" data-testid="dashboard-error">
          {errorText(error, lang)}
        </Typography.Paragraph>
      ) : null}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}>
          <Card hoverable onClick={() => nav('/cadres')}>
            <Statistic
              title={t('范围内干部', 'Cadres in scope')}
              loading={loading}
              value={cadres?.total ?? '—'}
              suffix={cadres ? t('人', '') : undefined}
              data-testid="cadres-in-scope"
            />
          </Card>
        </Col>
        {['M-04', 'M-06', 'M-07'].map((r) => (
          <Col span={6} key={r}>
            <Card hoverable onClick={() => nav(r === 'M-07' ? '/rotation' : `/cadres?flag=${r}`)}>
              <Statistic
                title={`${r} ${RULE_NAMES[r][lang === 'en' ? 1 : 0]}`}
                loading={loading}
                value={summary ? count(r) : '—'}
                suffix={summary ? t('人', '') : undefined}
                valueStyle={{ color: count(r) ? '#cf1322' : undefined }}
              />
            </Card>
          </Col>
        ))}
      </Row>
      {can('reports.read') && (
        <Card size="small" title={t('信访举报逾期队列', 'Overdue report queues')} style={{ marginBottom: 16 }}>
          <QueueCards />
        </Card>
      )}
      <Card title={t('预警分布（按规则与等级）', 'Flags by rule and level')}>
        {summary && <Chart option={option} />}
      </Card>
    </>
  );
}
