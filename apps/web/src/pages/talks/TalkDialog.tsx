// 登记谈话 (M-20): kind, talker, talkee, date (no future day; within a duty's period when recorded from one), place,
// summary and follow-up. A committee leader records only their own talks, so the talker is fixed to them.
import { useEffect, useState } from 'react';
import { Alert, App, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api';
import { errorText, useI18n } from '../../i18n';
import { useSession } from '../../session';
import { CadreSelect, useRecorder, type Person } from './CadreSelect';
import { useTalkDicts } from './talkDicts';

/** What the dialog starts with: from a duty, the talkee, the kind and the days the talk may fall on are set. */
export interface TalkPreset {
  kind?: string;
  talkee?: Person;
  minDate?: string;
  maxDate?: string;
  note?: string;
}

interface Values {
  kind: string;
  talkerCadreId: number;
  talkeeCadreId: number;
  heldOn: Dayjs;
  place?: string;
  summary: string;
  followUp?: string;
}
const ymd = (d: Dayjs) => d.format('YYYY-MM-DD');
const blank = (s?: string) => (s && s.trim() ? s.trim() : undefined);

export function TalkDialog({
  open,
  preset,
  onClose,
  onSaved,
}: {
  open: boolean;
  preset?: TalkPreset;
  onClose(): void;
  onSaved(fulfilled: number): void;
}) {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const { message } = App.useApp();
  const { kindOptions } = useTalkDicts();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { max, min, ownOnly, self } = useRecorder(preset);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue({
      kind: preset?.kind ?? 'supervision',
      talkerCadreId: self?.id,
      talkeeCadreId: preset?.talkee?.id,
      heldOn: dayjs(max),
    });
  }, [open, preset]); // eslint-disable-line react-hooks/exhaustive-deps

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api<{ id: number; fulfilledDuties: number[] }>('POST', '/api/v1/talks', {
        kind: v.kind,
        talkerCadreId: v.talkerCadreId,
        talkeeCadreId: v.talkeeCadreId,
        heldOn: ymd(v.heldOn),
        place: blank(v.place),
        summary: v.summary.trim(),
        followUp: blank(v.followUp),
      });
      message.success(
        r.fulfilledDuties.length
          ? t(
              `谈话已登记，完成监督责任 ${r.fulfilledDuties.length} 项`,
              `Talk recorded; ${r.fulfilledDuties.length} duty(ies) done`,
            )
          : t('谈话已登记', 'Talk recorded'),
      );
      onSaved(r.fulfilledDuties.length);
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  const req = (zh: string, en: string) => [{ required: true, message: t(zh, en) }];

  return (
    <Modal
      open={open}
      width={680}
      title={t('登记谈话', 'Record a talk')}
      onCancel={onClose}
      onOk={submit}
      forceRender
      destroyOnHidden={false}
      okText={t('保存', 'Save')}
      cancelText={t('取消', 'Cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'talk-save' }}
    >
      {preset?.note && <Alert type="info" showIcon message={preset.note} style={{ marginBottom: 12 }} />}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="talk-error" />}
      <Form form={form} layout="vertical">
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="kind" label={t('谈话种类', 'Kind')} rules={req('请选择谈话种类', 'Choose the kind')}>
              <Select options={kindOptions} data-testid="talk-kind" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="heldOn" label={t('谈话日期', 'Date')} rules={req('请选择谈话日期', 'Choose the date')}>
              <DatePicker
                format="YYYY-MM-DD"
                allowClear={false}
                style={{ width: '100%' }}
                data-testid="talk-date"
                disabledDate={(d) => ymd(d) > max || (!!min && ymd(d) < min)}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="talkerCadreId"
              label={t('谈话人', 'Talker')}
              rules={req('请选择谈话人', 'Choose the talker')}
            >
              <CadreSelect initial={self} disabled={ownOnly} testId="talk-talker" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="talkeeCadreId"
              label={t('谈话对象', 'Talkee')}
              rules={req('请选择谈话对象', 'Choose the talkee')}
            >
              <CadreSelect initial={preset?.talkee} disabled={!!preset?.talkee} testId="talk-talkee" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="place" label={t('谈话地点', 'Place')}>
          <Input maxLength={100} data-testid="talk-place" />
        </Form.Item>
        <Form.Item
          name="summary"
          label={t('谈话内容', 'What was said')}
          rules={[
            {
              validator: (_, s?: string) =>
                (s ?? '').trim().length >= 4
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('请写明谈话内容（至少 4 个字）', 'At least 4 characters'))),
            },
          ]}
        >
          <Input.TextArea rows={4} maxLength={5000} data-testid="talk-summary" />
        </Form.Item>
        <Form.Item name="followUp" label={t('后续要求', 'Follow-up')}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="talk-followup" />
        </Form.Item>
      </Form>
      {ownOnly && (
        <Alert
          type="warning"
          showIcon={false}
          message={t('党委领导只能登记本人主持的谈话。', 'A committee leader records only the talks they hold.')}
        />
      )}
    </Modal>
  );
}
