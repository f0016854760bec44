// 登录日志 and 在线用户 (issue 13 §1): logins of the accounts in scope (each read is trailed on the server), and the
// open sessions, any of which the manager can end at once.
import { useState } from 'react';
import { App, Button, Card, Input, Modal, Popconfirm, Segmented, Space, Table, Tag } from 'antd';
import type { LoginLogRow, SessionRow } from '@api';
import { api, get, qs } from '../../api';
import { errorText, useI18n } from '../../i18n';
import { useLoad } from '../../components/useLoad';
import { beijingTime } from '../../time';

const when = beijingTime;

export function LoginLogPage() {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [outcome, setOutcome] = useState<string>('all');
  const [page, setPage] = useState(1);
  const list = useLoad(
    () =>
      get<{ total: number; items: LoginLogRow[] }>(
        `/api/v1/login-log${qs({ username: username || undefined, outcome: outcome === 'all' ? undefined : outcome, page, pageSize: 20 })}`,
      ),
    [username, outcome, page],
  );
  const color = { ok: 'green', failed: 'red', locked: 'orange' } as const;
  return (
    <Card title={t('登录日志', 'Login log')} data-testid="login-log">
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search
          allowClear
          placeholder={t('账号名', 'Account name')}
          onSearch={(v) => (setUsername(v.trim()), setPage(1))}
        />
        <Segmented
          value={outcome}
          onChange={(v) => (setOutcome(String(v)), setPage(1))}
          options={[
            { label: t('全部', 'All'), value: 'all' },
            { label: t('成功', 'Success'), value: 'ok' },
            { label: t('失败', 'Failed'), value: 'failed' },
            { label: t('已锁定', 'Locked'), value: 'locked' },
          ]}
        />
      </Space>
      <Table<LoginLogRow>
        rowKey="id"
        size="small"
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
          { title: t('时间（北京时间）', 'Time (Beijing)'), render: (_, r) => when(r.at) },
          { title: t('账号名', 'Account'), dataIndex: 'username' },
          { title: t('姓名', 'Name'), render: (_, r) => r.displayName ?? '—' },
          { title: t('单位', 'Unit'), render: (_, r) => r.orgName ?? '—' },
          { title: t('地址', 'Address'), render: (_, r) => r.ip ?? '—' },
          {
            title: t('浏览器', 'Browser'),
            render: (_, r) => <span style={{ fontSize: 12 }}>{r.userAgent ?? '—'}</span>,
          },
          {
            title: t('结果', 'Result'),
            render: (_, r) => (
              <Space size={4}>
                <Tag color={color[r.outcome]}>{r.outcomeLabel}</Tag>
                {r.reasonLabel}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}

export function SessionsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const list = useLoad(
    () => get<{ total: number; items: SessionRow[] }>(`/api/v1/sessions${qs({ page, pageSize: 20 })}`),
    [page],
  );
  const end = async (r: SessionRow) => {
    try {
      await api('POST', `/api/v1/sessions/${r.id}/end`, { reason: '管理员强制下线' });
      message.success(t(`已结束 ${r.username} 的会话`, `Ended the session of ${r.username}`));
      list.reload();
    } catch (e) {
      Modal.error({ content: errorText(e, lang) });
    }
  };
  return (
    <Card title={t('在线用户', 'Open sessions')} data-testid="sessions">
      <Table<SessionRow>
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
          { title: t('单位', 'Unit'), dataIndex: 'orgName' },
          { title: t('地址', 'Address'), render: (_, r) => r.ip ?? '—' },
          { title: t('登录时间', 'Since'), render: (_, r) => when(r.startedAt) },
          { title: t('到期', 'Expires'), render: (_, r) => when(r.expiresAt) },
          {
            title: t('操作', 'Actions'),
            render: (_, r) =>
              r.current ? (
                <Tag>{t('当前会话', 'This session')}</Tag>
              ) : (
                <Popconfirm
                  title={t(`结束 ${r.username} 的会话？`, `End the session of ${r.username}?`)}
                  onConfirm={() => end(r)}
                >
                  <Button size="small" danger data-testid={`end-session-${r.username}`}>
                    {t('强制下线', 'End')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Card>
  );
}
