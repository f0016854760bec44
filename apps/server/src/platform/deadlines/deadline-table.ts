// The one deadline engine (issue 12 §1): every clock and duty of every module is a row in a deadline table with the
// same life — opened in the transaction of the event that starts it (idempotent: a second open of the same thing does
// nothing), met by the record that fulfils it, paused and resumed (the due date moves by the paused span, counted in
// the clock's own unit), extended once with a reason, waived with a reason. Due dates come from the one due-date
// function (dueOn), periods from periods(). The module keeps what is its own: which events open which deadline, and
// which record meets it. Guards sit in the WHERE of each update, so two parallel requests end with one change.
import { sql, type Insertable, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../db/schema.js';
import { conflict } from '../http/index.js';
import { dueDate, type DeadlineRule, type WorkCalendar } from '../clock/index.js';
import type { WriteCtx } from '../trail/index.js';

export type DeadlineTableName = 'case_deadlines' | 'duties' | 'result_reviews' | 'pm_duties';
export type DeadlineStatus = 'due' | 'overdue' | 'paused' | 'done' | 'waived';
type Refusal = readonly [code: string, zh: string, en: string];

export interface DeadlineTableDef<T extends DeadlineTableName> {
  table: T;
  /** The trail's entity name for a row, and the prefix of its actions (`deadline.extend`, `duty.waive`). */
  entity: string;
  action: string;
  /** The column a met row has set: a time (met_at) or the date of the record that met it (done_on). */
  met: 'met_at' | 'done_on';
  /** What a refused change says when the row is no longer open. */
  closed: Refusal;
}

/** The due date of a deadline that starts on `startOn` and runs `rule` (calendar or working days). */
export const dueOn = (calendar: WorkCalendar, startOn: string, rule: DeadlineRule): string =>
  dueDate(calendar, startOn, rule).due;

const ALREADY_EXTENDED: Refusal = ['ALREADY_EXTENDED', '期限只能延长一次', 'A deadline can be extended only once'];
const NOT_PAUSED: Refusal = ['NOT_PAUSED', '该时限未暂停', 'This deadline is not paused'];
const ALREADY_PAUSED: Refusal = ['ALREADY_PAUSED', '该时限已暂停', 'This deadline is already paused'];

export function deadlineTable<T extends DeadlineTableName>(def: DeadlineTableDef<T>) {
  const col = (alias: string, c: string) => sql.ref(alias ? `${alias}.${c}` : c);
  const table = sql.table(def.table);
  const isOpen = (alias = 'd'): RawBuilder<SqlBool> =>
    sql<SqlBool>`(${col(alias, def.met)} is null and ${col(alias, 'waived_reason')} is null)`;
  const refuse = (r: Refusal) => conflict(...r);

  /** Runs a guarded update of one open row; on no row, says why (closed, or the given refusal). */
  async function guarded(w: WriteCtx, id: number, set: RawBuilder<unknown>, guard: RawBuilder<SqlBool>, no: Refusal) {
    const res = await sql<{ id: number; due_on: string }>`update ${table} set ${set}
      where id = ${id} and ${isOpen('')} and ${guard} returning id, due_on::text`.execute(w.trx);
    if (res.rows.length === 1) return res.rows[0];
    const row = await sql<{ open: boolean }>`select ${isOpen('')} as open from ${table} where id = ${id}`.execute(
      w.trx,
    );
    throw refuse(row.rows[0]?.open === false ? def.closed : no);
  }

  return {
    ...def,
    isOpen,
    /** A row's status on `today`, in SQL. */
    status: (today: string, alias = 'd') =>
      sql<DeadlineStatus>`case when ${col(alias, def.met)} is not null then 'done'
        when ${col(alias, 'waived_reason')} is not null then 'waived' when ${col(alias, 'paused_on')} is not null then 'paused'
        when ${col(alias, 'due_on')} < ${today}::date then 'overdue' else 'due' end`,

    /** Opens deadlines in the caller's write; one that is already open (the table's unique key) is left alone. */
    async open(w: WriteCtx, rows: Array<Insertable<DB[T]>>): Promise<number[]> {
      const ids: number[] = [];
      // Batches keep each statement under the driver's parameter limit.
      for (let i = 0; i < rows.length; i += 1000) {
        const out = await w.trx
          .insertInto(def.table as DeadlineTableName)
          .values(rows.slice(i, i + 1000) as never)
          .onConflict((oc) => oc.doNothing())
          .returning('id')
          .execute();
        ids.push(...out.map((r) => r.id));
      }
      return ids;
    },

    /** Extends an open deadline once, by `days` calendar days from its due date, with a reason (trailed). */
    async extend(
      w: WriteCtx,
      calendar: WorkCalendar,
      id: number,
      days: number,
      reason: string,
      refused = ALREADY_EXTENDED,
    ) {
      const due = await sql<{ due_on: string }>`select due_on::text from ${table} where id = ${id}`.execute(w.trx);
      const newDue = calendar.addCalendarDays(due.rows[0]?.due_on ?? '1970-01-01', days);
      await guarded(
        w,
        id,
        sql`due_on = ${newDue}::date, extended_days = ${days}, extension_reason = ${reason}`,
        sql<SqlBool>`extended_days = 0`,
        refused,
      );
      w.record({
        action: `${def.action}.extend`,
        entity: def.entity,
        entityId: id,
        detail: { days, dueOn: newDue, reason },
      });
      return { id, dueOn: newDue, extendedDays: days };
    },

    /** Waives an open deadline with a reason (the subject left, a long illness…), trailed. */
    async waive(w: WriteCtx, id: number, reason: string, by: number | null) {
      await guarded(w, id, sql`waived_reason = ${reason}, waived_by = ${by}`, sql<SqlBool>`true`, def.closed);
      w.record({ action: `${def.action}.waive`, entity: def.entity, entityId: id, detail: { reason } });
      return { id, status: 'waived' as const };
    },

    /** Stops an open deadline's clock from `on` (a suspension the rules allow), with a reason. */
    async pause(w: WriteCtx, id: number, on: string, reason: string) {
      await guarded(
        w,
        id,
        sql`paused_on = ${on}::date, paused_reason = ${reason}`,
        sql<SqlBool>`paused_on is null`,
        ALREADY_PAUSED,
      );
      w.record({ action: `${def.action}.pause`, entity: def.entity, entityId: id, detail: { on, reason } });
      return { id, pausedOn: on };
    },

    /** Starts the clock again on `on`: the due date moves by the days it stood still, in the clock's unit. */
    async resume(w: WriteCtx, calendar: WorkCalendar, id: number, on: string) {
      const r = await sql<{ due_on: string; paused_on: string | null; unit: 'calendar' | 'working' }>`
        select due_on::text, paused_on::text, unit from ${table} where id = ${id}`.execute(w.trx);
      const row = r.rows[0];
      if (!row?.paused_on) throw refuse(NOT_PAUSED);
      const newDue =
        row.unit === 'working'
          ? calendar.addWorkingDays(row.due_on, Math.max(0, calendar.workingDaysBetween(row.paused_on, on))).due
          : calendar.addCalendarDays(row.due_on, Math.max(0, dayDiff(row.paused_on, on)));
      await guarded(
        w,
        id,
        sql`due_on = ${newDue}::date, paused_on = null, paused_reason = null`,
        sql<SqlBool>`paused_on = ${row.paused_on}::date`,
        NOT_PAUSED,
      );
      w.record({
        action: `${def.action}.resume`,
        entity: def.entity,
        entityId: id,
        detail: { on, pausedOn: row.paused_on, dueOn: newDue },
      });
      return { id, dueOn: newDue };
    },
  };
}
export type DeadlineTable = ReturnType<typeof deadlineTable>;

/** Calendar days from a to b (YYYY-MM-DD). */
export const dayDiff = (a: string, b: string) =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
