// One overdue queue (M-12): the open clocks past their due date, most overdue first, each leading to its report or clue.
import { Card, Table, Tag, Typography } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { get, qs } from '../../api';
import { errorText, useI18n } from '../../i18n';
import { useSession } from '../../session';
import { useLoad } from '../../components/useLoad';
import { NotFoundPage } from '../NotFoundPage';
import { useClueDicts } from './clueDicts';
import { DEFAULT_PAGE_SIZE, type QueueItem as Item } from '@api';

export function QueuePage() {
  const { t, lang } = useI18n();
  const nav = useNavigate();
  const { can } = useSession();
  const { dicts, lab, zhen } = useClueDicts();
  const queue = useParams().queue ?? '';
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? 1);
  const r = useLoad(
    () =>
      get<{ total: number; today: string; items: Item[] }>(
        `/api/v1/reports/queues/${queue}${qs({ page, pageSize: DEFAULT_PAGE_SIZE })}`,
      ),
    [queue, page],
  );
  if (dicts && !dicts.queues[queue]) return <NotFoundPage />;
  return (
    <Card
      title={
        <>
          {t('逾期事项', 'Overdue')} · {lab(dicts?.queues, queue)}
        </>
      }
    >
      {r.error ? <Typography.Text type="danger">{errorText(r.error, lang)}</Typography.Text> : null}
      <Table<Item>
        rowKey="id"
        size="middle"
        loading={r.loading}
        dataSource={r.data?.items ?? []}
        data-testid="queue-table"
        locale={{ emptyText: t('暂无逾期事项', 'Nothing overdue') }}
        pagination={{
          current: page,
          pageSize: DEFAULT_PAGE_SIZE,
          total: r.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (n) => t(`共 ${n} 件`, `${n} items`),
          onChange: (p) => setParams(p > 1 ? { page: String(p) } : {}),
        }}
        columns={[
          { title: t('时限', 'Deadline'), dataIndex: 'kind', render: (k) => zhen(dicts?.deadlineKinds[k]) },
          {
            title: t('举报件', 'Report'),
            dataIndex: 'reportNumber',
            render: (v, i) => <a onClick={() => nav(`/reports/${i.reportId}`)}>{v}</a>,
          },
          {
            title: t('问题线索', 'Clue'),
            dataIndex: 'clueNumber',
            render: (v, i) =>
              v && i.clueId && can('clues.read') ? <a onClick={() => nav(`/clues/${i.clueId}`)}>{v}</a> : (v ?? '—'),
          },
          { title: t('被反映人', 'Accused'), dataIndex: 'accusedName' },
          { title: t('主管单位', 'Competent unit'), dataIndex: 'competentOrgName' },
          {
            title: t('到期日', 'Due on'),
            dataIndex: 'dueOn',
            render: (v) => <Typography.Text type="danger">{v}</Typography.Text>,
          },
          // The clock's own unit: letters count calendar days, handling periods working days (the server says which).
          {
            title: t('逾期', 'Overdue'),
            dataIndex: 'overdueDays',
            render: (n: number, i) =>
              i.overdueUnit === 'working'
                ? t(`逾期 ${n} 个工作日`, `${n} working day${n === 1 ? '' : 's'} overdue`)
                : t(`逾期 ${n} 日`, `${n} day${n === 1 ? '' : 's'} overdue`),
          },
          {
            title: t('延期', 'Extended'),
            dataIndex: 'extended',
            render: (v) => (v ? <Tag>{t('已延期', 'Extended')}</Tag> : '—'),
          },
        ]}
      />
    </Card>
  );
}
