// 履责情况 (M-22, M-23): for a unit, each superior principal's talk duties — how many, done, overdue and since when —
// and below, the overdue duties one by one, which the organization department may waive with a reason.
import { useState } from 'react';
import { Button, Card, Empty, Space, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { get, qs } from '../../api';
import { errorText, useI18n } from '../../i18n';
import { useSession } from '../../session';
import { useLoad } from '../../components/useLoad';
import { OrgPicker } from '../../components/OrgPicker';
import { DutyWhat, DutyWhom } from './DutyParts';
import { WaiveDialog } from './WaiveDialog';
import type { Duty, Page } from './talkDicts';

const PAGE = 20;
interface Row { owner: { cadreId: number; name: string; orgName?: string | null }; total: number; done: number; overdue: number; due: number; waived: number; overdueSince: string | null }

export function CompliancePage() {
  const { t, lang } = useI18n();
  const { me, can } = useSession();
  const [orgId, setOrgId] = useState<number | undefined>(me?.orgId);
  const [page, setPage] = useState(1);
  const [waiving, setWaiving] = useState<Duty>();
  const comp = useLoad(() => get<{ today: string; items: Row[] }>(`/api/v1/obligations/compliance${qs({ orgId })}`), [orgId]);
  const late = useLoad(() => get<Page<Duty>>(`/api/v1/obligations${qs({ status: 'overdue', orgId, page, pageSize: PAGE })}`), [orgId, page]);
  const person = (p: { cadreId: number; name: string }) => (can('cadres.read') ? <Link to={`/cadres/${p.cadreId}`}>{p.name}</Link> : p.name);
  const num = (n: number, danger = false) => (danger && n > 0 ? <Typography.Text type="danger" strong>{n}</Typography.Text> : n);

  const compColumns = [
    { title: t('责任人（上级一把手）', 'Superior principal'), key: 'owner', render: (_: unknown, r: Row) => <>{person(r.owner)}{r.owner.orgName ? <Typography.Text type="secondary">（{r.owner.orgName}）</Typography.Text> : null}</> },
    { title: t('应谈（项）', 'Duties'), dataIndex: 'total', width: 100 },
    { title: t('已完成', 'Done'), dataIndex: 'done', width: 90 },
    { title: t('待完成', 'Due'), dataIndex: 'due', width: 90 },
    { title: t('已逾期', 'Overdue'), dataIndex: 'overdue', width: 90, render: (n: number) => num(n, true) },
    { title: t('已免除', 'Waived'), dataIndex: 'waived', width: 90 },
    { title: t('最早逾期期限', 'Overdue since'), dataIndex: 'overdueSince', width: 130,
      render: (v: string | null) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : '—') },
  ];
  const lateColumns = [
    { title: t('责任人', 'Owner'), key: 'owner', width: 110, render: (_: unknown, d: Duty) => person(d.owner) },
    { title: t('监督责任', 'Duty'), key: 'what', render: (_: unknown, d: Duty) => <DutyWhat d={d} /> },
    { title: t('谈话对象', 'Whom'), key: 'whom', render: (_: unknown, d: Duty) => <DutyWhom d={d} /> },
    { title: t('完成期限', 'Due'), dataIndex: 'dueOn', width: 110, render: (v: string) => <Typography.Text type="danger">{v}</Typography.Text> },
    ...(can('duties.manage') ? [{ title: t('操作', 'Action'), key: 'act', width: 90,
      render: (_: unknown, d: Duty) => <Button size="small" danger onClick={() => setWaiving(d)} data-testid={`waive-${d.id}`}>{t('免除', 'Waive')}</Button> }] : []),
  ];
  const reload = () => { setWaiving(undefined); comp.reload(); late.reload(); };
  const totals = (comp.data?.items ?? []).reduce((a, r) => ({ total: a.total + r.total, done: a.done + r.done, overdue: a.overdue + r.overdue }), { total: 0, done: 0, overdue: 0 });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card title={t('履责情况', 'Compliance')} data-testid="compliance"
        extra={<Space><Typography.Text type="secondary">{t('单位', 'Unit')}</Typography.Text>
          <OrgPicker value={orgId} onChange={(v) => { setPage(1); setOrgId(v); }} /></Space>}>
        {comp.error ? <Typography.Text type="danger">{errorText(comp.error, lang)}</Typography.Text> : null}
        {comp.data && <Typography.Paragraph data-testid="compliance-summary">
          {t(`截至 ${comp.data.today}：上级一把手谈话责任共 ${totals.total} 项，已完成 ${totals.done} 项，`, `As of ${comp.data.today}: ${totals.total} duties, ${totals.done} done, `)}
          <Typography.Text type={totals.overdue ? 'danger' : undefined}>{t(`已逾期 ${totals.overdue} 项`, `${totals.overdue} overdue`)}</Typography.Text>
          {t('。', '.')}</Typography.Paragraph>}
        <Table<Row> rowKey={(r) => r.owner.cadreId} size="middle" loading={comp.loading} dataSource={comp.data?.items ?? []} columns={compColumns}
          data-testid="compliance-table" pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('该单位暂无监督责任', 'No duties in this unit')} /> }} />
      </Card>
      <Card title={t(`逾期未谈（${late.data?.total ?? 0}）`, `Overdue (${late.data?.total ?? 0})`)} data-testid="overdue-list">
        {late.error ? <Typography.Text type="danger">{errorText(late.error, lang)}</Typography.Text> : null}
        <Table<Duty> rowKey="id" size="middle" loading={late.loading} dataSource={late.data?.items ?? []} columns={lateColumns} data-testid="overdue-table"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('没有逾期的监督责任', 'Nothing overdue')} /> }}
          pagination={{ current: page, pageSize: PAGE, total: late.data?.total ?? 0, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }} />
      </Card>
      <WaiveDialog duty={waiving} onClose={() => setWaiving(undefined)} onDone={reload} />
    </Space>
  );
}
