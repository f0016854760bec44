// 用户管理 (issue 13 §1): the accounts in the manager's scope; create one (the server makes a one-time password,
// shown here once), edit role, unit and scope, reset the password or second factor, lift a login lock, disable.
import { useState } from 'react';
import { App, Button, Card, Dropdown, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { AccountCreated, AccountRow, PasswordReset } from '@api';
import { api, get, qs } from '../../api';
import { errorText, useI18n } from '../../i18n';
import { useLoad } from '../../components/useLoad';
import { AccountForm, type AccountValues } from './AccountForm';

type Action = 'reset-password' | 'reset-totp' | 'unlock' | 'disable' | 'enable';

export function AccountsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const list = useLoad(
    () =>
      get<{ total: number; items: AccountRow[] }>(`/api/v1/accounts${qs({ q: q || undefined, page, pageSize: 20 })}`),
    [q, page],
  );
  const [form, setForm] = useState<{ editing: AccountRow | null } | null>(null);
  const [pending, setPending] = useState<{ action: Action; row: AccountRow } | null>(null);
  const [shown, setShown] = useState<{ username: string; password: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const labels: Record<Action, string> = {
    'reset-password': t('重置密码', 'Reset password'),
    'reset-totp': t('重置双因素认证', 'Reset second factor'),
    unlock: t('解除登录锁定', 'Lift login lock'),
    disable: t('停用', 'Disable'),
    enable: t('启用', 'Enable'),
  };
  const attempt = async (f: () => Promise<void>) => {
    setBusy(true);
    try {
      await f();
      list.reload();
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  const save = (v: AccountValues) =>
    attempt(async () => {
      if (form?.editing) {
        const { username: _, ...body } = v;
        await api('PATCH', `/api/v1/accounts/${form.editing.id}`, body);
        message.success(t('已保存', 'Saved'));
      } else {
        const made = await api<AccountCreated>('POST', '/api/v1/accounts', v);
        setShown({ username: made.username, password: made.oneTimePassword ?? '' });
      }
      setForm(null);
    });
  const act = (reason: string) =>
    attempt(async () => {
      if (!pending) return;
      const r = await api<Partial<PasswordReset>>('POST', `/api/v1/accounts/${pending.row.id}/${pending.action}`, {
        reason,
      });
      if (r.oneTimePassword) setShown({ username: pending.row.username, password: r.oneTimePassword });
      else message.success(t(`已${labels[pending.action]}`, `${labels[pending.action]}: done`));
      setPending(null);
    });

  return (
    <Card
      title={t('用户管理', 'Accounts')}
      data-testid="accounts"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ editing: null })}>
          {t('新建账号', 'New account')}
        </Button>
      }
    >
      <Input.Search
        allowClear
        placeholder={t('账号名或姓名', 'Account name or name')}
        style={{ width: 280, marginBottom: 16 }}
        onSearch={(v) => {
          setQ(v.trim());
          setPage(1);
        }}
      />
      <Table<AccountRow>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          { title: t('账号名', 'Account'), dataIndex: 'username' },
          { title: t('姓名', 'Name'), dataIndex: 'displayName' },
          { title: t('角色', 'Role'), dataIndex: 'roleLabel' },
          { title: t('单位', 'Unit'), dataIndex: 'orgName' },
          { title: t('数据权限', 'Scope'), dataIndex: 'scopeLabel' },
          {
            title: t('状态', 'State'),
            render: (_, r) => (
              <Space size={4} wrap>
                {r.disabled ? <Tag>{t('已停用', 'Disabled')}</Tag> : <Tag color="green">{t('正常', 'Active')}</Tag>}
                {r.mustChangePassword && <Tag color="orange">{t('待改初始密码', 'One-time password')}</Tag>}
                {r.totp && <Tag color="blue">{t('已绑定双因素', 'Second factor')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('操作', 'Actions'),
            render: (_, r) => (
              <Space>
                <a onClick={() => setForm({ editing: r })}>{t('修改', 'Edit')}</a>
                <Dropdown
                  menu={{
                    items: (
                      ['reset-password', 'reset-totp', 'unlock', r.disabled ? 'enable' : 'disable'] as Action[]
                    ).map((key) => ({ key, label: labels[key], danger: key === 'disable' })),
                    onClick: ({ key }) => setPending({ action: key as Action, row: r }),
                  }}
                >
                  <a data-testid={`account-more-${r.username}`}>{t('更多', 'More')}</a>
                </Dropdown>
              </Space>
            ),
          },
        ]}
      />
      <AccountForm
        open={!!form}
        editing={form?.editing ?? null}
        busy={busy}
        onCancel={() => setForm(null)}
        onSubmit={save}
      />
      <ReasonModal
        title={pending ? `${labels[pending.action]}：${pending.row.username}` : ''}
        open={!!pending}
        busy={busy}
        onCancel={() => setPending(null)}
        onOk={act}
      />
      <Modal
        open={!!shown}
        title={t('一次性密码', 'One-time password')}
        onOk={() => setShown(null)}
        onCancel={() => setShown(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        <Typography.Paragraph>
          {t(
            `请将账号 ${shown?.username} 的一次性密码当面或通过安全渠道交给本人。此密码只显示这一次，首次登录时必须修改。`,
            `Hand the one-time password of ${shown?.username} to its user in person or by a safe channel. It is shown only now and must be changed at first login.`,
          )}
        </Typography.Paragraph>
        <Typography.Text code copyable style={{ fontSize: 18 }} data-testid="one-time-password">
          {shown?.password}
        </Typography.Text>
      </Modal>
    </Card>
  );
}

function ReasonModal(p: { title: string; open: boolean; busy: boolean; onCancel(): void; onOk(reason: string): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={p.open}
      title={p.title}
      destroyOnHidden
      confirmLoading={p.busy}
      onCancel={p.onCancel}
      onOk={() => form.submit()}
    >
      <Form form={form} preserve={false} layout="vertical" onFinish={(v) => p.onOk(v.reason)}>
        <Form.Item
          name="reason"
          label={t('原因（记入审计日志）', 'Reason (kept in the trail)')}
          rules={[{ required: true, min: 2, max: 500 }]}
        >
          <Input.TextArea rows={2} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
