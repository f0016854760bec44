// 责任清单 (M-24): the tasks of a unit's responsibility lists and those below it — lead leader and unit, assisting units,
// deliverables, deadline (red once past), status and progress; 更新进度 for the task's lead leader or the organization
// department; for the department, the template and the import (dry run first, then all rows or none).
import { useState } from 'react';
import { Button, Card, Checkbox, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { get, qs } from '../../api';
import { errorText, useI18n } from '../../i18n';
import { useSession } from '../../session';
import { useLoad } from '../../components/useLoad';
import { OrgPicker } from '../../components/OrgPicker';
import { ProgressDialog } from './ProgressDialog';
import { ImportListDialog } from './ImportListDialog';
import { TASK_STATUS, type Task } from './taskDicts';

type List = { today: string; items: Task[] };

export function ResponsibilitiesPage() {
  const { t, lang } = useI18n();
  const { me, can } = useSession();
  const [orgId, setOrgId] = useState<number | undefined>(me?.orgId);
  const [listName, setListName] = useState<string>();
  const [overdue, setOverdue] = useState(false);
  const [editing, setEditing] = useState<Task>();
  const [importing, setImporting] = useState(false);
  const r = useLoad(
    () =>
      orgId
        ? get<List>(`/api/v1/responsibilities${qs({ orgId, listName, overdue: overdue || undefined })}`)
        : Promise.resolve(undefined),
    [orgId, listName, overdue],
  );
  // The list names of the unit, for the filter (the filtered answer would hide the others).
  const names = useLoad(
    () => (orgId ? get<List>(`/api/v1/responsibilities${qs({ orgId })}`) : Promise.resolve(undefined)),
    [orgId, r.data],
  );
  const lists = [...new Set((names.data?.items ?? []).map((x) => x.listName))];
  const mayUpdate = (x: Task) => can('duties.manage') || (x.leadCadreId != null && x.leadCadreId === me?.cadreId);
  const manage = can('duties.manage');

  const columns = [
    { title: t('序号', 'No.'), dataIndex: 'seq', width: 60 },
    ...(listName || lists.length < 2 ? [] : [{ title: t('清单', 'List'), dataIndex: 'listName', width: 140 }]),
    {
      title: t('工作任务', 'Task'),
      dataIndex: 'task',
      render: (v: string, x: Task) => (
        <div>
          {v}
          {x.deliverables && (
            <div>
              <Typography.Text type="secondary">
                {t('成果：', 'Deliverable: ')}
                {x.deliverables}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    {
      title: t('牵头领导', 'Lead leader'),
      dataIndex: 'leadLeader',
      width: 120,
      render: (v: string | null, x: Task) =>
        v == null ? (
          '—'
        ) : x.leadCadreId != null && can('cadres.read') ? (
          <Link to={`/cadres/${x.leadCadreId}`}>{v}</Link>
        ) : (
          v
        ),
    },
    {
      title: t('牵头单位 / 配合单位', 'Lead / assisting units'),
      key: 'units',
      width: 160,
      render: (_: unknown, x: Task) => (
        <div>
          {x.leadUnit ?? '—'}
          {x.assisting && (
            <div>
              <Typography.Text type="secondary">
                {t('配合：', 'With: ')}
                {x.assisting}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    {
      title: t('完成时限', 'Deadline'),
      key: 'due',
      width: 120,
      render: (_: unknown, x: Task) => {
        const text = x.dueText ?? x.dueOn ?? '—';
        return x.overdue ? (
          <Space size={4} wrap>
            <Typography.Text type="danger">{text}</Typography.Text>
            <Tag color="red">{t('逾期', 'Overdue')}</Tag>
          </Space>
        ) : (
          text
        );
      },
    },
    {
      title: t('状态', 'Status'),
      key: 'status',
      width: 86,
      render: (_: unknown, x: Task) => (
        <Tag color={TASK_STATUS[x.status].color} data-testid={`task-status-${x.id}`}>
          {t(TASK_STATUS[x.status].zh, TASK_STATUS[x.status].en)}
        </Tag>
      ),
    },
    {
      title: t('进展情况', 'Progress'),
      key: 'progress',
      width: 200,
      render: (_: unknown, x: Task) => (
        <div>
          {x.progress ? (
            <Typography.Paragraph ellipsis={{ rows: 2, tooltip: x.progress }} style={{ margin: 0 }}>
              {x.progress}
            </Typography.Paragraph>
          ) : (
            '—'
          )}
          {x.completedOn && (
            <Typography.Text type="secondary">{t(`${x.completedOn} 完成`, `Done ${x.completedOn}`)}</Typography.Text>
          )}
        </div>
      ),
    },
    {
      title: t('操作', 'Action'),
      key: 'act',
      width: 100,
      render: (_: unknown, x: Task) =>
        mayUpdate(x) ? (
          <Button size="small" onClick={() => setEditing(x)} data-testid={`task-update-${x.id}`}>
            {t('更新进度', 'Update')}
          </Button>
        ) : null,
    },
  ];
  const items = r.data?.items ?? [];
  const late = items.filter((x) => x.overdue).length;
  return (
    <Card
      title={t('责任清单', 'Responsibility lists')}
      data-testid="responsibilities-page"
      extra={
        manage && (
          <Space>
            <Button
              icon={<DownloadOutlined />}
              href="/api/v1/responsibilities/template.xlsx"
              data-testid="task-template"
            >
              {t('下载模板', 'Template')}
            </Button>
            <Button
              type="primary"
              icon={<UploadOutlined />}
              onClick={() => setImporting(true)}
              disabled={!orgId}
              data-testid="task-import"
            >
              {t('导入', 'Import')}
            </Button>
          </Space>
        )
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text type="secondary">{t('单位', 'Unit')}</Typography.Text>
          <OrgPicker
            value={orgId}
            onChange={(v) => {
              setListName(undefined);
              setOrgId(v);
            }}
          />
          <Select
            allowClear
            style={{ width: 320 }}
            placeholder={t('全部清单', 'All lists')}
            value={listName}
            onChange={setListName}
            data-testid="task-list-filter"
            options={lists.map((n) => ({ value: n, label: n }))}
            notFoundContent={t('该单位尚未导入清单', 'No list imported here')}
          />
          <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)} data-testid="task-overdue-filter">
            {t('只看逾期未完成', 'Overdue only')}
          </Checkbox>
        </Space>
        {r.data && items.length > 0 && (
          <Typography.Text type={late ? 'danger' : 'secondary'} data-testid="task-summary">
            {t(
              `截至 ${r.data.today}：共 ${items.length} 项任务，已完成 ${items.filter((x) => x.status === 'done').length} 项，逾期 ${late} 项。`,
              `As of ${r.data.today}: ${items.length} tasks, ${items.filter((x) => x.status === 'done').length} done, ${late} overdue.`,
            )}
          </Typography.Text>
        )}
        {r.error ? <Typography.Text type="danger">{errorText(r.error, lang)}</Typography.Text> : null}
        <Table<Task>
          rowKey="id"
          size="middle"
          loading={r.loading}
          dataSource={items}
          columns={columns}
          data-testid="task-table"
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={
                  overdue
                    ? t('没有逾期未完成的任务', 'Nothing overdue')
                    : manage
                      ? t(
                          '尚未导入责任清单：下载模板，填好后点击“导入”',
                          'No list yet: download the template, fill it in and import it',
                        )
                      : t('尚未导入责任清单', 'No list imported yet')
                }
              />
            ),
          }}
        />
      </Space>
      <ProgressDialog
        task={editing}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          r.reload();
        }}
      />
      {orgId && (
        <ImportListDialog
          open={importing}
          orgId={orgId}
          onClose={() => setImporting(false)}
          onImported={(name) => {
            setImporting(false);
            setListName(name);
            r.reload();
          }}
        />
      )}
    </Card>
  );
}
