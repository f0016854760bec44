// Cells shared by 我的监督责任 and 履责情况: the status tag, what the duty asks (with its half-year or appointment date),
// whom it concerns (a dossier link for those who may read dossiers).
import { Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { STATUS, useTalkDicts, type Duty } from './talkDicts';

export function StatusTag({ d }: { d: Duty }) {
  const { t } = useI18n();
  const s = STATUS[d.status];
  return <Tag color={s.color} data-testid={`duty-status-${d.id}`}>{s ? t(s.zh, s.en) : d.statusLabel}</Tag>;
}

/** 每半年与下级一把手谈话 · 2026年上半年; 新任下级一把手任职谈话 · 任职日期 2026-02-09. */
export function DutyWhat({ d }: { d: Duty }) {
  const { t } = useI18n();
  const { rule } = useTalkDicts();
  const y = d.periodStart.slice(0, 4);
  const when = d.ruleId === 'M-23'
    ? (d.periodStart.slice(5, 7) === '01' ? t(`${y}年上半年`, `${y} H1`) : t(`${y}年下半年`, `${y} H2`))
    : t(`任职日期 ${d.periodStart}`, `Appointed ${d.periodStart}`);
  return <span>{rule(d.ruleId) || d.what}<Typography.Text type="secondary"> · {when}</Typography.Text></span>;
}

export function DutyWhom({ d }: { d: Duty }) {
  const { can } = useSession();
  const name = can('cadres.read') ? <Link to={`/cadres/${d.subject.cadreId}`}>{d.subject.name}</Link> : d.subject.name;
  return <span>{name}<Typography.Text type="secondary">（{d.subject.orgName}）</Typography.Text></span>;
}

/** After it closed: done on a day, or waived with the reason. */
export function DutyOutcome({ d }: { d: Duty }) {
  const { t } = useI18n();
  if (d.status === 'done') return <span>{t(`${d.doneOn} 已谈话`, `Talk held ${d.doneOn}`)}</span>;
  if (d.status === 'waived') return <span>{t('免除理由：', 'Waived: ')}{d.waivedReason}</span>;
  return <span>—</span>;
}
