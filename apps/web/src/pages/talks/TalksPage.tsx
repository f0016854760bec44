// 谈话记录 (M-20, M-27): the talks whose talkee is in my view, newest first, by kind and period; the counts by kind as
// the seeds phrase them (“监督谈话2人次”); 登记谈话 and 登记必谈事由 (M-21) for those who may record talks.
import { useState } from 'react';
import { Button, Card, DatePicker, Empty, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { get, qs } from '../../api';
import { errorText, useI18n } from '../../i18n';
import { useSession } from '../../session';
import { useLoad } from '../../components/useLoad';
import { TalkDialog } from './TalkDialog';
import { OccasionDialog } from './OccasionDialog';
import { RecordFiles } from '../../components/RecordFiles';
import { useTalkDicts, type Page, type Talk } from './talkDicts';
import { DEFAULT_PAGE_SIZE, type TalkStats as Stats } from '@api';

const PAGE = DEFAULT_PAGE_SIZE;

export function TalksPage() {
  const { t, lang } = useI18n();
  const { can, me } = useSession();
  const { kind: kindLabel, kindOptions } = useTalkDicts();
  const [kind, setKind] = useState<string>();
  const [range, setRange] = useState<[string | undefined, string | undefined]>([undefined, undefined]);
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const [occasion, setOccasion] = useState(false);
  const [from, to] = range;
  const r = useLoad(
    () => get<Page<Talk>>(`/api/v1/talks${qs({ kind, from, to, page, pageSize: PAGE })}`),
    [kind, from, to, page],
  );
  const stats = useLoad(() => get<Stats>(`/api/v1/talks/stats${qs({ from, to })}`), [from, to, r.data]);
  const person = (p: { cadreId: number; name: string }) =>
    can('cadres.read') ? <Link to={`/cadres/${p.cadreId}`}>{p.name}</Link> : p.name;

  const columns = [
    { title: t('谈话日期', 'Date'), dataIndex: 'heldOn', width: 110 },
    {
      title: t('谈话种类', 'Kind'),
      key: 'kind',
      width: 120,
      render: (_: unknown, x: Talk) => kindLabel(x.kind) || x.kindLabel,
    },
    { title: t('谈话人', 'Talker'), key: 'talker', width: 100, render: (_: unknown, x: Talk) => person(x.talker) },
    { title: t('谈话对象', 'Talkee'), key: 'talkee', width: 100, render: (_: unknown, x: Talk) => person(x.talkee) },
    { title: t('地点', 'Place'), dataIndex: 'place', width: 140, render: (v: string | null) => v ?? '—' },
    { title: t('谈话内容', 'What was said'), dataIndex: 'summary', ellipsis: true },
    {
      title: t('后续要求', 'Follow-up'),
      dataIndex: 'followUp',
      ellipsis: true,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('附件', 'Files'),
      key: 'files',
      width: 200,
      render: (_: unknown, x: Talk) => (
        <RecordFiles
          base={`/api/v1/talks/${x.id}/attachments`}
          recordId={x.id}
          files={x.attachments}
          canUpload={can('talks.write') && (me?.role !== 'committee_leader' || x.talker.cadreId === me.cadreId)}
          onUploaded={r.reload}
        />
      ),
    },
  ];
  const s = stats.data;
  return (
    <Card
      title={t('谈话记录', 'Talks')}
      data-testid="talks-page"
      extra={
        can('talks.write') && (
          <Space>
            <Button onClick={() => setOccasion(true)} data-testid="new-occasion">
              {t('登记必谈事由', 'Record an occasion')}
            </Button>
            <Button type="primary" onClick={() => setAdding(true)} data-testid="new-talk">
              {t('登记谈话', 'Record a talk')}
            </Button>
          </Space>
        )
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Select
            allowClear
            style={{ width: 180 }}
            placeholder={t('全部谈话种类', 'All kinds')}
            options={kindOptions}
            value={kind}
            data-testid="talk-kind-filter"
            onChange={(v?: string) => {
              setPage(1);
              setKind(v);
            }}
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
        {s && (
          <Typography.Paragraph style={{ margin: 0 }} data-testid="talk-stats">
            <Typography.Text type="secondary">{t(`${s.from} 至 ${s.to}：`, `${s.from} to ${s.to}: `)}</Typography.Text>
            {s.total ? (
              <>
                {lang === 'en'
                  ? s.byKind
                      .filter((k) => k.n)
                      .map((k) => `${kindLabel(k.kind)} ${k.n}`)
                      .join(', ')
                  : s.phrases.join('，')}
                {t(`，共${s.total}人次`, `, ${s.total} in all`)}
              </>
            ) : (
              t('期间内暂无谈话', 'No talks in the period')
            )}
          </Typography.Paragraph>
        )}
        {r.error ? <Typography.Text type="danger">{errorText(r.error, lang)}</Typography.Text> : null}
        <Table<Talk>
          rowKey="id"
          size="middle"
          loading={r.loading}
          dataSource={r.data?.items ?? []}
          columns={columns}
          data-testid="talk-table"
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('暂无谈话记录', 'No talks')} />,
          }}
          pagination={{
            current: page,
            pageSize: PAGE,
            total: r.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
            showTotal: (total) => t(`共 ${total} 次`, `${total} in all`),
          }}
        />
      </Space>
      <OccasionDialog open={occasion} onClose={() => setOccasion(false)} />
      <TalkDialog
        open={adding}
        onClose={() => setAdding(false)}
        onSaved={() => {
          setAdding(false);
          r.reload();
        }}
      />
    </Card>
  );
}
