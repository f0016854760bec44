// 免除 (duties.manage): an open duty waived with a reason (the lower principal left, a long illness…), after a confirmation.
import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { api } from '../../api';
import { errorText, useI18n } from '../../i18n';
import type { Duty } from './talkDicts';

/** Whom the duty concerns: the person, or the unit when it concerns no one person. */
const whom = (d: Duty) => d.subject.name ?? d.subject.orgName;

export function WaiveDialog({ duty, onClose, onDone }: { duty?: Duty; onClose(): void; onDone(): void }) {
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (duty) {
      form.resetFields();
      setError(null);
    }
  }, [duty, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !duty) return;
    modal.confirm({
      title: t('确认免除该项监督责任？', 'Waive this duty?'),
      content: t(
        `免除后，${duty.owner.name}的这项监督责任（${duty.what}，${whom(duty)}）不再计为逾期，操作将留痕，不能撤销。`,
        `Once waived, ${duty.owner.name}'s duty towards ${whom(duty)} no longer counts as overdue; this is trailed and cannot be undone.`,
      ),
      okText: t('确认免除', 'Waive'),
      cancelText: t('再看看', 'Go back'),
      okButtonProps: { danger: true, 'data-testid': 'waive-confirm' },
      onOk: async () => {
        try {
          await api('POST', `/api/v1/obligations/${duty.id}/waive`, { reason: v.reason.trim() });
          message.success(t('已免除', 'Waived'));
          onDone();
        } catch (e) {
          setError(errorText(e, lang));
        }
      },
    });
  };
  return (
    <Modal
      open={!!duty}
      title={t('免除监督责任', 'Waive a duty')}
      onCancel={onClose}
      onOk={submit}
      forceRender
      okText={t('免除', 'Waive')}
      cancelText={t('取消', 'Cancel')}
      okButtonProps={{ danger: true, 'data-testid': 'waive-ok' }}
    >
      {duty && (
        <Typography.Paragraph>
          {t(
            `${duty.what}：${duty.owner.name} → ${whom(duty)}${duty.subject.name ? `（${duty.subject.orgName}）` : ''}，期限 ${duty.dueOn}`,
            `${duty.owner.name} → ${whom(duty)}${duty.subject.name ? ` (${duty.subject.orgName})` : ''}, due ${duty.dueOn}`,
          )}
        </Typography.Paragraph>
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('免除理由', 'Reason')}
          rules={[
            {
              validator: (_, s?: string) =>
                (s ?? '').trim().length >= 4
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('请写明免除理由（至少 4 个字）', 'At least 4 characters'))),
            },
          ]}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            placeholder={t('如：谈话对象已调离、长期病休', 'e.g. the lower principal has left, long illness')}
            data-testid="waive-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
