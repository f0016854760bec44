// Sealed corrections of a sealed meeting (issue 14 §5, M-35): the record itself never changes; 补充更正 adds an
// addendum — why, and what the record should have said — sealed and linked to the seal (or the addendum before it).
import { useState } from 'react';
import { App, Button, Form, Input, List, Modal, Typography } from 'antd';
import type { MeetingDetail } from '@api';
import { api } from '../../api';
import { errorText, useI18n } from '../../i18n';

export function Addenda({ meeting, canAdd, onChange }: { meeting: MeetingDetail; canAdd: boolean; onChange(): void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string; correction: string }>();
  const add = async (v: { reason: string; correction: string }) => {
    try {
      await api('POST', `/api/v1/meetings/${meeting.id}/addenda`, v);
      message.success(t('补充更正已封存', 'The addendum is sealed'));
      setOpen(false);
      form.resetFields();
      onChange();
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };
  if (!meeting.addenda.length && !canAdd) return null;
  return (
    <div data-testid="addenda">
      <List
        size="small"
        header={
          <Typography.Text strong>
            {t(`补充更正（${meeting.addenda.length}）`, `Addenda (${meeting.addenda.length})`)}
            {canAdd && (
              <Button size="small" style={{ marginLeft: 12 }} onClick={() => setOpen(true)} data-testid="add-addendum">
                {t('补充更正', 'Add a correction')}
              </Button>
            )}
          </Typography.Text>
        }
        locale={{
          emptyText: t(
            '无。封存的记录不能修改，更正以封存的附录补充。',
            'None. A sealed record is corrected by a sealed addendum.',
          ),
        }}
        dataSource={meeting.addenda}
        renderItem={(a) => (
          <List.Item>
            <Typography.Text>
              {t(`第 ${a.n} 号`, `No. ${a.n}`)}（
              {new Date(a.createdAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}）：{a.correction}
              <Typography.Text type="secondary">{` （${t('原因', 'Reason')}：${a.reason}）`}</Typography.Text>
            </Typography.Text>
          </List.Item>
        )}
      />
      <Modal
        open={open}
        title={t('补充更正（封存后不能撤回）', 'Add a correction (sealed, cannot be withdrawn)')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={add} data-testid="addendum-form">
          <Form.Item name="reason" label={t('更正原因', 'Reason')} rules={[{ required: true, max: 500 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="correction" label={t('更正内容', 'Correction')} rules={[{ required: true, max: 5000 }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
