// 履责情况 by unit (issue 5 §3): the chosen unit itself first, then each unit one level down with its duties, done, due
// and overdue, so a city sees which county lags; a unit's name opens its own compliance.
import { Card, Table, Typography } from 'antd';
import { useI18n } from '../../i18n';
export type { ComplianceUnit as UnitRow } from '@api';
import type { ComplianceUnit as UnitRow } from '@api';

export function ComplianceUnits({
  units,
  loading,
  onOpen,
}: {
  units: UnitRow[];
  loading: boolean;
  onOpen(orgId: number): void;
}) {
  const { t } = useI18n();
  if (units.length < 2 && !loading) return null; // a unit with nothing below: the leaders' table says it all
  const share = (u: UnitRow) => (u.total ? Math.round((100 * u.done) / u.total) : 0);
  return (
    <Card title={t('按单位', 'By unit')} data-testid="compliance-units">
      <Table<UnitRow>
        rowKey="orgId"
        size="small"
        loading={loading}
        dataSource={units}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          {
            title: t('单位', 'Unit'),
            key: 'name',
            render: (_: unknown, u: UnitRow) =>
              u.own ? (
                <span>
                  {u.name}
                  <Typography.Text type="secondary">{t('（本级）', ' (itself)')}</Typography.Text>
                </span>
              ) : (
                <a onClick={() => onOpen(u.orgId)}>{u.name}</a>
              ),
          },
          { title: t('监督责任（项）', 'Duties'), dataIndex: 'total', width: 120 },
          { title: t('已完成', 'Done'), dataIndex: 'done', width: 90 },
          {
            title: t('完成率', 'Done share'),
            key: 'share',
            width: 90,
            render: (_: unknown, u: UnitRow) => `${share(u)}%`,
          },
          { title: t('待完成', 'Due'), dataIndex: 'due', width: 90 },
          {
            title: t('已逾期', 'Overdue'),
            dataIndex: 'overdue',
            width: 90,
            render: (n: number) =>
              n > 0 ? (
                <Typography.Text type="danger" strong>
                  {n}
                </Typography.Text>
              ) : (
                n
              ),
          },
          { title: t('已免除', 'Waived'), dataIndex: 'waived', width: 90 },
        ]}
      />
    </Card>
  );
}
