// 更新进度 of a responsibility-list task: the status only as the list allows it to move (未开始 → 推进中 → 已完成, and
// 已完成 reopened to 推进中), what has been done, and the completion date (not after today) once done. The progress
// already written is the starting text, since a save replaces it.
import { useEffect, useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api';
import { errorText, useI18n } from '../../i18n';
import { todayCst } from '../reports/clueDicts';
import { TASK_STATUS, type Task, type TaskStatus } from './taskDicts';

const MOVES: Record<TaskStatus, TaskStatus[]> = {
  not_started: ['not_started', 'in_progress', 'done'],
  in_progress: ['in_progress', 'done'],
  done: ['done', 'in_progress'],
};
interface Values {
  status: TaskStatus;
  progress?: string;
  completedOn?: Dayjs;
}

export function ProgressDialog({ task, onClose, onSaved }: { task?: Task; onClose(): void; onSaved(): void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const status = Form.useWatch('status', form) as TaskStatus | undefined;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const today = todayCst();

  useEffect(() => {
    if (!task) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue({
      status: task.status,
      progress: task.progress ?? undefined,
      completedOn: dayjs(task.completedOn ?? today),
    });
  }, [task]); // eslint-disable-line react-hooks/exhaustive-deps

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !task) return;
    setBusy(true);
    setError(null);
    try {
      await api('PATCH', `/api/v1/responsibilities/${task.id}`, {
        status: v.status,
        progress: v.progress?.trim() || undefined,
        completedOn: v.status === 'done' ? v.completedOn?.format('YYYY-MM-DD') : undefined,
      });
      message.success(t('进度已更新', 'Progress saved'));
      onSaved();
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!task}
      title={t('更新进度', 'Update progress')}
      onCancel={onClose}
      onOk={submit}
      forceRender
      destroyOnHidden={false}
      okText={t('保存', 'Save')}
      cancelText={t('取消', 'Cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'task-save' }}
    >
      {task && (
        <Typography.Paragraph>
          <Typography.Text type="secondary">
            {t(`${task.listName} 第 ${task.seq} 项：`, `${task.listName}, no. ${task.seq}: `)}
          </Typography.Text>
          {task.task}
        </Typography.Paragraph>
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="task-error" />}
      <Form form={form} layout="vertical">
        <Form.Item name="status" label={t('状态', 'Status')} rules={[{ required: true }]}>
          <Select
            data-testid="task-status"
            options={(task ? MOVES[task.status] : []).map((s) => ({
              value: s,
              label: t(TASK_STATUS[s].zh, TASK_STATUS[s].en),
            }))}
          />
        </Form.Item>
        {status === 'done' && (
          <Form.Item
            name="completedOn"
            label={t('完成日期', 'Completed on')}
            rules={[{ required: true, message: t('请选择完成日期', 'Choose the date') }]}
          >
            <DatePicker
              format="YYYY-MM-DD"
              allowClear={false}
              style={{ width: '100%' }}
              disabledDate={(d) => d.format('YYYY-MM-DD') > today}
              data-testid="task-completed-on"
            />
          </Form.Item>
        )}
        <Form.Item name="progress" label={t('进展情况', 'Progress')}>
          <Input.TextArea
            rows={4}
            maxLength={2000}
            placeholder={t('如：已召开专题会议，形成会议纪要', 'e.g. the meeting was held and minuted')}
            data-testid="task-progress"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
