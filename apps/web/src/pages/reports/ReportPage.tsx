// One report as staff see it (never the reporter): content, accused, channel, routing, messages, attachments, the
// proposed related reports to confirm or reject (M-13), clocks (M-12), and the triage actions.
import { App, Button, Card, Descriptions, Empty, List, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, get } from '../../api';
import { errorText, useI18n } from '../../i18n';
import { useSession } from '../../session';
import { useLoad } from '../../components/useLoad';
import { NotFoundPage } from '../NotFoundPage';
import { CHANNELS, dateTime, useClueDicts } from './clueDicts';
import { Deadlines } from './Deadlines';
import { ReportActions } from './ReportActions';
import type { ReportDetail, ReportLink } from './types';

const size = (n?: number) =>
  n == null ? '' : n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;

export function ReportPage() {
  const { t, lang } = useI18n();
  const nav = useNavigate();
  const { can } = useSession();
  const { message } = App.useApp();
  const { dicts, lab } = useClueDicts();
  const id = Number(useParams().id);
  const r = useLoad(() => get<ReportDetail>(`/api/v1/reports/${id}`), [id]);
  if (r.notFound || !Number.isInteger(id)) return <NotFoundPage />;
  if (r.error) return <Typography.Text type="danger">{errorText(r.error, lang)}</Typography.Text>;
  if (!r.data) return <Card loading />;
  const rep = r.data;
  const decide = async (l: ReportLink, verb: 'confirm' | 'reject') => {
    try {
      await api('POST', `/api/v1/report-links/${l.id}/${verb}`);
      message.success(
        verb === 'confirm'
          ? t('已确认为关联件，并入同一事项', 'Confirmed; merged into the same matter')
          : t('已否定关联', 'Link rejected'),
      );
      r.reload();
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card
        title={
          <Space>
            <span data-testid="report-number">
              {t('举报件', 'Report')} {rep.number}
            </span>
            <Tag color="blue" data-testid="report-status-label">
              {lab(dicts?.reportStatus, rep.status) || rep.statusLabel}
            </Tag>
          </Space>
        }
        extra={<ReportActions report={rep} onChanged={r.reload} />}
      >
        <Descriptions bordered size="small" column={2}>
          <Descriptions.Item label={t('被反映人', 'Accused')}>
            {rep.accused.name}
            {rep.accused.cadreId && can('cadres.read') ? (
              <Button type="link" size="small" onClick={() => nav(`/cadres/${rep.accused.cadreId}`)}>
                {t('查看档案', 'Dossier')}
              </Button>
            ) : null}
          </Descriptions.Item>
          <Descriptions.Item label={t('单位职务', 'Unit and post')}>
            {[rep.accused.unit, rep.accused.post].filter(Boolean).join(' ') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('来源渠道', 'Channel')}>
            {lab(CHANNELS, rep.channel) || rep.channelLabel}
          </Descriptions.Item>
          <Descriptions.Item label={t('收件时间', 'Received')}>{dateTime(rep.receivedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('举报方式', 'Kind')}>
            {rep.anonymous ? t('匿名', 'Anonymous') : t('实名（举报人信息加密保存）', 'Named (identity sealed)')}
          </Descriptions.Item>
          <Descriptions.Item label={t('主管单位', 'Competent unit')}>
            <Space>
              {rep.competentOrgName}
              {rep.routedUp && (
                <Tag color="volcano">{t('反映一把手，上提一级办理', 'About a principal: routed one level up')}</Tag>
              )}
            </Space>
          </Descriptions.Item>
          {rep.happened && (
            <Descriptions.Item label={t('发生时间', 'When')} span={2}>
              {rep.happened}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('反映的问题', 'Content')} span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="report-content">
              {rep.content}
            </Typography.Paragraph>
          </Descriptions.Item>
          {rep.problemType && (
            <Descriptions.Item label={t('问题类别', 'Problem type')}>
              {lab(dicts?.problemTypes, rep.problemType)}
            </Descriptions.Item>
          )}
          {rep.clue && (
            <Descriptions.Item label={t('问题线索', 'Clue')}>
              {can('clues.read') ? (
                <a onClick={() => nav(`/clues/${rep.clue!.id}`)}>{rep.clue.number}</a>
              ) : (
                rep.clue.number
              )}
              （{lab(dicts?.clueState, rep.clue.state)}）
            </Descriptions.Item>
          )}
          {rep.triageNote && (
            <Descriptions.Item label={t('不予受理理由', 'Reason declined')} span={2}>
              {rep.triageNote}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {rep.links.length > 0 && (
        <Card size="small" title={t('疑似重复或关联的举报', 'Possibly related reports')} data-testid="report-links">
          <Table<ReportLink>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={rep.links}
            columns={[
              {
                title: t('受理编号', 'Number'),
                dataIndex: 'otherNumber',
                render: (v, l) => (
                  <Link to={`/reports/${l.otherReportId}`} data-testid="link-number">
                    {v}
                  </Link>
                ),
              },
              { title: t('收件时间', 'Received'), dataIndex: 'otherReceivedAt', render: (v) => dateTime(v) },
              {
                title: t('内容相似度', 'Similarity'),
                dataIndex: 'similarity',
                render: (v: number) => `${Math.round(v * 100)}%`,
              },
              {
                title: t('状态', 'Status'),
                dataIndex: 'status',
                render: (v) =>
                  (
                    ({
                      proposed: t('待确认', 'Proposed'),
                      confirmed: t('已确认关联', 'Confirmed'),
                      rejected: t('已否定', 'Rejected'),
                    }) as Record<string, string>
                  )[v] ?? '',
              },
              {
                title: t('操作', 'Action'),
                render: (_, l) =>
                  l.canDecide && can('reports.write') ? (
                    <Space>
                      <Popconfirm
                        title={t(`确认 ${l.otherNumber} 与本件为关联件？`, `Merge with ${l.otherNumber}?`)}
                        okButtonProps={{ 'data-testid': 'confirm-ok' }}
                        description={t(
                          '确认后两件举报并入同一问题事项一并办理，不能撤销。',
                          'Both reports become one matter and are handled together. This cannot be undone.',
                        )}
                        okText={t('确认并入', 'Merge')}
                        cancelText={t('取消', 'Cancel')}
                        onConfirm={() => decide(l, 'confirm')}
                      >
                        <Button size="small" type="primary" data-testid="confirm-link">
                          {t('确认关联并入', 'Confirm')}
                        </Button>
                      </Popconfirm>
                      <Button size="small" onClick={() => decide(l, 'reject')}>
                        {t('否定', 'Reject')}
                      </Button>
                    </Space>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        </Card>
      )}
      <Card size="small" title={t('往来记录', 'Messages')}>
        <List
          dataSource={rep.messages}
          locale={{ emptyText: t('暂无答复或补充', 'No replies or additions yet') }}
          data-testid="report-messages"
          renderItem={(m) => (
            <List.Item>
              <Space align="start">
                <Tag color={m.direction === 'to_reporter' ? 'blue' : 'orange'}>
                  {m.direction === 'to_reporter'
                    ? t('答复举报人', 'To the reporter')
                    : t('举报人补充', 'From the reporter')}
                </Tag>
                <Typography.Text type="secondary">{dateTime(m.at)}</Typography.Text>
                <span style={{ whiteSpace: 'pre-wrap' }}>{m.body}</span>
              </Space>
            </List.Item>
          )}
        />
      </Card>
      {rep.attachments && rep.attachments.length > 0 && (
        <Card size="small" title={t(`附件（${rep.attachments.length}）`, `Attachments (${rep.attachments.length})`)}>
          <List
            dataSource={rep.attachments}
            renderItem={(a) => (
              <List.Item>
                <a href={`/api/v1/reports/${rep.id}/attachments/${a.id}`}>
                  <PaperClipOutlined /> {a.name}
                </a>
                <Typography.Text type="secondary">{size(a.size)}</Typography.Text>
              </List.Item>
            )}
          />
        </Card>
      )}
      <Card size="small" title={t('办理时限', 'Deadlines')}>
        {rep.deadlines.length ? (
          <Deadlines items={rep.deadlines} />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('暂无办理时限', 'No deadlines')} />
        )}
      </Card>
    </Space>
  );
}
