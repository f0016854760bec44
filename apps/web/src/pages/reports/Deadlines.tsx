// The statutory clocks of a report or clue (M-12): due date, met or running, overdue in red; the clue's handling
// period may be extended once, with a reason.
import { useState } from 'react';
import { App, Button, Input, Modal, Table, Tag, Typography } from 'antd';
import { api } from '../../api';
import { errorText, useI18n } from '../../i18n';
import { todayCst, useClueDicts } from './clueDicts';
import type { Deadline } from './types';

export function Deadlines({
  items,
  canExtend,
  onChanged,
}: {
  items: Deadline[];
  canExtend?: boolean;
  onChanged?: () => void;
}) {
  const { t, lang } = useI18n();
  const { dicts, zhen } = useClueDicts();
  const { message, modal } = App.useApp();
  const [extending, setExtending] = useState<Deadline | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const today = todayCst();
  const extend = async () => {
    setBusy(true);
    try {
      await api('POST', `/api/v1/deadlines/${extending!.id}/extend`, { reason });
      message.success(t('已延期', 'Extended'));
      setExtending(null);
      setReason('');
      onChanged?.();
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Table<Deadline>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items}
        data-testid="deadlines"
        locale={{ emptyText: t('暂无办理时限', 'No deadlines') }}
        columns={[
          {
            title: t('时限', 'Deadline'),
            dataIndex: 'kind',
            render: (k, d) => zhen(dicts?.deadlineKinds[k]) || d.label,
          },
          {
            title: t('到期日', 'Due on'),
            dataIndex: 'dueOn',
            render: (v, d) => <Typography.Text type={!d.met && v < today ? 'danger' : undefined}>{v}</Typography.Text>,
          },
          {
            title: t('状态', 'State'),
            render: (_, d) =>
              d.met ? (
                <Tag color="green">{t('已完成', 'Met')}</Tag>
              ) : d.dueOn < today ? (
                <Tag color="red">{t('已逾期', 'Overdue')}</Tag>
              ) : (
                <Tag color="blue">{t('办理中', 'Running')}</Tag>
              ),
          },
          {
            title: t('延期', 'Extension'),
            render: (_, d) =>
              d.extended ? (
                <span>
                  {t('已延期一次', 'Extended once')}
                  {d.extensionReason ? `：${d.extensionReason}` : ''}
                </span>
              ) : canExtend && d.kind === 'disposal' && !d.met ? (
                <Button size="small" onClick={() => setExtending(d)} data-testid="extend">
                  {t('延期', 'Extend')}
                </Button>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <Modal
        open={!!extending}
        title={t('延长办理期限（只能延长一次）', 'Extend the handling period (once only)')}
        onCancel={() => setExtending(null)}
        onOk={() =>
          modal.confirm({
            title: t('确认延长办理期限？', 'Extend the handling period?'),
            content: t(
              '办理期限只能延长一次，确认后不能撤销，也不能再次延期。',
              'The period may be extended once only; this cannot be undone or repeated.',
            ),
            okText: t('确认延期', 'Extend'),
            cancelText: t('再看看', 'Go back'),
            okButtonProps: { 'data-testid': 'confirm-ok' },
            onOk: extend,
          })
        }
        okButtonProps={{ loading: busy, disabled: reason.trim().length < 5 }}
        okText={t('延期', 'Extend')}
        cancelText={t('取消', 'Cancel')}
      >
        <Input.TextArea
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('延期理由（至少 5 个字）', 'Reason (at least 5 characters)')}
        />
      </Modal>
    </>
  );
}
