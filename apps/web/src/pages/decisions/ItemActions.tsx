// The forms of an open agenda item (M-32): a candidate (from the registry, so that recusals follow from the M-06
// circle, or by name), a declared conflict of interest, and closing — where a divergence reaching the setting defers
// the item unless the chair records an urgent reason.
import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Select } from 'antd';
import type { MeetingDetail } from '@api';
import { useI18n } from '../../i18n';
import { CadreSelect } from '../talks/CadreSelect';

type Item = MeetingDetail['items'][number];
type Save = (v: Record<string, unknown>) => Promise<boolean>;

export function CandidateForm({ onSave }: { onSave: Save }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const save = async (v: { cadreId?: number; name?: string; post: string }) => {
    const body = v.cadreId ? { cadreId: v.cadreId, post: v.post } : { name: v.name, post: v.post };
    if (await onSave(body)) form.resetFields();
  };
  return (
    <Form form={form} layout="inline" onFinish={save} data-testid="candidate-form">
      <Form.Item name="cadreId">
        <CadreSelect testId="candidate-cadre" />
      </Form.Item>
      <Form.Item
        name="name"
        dependencies={['cadreId']}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_, v) =>
              getFieldValue('cadreId') || v
                ? Promise.resolve()
                : Promise.reject(new Error(t('从干部库选择或填写姓名', 'Choose a cadre or give a name'))),
          }),
        ]}
      >
        <Input style={{ width: 140 }} placeholder={t('或填写姓名', 'or a name')} maxLength={40} />
      </Form.Item>
      <Form.Item name="post" rules={[{ required: true, message: t('请填写拟任职务', 'Give the post') }]}>
        <Input style={{ width: 220 }} placeholder={t('拟任职务', 'Proposed post')} maxLength={100} />
      </Form.Item>
      <Button htmlType="submit" data-testid="candidate-save">
        {t('添加人选', 'Add candidate')}
      </Button>
    </Form>
  );
}

export function ConflictDialog({
  members,
  onSave,
  onClose,
}: {
  members: MeetingDetail['members'];
  onSave: Save;
  onClose(): void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open
      title={t('申明利益冲突并回避', 'Declare a conflict of interest')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          setBusy(true);
          const ok = await onSave(v);
          setBusy(false);
          if (ok) onClose();
        }}
      >
        <Form.Item name="cadreId" label={t('成员', 'Member')} rules={[{ required: true }]}>
          <Select options={members.map((m) => ({ value: m.cadreId, label: m.name }))} data-testid="conflict-member" />
        </Form.Item>
        <Form.Item name="note" label={t('说明', 'Note')} rules={[{ required: true, min: 2, max: 1000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function CloseDialog({ item, onSave, onClose }: { item: Item; onSave: Save; onClose(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const dissent = item.opinions.filter((o) => o.opinion !== 'agree').length;
  return (
    <Modal
      open
      title={t(`结束议题：${item.title}`, `Close: ${item.title}`)}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okText={t('结束议题', 'Close')}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message={t(
          `已表态 ${item.opinions.length} 人，其中不同意或保留 ${dissent} 人；尚未表态的 ${item.notYetSpoken.length} 名到会成员将记为「未表态，视为同意」。`,
          `${item.opinions.length} have spoken, ${dissent} disagreeing or reserving; the ${item.notYetSpoken.length} present member(s) who have not will be recorded as deemed to agree.`,
        )}
        description={t(
          '不同意和保留意见达到设定比例（默认三分之一）时暂缓表决；确因紧急须当场决定的，须由主持人写明紧急理由，并将作为预警发现。',
          'When disagreement and reservations reach the set share (one third by default) the item is deferred; to decide it anyway the chair records an urgent reason, and that becomes a finding.',
        )}
      />
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v: { urgentReason?: string }) => {
          setBusy(true);
          const ok = await onSave(v.urgentReason?.trim() ? { urgentReason: v.urgentReason.trim() } : {});
          setBusy(false);
          if (ok) onClose();
        }}
      >
        <Form.Item
          name="urgentReason"
          label={t('紧急理由（仅在须当场决定时填写）', 'Urgent reason (only to decide now)')}
        >
          <Input.TextArea rows={2} maxLength={1000} data-testid="urgent-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
