// 信访举报: the reports in the caller's scope (never a reporter), searched by number or accused's name and filtered by
// status and channel; the filters live in the URL like the cadre list. The petition role registers reports from here.
import { useState } from 'react';
import { Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { get, qs } from '../../api';
import { errorText, useI18n } from '../../i18n';
import { useSession } from '../../session';
import { useLoad } from '../../components/useLoad';
import { IntakeDialog } from './IntakeDialog';
import { CHANNELS, dateTime, useClueDicts } from './clueDicts';
import type { ReportItem } from './types';
import { DEFAULT_PAGE_SIZE, type Page } from '@api';

const STATUS_COLOR: Record<string, string> = {
  received: 'gold',
  accepted: 'blue',
  merged: 'cyan',
  not_accepted: 'default',
  concluded: 'green',
};

export function ReportListPage() {
  const { t, lang } = useI18n();
  const nav = useNavigate();
  const { dicts, lab, opts } = useClueDicts();
  const { can } = useSession();
  const [intake, setIntake] = useState(false);
  const [params, setParams] = useSearchParams();
  const f = {
    q: params.get('q') ?? undefined,
    status: params.get('status') ?? undefined,
    channel: params.get('channel') ?? undefined,
    pendingLinks: params.get('pendingLinks') === 'true' ? 'true' : undefined,
    page: params.get('page') ?? undefined,
  };
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    if (k !== 'page') next.delete('page');
    setParams(next);
  };
  const list = useLoad(
    () => get<Page<ReportItem>>(`/api/v1/reports${qs({ ...f, pageSize: DEFAULT_PAGE_SIZE })}`),
    [params.toString()],
  );
  return (
    <Card
      title={t('信访举报', 'Reports')}
      extra={
        can('reports.intake') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIntake(true)} data-testid="intake">
            {t('登记来件', 'Register a report')}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          key={f.q ?? ''}
          defaultValue={f.q}
          placeholder={t('受理编号或被反映人姓名', 'Report number or accused’s name')}
          onSearch={(v) => set('q', v.trim() || undefined)}
          style={{ width: 280 }}
          data-testid="report-search"
        />
        <Select
          allowClear
          placeholder={t('办理状态', 'Status')}
          value={f.status}
          onChange={(v) => set('status', v)}
          options={opts(dicts?.reportStatus)}
          style={{ width: 220 }}
          data-testid="status-filter"
        />
        <Select
          allowClear
          placeholder={t('来源渠道', 'Channel')}
          value={f.channel}
          onChange={(v) => set('channel', v)}
          options={opts(CHANNELS)}
          style={{ width: 180 }}
        />
        {f.pendingLinks && (
          <Tag
            closable
            onClose={() => set('pendingLinks', undefined)}
            color="orange"
            data-testid="pending-links-filter"
          >
            {t('仅看疑似重复待确认的举报', 'Only reports with a proposed duplicate to decide')}
          </Tag>
        )}
      </Space>
      {list.error ? <Typography.Text type="danger">{errorText(list.error, lang)}</Typography.Text> : null}
      <Table<ReportItem>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        data-testid="report-table"
        locale={{ emptyText: t('暂无举报件', 'No reports') }}
        onRow={(r) => ({ onClick: () => nav(`/reports/${r.id}`), style: { cursor: 'pointer' } })}
        pagination={{
          current: Number(f.page ?? 1),
          pageSize: DEFAULT_PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (n) => t(`共 ${n} 件`, `${n} reports`),
          onChange: (p) => set('page', String(p)),
        }}
        columns={[
          { title: t('受理编号', 'Number'), dataIndex: 'number', render: (v) => <a>{v}</a> },
          { title: t('收件时间', 'Received'), dataIndex: 'receivedAt', render: (v) => dateTime(v) },
          { title: t('渠道', 'Channel'), dataIndex: 'channel', render: (v, r) => lab(CHANNELS, v) || r.channelLabel },
          {
            title: t('被反映人', 'Accused'),
            render: (_, r) => (
              <Space>
                {r.accused.name}
                <Typography.Text type="secondary">
                  {[r.accused.unit, r.accused.post].filter(Boolean).join(' ')}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('主管单位', 'Competent unit'),
            render: (_, r) => (
              <Space>
                {r.competentOrgName}
                {r.routedUp && <Tag color="volcano">{t('一把手上提一级', 'Routed up')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('举报方式', 'Kind'),
            dataIndex: 'anonymous',
            render: (v) => (v ? t('匿名', 'Anonymous') : t('实名', 'Named')),
          },
          {
            title: t('状态', 'Status'),
            dataIndex: 'status',
            render: (v, r) => <Tag color={STATUS_COLOR[v]}>{lab(dicts?.reportStatus, v) || r.statusLabel}</Tag>,
          },
        ]}
      />
      <IntakeDialog
        open={intake}
        onClose={() => setIntake(false)}
        onCreated={(id) => {
          setIntake(false);
          nav(`/reports/${id}`);
        }}
      />
    </Card>
  );
}
