// 会议记录 (issue 14 §1, M-30): the meetings of the units in view, newest first, by unit; 登记会议 for those who may
// record decisions — the members who should attend come from the unit's leadership team on the meeting's date.
import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, Modal, Select, Space, Table } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { DEFAULT_PAGE_SIZE, MEETING_KINDS, type MeetingRow, type Page, type TeamMember } from '@api';
import { api, get, qs } from '../../api';
import { errorText, useI18n } from '../../i18n';
import { useSession } from '../../session';
import { OrgPicker } from '../../components/OrgPicker';
import { useLoad } from '../../components/useLoad';

export function MeetingsPage() {
  const { t, lang } = useI18n();
  const { can } = useSession();
  const [orgId, setOrgId] = useState<number>();
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const list = useLoad(
    () => get<Page<MeetingRow>>(`/api/v1/meetings${qs({ orgId, page, pageSize: DEFAULT_PAGE_SIZE })}`),
    [orgId, page],
  );
  const name = (l: readonly [string, string]) => (lang === 'en' ? l[1] : l[0]);
  return (
    <Card
      title={t('会议记录（三重一大）', 'Meetings (major matters)')}
      data-testid="meetings"
      extra={
        can('decisions.write') && (
          <Button type="primary" onClick={() => setAdding(true)} data-testid="add-meeting">
            {t('登记会议', 'Record a meeting')}
          </Button>
        )
      }
    >
      <Space style={{ marginBottom: 16 }}>
        <OrgPicker value={orgId} onChange={(v) => (setOrgId(v), setPage(1))} />
      </Space>
      <Table<MeetingRow>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: list.error ? errorText(list.error, lang) : t('暂无会议记录', 'No meetings') }}
        pagination={{ current: page, pageSize: DEFAULT_PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: t('会议日期', 'Date'), render: (_, m) => <Link to={`/meetings/${m.id}`}>{m.heldOn}</Link> },
          { title: t('单位', 'Unit'), dataIndex: 'orgName' },
          { title: t('会议', 'Meeting'), render: (_, m) => name(m.kindLabel) },
          { title: t('主持人', 'Chair'), dataIndex: 'chairName' },
          { title: t('应到 / 实到', 'Expected / present'), render: (_, m) => `${m.expected} / ${m.present}` },
          { title: t('议题', 'Items'), dataIndex: 'items' },
        ]}
      />
      {adding && <MeetingDialog onClose={() => setAdding(false)} />}
    </Card>
  );
}

interface MeetingValues {
  orgId: number;
  kind: string;
  heldOn: { format(f: string): string };
  place: string;
  chairCadreId: number;
  recorder: string;
}

function MeetingDialog({ onClose }: { onClose(): void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const nav = useNavigate();
  const [form] = Form.useForm<MeetingValues>();
  const orgId = Form.useWatch('orgId', form);
  const [busy, setBusy] = useState(false);
  const team = useLoad(
    () => (orgId ? get<{ items: TeamMember[] }>(`/api/v1/orgs/${orgId}/team`) : Promise.resolve({ items: [] })),
    [orgId],
  );
  const save = async (v: MeetingValues) => {
    setBusy(true);
    try {
      const made = await api<{ id: number }>('POST', '/api/v1/meetings', {
        ...v,
        heldOn: v.heldOn.format('YYYY-MM-DD'),
      });
      nav(`/meetings/${made.id}`);
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('登记会议', 'Record a meeting')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
    >
      <Form form={form} layout="vertical" requiredMark={false} onFinish={save} data-testid="meeting-form">
        <Form.Item name="orgId" label={t('单位', 'Unit')} rules={[{ required: true }]}>
          <OrgPicker width="100%" testId="meeting-org" />
        </Form.Item>
        <Form.Item name="kind" label={t('会议类别', 'Kind')} rules={[{ required: true }]}>
          <Select
            data-testid="meeting-kind"
            options={Object.entries(MEETING_KINDS).map(([value, l]) => ({ value, label: lang === 'en' ? l[1] : l[0] }))}
          />
        </Form.Item>
        <Form.Item name="heldOn" label={t('会议日期', 'Date')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="place" label={t('地点', 'Place')} rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="chairCadreId"
          label={t('主持人', 'Chair')}
          extra={t('须是会议当日的班子成员', 'A member of the team on that day')}
          rules={[{ required: true }]}
        >
          <Select
            data-testid="meeting-chair"
            options={(team.data?.items ?? []).map((m) => ({ value: m.cadreId, label: m.name }))}
          />
        </Form.Item>
        <Form.Item name="recorder" label={t('记录人', 'Recorder')} rules={[{ required: true, max: 40 }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
