// Triage of one report (M-12, M-13): accept it as a clue, decline it with a reason, reply to the reporter, and —
// the petition role only — reveal the reporter with a recorded reason.
import { useState } from 'react';
import { Alert, App, Button, Descriptions, Form, Input, Modal, Radio, Select, Space } from 'antd';
import { api } from '../../api';
import { errorText, useI18n } from '../../i18n';
import { useSession } from '../../session';
import { OrgPicker } from '../../components/OrgPicker';
import { useClueDicts } from './clueDicts';
import type { ReportDetail } from './types';
import type { Reporter } from '@api';

type Dialog = 'accept' | 'decline' | 'reply' | 'reveal' | null;

export function ReportActions({ report, onChanged }: { report: ReportDetail; onChanged(): void }) {
  const { t, lang } = useI18n();
  const { can } = useSession();
  const { message, modal } = App.useApp();
  const { dicts, opts } = useClueDicts();
  const [open, setOpen] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The revealed identity lives only while its dialog is open (closing clears it), never in the page's data.
  const [reporter, setReporter] = useState<Reporter | null>(null);
  const [form] = Form.useForm();
  const mode = Form.useWatch('handlingMode', form);
  const close = () => {
    setOpen(null);
    setError(null);
    setReporter(null);
    form.resetFields();
  };
  const show = (d: Dialog) => {
    form.resetFields();
    setError(null);
    setOpen(d);
  };

  const send = async (fn: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      message.success(done);
      close();
      onChanged();
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  const submit = async () => {
    // An empty submit only shows the field messages: the rejected validation is not an error.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    if (open === 'accept') {
      const down = v.handlingMode === 'transfer' || v.handlingMode === 'assign';
      await send(
        () =>
          api('POST', `/api/v1/reports/${report.id}/accept`, {
            problemType: v.problemType,
            summary: v.summary,
            handlingMode: v.handlingMode,
            ...(down ? { handlingOrgId: v.handlingOrgId } : {}),
          }),
        t('已转为问题线索', 'Accepted as a clue'),
      );
    } else if (open === 'decline') {
      modal.confirm({
        title: t('确认不予受理？', 'Decline this report?'),
        content: t(
          '不予受理后，本举报件不再转为问题线索办理，理由记入操作留痕。此操作不能撤销。',
          'The report will not become a clue; the reason is recorded in the trail. This cannot be undone.',
        ),
        okText: t('不予受理', 'Decline'),
        cancelText: t('再看看', 'Go back'),
        okButtonProps: { danger: true, 'data-testid': 'confirm-ok' },
        onOk: () =>
          send(
            () => api('POST', `/api/v1/reports/${report.id}/decline`, { reason: v.reason }),
            t('已作不予受理', 'Declined'),
          ),
      });
    } else if (open === 'reply') {
      await send(
        () => api('POST', `/api/v1/reports/${report.id}/replies`, { body: v.body }),
        t('答复已发出', 'Reply sent'),
      );
    } else if (open === 'reveal') {
      setBusy(true);
      setError(null);
      try {
        setReporter(await api<Reporter>('POST', `/api/v1/reports/${report.id}/reveal`, { reason: v.reason }));
      } catch (e) {
        setError(errorText(e, lang));
      } finally {
        setBusy(false);
      }
    }
  };

  const triage = report.status === 'received' && can('reports.write');
  const titles: Record<Exclude<Dialog, null>, string> = {
    accept: t('转为问题线索', 'Accept as a clue'),
    decline: t('不予受理', 'Decline'),
    reply: t('答复举报人', 'Reply to the reporter'),
    reveal: t('查看举报人', 'Reveal the reporter'),
  };
  return (
    <>
      <Space wrap>
        {triage && (
          <Button type="primary" onClick={() => show('accept')} data-testid="accept-report">
            {titles.accept}
          </Button>
        )}
        {triage && (
          <Button danger onClick={() => show('decline')} data-testid="decline-report">
            {titles.decline}
          </Button>
        )}
        {can('reports.write') && (
          <Button onClick={() => show('reply')} data-testid="reply-report">
            {titles.reply}
          </Button>
        )}
        {can('reports.reveal') && report.hasReporterContact && (
          <Button onClick={() => show('reveal')} data-testid="reveal-reporter">
            {titles.reveal}
          </Button>
        )}
      </Space>
      <Modal
        open={!!open}
        title={open ? titles[open] : ''}
        onCancel={close}
        forceRender
        width={620}
        footer={
          reporter ? (
            <Button onClick={close} data-testid="reporter-close">
              {t('关闭', 'Close')}
            </Button>
          ) : undefined
        }
        onOk={submit}
        okButtonProps={{ loading: busy, 'data-testid': 'dialog-ok' }}
        okText={t('确定', 'OK')}
        cancelText={t('取消', 'Cancel')}
      >
        {error && (
          <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="dialog-error" />
        )}
        {reporter ? (
          <Descriptions bordered size="small" column={1} data-testid="reporter">
            <Descriptions.Item label={t('姓名', 'Name')}>{reporter.name}</Descriptions.Item>
            <Descriptions.Item label={t('联系电话', 'Phone')}>{reporter.phone ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('地址', 'Address')}>{reporter.address ?? '—'}</Descriptions.Item>
          </Descriptions>
        ) : (
          <Form form={form} layout="vertical" initialValues={{ handlingMode: 'self' }}>
            {open === 'accept' && (
              <>
                <Form.Item
                  name="problemType"
                  label={t('问题类别', 'Problem type')}
                  rules={[{ required: true, message: t('请选择问题类别', 'Choose a type') }]}
                >
                  <Select options={opts(dicts?.problemTypes)} data-testid="problem-type" />
                </Form.Item>
                <Form.Item
                  name="summary"
                  label={t('线索摘要', 'Summary')}
                  rules={[
                    { required: true, min: 4, message: t('请写明线索摘要（至少 4 个字）', 'At least 4 characters') },
                  ]}
                >
                  <Input.TextArea rows={3} maxLength={2000} showCount data-testid="clue-summary" />
                </Form.Item>
                <Form.Item name="handlingMode" label={t('办理方式', 'Handling')} rules={[{ required: true }]}>
                  <Radio.Group options={opts(dicts?.handlingModes).map((o) => ({ ...o, label: o.label }))} />
                </Form.Item>
                {(mode === 'transfer' || mode === 'assign') && (
                  <Form.Item
                    name="handlingOrgId"
                    label={t('承办单位（主管单位的下级单位）', 'Handling unit (under the competent unit)')}
                    rules={[{ required: true, message: t('请选择承办单位', 'Choose the unit') }]}
                  >
                    <OrgPicker
                      rootId={report.competentOrgId}
                      value={form.getFieldValue('handlingOrgId')}
                      onChange={(id) => form.setFieldValue('handlingOrgId', id)}
                      width={420}
                    />
                  </Form.Item>
                )}
              </>
            )}
            {open === 'decline' && (
              <Form.Item
                name="reason"
                label={t('不予受理的理由', 'Reason')}
                rules={[{ required: true, min: 4, message: t('请写明理由（至少 4 个字）', 'At least 4 characters') }]}
              >
                <Input.TextArea rows={4} maxLength={1000} showCount />
              </Form.Item>
            )}
            {open === 'reply' && (
              <Form.Item
                name="body"
                label={t('答复内容（举报人凭回执码可见）', 'Reply (the reporter reads it with the receipt)')}
                rules={[{ required: true, message: t('请填写答复内容', 'Write the reply') }]}
              >
                <Input.TextArea rows={4} maxLength={5000} showCount data-testid="reply-body" />
              </Form.Item>
            )}
            {open === 'reveal' && (
              <>
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 12 }}
                  message={t(
                    '查看举报人信息将连同理由记入操作留痕。',
                    'Revealing is recorded in the trail with your reason.',
                  )}
                />
                <Form.Item
                  name="reason"
                  label={t('查看理由', 'Reason')}
                  rules={[
                    { required: true, min: 5, message: t('请写明查看理由（至少 5 个字）', 'At least 5 characters') },
                  ]}
                >
                  <Input.TextArea rows={3} maxLength={500} showCount />
                </Form.Item>
              </>
            )}
          </Form>
        )}
      </Modal>
    </>
  );
}
