// Cells shared by 我的监督责任 and 履责情况: the status tag, what the duty asks (its period or occasion, how many times of
// how many, the occasion's note, whether the committee owes it as a body), whom it concerns (a dossier link for those who
// may read dossiers, or the unit when it concerns no one person), and how it closed.
import { Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { STATUS, type Duty } from './talkDicts';
import { useObligationDicts } from './obligationDicts';

export function StatusTag({ d }: { d: Duty }) {
  const { t } = useI18n();
  const s = STATUS[d.status];
  return (
    <Tag color={s.color} data-testid={`duty-status-${d.id}`}>
      {s ? t(s.zh, s.en) : d.statusLabel}
    </Tag>
  );
}

/** 每半年与下级一把手谈话 · 2026年上半年; 全面从严治党调研 · 2026年度 [1/2]; 取得突出成绩、得到表彰时必谈 · 事由发生 2026-11-28. */
export function DutyWhat({ d }: { d: Duty }) {
  const { t } = useI18n();
  const { dutyTitle } = useObligationDicts();
  const y = d.periodStart.slice(0, 4);
  const when =
    d.obligation === 'lower_principal_talk'
      ? d.periodStart.slice(5, 7) === '01'
        ? t(`${y}年上半年`, `${y} H1`)
        : t(`${y}年下半年`, `${y} H2`)
      : d.ruleId === 'M-22'
        ? t(`任职日期 ${d.periodStart}`, `Appointed ${d.periodStart}`)
        : d.activity !== 'talk'
          ? t(`${y}年度`, `Year ${y}`)
          : d.obligation === 'hearing_summons'
            ? t(`听取汇报 ${d.periodStart}`, `Hearing of ${d.periodStart}`)
            : t(`事由发生 ${d.periodStart}`, `Occasion of ${d.periodStart}`);
  return (
    <span>
      {dutyTitle(d)}
      <Typography.Text type="secondary"> · {when}</Typography.Text>
      {d.activity !== 'talk' && (
        <Tooltip title={t('已开展次数 / 应开展次数', 'Held / required')}>
          <Tag
            style={{ marginLeft: 8 }}
            color={d.doneCount >= d.required ? 'green' : undefined}
            data-testid={`duty-count-${d.id}`}
          >
            {d.doneCount}/{d.required}
          </Tag>
        </Tooltip>
      )}
      {d.byCommittee && (
        <Tag color="purple" style={{ marginLeft: 4 }}>
          {t('由党委（党组）集体承担', 'Owed by the committee as a body')}
        </Tag>
      )}
      {d.occasionNote && (
        <div>
          <Typography.Text type="secondary">
            {t('事由：', 'Occasion: ')}
            {d.occasionNote}
          </Typography.Text>
        </div>
      )}
    </span>
  );
}

export function DutyWhom({ d }: { d: Duty }) {
  const { t } = useI18n();
  const { can } = useSession();
  const s = d.subject;
  if (s.cadreId == null)
    return (
      <span>
        {s.orgName}
        <Typography.Text type="secondary">{t('（单位）', ' (unit)')}</Typography.Text>
      </span>
    );
  const name = can('cadres.read') ? <Link to={`/cadres/${s.cadreId}`}>{s.name}</Link> : s.name;
  return (
    <span>
      {name}
      <Typography.Text type="secondary">（{s.orgName}）</Typography.Text>
    </span>
  );
}

/** After it closed: done on a day, or waived with the reason; while open, how many records already count. */
export function DutyOutcome({ d }: { d: Duty }) {
  const { t } = useI18n();
  if (d.status === 'done')
    return (
      <span>
        {d.activity === 'talk'
          ? t(`${d.doneOn} 已谈话`, `Talk held ${d.doneOn}`)
          : t(`${d.doneOn} 已完成`, `Done ${d.doneOn}`)}
      </span>
    );
  if (d.status === 'waived')
    return (
      <span>
        {t('免除理由：', 'Waived: ')}
        {d.waivedReason}
      </span>
    );
  if (d.activity !== 'talk' && d.doneCount > 0) {
    return (
      <span>
        {t(
          `已开展 ${d.doneCount} 次，还需 ${d.required - d.doneCount} 次`,
          `${d.doneCount} held, ${d.required - d.doneCount} to go`,
        )}
      </span>
    );
  }
  return <span>—</span>;
}
