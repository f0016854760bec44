// Responsibility-list tasks (M-24) as GET /api/v1/responsibilities answers them, and their status tags.
export type { TaskStatus, Task } from '@api';
import type { TaskStatus } from '@api';
export const TASK_STATUS: Record<TaskStatus, { zh: string; en: string; color: string }> = {
  not_started: { zh: '未开始', en: 'Not started', color: 'default' },
  in_progress: { zh: '推进中', en: 'In progress', color: 'processing' },
  done: { zh: '已完成', en: 'Done', color: 'success' },
};
