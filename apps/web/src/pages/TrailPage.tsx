// The trail (base of M-35) for auditors: filter by who, what and when; verify the hash chain and see the result.
import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Input, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { api, get, qs } from '../api';
import { errorText, useI18n } from '../i18n';
import { useLoad } from '../components/useLoad';
import { ACTIONS } from '../components/labels';
import { DEFAULT_PAGE_SIZE, type TrailRow as Row, type BreakKind, type TrailVerify as Verify, type Page } from '@api';

// issue 11 §1: what broke, checked against the key and the latest signed checkpoint.
const KINDS: Record<BreakKind, [string, string]> = {
  forged: ['伪造（未用留痕密钥）', 'forged (not made with the trail key)'],
  edited: ['已检查点的记录被改动', 'a checkpointed row was edited'],
  missing: ['记录缺失', 'a row is missing'],
  truncated: ['末尾被截断', 'the end was cut'],
  checkpoint: ['检查点文件有误', 'the checkpoint file is wrong'],
};

export function TrailPage() {
  const { t, lang } = useI18n();
  const [f, setF] = useState<{ actor?: string; action?: string; from?: string; to?: string }>({});
  const [page, setPage] = useState(1);
  const [verify, setVerify] = useState<Verify | { error: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const list = useLoad(
    () => get<Page<Row>>(`/api/v1/trail${qs({ ...f, page, pageSize: DEFAULT_PAGE_SIZE })}`),
    [JSON.stringify(f), page],
  );
  const runVerify = async () => {
    setBusy(true);
    try {
      setVerify(await api<Verify>('POST', '/api/v1/trail/verify'));
    } catch (e) {
      setVerify({ error: errorText(e, lang) });
    } finally {
      setBusy(false);
    }
  };
  const range = (v: [Dayjs | null, Dayjs | null] | null) => {
    setPage(1);
    setF({ ...f, from: v?.[0]?.startOf('day').toISOString(), to: v?.[1]?.endOf('day').toISOString() });
  };

  return (
    <Card
      title={t('操作留痕', 'Trail')}
      extra={
        <Button type="primary" loading={busy} onClick={runVerify} data-testid="verify-trail">
          {t('校验留痕链', 'Verify the chain')}
        </Button>
      }
    >
      {verify &&
        ('error' in verify ? (
          <Alert type="error" showIcon message={verify.error} />
        ) : verify.ok ? (
          <Alert
            type="success"
            showIcon
            data-testid="verify-result"
            message={t(
              `留痕链完整：共 ${verify.rows} 条，未发现改动`,
              `The chain holds: ${verify.rows} rows, nothing altered`,
            )}
            description={`head ${verify.headHash}${verify.checkpointSeq ? t(`，已核对第 ${verify.checkpointSeq} 条的检查点`, `, checked against the checkpoint at row ${verify.checkpointSeq}`) : ''}`}
          />
        ) : (
          <Alert
            type="error"
            showIcon
            data-testid="verify-result"
            message={t(
              `留痕链在第 ${verify.firstBrokenSeq} 条断开：${KINDS[verify.kind][0]}`,
              `The chain breaks at row ${verify.firstBrokenSeq}: ${KINDS[verify.kind][1]}`,
            )}
            description={verify.reason}
          />
        ))}
      <Space wrap style={{ margin: '16px 0' }}>
        <Input.Search
          allowClear
          placeholder={t('操作人（用户名，可输入部分）', 'Who (part of a username)')}
          onSearch={(v) => {
            setPage(1);
            setF({ ...f, actor: v || undefined });
          }}
          style={{ width: 200 }}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('操作类型', 'What')}
          style={{ width: 220 }}
          onChange={(v?: string) => {
            setPage(1);
            setF({ ...f, action: v || undefined });
          }}
          options={Object.entries(ACTIONS).map(([value, [zh, en]]) => ({ value, label: lang === 'en' ? en : zh }))}
        />
        <DatePicker.RangePicker onChange={(v) => range(v as [Dayjs | null, Dayjs | null] | null)} />
      </Space>
      <Table<Row>
        rowKey="seq"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: DEFAULT_PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
          showTotal: (n) => t(`共 ${n} 条`, `${n} rows`),
        }}
        columns={[
          { title: '#', dataIndex: 'seq', width: 80 },
          {
            title: t('时间', 'When'),
            dataIndex: 'at',
            render: (v: string) =>
              new Date(v).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai' }),
          },
          { title: t('操作人', 'Who'), dataIndex: 'actorName' },
          {
            title: t('操作', 'What'),
            dataIndex: 'action',
            render: (v: string) => <span title={v}>{ACTIONS[v]?.[lang === 'en' ? 1 : 0] ?? v}</span>,
          },
          { title: t('对象', 'Entity'), render: (_, r) => `${r.entity}${r.entityId ? ` #${r.entityId}` : ''}` },
          { title: t('地址', 'Address'), dataIndex: 'clientIp' },
          {
            title: t('详情', 'Detail'),
            dataIndex: 'detail',
            render: (v) => (
              <Typography.Text type="secondary" ellipsis style={{ maxWidth: 280 }}>
                {JSON.stringify(v)}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}
