// 我的监督责任 (M-21 … M-25): the talks, visits, lectures, checks and hearings I owe, overdue first. From an open talk
// duty, 登记谈话 opens the talk form with me as the talker, the subject as the talkee and the duty's kind; from any other,
// the activity form of its kind, prefilled so that the record answers it. A record in its period counts.
import { useState } from 'react';
import { App, Button, Card, Empty, Select, Space, Table, Typography } from 'antd';
import { get, qs } from '../../api';
import { errorText, useI18n } from '../../i18n';
import { useSession } from '../../session';
import { useLoad } from '../../components/useLoad';
import { todayCst } from '../reports/clueDicts';
import { DutyOutcome, DutyWhat, DutyWhom, StatusTag } from './DutyParts';
import { TalkDialog, type TalkPreset } from './TalkDialog';
import { ActivityDialog, type ActivityPreset } from './ActivityDialog';
import { activityPreset } from './dutyPreset';
import { RECORD_ACTION } from './obligationDicts';
import { DUTY_RULES, STATUS, type Duty, type DutyStatus, type Page } from './talkDicts';
import { DEFAULT_PAGE_SIZE } from '@api';

const PAGE = DEFAULT_PAGE_SIZE;

export function MyDutiesPage() {
  const { t, lang } = useI18n();
  const { can, me } = useSession();
  const { message } = App.useApp();
  const [status, setStatus] = useState<DutyStatus>();
  const [ruleId, setRuleId] = useState<string>();
  const [activity, setActivity] = useState<ActivityPreset>();
  const [page, setPage] = useState(1);
  const [preset, setPreset] = useState<TalkPreset>();
  const r = useLoad(
    () => get<Page<Duty>>(`/api/v1/my/duties${qs({ status, ruleId, page, pageSize: PAGE })}`),
    [status, ruleId, page],
  );
  const overdue = useLoad(() => get<Page<Duty>>('/api/v1/my/duties?status=overdue&pageSize=1'), [r.data]);

  /** A half-year's talk counts only within its half-year: a past one can only be recorded as held then. */
  const record = (d: Duty) => {
    if (d.activity !== 'talk') {
      activityPreset(d, me, t)
        .then(setActivity)
        .catch((e) => message.error(errorText(e, lang)));
      return;
    }
    const periodic = d.ruleId === 'M-23';
    const past = periodic && d.dueOn < todayCst();
    setPreset({
      kind: d.talkKind ?? 'supervision',
      talkee: { id: d.subject.cadreId!, name: d.subject.name ?? '' },
      minDate: d.periodStart,
      maxDate: periodic ? d.dueOn : undefined,
      note: past
        ? t(
            `该半年期已结束：此处只能补录 ${d.periodStart} 至 ${d.dueOn} 期间实际进行的谈话；今天的谈话请从本期的监督责任登记。`,
            `That half-year has ended: record here only a talk held between ${d.periodStart} and ${d.dueOn}; a talk held today answers the current half-year.`,
          )
        : undefined,
    });
  };

  const columns = [
    { title: t('状态', 'Status'), key: 'status', width: 90, render: (_: unknown, d: Duty) => <StatusTag d={d} /> },
    { title: t('监督责任', 'Duty'), key: 'what', render: (_: unknown, d: Duty) => <DutyWhat d={d} /> },
    { title: t('对象', 'Whom'), key: 'whom', render: (_: unknown, d: Duty) => <DutyWhom d={d} /> },
    {
      title: t('完成期限', 'Due'),
      dataIndex: 'dueOn',
      width: 110,
      render: (v: string, d: Duty) =>
        d.status === 'overdue' ? <Typography.Text type="danger">{v}</Typography.Text> : v,
    },
    { title: t('完成情况', 'Outcome'), key: 'outcome', render: (_: unknown, d: Duty) => <DutyOutcome d={d} /> },
    {
      title: t('操作', 'Action'),
      key: 'act',
      width: 130,
      render: (_: unknown, d: Duty) =>
        (d.status === 'due' || d.status === 'overdue') && can('talks.write') ? (
          <Button
            size="small"
            type={d.status === 'overdue' ? 'primary' : 'default'}
            onClick={() => record(d)}
            data-testid={`record-${d.id}`}
          >
            {d.activity === 'talk'
              ? t('登记谈话', 'Record a talk')
              : t(...(RECORD_ACTION[d.activity] ?? ['登记', 'Record']))}
          </Button>
        ) : null,
    },
  ];
  const n = overdue.data?.total ?? 0;
  return (
    <Card
      title={t('我的监督责任', 'My supervision duties')}
      data-testid="my-duties"
      extra={
        <Space>
          <Select
            allowClear
            style={{ width: 200 }}
            placeholder={t('全部类别', 'All kinds')}
            value={ruleId}
            data-testid="duty-rule-filter"
            onChange={(v?: string) => {
              setPage(1);
              setRuleId(v);
            }}
            options={Object.entries(DUTY_RULES).map(([k, l]) => ({ value: k, label: t(l.zh, l.en) }))}
          />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('全部状态', 'All statuses')}
            value={status}
            data-testid="duty-status-filter"
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
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type={n ? 'danger' : 'secondary'} data-testid="duty-summary">
          {n
            ? t(`有 ${n} 项监督责任已逾期，请尽快完成并登记。`, `${n} duties are overdue: do them and record them.`)
            : t('没有逾期的监督责任。', 'No overdue duties.')}
        </Typography.Text>
        {r.error ? <Typography.Text type="danger">{errorText(r.error, lang)}</Typography.Text> : null}
        <Table<Duty>
          rowKey="id"
          size="middle"
          loading={r.loading}
          dataSource={r.data?.items ?? []}
          columns={columns}
          data-testid="duty-table"
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('暂无监督责任', 'No duties')} />,
          }}
          pagination={{
            current: page,
            pageSize: PAGE,
            total: r.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
            showTotal: (total) => t(`共 ${total} 项`, `${total} in all`),
          }}
        />
      </Space>
      <TalkDialog
        open={!!preset}
        preset={preset}
        onClose={() => setPreset(undefined)}
        onSaved={() => {
          setPreset(undefined);
          r.reload();
        }}
      />
      <ActivityDialog
        open={!!activity}
        preset={activity}
        onClose={() => setActivity(undefined)}
        onSaved={() => {
          setActivity(undefined);
          r.reload();
        }}
      />
    </Card>
  );
}
