// 预警发现 (issue 12 §5; the base of M-80, M-81): the findings of every rule in scope, filtered by unit, rule, level and
// status; the organization department marks one handled with a note or dismisses it with a reason. A finding whose
// evidence changes comes back open; one no longer found leaves the list (shown with “含已消除”).
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, Input, Modal, Segmented, Select, Space, Table, Tag } from 'antd';
import { useNavigate } from 'react-router-dom';
import { api, get, qs } from '../api';
import { errorText, useI18n } from '../i18n';
import { useSession } from '../session';
import { OrgPicker } from '../components/OrgPicker';
import { useLoad } from '../components/useLoad';
import type { Finding, Page } from '@api';

type Move = 'handle' | 'dismiss';

const RULES = ['M-04', 'M-05', 'M-06', 'M-07'];
const LEVEL_COLOR = { red: 'red', yellow: 'gold', green: 'green' } as const;
const STATUS_COLOR = { open: 'processing', handled: 'success', dismissed: 'default' } as const;

export function FindingsPage() {
  const { t, lang } = useI18n();
  const { can } = useSession();
  const nav = useNavigate();
  const [orgId, setOrgId] = useState<number>();
  const [ruleId, setRuleId] = useState<string>();
  const [level, setLevel] = useState('');
  const [status, setStatus] = useState('open');
  const [all, setAll] = useState(false);
  const [page, setPage] = useState(1);
  const [moving, setMoving] = useState<{ f: Finding; move: Move }>();
  const list = useLoad(
    () =>
      get<Page<Finding>>(
        `/api/v1/findings${qs({ orgId, ruleId, level, status, all: all || undefined, page, pageSize: 20 })}`,
      ),
    [orgId, ruleId, level, status, all, page],
  );
  const levelText = { red: t('红', 'Red'), yellow: t('黄', 'Yellow'), green: t('绿', 'Green') };
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  return (
    <Card title={t('预警发现', 'Findings')} data-testid="findings">
      <Space style={{ marginBottom: 16 }} wrap>
        <OrgPicker value={orgId} onChange={reset(setOrgId)} />
        <Select
          allowClear
          placeholder={t('全部规则', 'Every rule')}
          style={{ width: 130 }}
          value={ruleId}
          onChange={reset(setRuleId)}
          options={RULES.map((r) => ({ value: r, label: r }))}
        />
        <Segmented
          value={level}
          onChange={(v) => reset(setLevel)(v as string)}
          options={[
            { label: t('全部等级', 'Any level'), value: '' },
            { label: levelText.red, value: 'red' },
            { label: levelText.yellow, value: 'yellow' },
            { label: levelText.green, value: 'green' },
          ]}
        />
        <Segmented
          value={status}
          onChange={(v) => reset(setStatus)(v as string)}
          options={[
            { label: t('待处理', 'Open'), value: 'open' },
            { label: t('已处理', 'Handled'), value: 'handled' },
            { label: t('已排除', 'Dismissed'), value: 'dismissed' },
            { label: t('全部', 'All'), value: '' },
          ]}
        />
        <Checkbox checked={all} onChange={(e) => reset(setAll)(e.target.checked)}>
          {t('含已消除', 'Include cleared')}
        </Checkbox>
      </Space>
      <Table<Finding>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
          showTotal: (n) => t(`共 ${n} 条`, `${n} findings`),
        }}
        columns={[
          {
            title: t('对象', 'Subject'),
            width: 100,
            render: (_, f) =>
              f.subject.kind === 'cadre' ? (
                <a onClick={() => nav(`/cadres/${f.subject.id}`)}>{f.subject.name}</a>
              ) : (
                f.subject.name
              ),
          },
          { title: t('单位', 'Unit'), width: 180, render: (_, f) => f.subject.orgName },
          { title: t('规则', 'Rule'), dataIndex: 'ruleId', width: 80 },
          {
            title: t('等级', 'Level'),
            width: 70,
            render: (_, f) => <Tag color={LEVEL_COLOR[f.level]}>{levelText[f.level]}</Tag>,
          },
          { title: t('情形', 'Finding'), render: (_, f) => (lang === 'en' && f.messageEn ? f.messageEn : f.message) },
          { title: t('首次发现', 'First seen'), dataIndex: 'firstSeenOn', width: 110 },
          {
            title: t('状态', 'Status'),
            width: 150,
            render: (_, f) => (
              <Space direction="vertical" size={0}>
                <Tag color={STATUS_COLOR[f.status]}>{f.statusLabel}</Tag>
                {!f.active && <Tag>{t('已消除', 'Cleared')}</Tag>}
                {f.statusNote && <span style={{ color: '#888' }}>{f.statusNote}</span>}
              </Space>
            ),
          },
          ...(can('cadres.write')
            ? [
                {
                  title: t('操作', 'Action'),
                  width: 150,
                  render: (_: unknown, f: Finding) =>
                    f.status === 'open' && (
                      <Space size={4}>
                        <Button
                          size="small"
                          onClick={() => setMoving({ f, move: 'handle' })}
                          data-testid={`handle-${f.id}`}
                        >
                          {t('已处理', 'Handled')}
                        </Button>
                        <Button size="small" onClick={() => setMoving({ f, move: 'dismiss' })}>
                          {t('排除', 'Dismiss')}
                        </Button>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      <MoveDialog
        moving={moving}
        onClose={() => setMoving(undefined)}
        onDone={() => {
          setMoving(undefined);
          list.reload();
        }}
      />
    </Card>
  );
}

function MoveDialog({
  moving,
  onClose,
  onDone,
}: {
  moving?: { f: Finding; move: Move };
  onClose(): void;
  onDone(): void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const [error, setError] = useState<string | null>(null);
  const handle = moving?.move === 'handle';
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !moving) return;
    try {
      await api('POST', `/api/v1/findings/${moving.f.id}/${moving.move}`, { note: v.note.trim() });
      message.success(handle ? t('已标记为已处理', 'Marked handled') : t('已排除', 'Dismissed'));
      form.resetFields();
      setError(null);
      onDone();
    } catch (e) {
      setError(errorText(e, lang));
    }
  };
  return (
    <Modal
      open={!!moving}
      title={handle ? t('标记已处理', 'Mark handled') : t('排除该预警', 'Dismiss this finding')}
      onCancel={onClose}
      onOk={submit}
      forceRender
      okText={t('确定', 'OK')}
      cancelText={t('取消', 'Cancel')}
      okButtonProps={{ 'data-testid': 'finding-move-ok' }}
    >
      {moving && <p>{lang === 'en' && moving.f.messageEn ? moving.f.messageEn : moving.f.message}</p>}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item
          name="note"
          label={handle ? t('处理情况', 'What was done') : t('排除理由', 'Reason')}
          rules={[
            {
              validator: (_, s?: string) =>
                (s ?? '').trim().length >= 2
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('请写明（至少 2 个字）', 'At least 2 characters'))),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} data-testid="finding-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
