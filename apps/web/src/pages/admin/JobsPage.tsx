// 定时任务 (issue 13 §5): each scheduled job — when it runs (daily, Beijing time), its last start, duration and result
// (the error of a failure), the next run, the last ten runs — and 立即执行 for the administrator. While a run is
// going the page looks again every two seconds.
import { useEffect } from 'react';
import { App, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { JobList, JobRow } from '@api';
import { api, get } from '../../api';
import { errorText, useI18n } from '../../i18n';
import { useLoad } from '../../components/useLoad';
import { beijingTime } from '../../time';

type Run = NonNullable<JobRow['last']>;
const when = (iso: string | null) => (iso ? beijingTime(iso) : '—');
const seconds = (ms: number | null) => (ms == null ? '—' : ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`);
const daily = (cron: string) => {
  const [m, h] = cron.split(' ');
  return `${h.padStart(2, '0')}:${m.padStart(2, '0')}`;
};

export function JobsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const list = useLoad(() => get<JobList>('/api/v1/jobs'), []);
  const anyRunning = list.data?.items.some((j) => j.running);
  useEffect(() => {
    if (!anyRunning) return;
    const timer = setInterval(list.reload, 2000);
    return () => clearInterval(timer);
  }, [anyRunning, list.reload]);
  const result = (r: Run) => {
    const tags = {
      completed: <Tag color="green">{t('成功', 'Completed')}</Tag>,
      failed: <Tag color="red">{t('失败', 'Failed')}</Tag>,
      running: <Tag color="blue">{t('执行中', 'Running')}</Tag>,
      interrupted: <Tag color="orange">{t('中断（服务器停止）', 'Interrupted (server stopped)')}</Tag>,
    };
    return (
      <Space size={4} wrap>
        {tags[r.result]}
        {r.error && <Typography.Text type="danger">{r.error}</Typography.Text>}
      </Space>
    );
  };
  const runNow = async (j: JobRow) => {
    try {
      await api('POST', `/api/v1/jobs/${encodeURIComponent(j.name)}/run`, {});
      message.success(t('已开始执行', 'Started'));
      list.reload();
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };
  const scheduler = list.data?.scheduler;
  return (
    <Card
      title={t('定时任务', 'Scheduled jobs')}
      data-testid="jobs"
      extra={
        <Typography.Text type="secondary">
          {scheduler === 'pg-boss'
            ? t('由 PostgreSQL 队列调度，多台服务器只执行一次', 'Scheduled through PostgreSQL: once across servers')
            : scheduler === 'in-process'
              ? t('由本服务器进程调度', 'Scheduled in this server')
              : list.data
                ? t('调度器未能启动，请查看服务器日志', 'The scheduler did not start: see the server log')
                : null}
        </Typography.Text>
      }
    >
      <Table<JobRow>
        rowKey="name"
        loading={list.loading && !list.data}
        dataSource={list.data?.items ?? []}
        pagination={false}
        expandable={{
          rowExpandable: (j) => j.recent.length > 1,
          expandedRowRender: (j) => (
            <Table<Run>
              rowKey="startedAt"
              size="small"
              pagination={false}
              dataSource={j.recent}
              columns={[
                { title: t('开始', 'Started'), render: (_, r) => when(r.startedAt) },
                { title: t('耗时', 'Duration'), render: (_, r) => seconds(r.durationMs) },
                { title: t('结果', 'Result'), render: (_, r) => result(r) },
                { title: t('服务器', 'Server'), dataIndex: 'host' },
              ]}
            />
          ),
        }}
        columns={[
          { title: t('任务', 'Job'), render: (_, j) => (lang === 'en' ? j.label.en : j.label.zh) },
          {
            title: t('执行时间', 'Runs'),
            render: (_, j) => t(`每日 ${daily(j.cron)}（北京时间）`, `Daily ${daily(j.cron)} (Beijing)`),
          },
          { title: t('上次开始', 'Last start'), render: (_, j) => when(j.last?.startedAt ?? null) },
          { title: t('耗时', 'Duration'), render: (_, j) => seconds(j.last?.durationMs ?? null) },
          {
            title: t('结果', 'Result'),
            render: (_, j) => (j.last ? result(j.last) : t('尚未执行', 'Not run yet')),
          },
          { title: t('下次执行', 'Next run'), render: (_, j) => when(j.nextRunAt) },
          {
            title: t('操作', 'Actions'),
            render: (_, j) => (
              <Popconfirm
                title={t(`立即执行「${j.label.zh}」？`, `Run "${j.label.en}" now?`)}
                onConfirm={() => runNow(j)}
              >
                <Button size="small" disabled={j.running || !scheduler} data-testid={`run-${j.name}`}>
                  {t('立即执行', 'Run now')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}
