// M-07 rotation-due list for a subtree: who is due (yellow), must be exchanged (red) or coming due (green), and why.
import { useState } from 'react';
import { Button, Card, Segmented, Space, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { get, qs } from '../api';
import { useI18n } from '../i18n';
import { OrgPicker } from '../components/OrgPicker';
import { useLoad } from '../components/useLoad';
import { DEFAULT_PAGE_SIZE, type FlaggedCadre as Item, type Page } from '@api';

export function RotationPage() {
  const { t, lang } = useI18n();
  const nav = useNavigate();
  const [orgId, setOrgId] = useState<number>();
  const [level, setLevel] = useState<string>('');
  const [page, setPage] = useState(1);
  const list = useLoad(
    () => get<Page<Item>>(`/api/v1/flags/M-07${qs({ orgId, level, page, pageSize: DEFAULT_PAGE_SIZE })}`),
    [orgId, level, page],
  );
  return (
    <Card title={t('轮岗交流到期名单（M-07）', 'Rotation due (M-07)')}>
      <Space style={{ marginBottom: 16 }} wrap>
        <OrgPicker
          value={orgId}
          onChange={(v) => {
            setOrgId(v);
            setPage(1);
          }}
        />
        <Segmented
          value={level}
          onChange={(v) => {
            setLevel(v as string);
            setPage(1);
          }}
          options={[
            { label: t('全部', 'All'), value: '' },
            { label: t('应当交流', 'Must exchange'), value: 'red' },
            { label: t('到期', 'Due'), value: 'yellow' },
            { label: t('即将到期', 'Coming due'), value: 'green' },
          ]}
        />
        <Button icon={<DownloadOutlined />} href={`/api/v1/flags/M-07/export.xlsx${qs({ orgId, level })}`}>
          {t('导出 Excel', 'Export .xlsx')}
        </Button>
      </Space>
      <Table<Item>
        rowKey={(r) => `${r.cadreId}-${r.message}`}
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: DEFAULT_PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
          showTotal: (n) => t(`共 ${n} 条`, `${n} items`),
        }}
        columns={[
          {
            title: t('姓名', 'Name'),
            dataIndex: 'name',
            render: (v, r) => <a onClick={() => nav(`/cadres/${r.cadreId}`)}>{v}</a>,
          },
          { title: t('档案管理单位', 'Managing unit'), dataIndex: 'orgName' },
          {
            title: t('等级', 'Level'),
            dataIndex: 'level',
            render: (v: Item['level']) => (
              <Tag color={{ red: 'red', yellow: 'gold', green: 'green' }[v]}>
                {
                  { red: t('应当交流', 'Must exchange'), yellow: t('到期', 'Due'), green: t('即将到期', 'Coming due') }[
                    v
                  ]
                }
              </Tag>
            ),
          },
          { title: t('情形', 'Finding'), render: (_, r) => (lang === 'en' && r.messageEn ? r.messageEn : r.message) },
          { title: t('起算日', 'Since'), render: (_, r) => r.evidence[0]?.since as string | undefined },
          { title: t('年限', 'Years'), render: (_, r) => r.evidence[0]?.years as number | undefined },
        ]}
      />
    </Card>
  );
}
