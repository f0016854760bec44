// First login (issue 13 §1): an account with a one-time password chooses its own, then — when its role or the
// administrator requires a second factor — scans a QR code into an authenticator app and confirms with a first code.
// Until both are done the server answers nothing else, so this page is all the account sees.
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, Steps, Typography } from 'antd';
import { api, get, type Me } from '../api';
import { errorText, useI18n } from '../i18n';
import { useSession } from '../session';

interface Begun {
  secret: string;
  uri: string;
  qr: string;
}

export function FirstLoginPage({ me }: { me: Me }) {
  const { t, lang } = useI18n();
  const { signedIn, logout } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [begun, setBegun] = useState<Begun | null>(null);
  const step = me.setup.password ? 0 : 1;
  const refresh = async () => signedIn(await get<Me>('/api/v1/auth/me'));
  const run = async (f: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await f();
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    if (step === 1 && !begun) void run(async () => setBegun(await api<Begun>('POST', '/api/v1/auth/totp/begin')));
  }, [step, begun]);

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f5f5' }}>
      <Card style={{ width: 460 }} title={t(`欢迎，${me.displayName}`, `Welcome, ${me.displayName}`)}>
        <Steps
          size="small"
          current={step}
          style={{ marginBottom: 24 }}
          items={[
            { title: t('设置本人密码', 'Your password') },
            ...(me.setup.totp || step === 1 ? [{ title: t('绑定双因素认证', 'Second factor') }] : []),
          ]}
        />
        {error && (
          <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="setup-error" />
        )}
        {step === 0 && (
          <Form
            layout="vertical"
            requiredMark={false}
            onFinish={(v: { current: string; next: string }) =>
              run(async () => {
                await api('POST', '/api/v1/auth/password', { current: v.current, next: v.next });
                await refresh();
              })
            }
          >
            <Typography.Paragraph type="secondary">
              {t(
                '管理员给您的是一次性密码，请设置只有您知道的新密码：至少 12 个字符，不含账号名，不用常见密码。',
                'You were given a one-time password. Choose one only you know: at least 12 characters, not your account name, not a common password.',
              )}
            </Typography.Paragraph>
            <Form.Item name="current" label={t('一次性密码', 'One-time password')} rules={[{ required: true }]}>
              <Input.Password autoComplete="current-password" autoFocus />
            </Form.Item>
            <Form.Item name="next" label={t('新密码', 'New password')} rules={[{ required: true, min: 12 }]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              name="again"
              label={t('再次输入新密码', 'New password again')}
              dependencies={['next']}
              rules={[
                { required: true },
                ({ getFieldValue }) => ({
                  validator: (_, v) =>
                    v === getFieldValue('next')
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('两次输入不一致', 'The two entries differ'))),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('保存新密码', 'Save the new password')}
            </Button>
          </Form>
        )}
        {step === 1 && begun && (
          <Form
            layout="vertical"
            requiredMark={false}
            onFinish={(v: { code: string }) =>
              run(async () => {
                await api('POST', '/api/v1/auth/totp/confirm', { code: v.code });
                await refresh();
              })
            }
          >
            <Typography.Paragraph type="secondary">
              {t(
                '请用手机上的身份验证器（如微信小程序“腾讯身份验证器”、Google Authenticator）扫描二维码，然后输入它显示的 6 位验证码。',
                'Scan the code with an authenticator app on your phone, then enter the 6-digit code it shows.',
              )}
            </Typography.Paragraph>
            <div style={{ textAlign: 'center' }}>
              <img src={begun.qr} alt={t('双因素认证二维码', 'Second-factor QR code')} width={200} height={200} />
            </div>
            <Typography.Paragraph style={{ textAlign: 'center' }}>
              {t('无法扫码时手工输入密钥：', 'Cannot scan? Enter the key: ')}
              <Typography.Text code copyable data-testid="totp-secret">
                {begun.secret}
              </Typography.Text>
            </Typography.Paragraph>
            <Form.Item
              name="code"
              label={t('动态验证码（6 位）', 'One-time code (6 digits)')}
              rules={[
                { required: true, pattern: /^\d{6}$/, message: t('请输入 6 位动态验证码', 'Enter the 6-digit code') },
              ]}
            >
              <Input inputMode="numeric" maxLength={6} autoComplete="one-time-code" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('完成绑定', 'Confirm')}
            </Button>
          </Form>
        )}
        <Button type="link" block style={{ marginTop: 8 }} onClick={() => void logout()}>
          {t('退出', 'Log out')}
        </Button>
      </Card>
    </div>
  );
}
