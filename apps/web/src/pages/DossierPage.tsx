// 一人一档 (M-08): one cadre's basic data, posts, team and portfolio, relations, timeline and the archive sections,
// with the rule flags and their evidence on top. Reading it is trailed on the server.
import { useEffect, useState } from 'react';
import {
  Button,
  Card,
  Col,
  Descriptions,
  Select,
  Empty,
  Row,
  Space,
  Table,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { FileWordOutlined } from '@ant-design/icons';
import { useSession } from '../session';
import { OccasionDialog } from './talks/OccasionDialog';
import { get } from '../api';
import { errorText, useI18n } from '../i18n';
import { label, loadDicts, type Dicts } from '../components/dicts';
import { FlagCard } from '../components/Flags';
import { DossierInterference } from './decisions/DossierInterference';
import { useLoad } from '../components/useLoad';
import { NotFoundPage } from './NotFoundPage';
import { ForbiddenPage } from './ForbiddenPage';
import type { CadrePost as Post, CadreSeat as Seat, CadreRelation as Relation, Cadre } from '@api';

const YEARS = Array.from({ length: 10 }, (_, i) => new Date().getFullYear() - i);

export function DossierPage() {
  const { t, lang } = useI18n();
  const nav = useNavigate();
  const id = Number(useParams().id);
  const [dicts, setDicts] = useState<Dicts>();
  const [year, setYear] = useState(YEARS[0]);
  const { can } = useSession();
  const [occasion, setOccasion] = useState(false);
  useEffect(() => {
    loadDicts().then(setDicts);
  }, []);
  // One request, one trailed read: the record carries the timeline's first 100 events (M-08).
  const r = useLoad(
    () =>
      Number.isInteger(id) && id > 0
        ? get<Cadre>(`/api/v1/cadres/${id}`)
        : Promise.reject(Object.assign(new Error('bad id'), { status: 404 })),
    [id],
  );
  if (r.notFound || (r.error as { status?: number })?.status === 404) return <NotFoundPage />;
  if ((r.error as { status?: number })?.status === 403) return <ForbiddenPage />;
  if (r.error) return <Typography.Text type="danger">{errorText(r.error, lang)}</Typography.Text>;
  if (!r.data) return <Card loading />;
  const c = r.data;
  const { timeline } = c;
  const current = c.posts.filter((p) => !p.endDate);

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card>
        <Row align="middle" gutter={24}>
          <Col flex="none">
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="dossier-name">
              {c.name}
            </Typography.Title>
          </Col>
          <Col flex="auto">
            <Space wrap>
              {current.map((p) => (
                <Tag key={p.id} color={p.isPrincipal ? 'volcano' : 'default'}>
                  {p.orgName}
                  {p.title}
                </Tag>
              ))}
              <Tag>{label(dicts, 'party_status', c.partyStatus, lang)}</Tag>
            </Space>
          </Col>
          <Col flex="none">
            <Space>
              <Typography.Text type="secondary">{t('一人一档', 'One dossier per cadre')} · M-08</Typography.Text>
              <Select
                size="middle"
                value={year}
                onChange={setYear}
                style={{ width: 100 }}
                options={YEARS.map((y) => ({ value: y, label: t(`${y}年`, String(y)) }))}
              />
              <Button
                icon={<FileWordOutlined />}
                href={`/api/v1/cadres/${c.id}/dossier.docx?year=${year}`}
                data-testid="export-docx"
              >
                {t('导出年度档案（.docx）', 'Yearly volume (.docx)')}
              </Button>
              {can('talks.write') && (
                <Button onClick={() => setOccasion(true)} data-testid="new-occasion">
                  {t('登记必谈事由', 'Record an occasion')}
                </Button>
              )}
            </Space>
          </Col>
        </Row>
      </Card>
      <Card title={t(`预警提示（${c.flags.length}）`, `Flags (${c.flags.length})`)} size="small">
        {c.flags.length ? (
          c.flags.map((f) => <FlagCard key={`${f.ruleId}-${f.message}`} flag={f} />)
        ) : (
          <Empty description={t('暂无预警', 'No flags')} />
        )}
      </Card>
      {can('interference.dossier') && <DossierInterference cadreId={c.id} />}
      <Card>
        <Tabs
          items={[
            {
              key: 'basic',
              label: t('基本情况', 'Basic data'),
              children: (
                <Descriptions bordered size="small" column={2}>
                  <Descriptions.Item label={t('姓名', 'Name')}>{c.name}</Descriptions.Item>
                  <Descriptions.Item label={t('身份证号', 'ID number')}>{c.idCard}</Descriptions.Item>
                  <Descriptions.Item label={t('性别', 'Gender')}>
                    {c.gender === 'M' ? t('男', 'Male') : t('女', 'Female')}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('出生日期', 'Born')}>{c.birthDate}</Descriptions.Item>
                  <Descriptions.Item label={t('民族', 'Ethnicity')}>{c.ethnicity ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('政治面貌', 'Party')}>
                    {label(dicts, 'party_status', c.partyStatus, lang)}
                    {c.partyJoinedOn ? `（${c.partyJoinedOn}）` : ''}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('籍贯地区', 'Birthplace')}>{c.birthplaceCode ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('成长地', 'Grew up in')}>{c.growthPlaceCode ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('档案管理单位', 'Managing unit')} span={2}>
                    {c.orgName}
                  </Descriptions.Item>
                </Descriptions>
              ),
            },
            {
              key: 'posts',
              label: t(`任职经历（${c.posts.length}）`, `Posts (${c.posts.length})`),
              children: (
                <Table<Post>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={c.posts}
                  columns={[
                    { title: t('单位', 'Unit'), dataIndex: 'orgName' },
                    {
                      title: t('职务', 'Post'),
                      dataIndex: 'title',
                      render: (v, p) => (
                        <Space>
                          {v}
                          {p.isPrincipal && <Tag color="volcano">{t('一把手', 'Principal')}</Tag>}
                        </Space>
                      ),
                    },
                    { title: t('职级', 'Rank'), dataIndex: 'rank', render: (v) => label(dicts, 'rank', v, lang) },
                    { title: t('任职', 'From'), dataIndex: 'startDate' },
                    {
                      title: t('离任', 'To'),
                      dataIndex: 'endDate',
                      render: (v) => v ?? <Tag color="green">{t('现任', 'Current')}</Tag>,
                    },
                    { title: t('文号', 'Document'), dataIndex: 'appointDoc' },
                  ]}
                />
              ),
            },
            {
              key: 'team',
              label: t('班子与分管', 'Team and portfolio'),
              children: (
                <Table<Seat>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={c.team}
                  locale={{ emptyText: t('未进入领导班子', 'Not on a leadership team') }}
                  columns={[
                    {
                      title: t('班子', 'Team'),
                      dataIndex: 'orgName',
                      render: (v, s) => <a onClick={() => nav(`/orgs/${s.orgId}`)}>{v}</a>,
                    },
                    {
                      title: t('职务', 'Role'),
                      dataIndex: 'teamRole',
                      render: (v) => label(dicts, 'team_role', v, lang),
                    },
                    {
                      title: t('分管', 'Portfolio'),
                      render: (_, s) =>
                        s.portfolios.map((p) => (
                          <Tag key={`${p.area}${p.startDate}`} color={p.endDate ? 'default' : 'blue'}>
                            {label(dicts, 'portfolio_area', p.area, lang)}
                            {p.endDate ? `（至${p.endDate}）` : ''}
                          </Tag>
                        )),
                    },
                    { title: t('进入', 'Joined'), dataIndex: 'joinedOn' },
                    { title: t('离开', 'Left'), dataIndex: 'leftOn' },
                  ]}
                />
              ),
            },
            {
              key: 'relations',
              label: t(`家庭成员（${c.relations.length}）`, `Relatives (${c.relations.length})`),
              children: (
                <Table<Relation>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={c.relations}
                  locale={{ emptyText: t('暂无登记', 'None recorded') }}
                  columns={[
                    {
                      title: t('关系', 'Relation'),
                      dataIndex: 'kindLabel',
                      render: (v, x) => `${v}${x.generation && x.kind !== 'sibling' ? `（${x.generation}代）` : ''}`,
                    },
                    {
                      title: t('姓名', 'Name'),
                      render: (_, x) =>
                        x.relative ? (
                          <a onClick={() => nav(`/cadres/${x.relative!.id}`)}>{x.relative.name}</a>
                        ) : (
                          <Typography.Text type="secondary">
                            {t('（不在查看范围内）', '(outside your scope)')}
                          </Typography.Text>
                        ),
                    },
                    { title: t('单位', 'Unit'), render: (_, x) => x.relative?.orgName ?? '—' },
                  ]}
                />
              ),
            },
            {
              key: 'timeline',
              label: t(`档案时间线（${timeline.total}）`, `Timeline (${timeline.total})`),
              children: timeline.items.length ? (
                <Timeline
                  items={timeline.items.map((e) => ({
                    children: (
                      <>
                        <Typography.Text strong>{e.occurredOn}</Typography.Text> <Tag>{e.eventLabel}</Tag>
                        {e.summary}
                      </>
                    ),
                  }))}
                />
              ) : (
                <Empty />
              ),
            },
            {
              key: 'archive',
              label: t('廉政档案', 'Integrity archive'),
              children: (
                <Row gutter={[12, 12]}>
                  {c.archive.map((s) => (
                    <Col span={8} key={s.titleZh}>
                      <Card size="small" title={t(s.titleZh, s.titleEn)}>
                        {s.items.length ? (
                          s.items.map((i) => (
                            <div key={i.occurredOn + i.summary}>
                              {i.occurredOn} {i.summary}
                            </div>
                          ))
                        ) : (
                          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('暂无记录', 'Nothing recorded')} />
                        )}
                      </Card>
                    </Col>
                  ))}
                </Row>
              ),
            },
          ]}
        />
      </Card>
      <OccasionDialog open={occasion} cadre={{ id: c.id, name: c.name }} onClose={() => setOccasion(false)} />
    </Space>
  );
}
