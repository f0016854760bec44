// From an open duty to the activity form that answers it: the duty's kind, unit, owner and subject, and a date in its
// period. The server counts a committee's record by the committee's unit (owner.orgId); for a hearing of lower
// principals the subject's unit is the unit heard.
import { get, type Me } from '../../api';
import { todayCst } from '../reports/clueDicts';
import type { ActivityPreset } from './ActivityDialog';
import type { Duty } from './talkDicts';

type T = (zh: string, en: string) => string;
interface Org {
  id: number;
  name: string;
}

export async function activityPreset(d: Duty, me: Me | null, t: T): Promise<ActivityPreset> {
  let org = { id: d.subject.orgId, name: d.subject.orgName };
  let target: { id: number; name: string } | undefined;
  if (d.byCommittee && d.owner.orgId != null && d.owner.orgId !== d.subject.orgId) {
    try {
      org = await get<Org>(`/api/v1/orgs/${d.owner.orgId}`);
      target = { id: d.subject.orgId, name: d.subject.orgName };
    } catch {
      /* outside the caller's view: keep the duty's unit */
    }
  }
  const today = todayCst();
  const past = d.dueOn < today;
  return {
    kind: d.activity,
    orgId: org.id,
    orgName: org.name,
    targetOrgId: target?.id,
    targetName: target?.name,
    fromDuty: true,
    actor: {
      id: d.owner.cadreId,
      name: d.owner.cadreId === me?.cadreId ? t(`本人（${me.displayName}）`, `Me (${me.displayName})`) : d.owner.name,
    },
    subjects: d.subject.cadreId != null ? [{ id: d.subject.cadreId, name: d.subject.name ?? '' }] : [],
    minDate: d.periodStart,
    maxDate: past ? d.dueOn : today,
    note: past
      ? t(
          `该期已结束：此处只能补录 ${d.periodStart} 至 ${d.dueOn} 期间实际开展的工作。`,
          `That period has ended: record here only work done between ${d.periodStart} and ${d.dueOn}.`,
        )
      : d.required > 1
        ? t(
            `本年度应开展 ${d.required} 次，已登记 ${d.doneCount} 次。`,
            `${d.required} required this year, ${d.doneCount} recorded.`,
          )
        : undefined,
  };
}
