// 登记来件 (M-10): the petition office registers a report that came by letter, visit, phone and the other channels.
// The reporter's identity, when named, is sealed by the server; a named report needs a phone or an address.
import { useState } from 'react';
import { Alert, App, Col, DatePicker, Form, Input, Modal, Row, Select, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api';
import { errorText, useI18n } from '../../i18n';
import { CHANNELS, todayCst, useClueDicts } from './clueDicts';

interface Values {
  channel: string;
  receivedAt: Dayjs;
  name: string;
  unit?: string;
  post?: string;
  content: string;
  happened?: string;
  anonymous: boolean;
  reporterName?: string;
  phone?: string;
  address?: string;
}

/** China time with its offset, as the server's schema takes it (2026-03-02T09:30:00+08:00). */
const cstIso = (d: Dayjs) => {
  const local = new Date(d.valueOf() + 8 * 3600_000).toISOString().slice(0, 19);
  return `${local}+08:00`;
};
const nowCst = () => cstIso(dayjs());
const opt = (v?: string) => (v?.trim() ? v.trim() : undefined);

export function IntakeDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose(): void;
  onCreated(id: number): void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { opts } = useClueDicts();
  const [form] = Form.useForm<Values>();
  const anonymous = Form.useWatch('anonymous', form) ?? true;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    setError(null);
    try {
      const reporter = { name: v.reporterName?.trim(), phone: opt(v.phone), address: opt(v.address) };
      const r = await api<{ id: number; number: string }>('POST', '/api/v1/reports', {
        channel: v.channel,
        receivedAt: cstIso(v.receivedAt),
        content: v.content.trim(),
        anonymous: v.anonymous,
        accused: { name: v.name.trim(), unit: opt(v.unit), post: opt(v.post) },
        happened: opt(v.happened),
        ...(v.anonymous ? {} : { reporter }),
      });
      message.success(t(`已登记，受理编号 ${r.number}`, `Registered as ${r.number}`));
      form.resetFields();
      onCreated(r.id);
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  const required = (zh: string, en: string, max: number) => [
    { required: true, whitespace: true, max, message: t(zh, en) },
  ];
  const contact = ({ getFieldValue }: { getFieldValue(n: string): string | undefined }) => ({
    validator: (_: unknown, v?: string) =>
      v?.trim() || getFieldValue('address')?.trim()
        ? Promise.resolve()
        : Promise.reject(
            new Error(t('实名举报须留联系电话或通信地址之一', 'A named report needs a phone or an address')),
          ),
  });

  return (
    <Modal
      open={open}
      title={t('登记来件', 'Register a report')}
      width={720}
      forceRender
      onCancel={onClose}
      onOk={submit}
      okText={t('登记', 'Register')}
      cancelText={t('取消', 'Cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'intake-ok' }}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="intake-error" />}
      <Form form={form} layout="vertical" initialValues={{ anonymous: true, receivedAt: dayjs() }}>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="channel"
              label={t('来源渠道', 'Channel')}
              rules={[{ required: true, message: t('请选择来源渠道', 'Choose the channel') }]}
            >
              <Select options={opts(CHANNELS).filter((o) => o.value !== 'web')} data-testid="intake-channel" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="receivedAt"
              label={t('收件时间', 'Received at')}
              rules={[
                { required: true, message: t('请填写收件时间', 'Enter when it was received') },
                {
                  validator: (_, d?: Dayjs) =>
                    !d || cstIso(d) <= nowCst()
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('收件时间不能晚于现在', 'Cannot be in the future'))),
                },
              ]}
            >
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                allowClear={false}
                style={{ width: '100%' }}
                disabledDate={(d) => d.format('YYYY-MM-DD') > todayCst()} // Beijing's today, whatever the browser's zone
                data-testid="intake-received"
              />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>{t('被反映人', 'The person reported')}</Typography.Title>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item
              name="name"
              label={t('姓名', 'Name')}
              rules={required('请填写被反映人姓名（50 字以内）', 'Enter the name (up to 50 characters)', 50)}
            >
              <Input data-testid="intake-name" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="unit" label={t('单位', 'Unit')} rules={[{ max: 100 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="post" label={t('职务', 'Post')} rules={[{ max: 100 }]}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="content"
          label={t('反映的问题', 'Content')}
          rules={required('请写明反映的问题（2 万字以内）', 'Describe the matter (up to 20,000 characters)', 20000)}
        >
          <Input.TextArea rows={5} showCount maxLength={20000} data-testid="intake-content" />
        </Form.Item>
        <Form.Item name="happened" label={t('发生时间（可写大概）', 'When (roughly)')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="anonymous" label={t('匿名举报', 'Anonymous')} valuePropName="checked">
          <Switch data-testid="intake-anonymous" />
        </Form.Item>
        {!anonymous && (
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item
                name="reporterName"
                label={t('举报人姓名', 'Reporter’s name')}
                rules={required('请填写举报人姓名', 'Enter the reporter’s name', 50)}
              >
                <Input data-testid="intake-reporter-name" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item
                name="phone"
                label={t('联系电话', 'Phone')}
                dependencies={['address']}
                rules={[
                  { pattern: /^[0-9+\-() ]{5,20}$/, message: t('电话号码格式有误', 'Bad phone number') },
                  contact,
                ]}
              >
                <Input data-testid="intake-phone" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="address" label={t('通信地址', 'Address')} rules={[{ max: 200 }]}>
                <Input />
              </Form.Item>
            </Col>
          </Row>
        )}
        {!anonymous && (
          <Typography.Paragraph type="secondary">
            {t(
              '举报人信息加密保存，只有信访部门经登记理由后方可查看。',
              'The reporter’s identity is stored sealed; only the petition office may reveal it, with a recorded reason.',
            )}
          </Typography.Paragraph>
        )}
      </Form>
    </Modal>
  );
}
