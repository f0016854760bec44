// 报告管理 (issue 15 §1, M-40): a year's annual personal matters reports in the department's scope — missing after
// the due day, still due, filed late, filed — with their counts; a filed report opens (the read is trailed), and a
// missing one can be entered from the paper form the cadre signed (代为录入), then submitted by the officer.
import { useState } from 'react';
import { App, Button, Card, Drawer, InputNumber, Segmented, Space, Table, Tag } from 'antd';
import { DEFAULT_PAGE_SIZE, type PersonalDuties, type PersonalDuty } from '@api';
import { api, get, qs } from '../../api';
import { errorText, useI18n } from '../../i18n';
import { useLoad } from '../../components/useLoad';
import { OrgPicker } from '../../components/OrgPicker';
import { label, loadDicts } from '../../components/dicts';
import { ReportEditor } from './ReportEditor';

const STATES = {
  missing: ['逾期未报', 'Missing', 'red'],
  due: ['待报告', 'Due', 'blue'],
  late: ['逾期报告', 'Filed late', 'orange'],
  filed: ['按时报告', 'On time', 'green'],
  waived: ['免于报告', 'Waived', 'default'],
} as const;
type State = keyof typeof STATES;

export function PersonalDutiesPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const [orgId, setOrgId] = useState<number>();
  const [state, setState] = useState<State | 'all'>('all');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<number>();
  const dicts = useLoad(loadDicts, []);
  const list = useLoad(
    () =>
      get<PersonalDuties>(
        `/api/v1/personal-duties${qs({ year, orgId, state: state === 'all' ? undefined : state, page, pageSize: DEFAULT_PAGE_SIZE })}`,
      ),
    [year, orgId, state, page],
  );
  const counts = list.data?.counts;
  const enter = async (d: PersonalDuty) => {
    try {
      const made = await api<{ id: number }>('POST', '/api/v1/personal-reports', {
        kind: 'annual',
        year,
        cadreId: d.cadreId,
      });
      list.reload();
      setOpen(made.id);
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };
  return (
    <Card title={t('个人有关事项报告管理', 'Personal matters reports')} data-testid="personal-duties">
      <Space style={{ marginBottom: 16 }} wrap>
        <InputNumber
          min={2000}
          max={2100}
          value={year}
          addonAfter={t('年度', 'year')}
          onChange={(v) => {
            if (v) setYear(v);
            setPage(1);
          }}
        />
        <OrgPicker
          value={orgId}
          onChange={(v) => {
            setOrgId(v);
            setPage(1);
          }}
        />
        <Segmented
          value={state}
          onChange={(v) => {
            setState(v as State | 'all');
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('全部', 'All') },
            ...(Object.keys(STATES) as State[]).map((s) => ({
              value: s,
              label: `${t(STATES[s][0], STATES[s][1])} ${counts?.[s] ?? ''}`,
            })),
          ]}
          data-testid="duty-states"
        />
      </Space>
      <Table<PersonalDuty>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: list.error ? errorText(list.error, lang) : t('该年度无应报告人员', 'Nobody to report') }}
        pagination={{ current: page, pageSize: DEFAULT_PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage }}
        data-testid="duty-list"
        columns={[
          { title: t('单位', 'Unit'), dataIndex: 'orgName' },
          { title: t('姓名', 'Name'), dataIndex: 'cadreName', width: 110 },
          { title: t('职级', 'Rank'), width: 90, render: (_, d) => label(dicts.data, 'rank', d.rank, lang) },
          { title: t('应报日期', 'Due'), dataIndex: 'dueOn', width: 110 },
          { title: t('提交日期', 'Filed'), dataIndex: 'filedOn', width: 110 },
          {
            title: t('状态', 'State'),
            width: 110,
            render: (_, d) => <Tag color={STATES[d.state][2]}>{t(STATES[d.state][0], STATES[d.state][1])}</Tag>,
          },
          {
            title: '',
            width: 110,
            render: (_, d) =>
              d.reportId ? (
                <Button size="small" type="link" onClick={() => setOpen(d.reportId ?? undefined)}>
                  {t('查看报告', 'Open')}
                </Button>
              ) : d.state === 'missing' || d.state === 'due' ? (
                <Button size="small" type="link" onClick={() => enter(d)} data-testid={`enter-${d.cadreId}`}>
                  {t('代为录入', 'Enter it')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Drawer
        open={!!open}
        width={960}
        title={t('个人有关事项报告', 'Personal matters report')}
        onClose={() => {
          setOpen(undefined);
          list.reload();
        }}
        destroyOnHidden
      >
        {open && <ReportEditor id={open} onOpen={setOpen} />}
      </Drawer>
    </Card>
  );
}
