// M-24 the responsibility list (责任清单, `004` 37 tasks with lead leader, lead unit and assisting units; `001` 21 tasks /
// 50 measures): imported from the .xlsx users already keep — a dry run names every bad row, the import writes all rows
// or none — then tracked task by task. Lead leaders and units are linked to the registry when the name is unambiguous
// in the unit's subtree, and kept as written otherwise (a warning says so).
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Auth } from '../../platform/auth/index.js';
import { toCstDate } from '../../platform/clock/index.js';
import { AppError, conflict, invalidField } from '../../platform/http/index.js';
import { orgInScope, orgVisible, outOfScope } from '../../platform/scope/index.js';
import { readWorkbook, writeWorkbook, type Cell, type SheetIn } from '../../platform/sheets/index.js';
import { write, type Actor } from '../../platform/trail/index.js';
import { stateMachine } from '../../platform/moves/index.js';

export const COLUMNS = ['序号', '工作任务', '牵头领导', '牵头单位', '配合单位', '工作成果', '完成时限'] as const;
export const TASK_STATUS = { not_started: '未开始', in_progress: '推进中', done: '已完成' } as const;
export type TaskStatus = keyof typeof TASK_STATUS;

const staleTask = () =>
  conflict('STALE', '任务已被他人更新，请刷新后重试', 'Someone else has just updated it; reload and retry');

/** A task of the responsibility list moves as its lead leader or the organization department reports progress. */
export const TASK_MACHINE = stateMachine({
  title: '责任清单任务 Responsibility tasks (M-24)',
  entity: 'responsibility_task',
  table: 'responsibility_tasks',
  column: 'status',
  states: {
    not_started: [TASK_STATUS.not_started, 'Not started'],
    in_progress: [TASK_STATUS.in_progress, 'In progress'],
    done: [TASK_STATUS.done, 'Done'],
  },
  moves: {
    start: { from: ['not_started'], to: 'in_progress', verb: ['开始推进', 'start'] },
    finish: { from: ['not_started', 'in_progress'], to: 'done', verb: ['完成', 'finish'] },
    reopen: { from: ['done'], to: 'in_progress', verb: ['重新推进', 'reopen'] },
  },
  stale: staleTask,
  refuse: (state) =>
    conflict('BAD_STATE', `任务当前为“${TASK_STATUS[state]}”，不能改为该状态`, 'This status change is not allowed'),
});

interface Problem {
  row: number;
  column: string;
  messageZh: string;
  messageEn: string;
}
const text = (c: Cell | undefined) => (c == null ? '' : String(c).trim());

/**
 * A deadline as lists write it: 2026-06-30, 2026/6/30, 2026.6.30, 2026年6月30日(前); a month (2026年6月, 2026年6月底) means its
 * last day; 2026年上半年 / 下半年, 2026年第二季度 / 二季度, 2026年(底) their last day. Anything else (长期坚持) stays text;
 * a year followed by something unreadable or impossible (2026年13月, 2026-02-30) is null too, and isDateLike() says so.
 */
export function parseDue(raw: string): string | null {
  const monthEnd = (y: number, mo: number) =>
    valid(y, mo, mo >= 1 && mo <= 12 ? new Date(Date.UTC(y, mo, 0)).getUTCDate() : 1);
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(raw) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(raw);
  if (m) return valid(+m[1], +m[2], +m[3]);
  m = /^(\d{4})年(\d{1,2})月(底|末|前|$)/.exec(raw);
  if (m) return monthEnd(+m[1], +m[2]);
  m = /^(\d{4})年(上|下)半年/.exec(raw);
  if (m) return m[2] === '上' ? `${m[1]}-06-30` : `${m[1]}-12-31`;
  m = /^(\d{4})年第?([1-4一二三四])季度/.exec(raw);
  if (m) return monthEnd(+m[1], 3 * (Number(m[2]) || '一二三四'.indexOf(m[2]) + 1));
  m = /^(\d{4})年(底|末|前|$)/.exec(raw);
  return m ? `${m[1]}-12-31` : null;
}

/** Starts like a date (a year, then a separator): if parseDue cannot read it, the row is wrong, not free text. */
export const isDateLike = (raw: string) => /^\d{4}\s*[-/.年]/.test(raw);

function valid(y: number, mo: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d ? dt.toISOString().slice(0, 10) : null;
}

const unitInScope = (ctx: AppContext, auth: Auth, actor: Actor, orgId: number) =>
  orgInScope(ctx, auth.scope, actor, orgId);

export async function importList(
  ctx: AppContext,
  auth: Auth,
  actor: Actor,
  orgId: number,
  listName: string,
  file: Buffer,
  dryRun: boolean,
) {
  const unit = await unitInScope(ctx, auth, actor, orgId);
  let sheets: SheetIn[];
  try {
    sheets = await readWorkbook(file);
  } catch (e) {
    if (e instanceof AppError) throw e; // over the limits (issue 11 §3): its own reason
    throw new AppError(400, 'NOT_XLSX', '文件不是有效的 .xlsx 表格', 'The file is not a valid .xlsx workbook');
  }
  const rows = sheets[0]?.rows ?? [];
  const header = (rows[0] ?? []).map(text);
  const at = Object.fromEntries(COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<(typeof COLUMNS)[number], number>;
  const missing = COLUMNS.filter((c) => at[c] < 0 && (c === '序号' || c === '工作任务'));
  if (missing.length)
    throw invalidField(
      'file',
      `第 1 行缺少列：${missing.join('、')}（请使用模板）`,
      `Row 1 lacks the columns ${missing.join(', ')} (use the template)`,
    );
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const seen = new Set<number>();
  // Names in the unit's subtree, to link leaders and units without guessing.
  const people = await ctx.db
    .selectFrom('posts as p')
    .innerJoin('cadres as c', 'c.id', 'p.cadre_id')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .select(['c.id', 'c.name'])
    .distinct()
    .where('p.end_date', 'is', null)
    .where(sql<boolean>`o.path <@ ${unit.path}::ltree`)
    .execute();
  const units = await ctx.db
    .selectFrom('orgs')
    .select(['id', 'name'])
    .where(sql<boolean>`path <@ ${unit.path}::ltree`)
    .execute();
  const unique = <T extends { id: number; name: string }>(list: T[], name: string) => {
    const m = list.filter((x) => x.name === name);
    return m.length === 1 ? m[0].id : null;
  };
  const tasks = rows
    .slice(1)
    .map((r, i) => ({ r, line: i + 2 }))
    .filter(({ r }) => r.some((c) => text(c) !== ''))
    .map(({ r, line }) => {
      const cell = (c: (typeof COLUMNS)[number]) => (at[c] >= 0 ? text(r[at[c]]) : '');
      const seq = Number(cell('序号'));
      if (!Number.isInteger(seq) || seq < 1 || seq > 100_000)
        errors.push({
          row: line,
          column: '序号',
          messageZh: '序号应为正整数',
          messageEn: 'Must be a positive whole number',
        });
      else if (seen.has(seq))
        errors.push({
          row: line,
          column: '序号',
          messageZh: `序号 ${seq} 重复`,
          messageEn: `Number ${seq} appears twice`,
        });
      seen.add(seq);
      const task = cell('工作任务');
      if (!task)
        errors.push({ row: line, column: '工作任务', messageZh: '工作任务不能为空', messageEn: 'The task is empty' });
      if (task.length > 2000)
        errors.push({
          row: line,
          column: '工作任务',
          messageZh: '工作任务超过 2000 字',
          messageEn: 'Over 2,000 characters',
        });
      const leader = cell('牵头领导');
      const leadCadreId = leader ? unique(people, leader) : null;
      if (leader && !leadCadreId)
        warnings.push({
          row: line,
          column: '牵头领导',
          messageZh: `“${leader}”在本单位及下级中未找到唯一对应的干部，按原文保存`,
          messageEn: 'No single cadre of that name here; kept as written',
        });
      const leadUnit = cell('牵头单位');
      const leadOrgId = leadUnit ? unique(units, leadUnit) : null;
      const dueRaw = cell('完成时限');
      const dueOn = dueRaw ? parseDue(dueRaw) : null;
      if (dueRaw && !dueOn && isDateLike(dueRaw)) {
        errors.push({
          row: line,
          column: '完成时限',
          messageZh: `“${dueRaw}”不是有效日期（可写 2026-06-30、2026年6月底、2026年上半年、长期坚持等）`,
          messageEn: `"${dueRaw}" is not a valid date`,
        });
      }
      return {
        seq,
        task,
        leader,
        leadCadreId,
        leadUnit,
        leadOrgId,
        assisting: cell('配合单位'),
        deliverables: cell('工作成果'),
        dueOn,
        dueText: dueRaw || null,
      };
    });
  if (!tasks.length && !errors.length)
    errors.push({ row: 2, column: '工作任务', messageZh: '表中没有任务', messageEn: 'The sheet has no tasks' });
  const exists = await ctx.db
    .selectFrom('responsibility_tasks')
    .select('id')
    .where('org_id', '=', orgId)
    .where('list_name', '=', listName)
    .executeTakeFirst();
  if (exists)
    throw conflict(
      'LIST_EXISTS',
      `“${listName}”已导入过，请换一个清单名称`,
      'A list of that name was already imported',
    );
  const summary = { rows: tasks.length, errors, warnings, linkedLeaders: tasks.filter((t) => t.leadCadreId).length };
  if (dryRun || errors.length) return { ...summary, written: 0 };
  return write(ctx.db, ctx.clock, actor, async (w) => {
    await w.trx
      .insertInto('responsibility_tasks')
      .values(
        tasks.map((t) => ({
          org_id: orgId,
          list_name: listName,
          seq: t.seq,
          task: t.task,
          lead_leader: t.leader || null,
          lead_cadre_id: t.leadCadreId,
          lead_unit: t.leadUnit || null,
          lead_org_id: t.leadOrgId,
          assisting: t.assisting || null,
          deliverables: t.deliverables || null,
          due_on: t.dueOn,
          due_text: t.dueText,
          created_at: w.now,
          updated_at: w.now,
        })),
      )
      .execute();
    w.record({
      action: 'responsibility.import',
      entity: 'org',
      entityId: orgId,
      detail: { listName, rows: tasks.length },
    });
    return { ...summary, written: tasks.length };
  });
}

export async function listTasks(
  ctx: AppContext,
  auth: Auth,
  actor: Actor,
  q: { orgId: number; listName?: string; overdue?: boolean },
) {
  const unit = await unitInScope(ctx, auth, actor, q.orgId);
  const today = toCstDate(ctx.clock.now());
  let base = ctx.db
    .selectFrom('responsibility_tasks as t')
    .innerJoin('orgs as o', 'o.id', 't.org_id')
    .where(sql<boolean>`o.path <@ ${unit.path}::ltree`);
  if (q.listName) base = base.where('t.list_name', '=', q.listName);
  if (q.overdue) base = base.where('t.status', '<>', 'done').where('t.due_on', '<', today);
  const rows = await base
    .selectAll('t')
    .select('o.name as org_name')
    .orderBy('t.list_name')
    .orderBy('t.seq')
    .limit(2000)
    .execute();
  return {
    today,
    items: rows.map((t) => ({
      id: t.id,
      orgName: t.org_name,
      listName: t.list_name,
      seq: t.seq,
      task: t.task,
      leadLeader: t.lead_leader,
      leadCadreId: t.lead_cadre_id,
      leadUnit: t.lead_unit,
      assisting: t.assisting,
      deliverables: t.deliverables,
      dueOn: t.due_on,
      dueText: t.due_text,
      status: t.status,
      statusLabel: TASK_STATUS[t.status as TaskStatus],
      overdue: t.status !== 'done' && t.due_on != null && t.due_on < today,
      progress: t.progress,
      completedOn: t.completed_on,
    })),
  };
}

/** Progress by the organization department or by the task's own lead leader; moves only as MOVES allows. */
export async function updateTask(
  ctx: AppContext,
  auth: Auth,
  actor: Actor,
  id: number,
  input: { status: TaskStatus; progress?: string; completedOn?: string },
  manage: boolean,
) {
  const t = await ctx.db
    .selectFrom('responsibility_tasks as t')
    .innerJoin('orgs as o', 'o.id', 't.org_id')
    .select(['t.id', 't.status', 't.lead_cadre_id', 't.progress'])
    .where('t.id', '=', id)
    .where((eb) =>
      eb.or([
        orgVisible(auth.scope, 'o'),
        ...(auth.scope.cadreId != null ? [eb('t.lead_cadre_id', '=', auth.scope.cadreId)] : []),
      ]),
    )
    .executeTakeFirst();
  if (!t) throw await outOfScope(ctx, actor, 'responsibility_task', id);
  // An account linked to no cadre is nobody's lead leader (issue 11 §2: `null !== null` let auditors and administrators in).
  if (!manage && (auth.scope.cadreId == null || t.lead_cadre_id !== auth.scope.cadreId))
    throw new AppError(
      403,
      'NOT_LEAD',
      '只有牵头领导或组织部门可以更新进度',
      'Only the lead leader or the organization department may update it',
    );
  const from = t.status as TaskStatus;
  const move = input.status === from ? null : TASK_MACHINE.moveTo(from, input.status);
  if (input.status !== from && !move) {
    throw conflict(
      'BAD_STATE',
      `任务当前为“${TASK_STATUS[t.status as TaskStatus]}”，不能改为“${TASK_STATUS[input.status]}”`,
      'This status change is not allowed',
    );
  }
  const today = toCstDate(ctx.clock.now());
  if (input.status === 'done' && (!input.completedOn || input.completedOn > today))
    throw invalidField(
      'completedOn',
      `已完成须填写完成日期，且不能晚于今天（${today}，北京时间）`,
      `A done task needs a completion date, not after today (${today}, Beijing time)`,
    );
  return write(ctx.db, ctx.clock, actor, async (w) => {
    // A status change alone keeps the progress already written.
    const set = {
      progress: input.progress ?? t.progress,
      completed_on: input.status === 'done' ? input.completedOn! : null,
      updated_at: w.now,
    };
    const record = { action: 'responsibility.update', detail: { from, to: input.status } };
    if (move) await TASK_MACHINE.apply(w, { id, state: from }, move, { set, record });
    else {
      // Progress only: the status stays, and the row must still be in it.
      const res = await w.trx
        .updateTable('responsibility_tasks')
        .set(set)
        .where('id', '=', id)
        .where('status', '=', from)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw staleTask();
      w.record({ ...record, entity: 'responsibility_task', entityId: id });
    }
    return { id, status: input.status };
  });
}

export const template = () =>
  writeWorkbook([
    {
      name: '责任清单',
      columns: COLUMNS.map((title) => ({ title, width: title === '工作任务' ? 50 : 16 })),
      rows: [
        [
          1,
          '落实全面从严治党主体责任，每半年专题研究一次党风廉政建设工作',
          '区委书记',
          '区委办公室',
          '区纪委监委',
          '专题会议纪要',
          '2026年6月底',
        ],
        [
          2,
          '开展“一把手”和领导班子监督专项检查',
          '区委常委、组织部部长',
          '区委组织部',
          '区纪委监委、区审计局',
          '检查报告',
          '长期坚持',
        ],
      ],
    },
  ]);
