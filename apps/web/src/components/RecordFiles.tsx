// Files attached to a record — a talk or a supervision record (M-20, M-23 … M-26), an agenda item's audio (M-33): each
// a download link (the server sends it as a download, trailed), and 上传 for whoever may add to the record. One file
// per request, as the server takes them, at `${base}` (POST) and `${base}/${id}` (GET).
import { useState } from 'react';
import { App, Button, Space, Typography, Upload } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { postFile } from '../api';
import { errorText, useI18n } from '../i18n';
export type { RecordFile } from '@api';
import type { RecordFile } from '@api';

const ACCEPT = '.jpg,.jpeg,.png,.pdf,.docx,.xlsx';
const size = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;

export function RecordFiles({
  base,
  recordId,
  files,
  canUpload,
  onUploaded,
  accept = ACCEPT,
  label = ['上传附件', 'Attach'],
}: {
  base: string;
  recordId: number;
  files: Array<Pick<RecordFile, 'id' | 'name' | 'typeLabel' | 'size'>>;
  canUpload: boolean;
  onUploaded(): void;
  accept?: string;
  label?: [string, string];
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const send = async (file: File) => {
    setBusy(true);
    try {
      // The name in a header, percent-encoded: never in the URL (issue 12 §3).
      await postFile(base, file, 'application/octet-stream', {
        'x-file-name': encodeURIComponent(file.name),
      });
      message.success(t(`已上传“${file.name}”`, `Uploaded ${file.name}`));
      onUploaded();
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space direction="vertical" size={2} data-testid={`files-${recordId}`}>
      {files.map((f) => (
        <Typography.Link key={f.id} href={`${base}/${f.id}`} title={`${f.typeLabel} · ${size(f.size)}`}>
          <PaperClipOutlined /> {f.name}
        </Typography.Link>
      ))}
      {!files.length && !canUpload && <Typography.Text type="secondary">—</Typography.Text>}
      {canUpload && (
        <Upload
          accept={accept}
          showUploadList={false}
          beforeUpload={(f) => {
            void send(f);
            return false;
          }}
        >
          <Button size="small" icon={<UploadOutlined />} loading={busy} data-testid={`upload-${recordId}`}>
            {t(label[0], label[1])}
          </Button>
        </Upload>
      )}
    </Space>
  );
}
