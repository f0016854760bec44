// 举报分析 (M-19): volume by channel, problem type, unit and month for a subtree and period; reports against distinct
// matters; cadres with concentrated reports (principals marked); the overdue queues. Loaded lazily with ECharts.
import { useMemo, useState } from 'react';
import { Alert, Card, Col, DatePicker, Empty, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { EChartsOption } from 'echarts';
import { Link, useNavigate } from 'react-router-dom';
import { get, qs } from '../../api';
import { errorText, useI18n } from '../../i18n';
import { useSession } from '../../session';
import { Chart } from '../../components/Chart';
import { OrgPicker } from '../../components/OrgPicker';
import { useLoad } from '../../components/useLoad';
import { CHANNELS, useClueDicts } from './clueDicts';
import { QueueCards } from './QueueCards';
import type { Analysis } from '@api';

type Concentrated = Analysis['concentrated'][number];

const bar = (labels: string[], values: number[], name: string, horizontal = false): EChartsOption => ({
  tooltip: { trigger: 'axis' },
  grid: { left: horizontal ? 140 : 40, right: 20, top: 20, bottom: horizontal ? 20 : 60 },
  [horizontal ? 'yAxis' : 'xAxis']: {
    type: 'category',
    data: labels,
    axisLabel: { interval: 0, rotate: horizontal ? 0 : 30 },
    inverse: horizontal,
  },
  [horizontal ? 'xAxis' : 'yAxis']: { type: 'value', minInterval: 1, name },
  series: [{ type: 'bar', data: values, itemStyle: { color: '#b71c1c' }, barMaxWidth: 36 }],
});

function ChartCard({
  title,
  empty,
  option,
  testId,
}: {
  title: string;
  empty: boolean;
  option: EChartsOption;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <Card size="small" title={title} data-testid={testId}>
      {empty ? (
        <Empty style={{ height: 260 }} description={t('所选期间暂无举报', 'No reports in this period')} />
      ) : (
        <Chart option={option} height={260} />
      )}
    </Card>
  );
}

export function AnalysisPage() {
  const { t, lang } = useI18n();
  const nav = useNavigate();
  const { can } = useSession();
  const { dicts, lab } = useClueDicts();
  const [orgId, setOrgId] = useState<number>();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const r = useLoad(() => get<Analysis>(`/api/v1/reports/analysis${qs({ orgId, from, to })}`), [orgId, from, to]);
  const a = r.data;
  const unit = t('件', 'reports');
  // Labels from the dictionaries in the current language; the server's Chinese label is the fallback.
  const charts = useMemo(
    () =>
      a && {
        channel: bar(
          a.byChannel.map((b) => lab(CHANNELS, b.key) || b.label),
          a.byChannel.map((b) => b.n),
          unit,
        ),
        type: bar(
          a.byProblemType.map((b) =>
            b.key === 'untriaged' ? t('未甄别', 'Not yet triaged') : lab(dicts?.problemTypes, b.key) || b.label,
          ),
          a.byProblemType.map((b) => b.n),
          unit,
        ),
        unit: bar(
          a.byUnit.map((b) => b.label),
          a.byUnit.map((b) => b.n),
          unit,
          true,
        ),
        // Bars, one a month: the server lists every month of the period, so a month without reports is a visible 0.
        month: bar(
          a.byMonth.map((m) => m.month),
          a.byMonth.map((m) => m.n),
          unit,
        ),
      },
    [a, lang, dicts],
  ); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card
        title={t('举报分析', 'Report analysis')}
        extra={
          <Space wrap>
            <OrgPicker value={orgId} onChange={setOrgId} width={240} />
            {/* Uncontrolled: the strings are all the query needs (the default period is the server's, M-19 periodMonths). */}
            <DatePicker.RangePicker
              allowEmpty={[true, true]}
              placeholder={[t('起始日期', 'From'), t('截止日期', 'To')]}
              onChange={(_, s) => {
                setFrom(s?.[0] ?? '');
                setTo(s?.[1] ?? '');
              }}
            />
          </Space>
        }
      >
        {r.error ? <Typography.Text type="danger">{errorText(r.error, lang)}</Typography.Text> : null}
        {a && (
          <Row gutter={16}>
            <Col span={6}>
              <Statistic title={t('统计范围', 'Scope')} value={a.org.name} valueStyle={{ fontSize: 18 }} />
            </Col>
            <Col span={6}>
              <Statistic title={t('统计期间', 'Period')} value={`${a.from} — ${a.to}`} valueStyle={{ fontSize: 18 }} />
            </Col>
            <Col span={6}>
              <Statistic title={t('举报件数', 'Reports')} value={a.totals.reports} suffix={t('件', '')} />
            </Col>
            <Col span={6}>
              <Statistic
                title={t('去重后问题事项', 'Distinct matters')}
                value={a.totals.matters}
                suffix={t('项', '')}
                data-testid="matters"
              />
            </Col>
          </Row>
        )}
        {a && a.totals.pendingLinks > 0 && (
          <Alert
            style={{ marginTop: 16 }}
            type="warning"
            showIcon
            data-testid="pending-links"
            message={t(
              `另有 ${a.totals.pendingLinks} 件举报被提示为疑似重复，尚待确认：确认前各自算作一项问题事项。`,
              `${a.totals.pendingLinks} reports are proposed as duplicates and not yet decided: until then each counts as its own matter.`,
            )}
            action={<Link to="/reports?pendingLinks=true">{t('去确认', 'Decide them')}</Link>}
          />
        )}
      </Card>
      {a && charts && (
        <>
          <Row gutter={16}>
            <Col span={12}>
              <ChartCard
                testId="chart-channel"
                title={t('按来源渠道', 'By channel')}
                empty={!a.byChannel.length}
                option={charts.channel}
              />
            </Col>
            <Col span={12}>
              <ChartCard
                testId="chart-type"
                title={t('按问题类别', 'By problem type')}
                empty={!a.byProblemType.length}
                option={charts.type}
              />
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={12}>
              <ChartCard
                testId="chart-unit"
                title={t('按单位', 'By unit')}
                empty={!a.byUnit.length}
                option={charts.unit}
              />
            </Col>
            <Col span={12}>
              <ChartCard
                testId="chart-month"
                title={t('按月份', 'By month')}
                empty={!a.byMonth.length}
                option={charts.month}
              />
            </Col>
          </Row>
          <Card
            size="small"
            title={t(
              `反映集中的干部（期间内 ≥ ${a.settings.concentratedMatters} 个问题事项，诬告不计）`,
              `Cadres with concentrated reports (≥ ${a.settings.concentratedMatters} matters; false accusations excluded)`,
            )}
          >
            <Table<Concentrated>
              rowKey="cadreId"
              size="small"
              pagination={false}
              dataSource={a.concentrated}
              data-testid="concentrated"
              locale={{ emptyText: t('暂无反映集中的干部', 'No cadre with concentrated reports') }}
              columns={[
                {
                  title: t('姓名', 'Name'),
                  dataIndex: 'name',
                  render: (v, c) => (can('cadres.read') ? <a onClick={() => nav(`/cadres/${c.cadreId}`)}>{v}</a> : v),
                },
                {
                  title: t('现任职务', 'Current posts'),
                  dataIndex: 'posts',
                  render: (v, c) => (
                    <Space>
                      {v ?? '—'}
                      {c.principal && <Tag color="volcano">{t('一把手', 'Principal')}</Tag>}
                    </Space>
                  ),
                },
                { title: t('问题事项', 'Matters'), dataIndex: 'matters' },
                { title: t('举报件数', 'Reports'), dataIndex: 'reports' },
              ]}
            />
          </Card>
          <Card size="small" title={t('逾期队列', 'Overdue queues')}>
            <QueueCards queues={a.overdue} />
          </Card>
        </>
      )}
    </Space>
  );
}
