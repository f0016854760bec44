// 我的个人事项报告 (issue 15 §1, M-40): the signed-in cadre's own reports — the annual report of last year (due by
// 31 January), event reports within 30 days of the event — each opened below to fill in, sign and submit.
import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ItemForms, PersonalReportRow, PersonalReports } from '@api';
import { api, get } from '../../api';
import { errorText, useI18n } from '../../i18n';
import { useLoad } from '../../components/useLoad';
import { ReportEditor } from './ReportEditor';

export function MyPersonalPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const list = useLoad(() => get<PersonalReports>('/api/v1/personal-reports'), []);
  const forms = useLoad(() => get<ItemForms>('/api/v1/personal-reports/forms'), []);
  const [open, setOpen] = useState<number>();
  const [adding, setAdding] = useState<'annual' | 'event'>();
  const [form] = Form.useForm<{ year: number; eventKind: string; eventOn: Dayjs }>();
  const eventLabel = (k: string | null) => {
    const e = forms.data?.eventKinds.find((x) => x.value === k);
    return e ? (lang === 'en' ? e.label[1] : e.label[0]) : '';
  };
  const create = async (v: { year: number; eventKind: string; eventOn: Dayjs }) => {
    const body =
      adding === 'annual'
        ? { kind: 'annual', year: v.year }
        : { kind: 'event', eventKind: v.eventKind, eventOn: v.eventOn.format('YYYY-MM-DD') };
    try {
      const made = await api<{ id: number }>('POST', '/api/v1/personal-reports', body);
      setAdding(undefined);
      list.reload();
      setOpen(made.id);
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        title={t('我的个人有关事项报告', 'My personal matters reports')}
        data-testid="my-personal"
        extra={
          <Space>
            <Button type="primary" onClick={() => setAdding('annual')} data-testid="new-annual">
              {t('填报年度报告', 'Annual report')}
            </Button>
            <Button onClick={() => setAdding('event')} data-testid="new-event">
              {t('报告重大事项', 'Report an event')}
            </Button>
          </Space>
        }
      >
        <Table<PersonalReportRow>
          rowKey="id"
          size="small"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: list.error ? errorText(list.error, lang) : t('尚未填报', 'None yet') }}
          onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: t('报告', 'Report'),
              render: (_, r) =>
                r.kind === 'annual'
                  ? t(`${r.year} 年度报告`, `Annual ${r.year}`)
                  : `${t('事项报告', 'Event')}：${eventLabel(r.eventKind)}（${r.eventOn}）`,
            },
            { title: t('版本', 'Version'), dataIndex: 'version', width: 70 },
            { title: t('应报日期', 'Due'), dataIndex: 'dueOn', width: 120 },
            {
              title: t('状态', 'Status'),
              width: 200,
              render: (_, r) =>
                r.status === 'draft' ? (
                  <Tag>{t('草稿', 'Draft')}</Tag>
                ) : (
                  <Space size={4}>
                    <Tag color="green">{t(`${r.submittedOn} 已提交`, `Submitted ${r.submittedOn}`)}</Tag>
                    {r.late && <Tag color="red">{t('逾期', 'Late')}</Tag>}
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      {open && (
        <Card title={t('报告内容', 'The report')}>
          <ReportEditor
            id={open}
            onChanged={list.reload}
            onOpen={(id) => {
              list.reload();
              setOpen(id);
            }}
          />
        </Card>
      )}
      {adding && (
        <Modal
          open
          title={adding === 'annual' ? t('填报年度报告', 'Annual report') : t('报告重大事项', 'Report an event')}
          onCancel={() => setAdding(undefined)}
          onOk={() => form.submit()}
          okButtonProps={{ 'data-testid': 'new-report-ok' } as never}
        >
          <Form
            form={form}
            layout="vertical"
            onFinish={create}
            initialValues={{ year: new Date().getFullYear() - 1 }}
            preserve={false}
          >
            {adding === 'annual' ? (
              <Form.Item
                name="year"
                label={t('报告年度（截至 12 月 31 日的情况）', 'Year (as on 31 December)')}
                rules={[{ required: true }]}
              >
                <InputNumber min={2000} max={2100} />
              </Form.Item>
            ) : (
              <>
                <Form.Item name="eventKind" label={t('事项', 'Event')} rules={[{ required: true }]}>
                  <Select
                    options={(forms.data?.eventKinds ?? []).map((e) => ({
                      value: e.value,
                      label: lang === 'en' ? e.label[1] : e.label[0],
                    }))}
                  />
                </Form.Item>
                <Form.Item
                  name="eventOn"
                  label={t('发生日期', 'Date of the event')}
                  extra={t('事后 30 日内报告', 'Report within 30 days')}
                  rules={[{ required: true }]}
                >
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </>
            )}
          </Form>
        </Modal>
      )}
    </Space>
  );
}
