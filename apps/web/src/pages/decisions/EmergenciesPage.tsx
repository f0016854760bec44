// 临时决策 (issue 14 §4, M-34): decisions a body took without meeting, written down afterwards with the reason — late
// when written more than the set days (calendar days, 3 by default) after — and whether and where each was reported
// (通报) at the body's next meeting. 补记 for those who may record decisions.
import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { DEFAULT_PAGE_SIZE, ITEM_CATEGORIES, MEETING_KINDS, type EmergencyRow, type Page, type TeamMember } from '@api';
import { api, get, qs } from '../../api';
import { errorText, useI18n } from '../../i18n';
import { useSession } from '../../session';
import { OrgPicker } from '../../components/OrgPicker';
import { useLoad } from '../../components/useLoad';
import { beijingTime } from '../../time';
import { SignDialog } from '../../components/SignDialog';

export function EmergenciesPage() {
  const { t, lang } = useI18n();
  const { can, me } = useSession();
  const { message } = App.useApp();
  const [orgId, setOrgId] = useState<number>();
  const [signing, setSigning] = useState<EmergencyRow>();
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const list = useLoad(
    () => get<Page<EmergencyRow>>(`/api/v1/emergency-decisions${qs({ orgId, page, pageSize: DEFAULT_PAGE_SIZE })}`),
    [orgId, page],
  );
  const name = (l: readonly [string, string]) => (lang === 'en' ? l[1] : l[0]);
  return (
    <Card
      title={t('临时决策（事后补记）', 'Emergency decisions (recorded afterwards)')}
      data-testid="emergencies"
      extra={
        can('decisions.write') && (
          <Button type="primary" onClick={() => setAdding(true)} data-testid="add-emergency">
            {t('补记临时决策', 'Record one')}
          </Button>
        )
      }
    >
      <Space style={{ marginBottom: 16 }}>
        <OrgPicker
          value={orgId}
          onChange={(v) => {
            setOrgId(v);
            setPage(1);
          }}
        />
      </Space>
      <Table<EmergencyRow>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: list.error ? errorText(list.error, lang) : t('暂无临时决策', 'None') }}
        pagination={{ current: page, pageSize: DEFAULT_PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage }}
        expandable={{
          expandedRowRender: (e) => `${t('理由', 'Reason')}：${e.reason}　${t('内容', 'Content')}：${e.content}`,
        }}
        columns={[
          { title: t('决策日期', 'Decided'), dataIndex: 'decidedOn', width: 110 },
          { title: t('单位', 'Unit'), dataIndex: 'orgName' },
          { title: t('会议', 'Body'), render: (_, e) => name(e.kindLabel) },
          { title: t('事项', 'Matter'), dataIndex: 'title' },
          { title: t('类别', 'Category'), render: (_, e) => <Tag>{name(e.categoryLabel)}</Tag> },
          { title: t('提议人', 'Proposer'), dataIndex: 'proposerName' },
          {
            title: t('提议人签名', "Proposer's signature"),
            render: (_, e) =>
              e.signed ? (
                <Tag color="green">
                  {t(`已签名 ${beijingTime(e.signed.signedAt)}`, `Signed ${beijingTime(e.signed.signedAt)}`)}
                </Tag>
              ) : e.proposerCadreId === me?.cadreId && can('decisions.sign') ? (
                <Button
                  size="small"
                  type="primary"
                  onClick={() => setSigning(e)}
                  data-testid={`sign-emergency-${e.id}`}
                >
                  {t('本人签名', 'Sign')}
                </Button>
              ) : (
                <Tag>{t('未签名', 'Not signed')}</Tag>
              ),
          },
          {
            title: t('补记日期', 'Recorded'),
            render: (_, e) => (
              <Space size={4}>
                {e.recordedOn}
                {e.late && <Tag color="red">{t('补记超期', 'Late')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('通报', 'Reported'),
            render: (_, e) =>
              e.reported ? (
                <Link to={`/meetings/${e.reported.meetingId}`}>
                  {t(`已在 ${e.reported.heldOn} 会议上通报`, `At the meeting of ${e.reported.heldOn}`)}
                </Link>
              ) : (
                <Tag color="orange">{t('待下次会议通报', 'To report at the next meeting')}</Tag>
              ),
          },
        ]}
      />
      {signing && (
        <SignDialog
          title={signing.title}
          onClose={() => setSigning(undefined)}
          onSave={async (v) => {
            try {
              await api('POST', `/api/v1/emergency-decisions/${signing.id}/sign`, v);
              message.success(t('已签名', 'Signed'));
              list.reload();
              return true;
            } catch (e) {
              message.error(errorText(e, lang));
              return false;
            }
          }}
        />
      )}
      {adding && (
        <EmergencyDialog
          onClose={(saved) => {
            setAdding(false);
            if (saved) list.reload();
          }}
        />
      )}
    </Card>
  );
}

interface Values {
  orgId: number;
  kind: string;
  decidedOn: { format(f: string): string };
  title: string;
  category: string;
  reason: string;
  content: string;
  proposerCadreId: number;
}

function EmergencyDialog({ onClose }: { onClose(saved: boolean): void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const orgId = Form.useWatch('orgId', form);
  const [busy, setBusy] = useState(false);
  const team = useLoad(
    () => (orgId ? get<{ items: TeamMember[] }>(`/api/v1/orgs/${orgId}/team`) : Promise.resolve({ items: [] })),
    [orgId],
  );
  const opts = (d: Record<string, readonly [string, string]>) =>
    Object.entries(d).map(([value, l]) => ({ value, label: lang === 'en' ? l[1] : l[0] }));
  const save = async (v: Values) => {
    setBusy(true);
    try {
      const made = await api<{ late: boolean }>('POST', '/api/v1/emergency-decisions', {
        ...v,
        decidedOn: v.decidedOn.format('YYYY-MM-DD'),
      });
      if (made.late) message.warning(t('已补记，但已超过补记期限', 'Recorded, but later than allowed'));
      else message.success(t('已补记', 'Recorded'));
      onClose(true);
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('补记临时决策', 'Record an emergency decision')}
      onCancel={() => onClose(false)}
      onOk={() => form.submit()}
      confirmLoading={busy}
    >
      <Form form={form} layout="vertical" requiredMark={false} onFinish={save} data-testid="emergency-form">
        <Form.Item name="orgId" label={t('单位', 'Unit')} rules={[{ required: true }]}>
          <OrgPicker width="100%" testId="emergency-org" />
        </Form.Item>
        <Form.Item name="kind" label={t('本应提交的会议', 'Body that would have decided')} rules={[{ required: true }]}>
          <Select options={opts(MEETING_KINDS)} data-testid="emergency-kind" />
        </Form.Item>
        <Form.Item
          name="decidedOn"
          label={t('决策日期', 'Decided on')}
          extra={t('决策后 3 日内书面补记（自然日）', 'Record within 3 calendar days')}
          rules={[{ required: true }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="title" label={t('事项', 'Matter')} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="category" label={t('类别', 'Category')} rules={[{ required: true }]}>
          <Select options={opts(ITEM_CATEGORIES)} data-testid="emergency-category" />
        </Form.Item>
        <Form.Item name="proposerCadreId" label={t('提议人', 'Proposer')} rules={[{ required: true }]}>
          <Select
            options={(team.data?.items ?? []).map((m) => ({ value: m.cadreId, label: m.name }))}
            data-testid="emergency-proposer"
          />
        </Form.Item>
        <Form.Item name="reason" label={t('紧急理由', 'Why it could not wait')} rules={[{ required: true, min: 2 }]}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item name="content" label={t('决策内容', 'What was decided')} rules={[{ required: true, min: 2 }]}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
