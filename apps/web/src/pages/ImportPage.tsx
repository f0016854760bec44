// Roster import: choose an .xlsx file, see every problem (sheet, row, column, reason) before anything is written,
// then import all of it or nothing.
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { ApiError, postFile } from '../api';
import { errorText, useI18n } from '../i18n';
import type { RosterIssue as Issue, RosterImport as Result } from '@api';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The server lists the first problems of a file with thousands; the count is of all of them. */
function issueTitle(r: Result, t: (zh: string, en: string) => string) {
  const n = r.issueCount ?? r.issues.length;
  const more =
    n > r.issues.length ? t(`（列出前 ${r.issues.length} 处）`, ` (the first ${r.issues.length} are listed)`) : '';
  return t(`发现 ${n} 处问题${more}，请修改后重新选择文件`, `${n} problems${more}: fix them and choose the file again`);
}

const send = (file: File, dryRun: boolean) => postFile<Result>(`/api/v1/roster/import?dryRun=${dryRun}`, file, XLSX);

export function ImportPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const check = async (f: File) => {
    setFile(f);
    setResult(null);
    setError(null);
    setBusy(true);
    try {
      setResult(await send(f, true));
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  const commit = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const r = await send(file, false);
      setResult(r);
      message.success(
        t(
          `已导入：${r.counts.cadres} 名干部，${r.counts.posts} 条任职`,
          `Imported: ${r.counts.cadres} cadres, ${r.counts.posts} posts`,
        ),
      );
      setFile(null);
    } catch (e) {
      if (e instanceof ApiError && Array.isArray(e.details))
        setResult({
          dryRun: false,
          ok: false,
          issues: e.details as Issue[],
          issueCount: (e.details as Issue[]).length,
          counts: result!.counts,
        });
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title={t('名册导入', 'Roster import')}
      extra={
        <Button icon={<DownloadOutlined />} href="/api/v1/roster/template.xlsx">
          {t('下载模板', 'Template')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        {t(
          '工作表：单位、干部、任职、亲属关系（可只含其中几张）。先预检，列出所有问题；没有问题才能导入，且要么全部导入，要么一条也不写入。',
          'Sheets: 单位, 干部, 任职, 亲属关系 (any of them). A dry run lists every problem; import is possible only without problems, and writes all rows or none.',
        )}
      </Typography.Paragraph>
      <Space style={{ marginBottom: 16 }}>
        <Upload
          accept=".xlsx"
          maxCount={1}
          showUploadList={false}
          beforeUpload={(f) => {
            void check(f);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy && !result} data-testid="roster-file">
            {t('选择 .xlsx 文件并预检', 'Choose an .xlsx file (dry run)')}
          </Button>
        </Upload>
        {file && <Typography.Text>{file.name}</Typography.Text>}
      </Space>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      {result && (
        <>
          <Descriptions
            size="small"
            bordered
            column={4}
            style={{ marginBottom: 16 }}
            title={
              result.dryRun
                ? t('预检结果（未写入任何数据）', 'Dry run (nothing written)')
                : t('导入结果', 'Import result')
            }
          >
            <Descriptions.Item label={t('单位', 'Units')}>{result.counts.orgs}</Descriptions.Item>
            <Descriptions.Item label={t('干部', 'Cadres')}>{result.counts.cadres}</Descriptions.Item>
            <Descriptions.Item label={t('任职', 'Posts')}>{result.counts.posts}</Descriptions.Item>
            <Descriptions.Item label={t('亲属关系', 'Relations')}>{result.counts.relations}</Descriptions.Item>
          </Descriptions>
          {result.issues.length > 0 && (
            <Table<Issue>
              rowKey={(i) => `${i.sheet}-${i.row}-${i.column}-${i.reason}`}
              size="small"
              pagination={false}
              dataSource={result.issues}
              data-testid="roster-issues"
              title={() => <Typography.Text type="danger">{issueTitle(result, t)}</Typography.Text>}
              columns={[
                { title: t('工作表', 'Sheet'), dataIndex: 'sheet' },
                { title: t('行', 'Row'), dataIndex: 'row', width: 60 },
                { title: t('列', 'Column'), dataIndex: 'column' },
                { title: t('问题', 'Problem'), render: (_, i) => (lang === 'en' ? i.reasonEn : i.reason) },
              ]}
            />
          )}
          {result.dryRun && result.ok && file && (
            <Button type="primary" loading={busy} onClick={commit} data-testid="roster-commit">
              {t('确认导入', 'Import')}
            </Button>
          )}
        </>
      )}
    </Card>
  );
}
