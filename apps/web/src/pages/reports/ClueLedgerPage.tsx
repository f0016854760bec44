// 问题线索台账 (M-14): the numbered clues in scope, newest first, with the running handling deadline (red when past).
import { Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { get, qs } from '../../api';
import { errorText, useI18n } from '../../i18n';
import { useLoad } from '../../components/useLoad';
import { dateTime, todayCst, useClueDicts } from './clueDicts';
import type { ClueItem } from './types';
import { DEFAULT_PAGE_SIZE, type Page } from '@api';

export const STATE_COLOR: Record<string, string> = {
  registered: 'gold',
  proposed: 'orange',
  inquiry: 'blue',
  verification: 'purple',
  on_hold: 'default',
  closed: 'green',
  transferred: 'cyan',
};

export function ClueLedgerPage() {
  const { t, lang } = useI18n();
  const nav = useNavigate();
  const { dicts, lab, opts } = useClueDicts();
  const [params, setParams] = useSearchParams();
  const f = {
    state: params.get('state') ?? undefined,
    q: params.get('q') ?? undefined,
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
    () => get<Page<ClueItem>>(`/api/v1/clues${qs({ ...f, pageSize: DEFAULT_PAGE_SIZE })}`),
    [params.toString()],
  );
  const today = todayCst();
  return (
    <Card title={t('问题线索台账', 'Clue ledger')}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          key={f.q ?? ''}
          allowClear
          defaultValue={f.q}
          placeholder={t('线索编号或被反映人姓名', 'Clue number or name')}
          onSearch={(v) => set('q', v.trim() || undefined)}
          style={{ width: 240 }}
          data-testid="clue-search"
        />
        <Select
          allowClear
          placeholder={t('线索状态', 'State')}
          value={f.state}
          onChange={(v) => set('state', v)}
          options={opts(dicts?.clueState)}
          style={{ width: 160 }}
          data-testid="state-filter"
        />
      </Space>
      {list.error ? <Typography.Text type="danger">{errorText(list.error, lang)}</Typography.Text> : null}
      <Table<ClueItem>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        data-testid="clue-table"
        locale={{ emptyText: t('暂无问题线索', 'No clues') }}
        onRow={(c) => ({ onClick: () => nav(`/clues/${c.id}`), style: { cursor: 'pointer' } })}
        pagination={{
          current: Number(f.page ?? 1),
          pageSize: DEFAULT_PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (n) => t(`共 ${n} 条`, `${n} clues`),
          onChange: (p) => set('page', String(p)),
        }}
        columns={[
          { title: t('线索编号', 'Number'), dataIndex: 'number', render: (v) => <a>{v}</a> },
          { title: t('被反映人', 'Accused'), render: (_, c) => c.accused.name },
          {
            title: t('问题类别', 'Problem type'),
            dataIndex: 'problemType',
            render: (v) => lab(dicts?.problemTypes, v),
          },
          {
            title: t('状态', 'State'),
            dataIndex: 'state',
            render: (v) => <Tag color={STATE_COLOR[v]}>{lab(dicts?.clueState, v)}</Tag>,
          },
          {
            title: t('办理方式', 'Handling'),
            dataIndex: 'handlingMode',
            render: (v, c) => (
              <Space>
                {lab(dicts?.handlingModes, v)}
                {c.handlingOrgId !== c.competentOrgId && (
                  <Typography.Text type="secondary">{c.handlingOrgName}</Typography.Text>
                )}
              </Space>
            ),
          },
          { title: t('登记时间', 'Registered'), dataIndex: 'registeredAt', render: (v) => dateTime(v) },
          {
            title: t('办理期限', 'Due on'),
            dataIndex: 'handlingDueOn',
            render: (v: string | null) =>
              v ? (
                <Typography.Text type={v < today ? 'danger' : undefined} strong={v < today}>
                  {v}
                  {v < today ? t('（已逾期）', ' (overdue)') : ''}
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
