// Responsibility-list tasks (M-24) as GET /api/v1/responsibilities answers them, and their status tags.
export type TaskStatus = 'not_started' | 'in_progress' | 'done';
export interface Task {
  id: number;
  orgName: string;
  listName: string;
  seq: number;
  task: string;
  leadLeader: string | null;
  leadCadreId: number | null;
  leadUnit: string | null;
  assisting: string | null;
  deliverables: string | null;
  dueOn: string | null;
  dueText: string | null;
  status: TaskStatus;
  statusLabel: string;
  overdue: boolean;
  progress: string | null;
  completedOn: string | null;
}
export const TASK_STATUS: Record<TaskStatus, { zh: string; en: string; color: string }> = {
  not_started: { zh: '未开始', en: 'Not started', color: 'default' },
  in_progress: { zh: '推进中', en: 'In progress', color: 'processing' },
  done: { zh: '已完成', en: 'Done', color: 'success' },
};
