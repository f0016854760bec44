// 插手干预季度报告 (issue 14 §7, M-37): every unit in scope, quarter by quarter — filed (a zero report flagged when a
// record dated inside the quarter came in later), not yet due, or missing after the deadline. The unit's principal
// files and signs the report in person (password or one-time code again; offered to accounts linked to a cadre, the
// server refuses anyone but the unit's principal); the server counts the quarter's records.
import { useState } from 'react';
import { App, Card, InputNumber, Space, Table, Tag, Button, Tooltip } from 'antd';
import { DEFAULT_PAGE_SIZE, type QuarterReports } from '@api';
import { api, get, qs } from '../../api';
import { errorText, useI18n } from '../../i18n';
import { useSession } from '../../session';
import { OrgPicker } from '../../components/OrgPicker';
import { useLoad } from '../../components/useLoad';
import { SignDialog } from '../../components/SignDialog';

type Unit = QuarterReports['items'][number];
type Q = Unit['quarters'][number];

export function QuarterReportsPage() {
  const { t, lang } = useI18n();
  const { can, me } = useSession();
  const { message } = App.useApp();
  const [orgId, setOrgId] = useState<number>();
  const [year, setYear] = useState(new Date().getFullYear());
  const [page, setPage] = useState(1);
  const [filing, setFiling] = useState<{ unit: Unit; q: Q }>();
  const list = useLoad(
    () => get<QuarterReports>(`/api/v1/interference-reports${qs({ orgId, year, page, pageSize: DEFAULT_PAGE_SIZE })}`),
    [orgId, year, page],
  );
  const cell = (u: Unit, q: Q) => {
    if (q.report)
      return (
        <Space size={4} wrap>
          <Tooltip title={t(`${q.report.signedBy} 签署于 ${q.report.filedOn}`, `Signed by ${q.report.signedBy}`)}>
            <Tag color={q.contradicted ? 'red' : 'green'}>
              {q.report.records === 0 ? t('零报告', 'Zero report') : t(`${q.report.records} 条`, `${q.report.records}`)}
            </Tag>
          </Tooltip>
          {q.contradicted && (
            <Tag color="red">{t(`与 ${q.recordsNow} 条记录不符`, `Contradicted by ${q.recordsNow}`)}</Tag>
          )}
        </Space>
      );
    if (q.state === 'open') return <Tag>{t('季度未结束', 'Not ended')}</Tag>;
    if (q.state === 'not_owed') return <Tag>{t('未要求报告', 'Not required')}</Tag>;
    return (
      <Space size={4} wrap>
        <Tag color={q.state === 'missing' ? 'red' : 'orange'}>
          {q.state === 'missing'
            ? t(`逾期未报（${q.dueOn} 前）`, `Missing (due ${q.dueOn})`)
            : t(`待报（${q.dueOn} 前）`, `Due ${q.dueOn}`)}
        </Tag>
        {can('decisions.sign') && me?.cadreId != null && (
          <Button size="small" onClick={() => setFiling({ unit: u, q })} data-testid={`file-${u.orgId}-${q.quarter}`}>
            {t('主要负责人签署', 'Principal signs')}
          </Button>
        )}
      </Space>
    );
  };
  return (
    <Card title={t('插手干预重大事项季度报告', 'Quarterly interference reports')} data-testid="quarter-reports">
      <Space style={{ marginBottom: 16 }}>
        <OrgPicker value={orgId} onChange={(v) => (setOrgId(v), setPage(1))} />
        <InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} addonAfter={t('年', '')} />
      </Space>
      <Table<Unit>
        rowKey="orgId"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: list.error ? errorText(list.error, lang) : t('暂无单位', 'No units') }}
        pagination={{ current: page, pageSize: DEFAULT_PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: t('单位', 'Unit'), dataIndex: 'orgName' },
          ...[1, 2, 3, 4].map((n) => ({
            title: t(`第${n}季度`, `Q${n}`),
            render: (_: unknown, u: Unit) => cell(u, u.quarters[n - 1]),
          })),
        ]}
      />
      {filing && (
        <SignDialog
          title={t(
            `${filing.unit.orgName} ${year} 年第 ${filing.q.quarter} 季度报告`,
            `${filing.unit.orgName} ${year} Q${filing.q.quarter}`,
          )}
          onClose={() => setFiling(undefined)}
          onSave={async (v) => {
            try {
              const r = await api<{ zero: boolean; records: number }>('POST', '/api/v1/interference-reports', {
                orgId: filing.unit.orgId,
                year,
                quarter: filing.q.quarter,
                ...v,
              });
              message.success(r.zero ? t('已签署零报告', 'Zero report signed') : t(`已报告 ${r.records} 条`, 'Filed'));
              list.reload();
              return true;
            } catch (e) {
              message.error(errorText(e, lang));
              return false;
            }
          }}
        />
      )}
    </Card>
  );
}
