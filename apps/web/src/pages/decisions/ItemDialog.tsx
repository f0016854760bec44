// Adding an agenda item (M-31): title, category, the initial proposer (none: the chair is deemed), the preparatory
// steps done, materials.
import { useState } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import { ITEM_CATEGORIES, PREP_STEPS, type MeetingDetail } from '@api';
import { api } from '../../api';
import { errorText, useI18n } from '../../i18n';

export function ItemDialog({ meeting, onClose }: { meeting: MeetingDetail; onClose(saved: boolean): void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const save = async (v: Record<string, unknown>) => {
    setBusy(true);
    try {
      await api('POST', `/api/v1/meetings/${meeting.id}/items`, v);
      onClose(true);
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  const opts = (d: Record<string, readonly [string, string]>) =>
    Object.entries(d).map(([value, l]) => ({ value, label: lang === 'en' ? l[1] : l[0] }));
  return (
    <Modal
      open
      title={t('添加议题', 'Add an agenda item')}
      onCancel={() => onClose(false)}
      onOk={() => form.submit()}
      confirmLoading={busy}
    >
      <Form form={form} layout="vertical" requiredMark={false} onFinish={save} data-testid="item-form">
        <Form.Item name="title" label={t('议题', 'Item')} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="category" label={t('类别', 'Category')} rules={[{ required: true }]}>
          <Select options={opts(ITEM_CATEGORIES)} data-testid="item-category" />
        </Form.Item>
        <Form.Item
          name="proposerCadreId"
          label={t('初始动议人', 'Initial proposer')}
          extra={t('未记录时，主持人视为动议人', 'If none is recorded, the chair is deemed the proposer')}
        >
          <Select
            allowClear
            options={meeting.members.map((x) => ({ value: x.cadreId, label: x.name }))}
            data-testid="item-proposer"
          />
        </Form.Item>
        <Form.Item name="prepDone" label={t('已完成的前期程序', 'Preparatory steps done')}>
          <Select mode="multiple" options={opts(PREP_STEPS)} />
        </Form.Item>
        <Form.Item name="materials" label={t('会议材料', 'Materials')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
