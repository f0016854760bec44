// The public reporting page (M-11): no account. Submit a report, keep the receipt (shown once) and the signed proof;
// later, with the receipt, read the status and replies, add information and attach files (M-10, M-11).
import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  List,
  Segmented,
  Switch,
  Tabs,
  Typography,
  Upload,
} from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { api, ApiError } from '../api';
import { errorText, useI18n } from '../i18n';
import type { Submitted, PublicStatus as Status, Uploaded } from '@api';
import { beijingTime } from '../time';

// The server's limits (attachments.service.ts); it checks them again, and reads the type from the content.
const MAX_FILES = 5;
const MAX_MB = 10;
const EXTENSIONS = ['jpg', 'jpeg', 'png', 'pdf', 'docx', 'xlsx'];
const sizeText = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;

/** One file per request, the file itself as the body (no multipart); the receipt and the file's name (percent-encoded)
 * in headers, never in the URL, which logs and proxies keep (issue 11 §5, issue 12 §3). */
async function sendFile(receipt: string, file: File): Promise<Uploaded> {
  const res = await fetch('/api/v1/public/reports/attachments', {
    method: 'POST',
    headers: {
      'content-type': 'application/octet-stream',
      'x-receipt': receipt.trim(),
      'x-file-name': encodeURIComponent(file.name),
    },
    body: file,
  });
  let data: { error?: { code?: string; messageZh?: string; messageEn?: string } } & Partial<Uploaded> = {};
  try {
    data = JSON.parse(await res.text());
  } catch {
    /* a proxy's HTML error page: fall back to the status below */
  }
  if (!res.ok) {
    const e = data.error ?? {};
    throw new ApiError(
      res.status,
      e.code ?? 'HTTP',
      e.messageZh ?? (res.status === 413 ? `文件过大（单个不超过 ${MAX_MB} MB）` : `上传失败（${res.status}）`),
      e.messageEn ?? `Upload failed (${res.status})`,
    );
  }
  return data as Uploaded;
}

/** `already`: the server's count when the panel opened; each upload reports the server's new count to `onUploaded`. */
function Attachments({
  receipt,
  already = 0,
  onUploaded,
}: {
  receipt: string;
  already?: number;
  onUploaded?(count: number): void;
}) {
  const { t, lang } = useI18n();
  const [done, setDone] = useState<Uploaded[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const count = already + done.length;
  // Files go one after another, so the count the server keeps and the one shown here agree.
  const sendAll = async (files: File[]) => {
    setBusy(true);
    setErrors([]);
    let n = count;
    const problems: string[] = [];
    for (const f of files) {
      const ext = f.name.includes('.') ? f.name.split('.').pop()!.toLowerCase() : '';
      const local =
        n >= MAX_FILES
          ? t(`每件举报最多 ${MAX_FILES} 个附件，已达上限`, `At most ${MAX_FILES} files per report`)
          : f.size === 0
            ? t('文件是空的', 'The file is empty')
            : f.size > MAX_MB * 1024 * 1024
              ? t(
                  `文件过大（${sizeText(f.size)}），单个不能超过 ${MAX_MB} MB`,
                  `Too large (${sizeText(f.size)}); at most ${MAX_MB} MB`,
                )
              : !EXTENSIONS.includes(ext)
                ? t(
                    '不支持的文件类型，只接受 JPEG、PNG、PDF、Word（.docx）、Excel（.xlsx）',
                    'Unsupported type; JPEG, PNG, PDF, DOCX or XLSX only',
                  )
                : null;
      if (local) {
        problems.push(`${f.name}：${local}`);
        continue;
      }
      try {
        const u = await sendFile(receipt, f);
        setDone((d) => [...d, u]);
        n += 1;
        onUploaded?.(u.count ?? n);
      } catch (e) {
        problems.push(`${f.name}：${errorText(e, lang)}`);
      }
    }
    setErrors(problems);
    setBusy(false);
  };
  return (
    <div style={{ marginTop: 16 }} data-testid="attachments">
      <Typography.Title level={5}>{t('上传证据材料（可选）', 'Attach files (optional)')}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {t(
          `最多 ${MAX_FILES} 个文件，每个不超过 ${MAX_MB} MB；只接受 JPEG、PNG 图片和 PDF、Word（.docx）、Excel（.xlsx）文件。系统按文件内容核对类型，改了扩展名的文件会被拒收。附件加密保存。`,
          `Up to ${MAX_FILES} files of at most ${MAX_MB} MB each: JPEG, PNG, PDF, Word (.docx), Excel (.xlsx). The type is checked from the content; renamed files are refused. Files are stored encrypted.`,
        )}
      </Typography.Paragraph>
      <Upload
        multiple
        accept={EXTENSIONS.map((e) => `.${e}`).join(',')}
        showUploadList={false}
        disabled={busy || count >= MAX_FILES}
        beforeUpload={(f, list) => {
          if (f.uid === list[0].uid) void sendAll(list);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy} disabled={count >= MAX_FILES} data-testid="attachment-input">
          {count >= MAX_FILES
            ? t('附件已达上限', 'Limit reached')
            : t(`选择文件（还可上传 ${MAX_FILES - count} 个）`, `Choose files (${MAX_FILES - count} left)`)}
        </Button>
      </Upload>
      {errors.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="attachment-error"
          message={t('以下文件未能上传', 'These files were not accepted')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          }
        />
      )}
      {done.length > 0 && (
        <List
          size="small"
          style={{ marginTop: 12 }}
          data-testid="attachment-list"
          dataSource={done}
          renderItem={(u) => (
            <List.Item>
              {t('已上传', 'Uploaded')}：{u.name}（{sizeText(u.size)}）
            </List.Item>
          )}
        />
      )}
    </div>
  );
}

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
  const submit = async (v: {
    name: string;
    unit?: string;
    post?: string;
    content: string;
    happened?: string;
    reporterName?: string;
    phone?: string;
    address?: string;
  }) => {
    setBusy(true);
    setError(null);
    try {
      setDone(
        await api<Submitted>('POST', '/api/v1/public/reports', {
          accused: { name: v.name, ...(v.unit ? { unit: v.unit } : {}), ...(v.post ? { post: v.post } : {}) },
          content: v.content,
          ...(v.happened ? { happened: v.happened } : {}),
          anonymous,
          ...(anonymous
            ? {}
            : {
                reporter: {
                  name: v.reporterName,
                  ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
                  ...(v.address?.trim() ? { address: v.address.trim() } : {}),
                },
              }),
        }),
      );
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  if (done) {
    return (
      <>
        <Alert
          type="success"
          showIcon
          data-testid="receipt-box"
          message={t('举报已提交', 'Your report was received')}
          description={
            <>
              <Typography.Paragraph>
                {t(
                  '您的回执码（只显示这一次，请抄写或截图保存；凭它查询进展、补充材料）：',
                  'Your receipt (shown only once; write it down — you need it to follow up):',
                )}
              </Typography.Paragraph>
              <Typography.Title level={2} copyable data-testid="receipt">
                {done.receipt}
              </Typography.Title>
              <Typography.Paragraph>{t(`受理编号：${done.number}`, `Number: ${done.number}`)}</Typography.Paragraph>
              <Button
                onClick={() =>
                  download(`举报凭证-${done.number}.json`, { proof: done.proof, publicKey: done.publicKey })
                }
              >
                {t('下载提交凭证（含时间和内容摘要的电子签名）', 'Download the signed proof of submission')}
              </Button>
            </>
          }
        />
        <Attachments receipt={done.receipt} />
      </>
    );
  }
  return (
    <Form layout="vertical" onFinish={submit} requiredMark>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Typography.Title level={5}>{t('被举报人', 'The person reported')}</Typography.Title>
      <Form.Item
        name="name"
        label={t('姓名', 'Name')}
        rules={[
          {
            required: true,
            max: 50,
            message: t('请填写被举报人姓名（50 字以内）', 'Enter the name (up to 50 characters)'),
          },
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="unit" label={t('单位', 'Unit')} rules={[{ max: 100 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="post" label={t('职务', 'Post')} rules={[{ max: 100 }]}>
        <Input />
      </Form.Item>
      <Form.Item
        name="content"
        label={t('反映的问题', 'What happened')}
        rules={[
          {
            required: true,
            max: 20000,
            message: t('请写明反映的问题（2 万字以内）', 'Describe the matter (up to 20,000 characters)'),
          },
        ]}
      >
        <Input.TextArea rows={6} showCount maxLength={20000} />
      </Form.Item>
      <Form.Item name="happened" label={t('发生时间（可写大概）', 'When (roughly)')} rules={[{ max: 200 }]}>
        <Input />
      </Form.Item>
      <Form.Item label={t('匿名举报', 'Anonymous')}>
        <Switch checked={anonymous} onChange={setAnonymous} data-testid="anonymous" />
      </Form.Item>
      {!anonymous && (
        <>
          <Form.Item name="reporterName" label={t('您的姓名', 'Your name')} rules={[{ required: true, max: 50 }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('联系电话', 'Phone')}
            dependencies={['address']}
            rules={[
              { pattern: /^[0-9+\-() ]{5,20}$/, message: t('电话号码格式有误', 'Bad phone number') },
              ({ getFieldValue }) => ({
                validator: (_, v) =>
                  v?.trim() || getFieldValue('address')?.trim()
                    ? Promise.resolve()
                    : Promise.reject(
                        new Error(
                          t(
                            '实名举报请至少留下联系电话或通信地址之一，以便答复',
                            'A named report needs a phone or an address for the reply',
                          ),
                        ),
                      ),
              }),
            ]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="address" label={t('通信地址', 'Address')} rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
          <Typography.Paragraph type="secondary">
            {t(
              '实名信息加密保存，只有信访部门经登记理由后方可查看，绝不告知被举报人。',
              'Your identity is stored encrypted; only the petition office may see it, with a recorded reason, and never the person reported.',
            )}
          </Typography.Paragraph>
        </>
      )}
      <Button type="primary" htmlType="submit" loading={busy} data-testid="submit-report">
        {t('提交', 'Submit')}
      </Button>
    </Form>
  );
}

function FollowUp() {
  const { t, lang } = useI18n();
  const [receipt, setReceipt] = useState('');
  const [status, setStatus] = useState<Status | null>(null);
  // The count when the receipt was looked up: the upload panel counts on from it (the status line follows each upload).
  const [opened, setOpened] = useState({ n: 0, at: 0 });
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState(false);
  const [form] = Form.useForm<{ content: string }>();
  // The receipt goes in the body, never in the URL (issue 11 §5).
  const fetchStatus = (r: string) => api<Status>('POST', '/api/v1/public/reports/status', { receipt: r.trim() });
  const look = async (r: string) => {
    setError(null);
    setStatus(null);
    setAdded(false);
    try {
      setReceipt(r);
      const s = await fetchStatus(r);
      setStatus(s);
      setOpened({ n: s.attachmentCount, at: Date.now() });
    } catch (e) {
      setError(errorText(e, lang));
    }
  };
  const add = async (v: { content: string }) => {
    try {
      await api('POST', '/api/v1/public/reports/additions', { receipt: receipt.trim(), content: v.content });
      setAdded(true);
      form.resetFields();
      // Read the status again so the addition shows under 我补充的材料; the upload panel keeps its list.
      const s = await fetchStatus(receipt);
      setStatus((old) => (old ? { ...s, attachmentCount: Math.max(s.attachmentCount, old.attachmentCount) } : s));
    } catch (e) {
      setError(errorText(e, lang));
    }
  };
  const when = beijingTime;
  return (
    <>
      <Input.Search
        placeholder={t('16 位回执码', '16-digit receipt')}
        enterButton={t('查询', 'Look up')}
        onSearch={look}
        style={{ maxWidth: 420 }}
        data-testid="receipt-input"
      />
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 16 }} />}
      {status && (
        <Card style={{ marginTop: 16 }} data-testid="report-status">
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('受理编号', 'Number')}>{status.number}</Descriptions.Item>
            <Descriptions.Item label={t('提交时间', 'Received')}>{when(status.receivedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('办理状态', 'Status')}>
              {lang === 'en' ? status.status : status.statusZh}
            </Descriptions.Item>
            <Descriptions.Item label={t('已上传附件', 'Files attached')}>
              <span data-testid="attachment-count">
                {t(`${status.attachmentCount} 个`, String(status.attachmentCount))}
              </span>
            </Descriptions.Item>
          </Descriptions>
          <List
            header={t('答复', 'Replies')}
            dataSource={status.replies}
            locale={{ emptyText: t('暂无答复', 'No reply yet') }}
            renderItem={(r) => (
              <List.Item>
                {new Date(r.at).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' })}　{r.body}
              </List.Item>
            )}
          />
          {(status.additions?.length ?? 0) > 0 && (
            <List
              header={t('我补充的材料', 'What I added')}
              dataSource={status.additions}
              data-testid="my-additions"
              renderItem={(a) => (
                <List.Item>
                  <Typography.Text type="secondary">{when(a.at)}</Typography.Text>　
                  <span style={{ whiteSpace: 'pre-wrap' }}>{a.body}</span>
                </List.Item>
              )}
            />
          )}
          {added && (
            <Alert
              type="success"
              showIcon
              closable
              style={{ marginBottom: 12 }}
              message={t('补充材料已提交', 'Added')}
              onClose={() => setAdded(false)}
            />
          )}
          <Form form={form} layout="vertical" onFinish={add}>
            <Form.Item
              name="content"
              label={t('补充材料', 'Add information')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  max: 5000,
                  message: t('请填写补充内容（5000 字以内）', 'Write what to add (up to 5,000 characters)'),
                },
              ]}
            >
              <Input.TextArea rows={3} maxLength={5000} showCount data-testid="addition-text" />
            </Form.Item>
            <Button htmlType="submit" data-testid="send-addition">
              {t('提交补充', 'Send')}
            </Button>
          </Form>
          <Attachments
            key={`${receipt}:${opened.at}`}
            receipt={receipt}
            already={opened.n}
            onUploaded={(n) => setStatus((s) => (s ? { ...s, attachmentCount: n } : s))}
          />
        </Card>
      )}
    </>
  );
}

export function PublicReportPage() {
  const { t, lang, setLang } = useI18n();
  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5', padding: 24 }}>
      <Card
        style={{ maxWidth: 760, margin: '0 auto' }}
        title={t('信访举报', 'Report a concern')}
        extra={
          <Segmented
            size="small"
            value={lang}
            onChange={(v) => setLang(v as 'zh' | 'en')}
            options={[
              { label: '中文', value: 'zh' },
              { label: 'EN', value: 'en' },
            ]}
          />
        }
      >
        <Typography.Paragraph type="secondary">
          {t(
            '无需注册登录。可以匿名，也可以实名；提交后获得回执码，凭回执码查询答复、补充材料。',
            'No account needed. Anonymous or named; you get a receipt to read replies and add information.',
          )}
        </Typography.Paragraph>
        <Tabs
          items={[
            { key: 'new', label: t('我要举报', 'New report'), children: <SubmitForm /> },
            { key: 'follow', label: t('凭回执码查询', 'Follow up'), children: <FollowUp /> },
          ]}
        />
      </Card>
    </div>
  );
}
