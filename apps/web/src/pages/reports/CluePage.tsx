// One clue (M-14 … M-16): the summary, the matter's reports (content only, never a reporter), the signed steps as a
// timeline, the disposal awaiting approval, letters of inquiry, outcomes, clocks, and the moves the state allows.
import { Card, Col, Descriptions, Empty, List, Row, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { get } from '../../api';
import { errorText, useI18n } from '../../i18n';
import { useSession } from '../../session';
import { useLoad } from '../../components/useLoad';
import { NotFoundPage } from '../NotFoundPage';
import { CHANNELS, dateTime, STEP_ACTIONS, useClueDicts } from './clueDicts';
import { ClueActions, joinNames, ProposalCard } from './ClueActions';
import { ClueLetters } from './ClueLetters';
import { STATE_COLOR } from './ClueLedgerPage';
import { Deadlines } from './Deadlines';
import type { ClueDetail } from './types';

/** The collective decision a propose step carries in its detail, if any. */
const collectiveOf = (detail: unknown) => {
  const c = (detail as { collective?: { meetingOn?: string; participants?: string[] } } | null)?.collective;
  return c && Array.isArray(c.participants) ? c : null;
};

export function CluePage() {
  const { t, lang } = useI18n();
  const nav = useNavigate();
  const { can } = useSession();
  const { dicts, lab, zhen } = useClueDicts();
  const id = Number(useParams().id);
  const r = useLoad(() => get<ClueDetail>(`/api/v1/clues/${id}`), [id]);
  if (r.notFound || !Number.isInteger(id)) return <NotFoundPage />;
  if (r.error) return <Typography.Text type="danger">{errorText(r.error, lang)}</Typography.Text>;
  if (!r.data) return <Card loading />;
  const c = r.data;
  const i = lang === 'en' ? 1 : 0;
  // The one record carries its clocks rather than the ledger's handlingDueOn: the running handling clock is the due date.
  const due = c.handlingDueOn ?? c.deadlines.find((d) => d.kind === 'disposal' && !d.met)?.dueOn;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card
        title={
          <Space>
            <span data-testid="clue-number">
              {t('问题线索', 'Clue')} {c.number}
            </span>
            <Tag color={STATE_COLOR[c.state]} data-testid="clue-state">
              {lab(dicts?.clueState, c.state)}
            </Tag>
          </Space>
        }
        extra={<ClueActions clue={c} onChanged={r.reload} />}
      >
        <Descriptions bordered size="small" column={3}>
          <Descriptions.Item label={t('被反映人', 'Accused')}>
            {c.accused.cadreId && can('cadres.read') ? (
              <a onClick={() => nav(`/cadres/${c.accused.cadreId}`)}>{c.accused.name}</a>
            ) : (
              c.accused.name
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('问题类别', 'Problem type')}>
            {lab(dicts?.problemTypes, c.problemType)}
          </Descriptions.Item>
          <Descriptions.Item label={t('登记时间', 'Registered')}>{dateTime(c.registeredAt)}</Descriptions.Item>
          <Descriptions.Item label={t('主管单位', 'Competent unit')}>{c.competentOrgName}</Descriptions.Item>
          <Descriptions.Item label={t('办理方式', 'Handling')}>
            {lab(dicts?.handlingModes, c.handlingMode)}
            {c.handlingOrgId !== c.competentOrgId ? `（${c.handlingOrgName}）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('办理期限', 'Due on')}>{due ?? '—'}</Descriptions.Item>
          {c.disposal && (
            <Descriptions.Item label={t('处置方式', 'Disposal')}>
              {zhen(dicts?.disposals[c.disposal])}
            </Descriptions.Item>
          )}
          {c.holdReviewOn && <Descriptions.Item label={t('复查日期', 'Review on')}>{c.holdReviewOn}</Descriptions.Item>}
          {c.transferTo && (
            <Descriptions.Item label={t('接收机关', 'Receiving body')}>{c.transferTo}</Descriptions.Item>
          )}
          {c.result && (
            <Descriptions.Item label={t('认定结果', 'Finding')} span={2}>
              <span data-testid="clue-result">{lab(dicts?.results, c.result)}</span>
            </Descriptions.Item>
          )}
          {c.concludedAt && (
            <Descriptions.Item label={t('办结时间', 'Concluded')}>{dateTime(c.concludedAt)}</Descriptions.Item>
          )}
          <Descriptions.Item label={t('线索摘要', 'Summary')} span={3}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{c.summary}</span>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {c.proposal && (
        <Card size="small" title={t('处置意见（集体研究）', 'Proposed disposal (collective decision)')}>
          <ProposalCard clue={c} onChanged={r.reload} />
        </Card>
      )}
      <Row gutter={16}>
        <Col span={14}>
          <Card
            size="small"
            title={t(`反映的问题（${c.reports.length} 件举报）`, `Reports in this matter (${c.reports.length})`)}
          >
            <List
              dataSource={c.reports}
              data-testid="clue-reports"
              renderItem={(rep) => (
                <List.Item>
                  <List.Item.Meta
                    title={
                      <Space>
                        {can('reports.read') ? (
                          <a onClick={() => nav(`/reports/${rep.id}`)}>{rep.number}</a>
                        ) : (
                          rep.number
                        )}
                        <Tag>{lab(CHANNELS, rep.channel) || rep.channelLabel}</Tag>
                        <Typography.Text type="secondary">{dateTime(rep.receivedAt)}</Typography.Text>
                        <Tag>{rep.anonymous ? t('匿名', 'Anonymous') : t('实名', 'Named')}</Tag>
                      </Space>
                    }
                    description={
                      <span style={{ whiteSpace: 'pre-wrap', color: 'rgba(0,0,0,.85)' }}>
                        {rep.content}
                        {rep.happened ? `（${t('发生时间', 'When')}：${rep.happened}）` : ''}
                      </span>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col span={10}>
          <Card size="small" title={t('办理过程（签批留痕）', 'Signed steps')}>
            <Timeline
              data-testid="clue-steps"
              items={c.steps.map((s) => ({
                color: s.action === 'return' ? 'red' : s.action === 'conclude' ? 'green' : 'blue',
                children: (
                  <>
                    <div>
                      <Typography.Text strong>{STEP_ACTIONS[s.action]?.[i] ?? ''}</Typography.Text> →{' '}
                      {lab(dicts?.clueState, s.to) || s.toLabel}
                    </div>
                    <Typography.Text type="secondary">
                      {s.signedBy} · {dateTime(s.at)}
                    </Typography.Text>
                    {s.opinion && (
                      <div style={{ whiteSpace: 'pre-wrap' }}>
                        {t('意见', 'Opinion')}：{s.opinion}
                      </div>
                    )}
                    {collectiveOf(s.detail) && (
                      <div data-testid="step-collective">
                        {t('集体研究', 'Collective decision')}：{collectiveOf(s.detail)!.meetingOn}，
                        {t('参加人员', 'participants')}：{joinNames(collectiveOf(s.detail)!.participants)}
                      </div>
                    )}
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('谈话函询', 'Letters of inquiry')}>
        <ClueLetters clue={c} onChanged={r.reload} />
      </Card>
      <Card size="small" title={t('处理结果', 'Outcomes')}>
        {c.outcomes.length ? (
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={c.outcomes}
            data-testid="outcomes"
            columns={[
              {
                title: t('形态', 'Form'),
                dataIndex: 'form',
                render: (v) => (lang === 'en' ? `Form ${v}` : (dicts?.forms[v] ?? '')),
              },
              {
                title: t('处理方式', 'Outcome'),
                dataIndex: 'kind',
                render: (v, o) => zhen(dicts?.outcomeKinds[v]) || o.kindLabel,
              },
              { title: t('决定日期', 'Decided on'), dataIndex: 'decidedOn' },
              { title: t('影响期至', 'Influence until'), dataIndex: 'influenceUntil', render: (v) => v ?? '—' },
              { title: t('处理内容', 'Summary'), dataIndex: 'summary' },
            ]}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('暂无处理结果', 'No outcomes')} />
        )}
      </Card>
      <Card size="small" title={t('办理时限', 'Deadlines')}>
        <Deadlines items={c.deadlines} canExtend={can('clues.handle')} onChanged={r.reload} />
      </Card>
    </Space>
  );
}
