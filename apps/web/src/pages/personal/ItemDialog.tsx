// One item of a personal matters report (issue 15 §1, M-40): the kind, then its fields as the server's form says —
// the very schemas that check the item — so the page never asks for what the server would refuse to take.
import { useState } from 'react';
import { DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import type { ItemField, ItemForms, PersonalItem } from '@api';
import { useI18n } from '../../i18n';

type Values = Record<string, unknown>;

export function ItemDialog({
  forms,
  item,
  onSave,
  onClose,
}: {
  forms: ItemForms;
  item?: Pick<PersonalItem, 'kind' | 'values'>;
  onSave(item: { kind: string; values: Values }): Promise<boolean>;
  onClose(): void;
}) {
  const { t, lang } = useI18n();
  const name = (l: readonly [string, string]) => (lang === 'en' ? l[1] : l[0]);
  const [kind, setKind] = useState(item?.kind);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const def = forms.kinds.find((k) => k.kind === kind);
  const initial = Object.fromEntries(
    Object.entries(item?.values ?? {}).map(([k, v]) => {
      const f = def?.fields.find((x) => x.name === k);
      return [k, f?.type === 'date' && typeof v === 'string' ? dayjs(v) : v];
    }),
  );
  const save = async (v: Values) => {
    if (!def) return;
    const values: Values = {};
    for (const f of def.fields) {
      const x = v[f.name];
      if (x === undefined || x === null || x === '') continue;
      values[f.name] = f.type === 'date' ? (x as dayjs.Dayjs).format('YYYY-MM-DD') : x;
    }
    setBusy(true);
    const ok = await onSave({ kind: def.kind, values });
    setBusy(false);
    if (ok) onClose();
  };
  return (
    <Modal
      open
      width={640}
      title={item ? t('修改事项', 'Change the item') : t('添加事项', 'Add an item')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ disabled: !def, 'data-testid': 'item-ok' } as never}
      confirmLoading={busy}
    >
      <Form.Item label={t('事项类别', 'Kind')} required>
        <Select
          value={kind}
          disabled={!!item}
          onChange={(k) => {
            setKind(k);
            form.resetFields();
          }}
          options={forms.kinds.map((k) => ({ value: k.kind, label: name(k.label) }))}
          showSearch
          optionFilterProp="label"
          data-testid="item-kind"
        />
      </Form.Item>
      {def && (
        <Form form={form} layout="vertical" initialValues={initial} onFinish={save} data-testid="item-form">
          {def.fields.map((f) => (
            <Form.Item
              key={f.name}
              name={f.name}
              label={name(f.label)}
              rules={[{ required: f.required, message: t(`请填写${f.label[0]}`, `${f.label[1]} is required`) }]}
            >
              <FieldInput field={f} />
            </Form.Item>
          ))}
        </Form>
      )}
    </Modal>
  );
}

function FieldInput({ field: f, ...rest }: { field: ItemField }) {
  const { lang } = useI18n();
  const testId = `field-${f.name}`;
  if (f.type === 'choice')
    return (
      <Select
        {...rest}
        data-testid={testId}
        options={f.options.map((o) => ({ value: o.value, label: lang === 'en' ? o.label[1] : o.label[0] }))}
      />
    );
  if (f.type === 'number')
    return <InputNumber {...rest} style={{ width: '100%' }} min={0} max={f.max ?? undefined} data-testid={testId} />;
  if (f.type === 'date') return <DatePicker {...rest} style={{ width: '100%' }} data-testid={testId} />;
  return <Input {...rest} maxLength={f.max ?? undefined} data-testid={testId} />;
}
