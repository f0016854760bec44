// 履责情况 (M-21 … M-25): for a unit, each leader's supervision duties — how many, done, overdue, since when, on what —
// and the units one level down; below, the duties one by one (overdue first by default; by status and rule), which the
// organization department may waive with a reason. An open duty other than a talk can be recorded here for its owner.
import { useState } from 'react';
import { App, Button, Card, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { get, qs } from '../../api';
import { errorText, useI18n } from '../../i18n';
import { useSession } from '../../session';
import { useLoad } from '../../components/useLoad';
import { OrgPicker } from '../../components/OrgPicker';
import { DutyOutcome, DutyWhat, DutyWhom, StatusTag } from './DutyParts';
import { WaiveDialog } from './WaiveDialog';
import { ActivityDialog, type ActivityPreset } from './ActivityDialog';
import { activityPreset } from './dutyPreset';
import { RECORD_ACTION, useObligationDicts } from './obligationDicts';
import { ComplianceUnits, type UnitRow } from './ComplianceUnits';
import { DUTY_RULES, STATUS, type Duty, type DutyStatus, type Page } from './talkDicts';
import { DEFAULT_PAGE_SIZE, type ComplianceRow as Row } from '@api';

const PAGE = DEFAULT_PAGE_SIZE;

export function CompliancePage() {
  const { t, lang } = useI18n();
  const { me, can } = useSession();
  const { message } = App.useApp();
  const { dutyName } = useObligationDicts();
  const [orgId, setOrgId] = useState<number | undefined>(me?.orgId);
  const [status, setStatus] = useState<DutyStatus | undefined>('overdue');
  const [ruleId, setRuleId] = useState<string>();
  const [page, setPage] = useState(1);
  const [waiving, setWaiving] = useState<Duty>();
  const [recording, setRecording] = useState<ActivityPreset>();
  const comp = useLoad(
    () => get<{ today: string; items: Row[]; units?: UnitRow[] }>(`/api/v1/obligations/compliance${qs({ orgId })}`),
    [orgId],
  );
  const list = useLoad(
    () => get<Page<Duty>>(`/api/v1/obligations${qs({ status, ruleId, orgId, page, pageSize: PAGE })}`),
    [status, ruleId, orgId, page],
  );
  const person = (p: { cadreId: number; name: string }) =>
    can('cadres.read') ? <Link to={`/cadres/${p.cadreId}`}>{p.name}</Link> : p.name;
  const num = (n: number, danger = false) =>
    danger && n > 0 ? (
      <Typography.Text type="danger" strong>
        {n}
      </Typography.Text>
    ) : (
      n
    );
  const open = (d: Duty) => d.status === 'due' || d.status === 'overdue';
  // A committee leader records only their own work.
  const mayRecord = (d: Duty) =>
    d.activity !== 'talk' &&
    open(d) &&
    can('talks.write') &&
    (me?.role !== 'committee_leader' || d.owner.cadreId === me.cadreId);
  const record = (d: Duty) => {
    activityPreset(d, me, t)
      .then(setRecording)
      .catch((e) => message.error(errorText(e, lang)));
  };

  const compColumns = [
    {
      title: t('责任人', 'Leader'),
      key: 'owner',
      render: (_: unknown, r: Row) => (
        <>
          {person(r.owner)}
          {r.owner.orgName ? <Typography.Text type="secondary">（{r.owner.orgName}）</Typography.Text> : null}
        </>
      ),
    },
    { title: t('监督责任（项）', 'Duties'), dataIndex: 'total', width: 120 },
    { title: t('已完成', 'Done'), dataIndex: 'done', width: 90 },
    { title: t('待完成', 'Due'), dataIndex: 'due', width: 90 },
    { title: t('已逾期', 'Overdue'), dataIndex: 'overdue', width: 90, render: (n: number) => num(n, true) },
    { title: t('已免除', 'Waived'), dataIndex: 'waived', width: 90 },
    {
      title: t('最早逾期期限', 'Overdue since'),
      dataIndex: 'overdueSince',
      width: 130,
      render: (v: string | null) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : '—'),
    },
    {
      title: t('逾期事项', 'Behind on'),
      key: 'on',
      render: (_: unknown, r: Row) =>
        r.overdueOn?.length ? (
          <Space size={[4, 4]} wrap>
            {r.overdueOn.map((n) => (
              <Tag key={n} color="red">
                {dutyName(n)}
              </Tag>
            ))}
          </Space>
        ) : (
          '—'
        ),
    },
  ];
  const listColumns = [
    { title: t('状态', 'Status'), key: 'status', width: 90, render: (_: unknown, d: Duty) => <StatusTag d={d} /> },
    { title: t('责任人', 'Owner'), key: 'owner', width: 100, render: (_: unknown, d: Duty) => person(d.owner) },
    { title: t('监督责任', 'Duty'), key: 'what', render: (_: unknown, d: Duty) => <DutyWhat d={d} /> },
    { title: t('对象', 'Whom'), key: 'whom', render: (_: unknown, d: Duty) => <DutyWhom d={d} /> },
    {
      title: t('完成期限', 'Due'),
      dataIndex: 'dueOn',
      width: 110,
      render: (v: string, d: Duty) =>
        d.status === 'overdue' ? <Typography.Text type="danger">{v}</Typography.Text> : v,
    },
    ...(status === 'overdue'
      ? []
      : [{ title: t('完成情况', 'Outcome'), key: 'outcome', render: (_: unknown, d: Duty) => <DutyOutcome d={d} /> }]),
    {
      title: t('操作', 'Action'),
      key: 'act',
      width: 170,
      render: (_: unknown, d: Duty) => (
        <Space size={4}>
          {mayRecord(d) && (
            <Button size="small" onClick={() => record(d)} data-testid={`record-${d.id}`}>
              {t(...(RECORD_ACTION[d.activity] ?? ['登记', 'Record']))}
            </Button>
          )}
          {can('duties.manage') && open(d) && (
            <Button size="small" danger onClick={() => setWaiving(d)} data-testid={`waive-${d.id}`}>
              {t('免除', 'Waive')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  const reload = () => {
    setWaiving(undefined);
    setRecording(undefined);
    comp.reload();
    list.reload();
  };
  const totals = (comp.data?.items ?? []).reduce(
    (a, r) => ({ total: a.total + r.total, done: a.done + r.done, overdue: a.overdue + r.overdue }),
    { total: 0, done: 0, overdue: 0 },
  );
  const n = list.data?.total ?? 0;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={t('履责情况', 'Compliance')}
        data-testid="compliance"
        extra={
          <Space>
            <Typography.Text type="secondary">{t('单位', 'Unit')}</Typography.Text>
            <OrgPicker
              value={orgId}
              onChange={(v) => {
                setPage(1);
                setOrgId(v);
              }}
            />
          </Space>
        }
      >
        {comp.error ? <Typography.Text type="danger">{errorText(comp.error, lang)}</Typography.Text> : null}
        {comp.data && (
          <Typography.Paragraph data-testid="compliance-summary">
            {t(
              `截至 ${comp.data.today}：监督责任共 ${totals.total} 项，已完成 ${totals.done} 项，`,
              `As of ${comp.data.today}: ${totals.total} duties, ${totals.done} done, `,
            )}
            <Typography.Text type={totals.overdue ? 'danger' : undefined}>
              {t(`已逾期 ${totals.overdue} 项`, `${totals.overdue} overdue`)}
            </Typography.Text>
            {t('。', '.')}
          </Typography.Paragraph>
        )}
        <Table<Row>
          rowKey={(r) => r.owner.cadreId}
          size="middle"
          loading={comp.loading}
          dataSource={comp.data?.items ?? []}
          columns={compColumns}
          data-testid="compliance-table"
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={t('该单位暂无监督责任', 'No duties in this unit')}
              />
            ),
          }}
        />
      </Card>
      <ComplianceUnits
        units={comp.data?.units ?? []}
        loading={comp.loading}
        onOpen={(id) => {
          setPage(1);
          setOrgId(id);
        }}
      />
      <Card
        title={
          status === 'overdue' ? t(`逾期未完成（${n}）`, `Overdue (${n})`) : t(`监督责任明细（${n}）`, `Duties (${n})`)
        }
        data-testid="overdue-list"
        extra={
          <Space>
            <Select
              allowClear
              style={{ width: 200 }}
              placeholder={t('全部类别', 'All kinds')}
              value={ruleId}
              data-testid="compliance-rule-filter"
              onChange={(v?: string) => {
                setPage(1);
                setRuleId(v);
              }}
              options={Object.entries(DUTY_RULES).map(([k, l]) => ({ value: k, label: t(l.zh, l.en) }))}
            />
            <Select
              allowClear
              style={{ width: 130 }}
              placeholder={t('全部状态', 'All statuses')}
              value={status}
              data-testid="compliance-status-filter"
              onChange={(v?: DutyStatus) => {
                setPage(1);
                setStatus(v);
              }}
              options={(Object.keys(STATUS) as DutyStatus[]).map((k) => ({
                value: k,
                label: t(STATUS[k].zh, STATUS[k].en),
              }))}
            />
          </Space>
        }
      >
        {list.error ? <Typography.Text type="danger">{errorText(list.error, lang)}</Typography.Text> : null}
        <Table<Duty>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          columns={listColumns}
          data-testid="overdue-table"
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={
                  status === 'overdue'
                    ? t('没有逾期的监督责任', 'Nothing overdue')
                    : t('没有符合条件的监督责任', 'No duties')
                }
              />
            ),
          }}
          pagination={{
            current: page,
            pageSize: PAGE,
            total: n,
            onChange: setPage,
            showSizeChanger: false,
            hideOnSinglePage: true,
          }}
        />
      </Card>
      <WaiveDialog duty={waiving} onClose={() => setWaiving(undefined)} onDone={reload} />
      <ActivityDialog open={!!recording} preset={recording} onClose={() => setRecording(undefined)} onSaved={reload} />
    </Space>
  );
}
