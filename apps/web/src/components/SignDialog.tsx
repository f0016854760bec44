// Signing in person (issues 14 and 15): a signature asks for the password or a one-time code again, and nobody may
// sign for another. Used by the decisions pages (M-33, M-34, M-37) and the personal matters report (M-40).
import { useState } from 'react';
import { Form, Input, Modal, Radio, Typography } from 'antd';
import { useI18n } from '../i18n';

const DECISION_NOTE = [
  '签名即确认本议题的记录属实，谁决策、谁负责。请再次输入本人密码或动态验证码，不能由他人代签。',
  'Signing confirms this record; whoever decides answers for it. Give your own password or one-time code again; nobody may sign for you.',
] as const;

/** The confirmation a signature asks for: the password or a one-time code again (a session left open is no signature). */
export function SignDialog({
  title,
  note,
  onSave,
  onClose,
}: {
  title: string;
  /** What signing confirms; by default, a decision's record. */
  note?: readonly [zh: string, en: string];
  onSave(v: Record<string, unknown>): Promise<boolean>;
  onClose(): void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const how = Form.useWatch('how', form) ?? 'password';
  return (
    <Modal
      open
      title={t(`签名确认：${title}`, `Sign: ${title}`)}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okText={t('确认签名', 'Sign')}
    >
      <Typography.Paragraph type="secondary">{t(...(note ?? DECISION_NOTE))}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ how: 'password' }}
        onFinish={async (v: { how: string; secret: string }) => {
          setBusy(true);
          const ok = await onSave(v.how === 'totp' ? { totp: v.secret } : { password: v.secret });
          setBusy(false);
          if (ok) onClose();
        }}
      >
        <Form.Item name="how">
          <Radio.Group>
            <Radio value="password">{t('密码', 'Password')}</Radio>
            <Radio value="totp">{t('动态验证码', 'One-time code')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="secret"
          rules={[
            how === 'totp'
              ? { required: true, pattern: /^\d{6}$/, message: t('动态验证码为 6 位数字', 'Six digits') }
              : { required: true, message: t('请输入密码', 'Enter your password') },
          ]}
        >
          {how === 'totp' ? (
            <Input inputMode="numeric" maxLength={6} autoComplete="one-time-code" data-testid="sign-secret" />
          ) : (
            <Input.Password autoComplete="current-password" data-testid="sign-secret" />
          )}
        </Form.Item>
      </Form>
    </Modal>
  );
}
