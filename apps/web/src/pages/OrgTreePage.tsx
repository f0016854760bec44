// M-01 unit tree in scope (children loaded as they are opened) and, for the chosen unit, its leadership team (M-03).
import { useEffect, useState } from 'react';
import { Button, Card, Col, Descriptions, Empty, Row, Space, Table, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useNavigate, useParams } from 'react-router-dom';
import { get } from '../api';
import { useI18n } from '../i18n';
import { label, loadDicts, type Dicts } from '../components/dicts';
import { useLoad } from '../components/useLoad';
import { useSession } from '../session';
import { NotFoundPage } from './NotFoundPage';
import type { Org, TeamMember as Member } from '@api';

const toNode = (o: Org): DataNode => ({ key: o.id, title: o.name, isLeaf: !o.hasChildren });

function attach(nodes: DataNode[], key: number, children: DataNode[]): DataNode[] {
  return nodes.map((n) =>
    n.key === key ? { ...n, children } : n.children ? { ...n, children: attach(n.children, key, children) } : n,
  );
}

export function OrgTreePage() {
  const { t, lang } = useI18n();
  const nav = useNavigate();
  const id = Number(useParams().id) || undefined;
  const [tree, setTree] = useState<DataNode[]>([]);
  const [dicts, setDicts] = useState<Dicts>();
  useEffect(() => {
    loadDicts().then(setDicts);
    get<{ items: Org[] }>('/api/v1/orgs').then((r) => {
      setTree(r.items.map(toNode));
      if (!id && r.items[0]) nav(`/orgs/${r.items[0].id}`, { replace: true });
    });
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  const loadChildren = async (node: DataNode) => {
    const r = await get<{ items: Org[] }>(`/api/v1/orgs?parentId=${node.key}`);
    setTree((old) => attach(old, node.key as number, r.items.map(toNode)));
  };
  const { can } = useSession();
  const seesCadres = can('cadres.read'); // the administrator sees units, not people (SPEC §1)
  const unit = useLoad(
    () =>
      id
        ? Promise.all([
            get<Org>(`/api/v1/orgs/${id}`),
            seesCadres ? get<{ items: Member[] }>(`/api/v1/orgs/${id}/team`) : Promise.resolve(null),
          ])
        : Promise.resolve(undefined),
    [id],
  );
  if (unit.notFound) return <NotFoundPage />;
  const [org, team] = unit.data ?? [];

  return (
    <Row gutter={16}>
      <Col span={8}>
        <Card title={t('组织机构', 'Units')} styles={{ body: { maxHeight: '75vh', overflow: 'auto' } }}>
          {tree.length ? (
            <Tree
              treeData={tree}
              loadData={loadChildren}
              selectedKeys={id ? [id] : []}
              onSelect={(k) => k[0] && nav(`/orgs/${k[0]}`)}
              data-testid="org-tree"
            />
          ) : (
            <Empty />
          )}
        </Card>
      </Col>
      <Col span={16}>
        {org && (
          <Card
            title={
              <Space>
                {org.name}
                <Tag>{label(dicts, 'org_level', org.level, lang)}</Tag>
                <Tag color="blue">{label(dicts, 'unit_type', org.unitType, lang)}</Tag>
              </Space>
            }
            extra={
              seesCadres && (
                <Button type="primary" onClick={() => nav(`/cadres?orgId=${org.id}`)}>
                  {t('本单位及下级干部', 'Cadres of this unit and below')}
                </Button>
              )
            }
          >
            <Descriptions size="small" column={3} style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('单位编号', 'Unit id')}>{org.id}</Descriptions.Item>
              <Descriptions.Item label={t('行政区划代码', 'Region code')}>{org.regionCode ?? '—'}</Descriptions.Item>
            </Descriptions>
            <Typography.Title level={5}>{t('领导班子及分管', 'Leadership team and portfolios')}</Typography.Title>
            {team === null ? (
              <Typography.Text type="secondary">
                {t('您的角色不查看干部信息。', 'Your role does not see cadres.')}
              </Typography.Text>
            ) : (
              <Table<Member>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={team?.items ?? []}
                locale={{ emptyText: t('暂无班子成员', 'No team members') }}
                columns={[
                  {
                    title: t('姓名', 'Name'),
                    dataIndex: 'name',
                    render: (v, m) => <a onClick={() => nav(`/cadres/${m.cadreId}`)}>{v}</a>,
                  },
                  {
                    title: t('班子职务', 'Team role'),
                    dataIndex: 'teamRole',
                    render: (v) => label(dicts, 'team_role', v, lang),
                  },
                  {
                    title: t('分管', 'Portfolio'),
                    render: (_, m) =>
                      m.portfolios.map((p) => <Tag key={p.area}>{label(dicts, 'portfolio_area', p.area, lang)}</Tag>),
                  },
                  { title: t('进入班子', 'Joined'), dataIndex: 'joinedOn' },
                ]}
              />
            )}
          </Card>
        )}
      </Col>
    </Row>
  );
}
