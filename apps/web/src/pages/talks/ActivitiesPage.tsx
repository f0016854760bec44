// 监督工作 (M-23, M-25, M-26): the records of units in my view — research visits, party lectures, special checks,
// hearings with each person's verdict (履责不到位 in red), and for the discipline commission its reminders and reports —
// newest first, by kind, unit and period; 登记 for each kind the role may record.
import { useState } from 'react';
import { Button, Card, DatePicker, Dropdown, Empty, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { DownOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { get, qs } from '../../api';
import { errorText, useI18n } from '../../i18n';
import { useSession } from '../../session';
import { useLoad } from '../../components/useLoad';
import { RecordFiles } from '../../components/RecordFiles';
import { OrgPicker } from '../../components/OrgPicker';
import { ActivityDialog, type ActivityPreset } from './ActivityDialog';
import { useObligationDicts, VERDICTS, type Activity, type Verdict } from './obligationDicts';
import type { Page } from './talkDicts';
import { DEFAULT_PAGE_SIZE } from '@api';

const PAGE = DEFAULT_PAGE_SIZE;
const RULE_COLOR: Record<string, string> = { 'M-23': 'geekblue', 'M-25': 'purple', 'M-26': 'volcano' };

export function ActivitiesPage() {
  const { t, lang } = useI18n();
  const { can, me } = useSession();
  const { dicts, activityKind, activityOptions, verdict } = useObligationDicts();
  const [kind, setKind] = useState<string>();
  const [orgId, setOrgId] = useState<number>();
  const [range, setRange] = useState<[string | undefined, string | undefined]>([undefined, undefined]);
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState<ActivityPreset>();
  const [from, to] = range;
  const r = useLoad(
    () => get<Page<Activity>>(`/api/v1/activities${qs({ kind, orgId, from, to, page, pageSize: PAGE })}`),
    [kind, orgId, from, to, page],
  );
  const person = (p: { cadreId: number; name: string | null }) =>
    can('cadres.read') ? <Link to={`/cadres/${p.cadreId}`}>{p.name}</Link> : p.name;
  const color = (k: string) => RULE_COLOR[dicts?.activityKinds[k]?.rule ?? ''];

  const columns = [
    { title: t('日期', 'Date'), dataIndex: 'heldOn', width: 110 },
    {
      title: t('类别', 'Kind'),
      key: 'kind',
      width: 160,
      render: (_: unknown, a: Activity) => (
        <Tag color={color(a.kind)} style={{ whiteSpace: 'normal' }}>
          {activityKind(a.kind)}
        </Tag>
      ),
    },
    {
      title: t('单位', 'Unit'),
      key: 'org',
      width: 180,
      render: (_: unknown, a: Activity) => (
        <span>
          {a.org.name}
          {a.target && <Typography.Text type="secondary"> → {a.target.name}</Typography.Text>}
        </span>
      ),
    },
    {
      title: t('开展人', 'Done by'),
      key: 'actor',
      width: 100,
      render: (_: unknown, a: Activity) =>
        a.actor ? (
          person(a.actor)
        ) : (
          <Typography.Text type="secondary">{t('党委（党组）集体', 'The committee')}</Typography.Text>
        ),
    },
    {
      title: t('标题与内容', 'Title and content'),
      key: 'title',
      render: (_: unknown, a: Activity) => (
        <div>
          <Typography.Text strong>{a.title}</Typography.Text>
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, tooltip: a.summary }} style={{ margin: 0 }}>
            {a.summary}
          </Typography.Paragraph>
          {a.reportedTo && <div>{t(`报告对象：${a.reportedTo}`, `Reported to: ${a.reportedTo}`)}</div>}
          {a.followUp && (
            <Typography.Paragraph ellipsis={{ rows: 1, tooltip: a.followUp }} style={{ margin: 0 }}>
              {t('整改要求：', 'Follow-up: ')}
              {a.followUp}
            </Typography.Paragraph>
          )}
        </div>
      ),
    },
    {
      title: t('涉及干部及评价', 'People and verdicts'),
      key: 'subjects',
      width: 240,
      render: (_: unknown, a: Activity) =>
        a.subjects.length ? (
          <Space size={[4, 4]} wrap>
            {a.subjects.map((s) => (
              <Tooltip key={s.cadreId} title={s.comment}>
                <Tag
                  color={s.verdict ? VERDICTS[s.verdict as Verdict].color : undefined}
                  data-testid={`subject-tag-${a.id}-${s.cadreId}`}
                >
                  {s.name}
                  {s.verdict ? `${t('：', ': ')}${verdict(s.verdict as Verdict)}` : ''}
                </Tag>
              </Tooltip>
            ))}
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: t('附件', 'Files'),
      key: 'files',
      width: 170,
      render: (_: unknown, a: Activity) => (
        <RecordFiles
          base={`/api/v1/activities/${a.id}/attachments`}
          recordId={a.id}
          files={a.attachments}
          canUpload={
            can('talks.write') &&
            (dicts?.activityKinds[a.kind]?.rule !== 'M-26' || can('clues.handle')) &&
            (me?.role !== 'committee_leader' || a.actor?.cadreId === me.cadreId)
          }
          onUploaded={r.reload}
        />
      ),
    },
  ];
  // The menu groups the kinds by rule: M-23 work, M-25 hearings, M-26 the commission's records.
  const writable = activityOptions(can('clues.handle'));
  const menu = {
    items: writable.map((o) => ({ key: o.value, label: o.label })),
    onClick: ({ key }: { key: string }) => setAdding({ kind: key }),
  };
  return (
    <Card
      title={t('监督工作', 'Supervision work')}
      data-testid="activities-page"
      extra={
        can('talks.write') && (
          <Dropdown menu={menu} trigger={['click']}>
            <Button type="primary" data-testid="new-activity">
              {t('登记', 'Record')} <DownOutlined />
            </Button>
          </Dropdown>
        )
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Select
            allowClear
            style={{ width: 240 }}
            placeholder={t('全部类别', 'All kinds')}
            options={activityOptions(can('clues.read'))}
            value={kind}
            data-testid="activity-kind-filter"
            onChange={(v?: string) => {
              setPage(1);
              setKind(v);
            }}
          />
          <OrgPicker
            value={orgId}
            onChange={(v) => {
              setPage(1);
              setOrgId(v);
            }}
            testId="activity-org-filter"
          />
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            placeholder={[t('起始日期', 'From'), t('截止日期', 'To')]}
            format="YYYY-MM-DD"
            onChange={(v) => {
              setPage(1);
              const [a, b] = (v ?? [null, null]) as [Dayjs | null, Dayjs | null];
              setRange([a?.format('YYYY-MM-DD'), b?.format('YYYY-MM-DD')]);
            }}
          />
        </Space>
        {r.error ? <Typography.Text type="danger">{errorText(r.error, lang)}</Typography.Text> : null}
        <Table<Activity>
          rowKey="id"
          size="middle"
          loading={r.loading}
          dataSource={r.data?.items ?? []}
          columns={columns}
          data-testid="activity-table"
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('暂无监督工作记录', 'No records')} />,
          }}
          pagination={{
            current: page,
            pageSize: PAGE,
            total: r.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
            showTotal: (total) => t(`共 ${total} 条`, `${total} in all`),
          }}
        />
      </Space>
      <ActivityDialog
        open={!!adding}
        preset={adding}
        onClose={() => setAdding(undefined)}
        onSaved={() => {
          setAdding(undefined);
          r.reload();
        }}
      />
    </Card>
  );
}
