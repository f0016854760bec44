// Cadre list in scope: search by name or 身份证号, filters by unit level, rank, principal and rule flag; the filters
// live in the URL so a list can be bookmarked and shared with a colleague of the same scope.
import { useEffect, useState } from 'react';
import { Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { get, qs } from '../api';
import { errorText, useI18n } from '../i18n';
import { label, loadDicts, options, type Dicts } from '../components/dicts';
import { FlagTags, RULE_NAMES } from '../components/Flags';
import { useLoad } from '../components/useLoad';
import { DEFAULT_PAGE_SIZE, type CadreRow as Item, type Page } from '@api';

const KEYS = ['q', 'orgId', 'orgLevel', 'rank', 'principal', 'flag', 'page'] as const;

export function CadreListPage() {
  const { t, lang } = useI18n();
  const nav = useNavigate();
  const [params, setParams] = useSearchParams();
  const [dicts, setDicts] = useState<Dicts>();
  useEffect(() => {
    loadDicts().then(setDicts);
  }, []);
  const f = Object.fromEntries(KEYS.map((k) => [k, params.get(k) ?? undefined])) as Record<
    (typeof KEYS)[number],
    string | undefined
  >;
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    if (k !== 'page') next.delete('page');
    setParams(next);
  };
  const list = useLoad(
    () => get<Page<Item>>(`/api/v1/cadres${qs({ ...f, pageSize: DEFAULT_PAGE_SIZE })}`),
    [params.toString()],
  );

  return (
    <Card title={t('干部档案', 'Cadres')}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          key={f.q ?? ''}
          allowClear
          placeholder={t('姓名或身份证号', 'Name or ID number')}
          defaultValue={f.q}
          onSearch={(v) => set('q', v.trim() || undefined)}
          style={{ width: 220 }}
          data-testid="cadre-search"
        />
        <Select
          allowClear
          placeholder={t('单位层级', 'Unit level')}
          value={f.orgLevel}
          onChange={(v) => set('orgLevel', v)}
          options={options(dicts, 'org_level', lang)}
          style={{ width: 130 }}
        />
        <Select
          allowClear
          placeholder={t('职级', 'Rank')}
          value={f.rank}
          onChange={(v) => set('rank', v)}
          options={options(dicts, 'rank', lang)}
          style={{ width: 130 }}
        />
        <Select
          allowClear
          placeholder={t('一把手', 'Principal')}
          value={f.principal}
          onChange={(v) => set('principal', v)}
          style={{ width: 120 }}
          options={[
            { value: 'true', label: t('是一把手', 'Principals') },
            { value: 'false', label: t('非一把手', 'Others') },
          ]}
        />
        <Select
          allowClear
          placeholder={t('预警规则', 'Flag')}
          value={f.flag}
          onChange={(v) => set('flag', v)}
          style={{ width: 190 }}
          data-testid="flag-filter"
          options={Object.entries(RULE_NAMES).map(([id, n]) => ({
            value: id,
            label: `${id} ${n[lang === 'en' ? 1 : 0]}`,
          }))}
        />
        <Button
          icon={<DownloadOutlined />}
          href={`/api/v1/cadres/export.xlsx${qs({ ...f, page: undefined })}`}
          data-testid="export-xlsx"
        >
          {t('导出 Excel', 'Export .xlsx')}
        </Button>
        {f.orgId && (
          <Tag closable onClose={() => set('orgId', undefined)}>
            {t('限定单位', 'Unit')} #{f.orgId}
          </Tag>
        )}
      </Space>
      {list.error ? <Typography.Text type="danger">{errorText(list.error, lang)}</Typography.Text> : null}
      <Table<Item>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        data-testid="cadre-table"
        onRow={(r) => ({ onClick: () => nav(`/cadres/${r.id}`), style: { cursor: 'pointer' } })}
        pagination={{
          current: Number(f.page ?? 1),
          pageSize: DEFAULT_PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (n) => t(`共 ${n} 人`, `${n} cadres`),
          onChange: (p) => set('page', String(p)),
        }}
        columns={[
          { title: t('姓名', 'Name'), dataIndex: 'name', render: (v) => <a>{v}</a> },
          { title: t('身份证号', 'ID number'), dataIndex: 'idCardMasked' },
          { title: t('出生', 'Born'), dataIndex: 'birthDate', width: 110 },
          { title: t('档案管理单位', 'Managing unit'), dataIndex: 'orgName' },
          {
            title: t('现任职务', 'Current post'),
            dataIndex: 'currentPost',
            render: (v, r) => (
              <Space>
                {v ?? '—'}
                {r.isPrincipal && <Tag color="volcano">{t('一把手', 'Principal')}</Tag>}
              </Space>
            ),
          },
          { title: t('职级', 'Rank'), dataIndex: 'rank', render: (v) => label(dicts, 'rank', v, lang) },
          { title: t('预警', 'Flags'), dataIndex: 'flags', render: (v: Item['flags']) => <FlagTags flags={v} /> },
        ]}
      />
    </Card>
  );
}
