// 在办时限 (issue 12 §1): every open deadline of every kind in the caller's scope — a report's statutory clocks (for
// those who may read reports) and the supervision duties — with the counts per kind, most overdue first.
import { useState } from 'react';
import { Card, Segmented, Space, Statistic, Table, Tag, Typography } from 'antd';
import { get, qs } from '../api';
import { useI18n } from '../i18n';
import { OrgPicker } from '../components/OrgPicker';
import { useLoad } from '../components/useLoad';
import type { OpenDeadline, OpenDeadlines } from '@api';

type Item = OpenDeadline;

const SOURCE: Record<string, readonly [string, string, string]> = {
  case_deadline: ['信访举报', 'Report', 'purple'],
  duty: ['监督责任', 'Duty', 'blue'],
  result_review: ['结果查究', 'Result review', 'gold'],
  pm_duty: ['个人事项', 'Personal matters', 'cyan'],
};

export function DeadlinesPage() {
  const { t } = useI18n();
  const [orgId, setOrgId] = useState<number>();
  const [overdue, setOverdue] = useState(true);
  const [page, setPage] = useState(1);
  const list = useLoad(
    () => get<OpenDeadlines>(`/api/v1/deadlines${qs({ orgId, overdue: overdue || undefined, page, pageSize: 20 })}`),
    [orgId, overdue, page],
  );
  const counts = list.data?.counts ?? [];
  return (
    <Card title={t('在办时限与监督责任', 'Open deadlines and duties')} data-testid="deadlines">
      <Space style={{ marginBottom: 16 }} wrap>
        <OrgPicker
          value={orgId}
          onChange={(v) => {
            setOrgId(v);
            setPage(1);
          }}
        />
        <Segmented
          value={overdue ? 'overdue' : 'open'}
          onChange={(v) => {
            setOverdue(v === 'overdue');
            setPage(1);
          }}
          options={[
            { label: t('已逾期', 'Overdue'), value: 'overdue' },
            { label: t('全部在办', 'All open'), value: 'open' },
          ]}
        />
      </Space>
      <Space wrap size="large" style={{ marginBottom: 16 }}>
        {counts.map((c) => (
          <Statistic
            key={`${c.source}-${c.kind}`}
            title={c.kindLabel}
            value={c.overdue}
            suffix={<Typography.Text type="secondary">/ {c.open}</Typography.Text>}
            valueStyle={c.overdue ? { color: '#cf1322' } : undefined}
          />
        ))}
      </Space>
      <Table<Item>
        rowKey={(r) => `${r.source}-${r.id}`}
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
          showTotal: (n) => t(`共 ${n} 项`, `${n} items`),
        }}
        columns={[
          {
            title: t('类别', 'Kind'),
            render: (_, r) => (
              <Space size={4}>
                <Tag color={SOURCE[r.source]?.[2] ?? 'blue'}>
                  {t((SOURCE[r.source] ?? SOURCE.duty)[0], (SOURCE[r.source] ?? SOURCE.duty)[1])}
                </Tag>
                {r.kindLabel}
              </Space>
            ),
          },
          { title: t('单位', 'Unit'), render: (_, r) => r.org.name },
          { title: t('涉及干部', 'Cadre'), render: (_, r) => r.cadre?.name ?? '—' },
          { title: t('责任人', 'Owner'), render: (_, r) => r.owner?.name ?? '—' },
          { title: t('期限', 'Due'), dataIndex: 'dueOn', width: 110 },
          {
            title: t('逾期', 'Overdue by'),
            width: 120,
            render: (_, r) =>
              r.paused ? (
                <Tag>{t('已暂停', 'Paused')}</Tag>
              ) : r.overdueDays > 0 ? (
                <Typography.Text type="danger">
                  {r.unit === 'working'
                    ? t(`${r.overdueDays} 个工作日`, `${r.overdueDays} working days`)
                    : t(`${r.overdueDays} 天`, `${r.overdueDays} days`)}
                </Typography.Text>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Card>
  );
}
