// 插手干预重大事项记录 (issue 14 §7, M-37, `003` (十二)): whoever was asked to intervene records it — who asked (a leader,
// or a leader's relative, friend or staff), for which leader, when, about what, what was asked, how it was handled.
// Each sees their own records; the organization department and the commission see those of units in scope, never
// the leader named. The commission also enters an intervention found without a record, naming who failed to record.
import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import {
  ASKER_RELATIONS,
  DEFAULT_PAGE_SIZE,
  HANDLINGS,
  INTERFERENCE_AREAS,
  type InterferenceRow,
  type LeaderOption,
  type Page,
} from '@api';
import { api, get, qs } from '../../api';
import { errorText, useI18n } from '../../i18n';
import { useSession } from '../../session';
import { OrgPicker } from '../../components/OrgPicker';
import { useLoad } from '../../components/useLoad';

export function InterferencePage() {
  const { t, lang } = useI18n();
  const [orgId, setOrgId] = useState<number>();
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const list = useLoad(
    () => get<Page<InterferenceRow>>(`/api/v1/interference-records${qs({ orgId, page, pageSize: DEFAULT_PAGE_SIZE })}`),
    [orgId, page],
  );
  const name = (l: readonly [string, string]) => (lang === 'en' ? l[1] : l[0]);
  return (
    <Card
      title={t('插手干预重大事项记录', 'Records of interference')}
      data-testid="interference"
      extra={
        <Button type="primary" onClick={() => setAdding(true)} data-testid="add-interference">
          {t('如实记录', 'Record a request')}
        </Button>
      }
    >
      <Space style={{ marginBottom: 16 }}>
        <OrgPicker value={orgId} onChange={(v) => (setOrgId(v), setPage(1))} />
      </Space>
      <Table<InterferenceRow>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: list.error ? errorText(list.error, lang) : t('暂无记录', 'None') }}
        pagination={{ current: page, pageSize: DEFAULT_PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage }}
        expandable={{
          expandedRowRender: (r) =>
            `${t('请托内容', 'Asked')}：${r.request}${r.handlingNote ? `　${t('处理情况', 'Handling')}：${r.handlingNote}` : ''}`,
        }}
        columns={[
          { title: t('日期', 'Date'), dataIndex: 'askedOn', width: 110 },
          { title: t('单位', 'Unit'), dataIndex: 'orgName' },
          { title: t('受请托人', 'Asked'), dataIndex: 'askedName' },
          {
            title: t('请托人', 'Asker'),
            render: (_, r) => `${r.asker.name}（${name(r.askerRelationLabel)}）`,
          },
          { title: t('所涉领导干部', 'Leader'), render: (_, r) => r.leader.name },
          {
            title: t('事项', 'Matter'),
            render: (_, r) => (
              <Space size={4}>
                <Tag>{name(r.areaLabel)}</Tag>
                {r.matter}
              </Space>
            ),
          },
          {
            title: t('处理', 'Handling'),
            render: (_, r) => (
              <Space size={4} wrap>
                <Tag color={r.handling === 'complied' ? 'red' : 'green'}>{name(r.handlingLabel)}</Tag>
                {r.unrecorded && (
                  <Tag color="volcano">
                    {t(`发现未记录：${r.unrecorded.name}`, `Found unrecorded: ${r.unrecorded.name}`)}
                  </Tag>
                )}
              </Space>
            ),
          },
        ]}
      />
      {adding && (
        <RecordDialog
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
  askedOn: { format(f: string): string };
  [k: string]: unknown;
}

function RecordDialog({ onClose }: { onClose(saved: boolean): void }) {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const orgId = Form.useWatch('orgId', form);
  const relation = Form.useWatch('askerRelation', form);
  const [busy, setBusy] = useState(false);
  const leaders = useLoad(
    () =>
      orgId
        ? get<{ items: LeaderOption[] }>(`/api/v1/interference-records/leaders${qs({ orgId })}`)
        : Promise.resolve({ items: [] }),
    [orgId],
  );
  const opts = (d: Record<string, readonly [string, string]>) =>
    Object.entries(d).map(([value, l]) => ({ value, label: lang === 'en' ? l[1] : l[0] }));
  const leaderOpts = (leaders.data?.items ?? []).map((l) => ({
    value: l.cadreId,
    label: `${l.name}（${l.orgName}${l.title}）`,
  }));
  const save = async (v: Values) => {
    setBusy(true);
    try {
      const body = { ...v, askedOn: v.askedOn.format('YYYY-MM-DD') };
      if (v.askerRelation === 'leader') Object.assign(body, { askerCadreId: v.leaderCadreId, askerName: undefined });
      await api('POST', '/api/v1/interference-records', body);
      message.success(t('已记录', 'Recorded'));
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
      width={640}
      title={t('记录插手干预重大事项', 'Record a request to intervene')}
      onCancel={() => onClose(false)}
      onOk={() => form.submit()}
      confirmLoading={busy}
    >
      <Form form={form} layout="vertical" requiredMark={false} onFinish={save} data-testid="interference-form">
        <Form.Item name="orgId" label={t('本人所在单位', 'Your unit')} rules={[{ required: true }]}>
          <OrgPicker width="100%" testId="interference-org" />
        </Form.Item>
        <Form.Item name="askedOn" label={t('请托日期', 'Date of the request')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="askerRelation" label={t('请托人身份', 'Who asked')} rules={[{ required: true }]}>
          <Select options={opts(ASKER_RELATIONS)} data-testid="interference-relation" />
        </Form.Item>
        <Form.Item name="leaderCadreId" label={t('所涉领导干部', 'The leader concerned')} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" options={leaderOpts} data-testid="interference-leader" />
        </Form.Item>
        {relation !== 'leader' && (
          <Form.Item name="askerName" label={t('请托人姓名及情况', 'The asker')} rules={[{ required: true, max: 50 }]}>
            <Input placeholder={t('如：某某（该领导干部之妻弟）', "e.g. X (the leader's brother-in-law)")} />
          </Form.Item>
        )}
        <Form.Item name="area" label={t('事项类别', 'Area')} rules={[{ required: true }]}>
          <Select options={opts(INTERFERENCE_AREAS)} data-testid="interference-area" />
        </Form.Item>
        <Form.Item name="matter" label={t('事项', 'Matter')} rules={[{ required: true, min: 2, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="request"
          label={t('请托内容', 'What was asked')}
          rules={[{ required: true, min: 2, max: 2000 }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="handling" label={t('处理情况', 'How it was handled')} rules={[{ required: true }]}>
          <Select options={opts(HANDLINGS)} data-testid="interference-handling" />
        </Form.Item>
        <Form.Item name="handlingNote" label={t('处理说明', 'Note')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        {me?.role === 'discipline' && (
          <Form.Item
            name="unrecordedCadreId"
            label={t('发现未记录的受请托人（纪检监察机关填写）', 'Found unrecorded: who should have recorded it')}
          >
            <Select allowClear showSearch optionFilterProp="label" options={leaderOpts} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
