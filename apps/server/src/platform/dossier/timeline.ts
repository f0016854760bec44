// M-08 dossier timeline: one ledger per cadre that every module appends to, inside its own write transaction.
import type { Kysely } from 'kysely';
import type { DB } from '../db/index.js';
import type { WriteCtx } from '../trail/index.js';

/** Every kind of timeline event, in one place; later modules add theirs here. */
export const TIMELINE_EVENTS = {
  'registry.record_created': { zh: '建立档案', en: 'Record created' },
  'registry.appointed': { zh: '任职', en: 'Appointed' },
  'registry.post_ended': { zh: '免职/离任', en: 'Post ended' },
  'registry.team_joined': { zh: '进入班子', en: 'Joined the leadership team' },
  'registry.team_left': { zh: '离开班子', en: 'Left the leadership team' },
  'registry.portfolio_changed': { zh: '分管调整', en: 'Portfolio changed' },
  'registry.relation_added': { zh: '登记亲属关系', en: 'Relation recorded' },
  'registry.relation_removed': { zh: '撤销亲属关系登记', en: 'Relation removed' },
  'registry.record_moved': { zh: '档案管理单位变更', en: 'Managing unit changed' },
  'reports.letter': { zh: '函询', en: 'Letter of inquiry' },
  'reports.outcome': { zh: '处理结果', en: 'Outcome' },
  'reports.cleared': { zh: '澄清正名', en: 'Name cleared' },
  'talks.talk': { zh: '谈话', en: 'Talk' },
  'talks.hearing': { zh: '听取汇报', en: 'Hearing' },
  'talks.secretary_reminder': { zh: '纪委书记提醒', en: 'Reminder by the discipline secretary' },
  'talks.non_report': { zh: '该报告未报告', en: 'Failure to report' },
  'decisions.proposed': { zh: '提出议题', en: 'Proposed an item' },
  'decisions.reviewed': { zh: '决策结果查究', en: 'Result review of a decision' },
} as const;
export type TimelineEventType = keyof typeof TIMELINE_EVENTS;

export interface TimelineInput {
  cadreId: number;
  occurredOn: string;
  eventType: TimelineEventType;
  sourceModule: string;
  summary: string;
  refEntity?: string;
  refId?: string | number;
}

export async function appendTimeline(w: WriteCtx, events: TimelineInput | TimelineInput[]): Promise<void> {
  const list = Array.isArray(events) ? events : [events];
  if (!list.length) return;
  await w.trx
    .insertInto('timeline_events')
    .values(
      list.map((e) => ({
        cadre_id: e.cadreId,
        occurred_on: e.occurredOn,
        recorded_at: w.now,
        event_type: e.eventType,
        source_module: e.sourceModule,
        summary: e.summary,
        ref_entity: e.refEntity ?? null,
        ref_id: e.refId == null ? null : String(e.refId),
      })),
    )
    .execute();
}

/** Newest first. The caller has already checked that the cadre is in scope. */
export async function readTimeline(db: Kysely<DB>, cadreId: number, page: { limit: number; offset: number }) {
  const [items, total] = await Promise.all([
    db
      .selectFrom('timeline_events')
      .selectAll()
      .where('cadre_id', '=', cadreId)
      .orderBy('occurred_on', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    db
      .selectFrom('timeline_events')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('cadre_id', '=', cadreId)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(total.n),
    items: items.map((e) => ({
      id: e.id,
      occurredOn: e.occurred_on,
      recordedAt: e.recorded_at.toISOString(),
      eventType: e.event_type,
      eventLabel: TIMELINE_EVENTS[e.event_type as TimelineEventType]?.zh ?? e.event_type,
      sourceModule: e.source_module,
      summary: e.summary,
      refEntity: e.ref_entity,
      refId: e.ref_id,
    })),
  };
}
