// One agenda item's record (issue 14 §2, §3, M-32, M-33), under its row on the meeting page: the audio, signatures, recusals, opinions in speaking
// order (the principal's entry locked until every other present member has spoken), the candidates of an appointment
// item with their tallies, and the actions while it is open — an opinion, a vote, a candidate, a declared conflict,
// closing it (with an urgent reason when opinions diverge).
import { useState } from 'react';
import { App, Button, Form, Input, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import type { MeetingDetail } from '@api';
import { api } from '../../api';
import { errorText, useI18n } from '../../i18n';
import { CloseDialog, ConflictDialog } from './ItemActions';
import { Candidates } from './Candidates';
import { Signatures } from './Signatures';
import { Completion } from './Completion';
import { RecordFiles } from '../../components/RecordFiles';

type Item = MeetingDetail['items'][number];
type Opinion = Item['opinions'][number];

export const STATUS = {
  open: ['讨论中', 'Open', 'processing'],
  decided: ['已作出决定', 'Decided', 'green'],
  deferred: ['暂缓表决', 'Deferred', 'orange'],
} as const;
const OPINION_COLOR = { agree: 'green', disagree: 'red', reserve: 'gold' } as const;

export function ItemRecord({
  meeting,
  item,
  writable,
  onChange,
}: {
  meeting: MeetingDetail;
  item: Item;
  writable: boolean;
  onChange(): void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<'conflict' | 'close' | null>(null);
  const name = (l: readonly [string, string]) => (lang === 'en' ? l[1] : l[0]);
  const nameOf = (id: number) => meeting.members.find((m) => m.cadreId === id)?.name ?? String(id);
  const open = item.status === 'open' && writable;
  const post = async (path: string, body: unknown, done: string) => {
    try {
      await api('POST', `/api/v1/meeting-items/${item.id}/${path}`, body);
      message.success(done);
      onChange();
      return true;
    } catch (e) {
      message.error(errorText(e, lang));
      return false;
    }
  };
  const locked = item.principal?.locked ?? false;
  const speakers = item.notYetSpoken.map((c) => ({
    value: c,
    disabled: c === item.principal?.cadreId && locked,
    label:
      c === item.principal?.cadreId
        ? `${nameOf(c)}${t('（主要负责人，末位表态）', ' (principal, speaks last)')}`
        : nameOf(c),
  }));
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid={`item-record-${item.seq}`}>
      <Space wrap>
        <Tag color={STATUS[item.status][2]} data-testid={`item-status-${item.seq}`}>
          {t(STATUS[item.status][0], STATUS[item.status][1])}
        </Tag>
        {item.voters != null && (
          <Typography.Text type={item.overDivergence ? 'danger' : 'secondary'}>
            {t(
              `不同意或保留 ${item.dissent}/${item.voters} 人`,
              `${item.dissent} of ${item.voters} disagreed or reserved`,
            )}
            {item.urgentReason && t(`；紧急理由：${item.urgentReason}`, `; urgent reason: ${item.urgentReason}`)}
          </Typography.Text>
        )}
        {item.status === 'open' && locked && (
          <Tag color="blue" data-testid={`principal-locked-${item.seq}`}>
            {t(
              `末位表态：主要负责人须待其他 ${item.notYetSpoken.length - 1} 名到会成员表态后发表意见`,
              `The principal speaks after the other ${item.notYetSpoken.length - 1} present member(s)`,
            )}
          </Tag>
        )}
        {item.recusals.map((r) => (
          <Tag key={r.cadreId} color="purple">
            {t('回避', 'Recused')}：{r.name}（{name(r.reasonLabel)}
            {r.note ? `：${r.note}` : ''}）
          </Tag>
        ))}
      </Space>
      <Table<Opinion>
        rowKey="cadreId"
        size="small"
        pagination={false}
        dataSource={item.opinions}
        locale={{ emptyText: t('尚无成员发表意见', 'No opinions yet') }}
        data-testid={`opinions-${item.seq}`}
        columns={[
          { title: t('发言顺序', 'Order'), dataIndex: 'seq', width: 90 },
          { title: t('成员', 'Member'), dataIndex: 'name', width: 140 },
          {
            title: t('意见', 'Opinion'),
            width: 220,
            render: (_, o) => (
              <Space size={4}>
                <Tag color={OPINION_COLOR[o.opinion]}>{name(o.opinionLabel)}</Tag>
                {o.deemed && <Tag>{t('未表态，视为同意', 'Silent: deemed to agree')}</Tag>}
              </Space>
            ),
          },
          { title: t('理由', 'Reasons'), dataIndex: 'reason', render: (r) => r ?? '—' },
        ]}
      />
      {open && speakers.length > 0 && (
        <OpinionForm speakers={speakers} onSave={(v) => post('opinions', v, t('已登记意见', 'Opinion recorded'))} />
      )}
      <Space align="start" data-testid={`audio-${item.seq}`}>
        <Typography.Text type="secondary">{t('全程录音：', 'Audio: ')}</Typography.Text>
        <RecordFiles
          base={`/api/v1/meeting-items/${item.id}/audio`}
          recordId={item.id}
          files={item.audio}
          canUpload={writable && !meeting.seal}
          onUploaded={onChange}
          accept=".mp3,.aac,.m4a,.mp4,.wav,.ogg,.oga,.opus"
          label={['上传录音', 'Attach audio']}
        />
      </Space>
      <Signatures meeting={meeting} item={item} post={post} />
      <Completion item={item} />
      {item.category === 'appointment' && <Candidates item={item} open={open} nameOf={nameOf} post={post} />}
      {open && (
        <Space>
          <Button onClick={() => setDialog('conflict')} data-testid={`declare-conflict-${item.seq}`}>
            {t('申明回避', 'Declare a conflict')}
          </Button>
          <Button type="primary" onClick={() => setDialog('close')} data-testid={`close-item-${item.seq}`}>
            {t('结束议题', 'Close the item')}
          </Button>
        </Space>
      )}
      {dialog === 'conflict' && (
        <ConflictDialog
          members={meeting.members.filter((m) => !item.recusals.some((r) => r.cadreId === m.cadreId))}
          onSave={(v) => post('conflicts', v, t('已登记回避', 'Recusal recorded'))}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'close' && (
        <CloseDialog
          item={item}
          onSave={(v) => post('close', v, t('议题已结束', 'Item closed'))}
          onClose={() => setDialog(null)}
        />
      )}
    </Space>
  );
}

function OpinionForm({
  speakers,
  onSave,
}: {
  speakers: Array<{ value: number; label: string; disabled: boolean }>;
  onSave(v: Record<string, unknown>): Promise<boolean>;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const opinion = Form.useWatch('opinion', form);
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={{ opinion: 'agree' }}
      onFinish={async (v) => (await onSave(v)) && form.resetFields()}
      data-testid="opinion-form"
    >
      <Form.Item name="cadreId" rules={[{ required: true, message: t('请选择成员', 'Choose a member') }]}>
        <Select
          style={{ width: 260 }}
          placeholder={t('发言成员', 'Member speaking')}
          options={speakers}
          data-testid="opinion-member"
        />
      </Form.Item>
      <Form.Item name="opinion">
        <Radio.Group>
          <Radio value="agree">{t('同意', 'Agree')}</Radio>
          <Radio value="disagree">{t('不同意', 'Disagree')}</Radio>
          <Radio value="reserve">{t('保留', 'Reserve')}</Radio>
        </Radio.Group>
      </Form.Item>
      {opinion !== 'agree' && (
        <Form.Item name="reason" rules={[{ required: true, min: 2, message: t('须写明理由', 'Reasons are required') }]}>
          <Input style={{ width: 280 }} placeholder={t('理由', 'Reasons')} maxLength={1000} />
        </Form.Item>
      )}
      <Button htmlType="submit" data-testid="opinion-save">
        {t('登记意见', 'Record')}
      </Button>
    </Form>
  );
}
