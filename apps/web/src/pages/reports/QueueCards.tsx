// The four overdue queues of M-12 as cards (dashboard, analysis), each leading to its list.
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { get } from '../../api';
import { useI18n } from '../../i18n';
import { useLoad } from '../../components/useLoad';
import type { QueueCount } from './types';

export function QueueCards({ queues }: { queues?: QueueCount[] }) {
  const { t, lang } = useI18n();
  const nav = useNavigate();
  // Given by the caller (analysis has them already), or asked here (dashboard).
  const own = useLoad(
    () => (queues ? Promise.resolve({ queues }) : get<{ queues: QueueCount[] }>('/api/v1/reports/queues')),
    [queues],
  );
  const items = queues ?? own.data?.queues ?? [];
  return (
    <Row gutter={16} data-testid="queue-cards">
      {items.map((q) => (
        <Col span={6} key={q.queue}>
          <Card hoverable onClick={() => nav(`/reports/queues/${q.queue}`)} data-testid={`queue-${q.queue}`}>
            <Statistic
              title={lang === 'en' ? q.labelEn : q.labelZh}
              value={q.overdue}
              suffix={t('件', '')}
              valueStyle={{ color: q.overdue ? '#cf1322' : undefined }}
            />
            <Typography.Text type="secondary">
              {t(`5 日内到期 ${q.dueSoon} 件`, `${q.dueSoon} due within 5 days`)}
            </Typography.Text>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
