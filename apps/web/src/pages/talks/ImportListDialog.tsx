// 导入责任清单 (M-24, organization department): name the list, choose the .xlsx (the template's columns); the dry run
// lists every error and warning by row before anything is written, and only a file without errors can be imported — all
// its rows at once. Warnings (a leader not found once in the unit's subtree) are kept as written.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Descriptions, Form, Input, Modal, Space, Table, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { postFile } from '../../api';
import { errorText, useI18n } from '../../i18n';
import type { ListProblem as Problem, ListImport as Result } from '@api';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type Line = Problem & { level: 'error' | 'warning' };

export function ImportListDialog({
  open,
  orgId,
  onClose,
  onImported,
}: {
  open: boolean;
  orgId: number;
  onClose(): void;
  onImported(listName: string): void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ listName: string }>();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) {
      form.resetFields();
      setFile(null);
      setResult(null);
      setError(null);
    }
  }, [open, form]);

  const send = (f: File, listName: string, dryRun: boolean) =>
    postFile<Result>(
      `/api/v1/responsibilities/import?orgId=${orgId}&listName=${encodeURIComponent(listName)}&dryRun=${dryRun}`,
      f,
      XLSX,
    );
  const check = async (f: File) => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setFile(f);
    setResult(null);
    setError(null);
    setBusy(true);
    try {
      setResult(await send(f, v.listName.trim(), true));
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  const commit = async () => {
    const name = form.getFieldValue('listName')?.trim();
    if (!file || !name) return;
    setBusy(true);
    setError(null);
    try {
      const r = await send(file, name, false);
      message.success(t(`已导入“${name}”，共 ${r.written} 项任务`, `Imported “${name}”: ${r.written} tasks`));
      onImported(name);
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  const lines: Line[] = result
    ? [
        ...result.errors.map((p) => ({ ...p, level: 'error' as const })),
        ...result.warnings.map((p) => ({ ...p, level: 'warning' as const })),
      ].sort((a, b) => a.row - b.row)
    : [];
  const ready = !!result && !result.errors.length && !!file;

  return (
    <Modal
      open={open}
      width={760}
      title={t('导入责任清单', 'Import a responsibility list')}
      onCancel={onClose}
      footer={[
        <Button key="c" onClick={onClose}>
          {t('取消', 'Cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          disabled={!ready}
          loading={busy && ready}
          onClick={commit}
          data-testid="task-import-commit"
        >
          {t('确认导入', 'Import')}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">
        {t(
          '列：序号、工作任务、牵头领导、牵头单位、配合单位、工作成果、完成时限（可下载模板）。先预检，列出每一行的问题；没有错误才能导入，且全部任务一次写入。',
          "Columns: 序号, 工作任务, 牵头领导, 牵头单位, 配合单位, 工作成果, 完成时限 (see the template). The dry run lists each row's problems; only a file without errors can be imported, all at once.",
        )}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onValuesChange={() => {
          setResult(null);
          setError(null);
        }}
      >
        <Form.Item
          name="listName"
          label={t('清单名称', 'List name')}
          rules={[
            {
              validator: (_, s?: string) =>
                (s ?? '').trim() ? Promise.resolve() : Promise.reject(new Error(t('请填写清单名称', 'Name the list'))),
            },
          ]}
        >
          <Input
            maxLength={100}
            placeholder={t('如：2026年度区委落实全面从严治党主体责任清单', "e.g. the district committee's 2026 list")}
            data-testid="task-list-name"
          />
        </Form.Item>
      </Form>
      <Space style={{ marginBottom: 12 }}>
        <Upload
          accept=".xlsx"
          maxCount={1}
          showUploadList={false}
          beforeUpload={(f) => {
            void check(f);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy && !ready} data-testid="task-file">
            {t('选择 .xlsx 文件并预检', 'Choose an .xlsx file (dry run)')}
          </Button>
        </Upload>
        {file && <Typography.Text>{file.name}</Typography.Text>}
      </Space>
      {error && (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="task-import-error" />
      )}
      {result && (
        <>
          <Descriptions
            size="small"
            bordered
            column={4}
            style={{ marginBottom: 12 }}
            title={t('预检结果（未写入任何数据）', 'Dry run (nothing written)')}
            data-testid="task-dry-run"
          >
            <Descriptions.Item label={t('任务', 'Tasks')}>{result.rows}</Descriptions.Item>
            <Descriptions.Item label={t('关联到干部的牵头领导', 'Leaders linked')}>
              {result.linkedLeaders}
            </Descriptions.Item>
            <Descriptions.Item label={t('错误', 'Errors')}>
              <Typography.Text type={result.errors.length ? 'danger' : undefined}>
                {result.errors.length}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('提示', 'Warnings')}>{result.warnings.length}</Descriptions.Item>
          </Descriptions>
          {result.errors.length > 0 && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              message={t(
                `发现 ${result.errors.length} 处错误，请修改后重新选择文件；有错误的文件不会写入。`,
                `${result.errors.length} errors: fix them and choose the file again; nothing is written.`,
              )}
            />
          )}
          {lines.length > 0 && (
            <Table<Line>
              rowKey={(l) => `${l.level}-${l.row}-${l.column}-${l.messageZh}`}
              size="small"
              pagination={false}
              dataSource={lines}
              data-testid="task-issues"
              scroll={{ y: 240 }}
              columns={[
                { title: t('行', 'Row'), dataIndex: 'row', width: 60 },
                { title: t('列', 'Column'), dataIndex: 'column', width: 100 },
                {
                  title: t('类型', 'Type'),
                  dataIndex: 'level',
                  width: 80,
                  render: (l: Line['level']) =>
                    l === 'error' ? (
                      <Tag color="red">{t('错误', 'Error')}</Tag>
                    ) : (
                      <Tag color="orange">{t('提示', 'Warning')}</Tag>
                    ),
                },
                {
                  title: t('说明', 'Problem'),
                  key: 'm',
                  render: (_: unknown, l: Line) => (lang === 'en' ? l.messageEn : l.messageZh),
                },
              ]}
            />
          )}
          {ready && (
            <Typography.Paragraph type="success" style={{ marginTop: 12, marginBottom: 0 }} data-testid="task-ready">
              {t(`没有错误，可以导入 ${result.rows} 项任务。`, `No errors: ${result.rows} tasks can be imported.`)}
            </Typography.Paragraph>
          )}
        </>
      )}
    </Modal>
  );
}
