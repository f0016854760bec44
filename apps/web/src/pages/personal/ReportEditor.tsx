// A personal matters report (issue 15 §1, M-40): its items, each a structured row; while a draft, items are added,
// changed and removed (each change saves the whole list); signed and submitted in person; once submitted it is fixed
// and a correction (补报/更正) is a new version. Opening it is trailed on the server.
import { useState } from 'react';
import { App, Button, Descriptions, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ItemForms, PersonalItem, PersonalReport, PersonalSubmitted } from '@api';
import { api, get } from '../../api';
import { errorText, useI18n } from '../../i18n';
import { useLoad } from '../../components/useLoad';
import { SignDialog } from '../../components/SignDialog';
import { ItemDialog } from './ItemDialog';

let formsCache: Promise<ItemForms> | null = null;
const loadForms = () => (formsCache ??= get<ItemForms>('/api/v1/personal-reports/forms'));

const SIGN_NOTE = [
  '签名即承诺所报事项真实、准确、完整，如有隐瞒不报，愿承担相应责任。请再次输入本人密码或动态验证码。',
  'Signing states that the report is true and complete. Give your password or one-time code again.',
] as const;

export function ReportEditor({
  id,
  onOpen,
  onChanged,
}: {
  id: number;
  /** A correction was opened: show it instead. */
  onOpen(id: number): void;
  /** Saved or submitted: the list around it reloads. */
  onChanged?(): void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const name = (l: readonly [string, string]) => (lang === 'en' ? l[1] : l[0]);
  const report = useLoad(() => get<PersonalReport>(`/api/v1/personal-reports/${id}`), [id]);
  const forms = useLoad(loadForms, []);
  const [editing, setEditing] = useState<{ at: number; item?: PersonalItem }>();
  const [signing, setSigning] = useState(false);
  const r = report.data;
  if (!r || !forms.data)
    return <Typography.Text type="secondary">{report.error ? errorText(report.error, lang) : '…'}</Typography.Text>;
  const formOf = (kind: string) => forms.data?.kinds.find((k) => k.kind === kind);
  const shown = (item: PersonalItem) =>
    (formOf(item.kind)?.fields ?? [])
      .filter((f) => item.values[f.name] !== undefined)
      .map((f) => {
        const v = item.values[f.name];
        const opt = f.options.find((o) => o.value === v);
        const text = opt ? name(opt.label) : typeof v === 'number' ? v.toLocaleString('zh-CN') : String(v);
        return `${name(f.label)}：${text}`;
      })
      .join('；');
  const draft = r.status === 'draft';
  const saveItems = async (items: Array<{ kind: string; values: Record<string, unknown> }>) => {
    try {
      await api('PUT', `/api/v1/personal-reports/${id}/items`, { items });
      message.success(t('已保存', 'Saved'));
      report.reload();
      onChanged?.();
      return true;
    } catch (e) {
      message.error(errorText(e, lang));
      return false;
    }
  };
  const plain = r.items.map((i) => ({ kind: i.kind, values: i.values }));
  return (
    <div data-testid="report-editor">
      <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('报告', 'Report')}>
          {r.kind === 'annual'
            ? t(`${r.year} 年度报告`, `Annual report ${r.year}`)
            : t(`事项报告（${r.eventOn}）`, `Event report (${r.eventOn})`)}
          {r.version > 1 && (
            <Tag style={{ marginLeft: 8 }}>{t(`第 ${r.version} 版（更正）`, `Version ${r.version}`)}</Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('应报日期', 'Due')}>{r.dueOn}</Descriptions.Item>
        <Descriptions.Item label={t('状态', 'Status')}>
          {draft ? (
            <Tag>{t('草稿', 'Draft')}</Tag>
          ) : (
            <Space size={4}>
              <Tag color="green" data-testid="report-status">
                {t(`已于 ${r.submittedOn} 签名提交`, `Submitted ${r.submittedOn}`)}
              </Tag>
              {r.late && <Tag color="red">{t('逾期', 'Late')}</Tag>}
            </Space>
          )}
        </Descriptions.Item>
      </Descriptions>
      <Table<PersonalItem>
        rowKey="seq"
        size="small"
        pagination={false}
        dataSource={r.items}
        locale={{ emptyText: t('尚无事项；没有的事项不必填写', 'No items yet') }}
        data-testid="report-items"
        columns={[
          { title: t('事项', 'Item'), width: 220, render: (_, i) => name(i.kindLabel) },
          { title: t('内容', 'Details'), render: (_, i) => shown(i) },
          ...(draft
            ? [
                {
                  title: '',
                  width: 130,
                  render: (_: unknown, i: PersonalItem) => (
                    <Space>
                      <Button size="small" type="link" onClick={() => setEditing({ at: i.seq - 1, item: i })}>
                        {t('修改', 'Edit')}
                      </Button>
                      <Popconfirm
                        title={t('删除该事项？', 'Remove this item?')}
                        onConfirm={() => saveItems(plain.filter((_x, k) => k !== i.seq - 1))}
                      >
                        <Button size="small" type="link" danger>
                          {t('删除', 'Remove')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        {draft ? (
          <>
            <Button onClick={() => setEditing({ at: plain.length })} data-testid="add-item">
              {t('添加事项', 'Add an item')}
            </Button>
            <Button type="primary" onClick={() => setSigning(true)} data-testid="submit-report">
              {t('签名提交', 'Sign and submit')}
            </Button>
          </>
        ) : (
          <Button
            onClick={async () => {
              try {
                onOpen((await api<{ id: number }>('POST', `/api/v1/personal-reports/${id}/corrections`, {})).id);
              } catch (e) {
                message.error(errorText(e, lang));
              }
            }}
            data-testid="correct-report"
          >
            {t('补报或更正', 'File a correction')}
          </Button>
        )}
      </Space>
      {editing && (
        <ItemDialog
          forms={forms.data}
          item={editing.item}
          onClose={() => setEditing(undefined)}
          onSave={(item) => saveItems([...plain.slice(0, editing.at), item, ...plain.slice(editing.at + 1)])}
        />
      )}
      {signing && (
        <SignDialog
          title={t('个人有关事项报告', 'Personal matters report')}
          note={SIGN_NOTE}
          onClose={() => setSigning(false)}
          onSave={async (v) => {
            try {
              const done = await api<PersonalSubmitted>('POST', `/api/v1/personal-reports/${id}/submit`, v);
              if (done.late) message.warning(t('已提交，但已超过应报日期', 'Submitted, after the due day'));
              else message.success(t('已签名提交', 'Submitted'));
              report.reload();
              onChanged?.();
              return true;
            } catch (e) {
              message.error(errorText(e, lang));
              return false;
            }
          }}
        />
      )}
    </div>
  );
}
