// The public reporting page (M-11): no account. Submit a report, keep the receipt (shown once) and the signed proof;
// later, with the receipt, read the status and replies and add information.
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, List, Segmented, Switch, Tabs, Typography } from 'antd';
import { api } from '../api';
import { errorText, useI18n } from '../i18n';

interface Submitted { receipt: string; number: string; proof: unknown; publicKey: string }
interface Status { number: string; receivedAt: string; status: string; statusZh: string; replies: Array<{ body: string; at: string }> }

function download(name: string, data: unknown) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  a.download = name;
  a.click();
}

function SubmitForm() {
  const { t, lang } = useI18n();
  const [anonymous, setAnonymous] = useState(true);
  const [done, setDone] = useState<Submitted | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { name: string; unit?: string; post?: string; content: string; happened?: string; reporterName?: string; phone?: string }) => {
    setBusy(true); setError(null);
    try {
      setDone(await api<Submitted>('POST', '/api/v1/public/reports', {
        accused: { name: v.name, ...(v.unit ? { unit: v.unit } : {}), ...(v.post ? { post: v.post } : {}) }, content: v.content,
        ...(v.happened ? { happened: v.happened } : {}), anonymous, ...(anonymous ? {} : { reporter: { name: v.reporterName, ...(v.phone ? { phone: v.phone } : {}) } }),
      }));
    } catch (e) { setError(errorText(e, lang)); } finally { setBusy(false); }
  };
  if (done) {
    return (
      <Alert type="success" showIcon data-testid="receipt-box" message={t('举报已提交', 'Your report was received')} description={<>
        <Typography.Paragraph>{t('您的回执码（只显示这一次，请抄写或截图保存；凭它查询进展、补充材料）：', 'Your receipt (shown only once; write it down — you need it to follow up):')}</Typography.Paragraph>
        <Typography.Title level={2} copyable data-testid="receipt">{done.receipt}</Typography.Title>
        <Typography.Paragraph>{t(`受理编号：${done.number}`, `Number: ${done.number}`)}</Typography.Paragraph>
        <Button onClick={() => download(`举报凭证-${done.number}.json`, { proof: done.proof, publicKey: done.publicKey })}>{t('下载提交凭证（含时间和内容摘要的电子签名）', 'Download the signed proof of submission')}</Button>
      </>} />
    );
  }
  return (
    <Form layout="vertical" onFinish={submit} requiredMark>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Typography.Title level={5}>{t('被举报人', 'The person reported')}</Typography.Title>
      <Form.Item name="name" label={t('姓名', 'Name')} rules={[{ required: true, max: 50, message: t('请填写被举报人姓名（50 字以内）', 'Enter the name (up to 50 characters)') }]}><Input /></Form.Item>
      <Form.Item name="unit" label={t('单位', 'Unit')} rules={[{ max: 100 }]}><Input /></Form.Item>
      <Form.Item name="post" label={t('职务', 'Post')} rules={[{ max: 100 }]}><Input /></Form.Item>
      <Form.Item name="content" label={t('反映的问题', 'What happened')} rules={[{ required: true, max: 20000, message: t('请写明反映的问题（2 万字以内）', 'Describe the matter (up to 20,000 characters)') }]}>
        <Input.TextArea rows={6} showCount maxLength={20000} />
      </Form.Item>
      <Form.Item name="happened" label={t('发生时间（可写大概）', 'When (roughly)')} rules={[{ max: 200 }]}><Input /></Form.Item>
      <Form.Item label={t('匿名举报', 'Anonymous')}><Switch checked={anonymous} onChange={setAnonymous} data-testid="anonymous" /></Form.Item>
      {!anonymous && <>
        <Form.Item name="reporterName" label={t('您的姓名', 'Your name')} rules={[{ required: true, max: 50 }]}><Input /></Form.Item>
        <Form.Item name="phone" label={t('联系电话', 'Phone')} rules={[{ pattern: /^[0-9+\-() ]{5,20}$/, message: t('电话号码格式有误', 'Bad phone number') }]}><Input /></Form.Item>
        <Typography.Paragraph type="secondary">{t('实名信息加密保存，只有信访部门经登记理由后方可查看，绝不告知被举报人。', 'Your identity is stored encrypted; only the petition office may see it, with a recorded reason, and never the person reported.')}</Typography.Paragraph>
      </>}
      <Button type="primary" htmlType="submit" loading={busy} data-testid="submit-report">{t('提交', 'Submit')}</Button>
    </Form>
  );
}

function FollowUp() {
  const { t, lang } = useI18n();
  const [receipt, setReceipt] = useState('');
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState(false);
  const look = async (r: string) => {
    setError(null); setStatus(null); setAdded(false);
    try { setReceipt(r); setStatus(await api<Status>('GET', `/api/v1/public/reports/${encodeURIComponent(r.trim())}`)); } catch (e) { setError(errorText(e, lang)); }
  };
  const add = async (v: { content: string }) => {
    try { await api('POST', `/api/v1/public/reports/${encodeURIComponent(receipt.trim())}/additions`, { content: v.content }); setAdded(true); } catch (e) { setError(errorText(e, lang)); }
  };
  return (
    <>
      <Input.Search placeholder={t('16 位回执码', '16-digit receipt')} enterButton={t('查询', 'Look up')} onSearch={look} style={{ maxWidth: 420 }} data-testid="receipt-input" />
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 16 }} />}
      {status && (
        <Card style={{ marginTop: 16 }} data-testid="report-status">
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('受理编号', 'Number')}>{status.number}</Descriptions.Item>
            <Descriptions.Item label={t('提交时间', 'Received')}>{new Date(status.receivedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}</Descriptions.Item>
            <Descriptions.Item label={t('办理状态', 'Status')}>{lang === 'en' ? status.status : status.statusZh}</Descriptions.Item>
          </Descriptions>
          <List header={t('答复', 'Replies')} dataSource={status.replies} locale={{ emptyText: t('暂无答复', 'No reply yet') }}
            renderItem={(r) => <List.Item>{new Date(r.at).toLocaleDateString('zh-CN')}　{r.body}</List.Item>} />
          {added ? <Alert type="success" showIcon message={t('补充材料已提交', 'Added')} /> : (
            <Form layout="vertical" onFinish={add}>
              <Form.Item name="content" label={t('补充材料', 'Add information')} rules={[{ required: true, max: 5000 }]}><Input.TextArea rows={3} maxLength={5000} showCount /></Form.Item>
              <Button htmlType="submit">{t('提交补充', 'Send')}</Button>
            </Form>
          )}
        </Card>
      )}
    </>
  );
}

export function PublicReportPage() {
  const { t, lang, setLang } = useI18n();
  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5', padding: 24 }}>
      <Card style={{ maxWidth: 760, margin: '0 auto' }} title={t('信访举报', 'Report a concern')}
        extra={<Segmented size="small" value={lang} onChange={(v) => setLang(v as 'zh' | 'en')} options={[{ label: '中文', value: 'zh' }, { label: 'EN', value: 'en' }]} />}>
        <Typography.Paragraph type="secondary">{t('无需注册登录。可以匿名，也可以实名；提交后获得回执码，凭回执码查询答复、补充材料。',
          'No account needed. Anonymous or named; you get a receipt to read replies and add information.')}</Typography.Paragraph>
        <Tabs items={[{ key: 'new', label: t('我要举报', 'New report'), children: <SubmitForm /> }, { key: 'follow', label: t('凭回执码查询', 'Follow up'), children: <FollowUp /> }]} />
      </Card>
    </div>
  );
}
