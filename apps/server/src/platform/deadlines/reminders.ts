// M-27 reminders in the app, for every deadline table: the daily job tells each account a deadline names of one coming
// due within `soonDays`, and again when it is overdue. Set-based and idempotent (one reminder per account, deadline
// and stage; kind and dedupe key are `<entity>.<stage>` and `<entity>:<id>:<stage>`). A paused deadline is not
// reminded. Reminders are the reader's own inbox, not supervision data: reading one is not trailed.
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { WriteCtx } from '../trail/index.js';
import type { DeadlineTable } from './deadline-table.js';

export type ReminderStage = 'soon' | 'overdue';

export interface ReminderPlan {
  today: string;
  /** The last day counted as "coming due". */
  soonUntil: string;
  /** Joins after `from <table> d`, and the condition that picks each deadline's accounts (alias `a`). */
  joins: RawBuilder<unknown>;
  accounts: RawBuilder<SqlBool>;
  /** Which deadlines (a scope, a kind); the title of each stage's reminder; where the reminder leads. */
  where: RawBuilder<SqlBool>;
  title: (stage: ReminderStage) => RawBuilder<string>;
  link: string;
}

/** Writes the reminders of both stages; returns how many were new. */
export async function remindOpen(w: WriteCtx, t: Pick<DeadlineTable, 'table' | 'entity' | 'isOpen'>, p: ReminderPlan) {
  const stage = async (name: ReminderStage, when: RawBuilder<SqlBool>) => {
    const res = await sql`
      insert into notifications (account_id, kind, dedupe_key, title, link, created_at)
      select a.id, ${`${t.entity}.${name}`}, ${`${t.entity}:`} || d.id || ${`:${name}`}, ${p.title(name)}, ${p.link}, ${w.now}
      from ${sql.table(t.table)} d ${p.joins} join accounts a on ${p.accounts} and not a.disabled
      where ${t.isOpen('d')} and d.paused_on is null and ${when} and ${p.where}
      on conflict do nothing`.execute(w.trx);
    return Number(res.numAffectedRows ?? 0);
  };
  return {
    soon: await stage('soon', sql<SqlBool>`d.due_on between ${p.today}::date and ${p.soonUntil}::date`),
    overdue: await stage('overdue', sql<SqlBool>`d.due_on < ${p.today}::date`),
  };
}
