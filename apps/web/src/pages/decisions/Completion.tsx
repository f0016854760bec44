// 登记项目完成 (issue 14 §6, M-36): on a decided item about a project or funds, the date the project was completed,
// which opens its result review (due a set number of days later, listed on the 结果查究 page). The server decides
// which categories are reviewed (a setting) and refuses a second completion.
import { useState } from 'react';
import { App, Button, DatePicker, Form, Modal, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { MeetingDetail } from '@api';
import { api } from '../../api';
import { errorText, useI18n } from '../../i18n';
import { useSession } from '../../session';

type Item = MeetingDetail['items'][number];
const REVIEWED = ['major_project', 'large_funds'];

export function Completion({ item }: { item: Item }) {
  const { t, lang } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ completedOn: { format(f: string): string } }>();
  const [asking, setAsking] = useState(false);
  const [dueOn, setDueOn] = useState<string>();
  if (item.status !== 'decided' || !REVIEWED.includes(item.category) || !can('decisions.write')) return null;
  if (dueOn)
    return (
      <Typography.Text type="secondary">
        {t(`已登记完成，结果查究期限 ${dueOn}`, `Completion recorded; review due ${dueOn}`)}{' '}
        <Link to="/result-reviews">{t('查看', 'View')}</Link>
      </Typography.Text>
    );
  return (
    <>
      <Button size="small" onClick={() => setAsking(true)} data-testid={`completion-${item.seq}`}>
        {t('登记项目完成（开启结果查究）', 'Record completion (opens the result review)')}
      </Button>
      <Modal
        open={asking}
        title={t(`登记项目完成：${item.title}`, `Completion: ${item.title}`)}
        onCancel={() => setAsking(false)}
        onOk={() => form.submit()}
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={async (v) => {
            try {
              const r = await api<{ dueOn: string }>('POST', `/api/v1/meeting-items/${item.id}/completion`, {
                completedOn: v.completedOn.format('YYYY-MM-DD'),
              });
              setDueOn(r.dueOn);
              setAsking(false);
            } catch (e) {
              message.error(errorText(e, lang));
            }
          }}
        >
          <Form.Item name="completedOn" label={t('完成日期', 'Completed on')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} data-testid="completion-date" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
