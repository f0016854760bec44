// Reading and moving findings (issue 12 §5): the list and the counts in the caller's scope — a cadre's findings
// through the cadre's unit, a unit's through the unit — and a person's move of one finding's status.
import { sql, type SqlBool } from 'kysely';
import type { AppContext } from '../context.js';
import { can, type Auth, type Permission } from '../auth/index.js';
import { toLimitOffset } from '../http/paging.js';
import { cadreVisible, orgVisible, outOfScope } from '../scope/index.js';
import { write, type Actor } from '../trail/index.js';
import { FINDING_MACHINE, FINDING_STATUS, type FindingStatus } from './finding-moves.js';

// Sources whose findings only a permission reads (the composition root says which): e.g. a finding that a cadre failed
// to record an interference reveals the record, and only those who read interference records may see it (M-37).
const RESTRICTED = new Map<string, Permission>();
export function restrictFindings(source: string, permission: Permission): void {
  RESTRICTED.set(source, permission);
}

/** Findings the caller may see, with their subject's cadre (`c`) and unit (`o`). */
export function visibleFindings(ctx: AppContext, auth: Auth) {
  const hidden = [...RESTRICTED].filter(([, p]) => !can(auth.role, p)).map(([source]) => source);
  let q = ctx.db.selectFrom('findings as f');
  if (hidden.length) q = q.where('f.source', 'not in', hidden);
  return q
    .leftJoin('cadres as c', (j) => j.onRef('c.id', '=', 'f.subject_id').on('f.subject_kind', '=', 'cadre'))
    .innerJoin('orgs as o', (j) =>
      j.on(sql<SqlBool>`o.id = case when f.subject_kind = 'org' then f.subject_id else c.org_id end`),
    )
    .where((eb) =>
      eb.or([
        eb.and([eb('f.subject_kind', '=', 'cadre'), cadreVisible(auth.scope, 'c')]),
        eb.and([eb('f.subject_kind', '=', 'org'), orgVisible(auth.scope, 'o')]),
      ]),
    );
}

export interface FindingQuery {
  ruleId?: string;
  level?: 'red' | 'yellow' | 'green';
  status?: FindingStatus;
  /** Also those the latest evaluation no longer finds. */
  all?: boolean;
  orgId?: number;
  page: number;
  pageSize: number;
}

function filtered(ctx: AppContext, auth: Auth, q: Omit<FindingQuery, 'page' | 'pageSize'>) {
  let base = visibleFindings(ctx, auth);
  if (!q.all) base = base.where('f.active', '=', true);
  if (q.ruleId) base = base.where('f.rule_id', '=', q.ruleId);
  if (q.level) base = base.where('f.level', '=', q.level);
  if (q.status) base = base.where('f.status', '=', q.status);
  if (q.orgId) base = base.where(sql<SqlBool>`o.path <@ (select path from orgs where id = ${q.orgId})`);
  return base;
}

export async function listFindings(ctx: AppContext, auth: Auth, q: FindingQuery) {
  const base = filtered(ctx, auth, q);
  const { limit, offset } = toLimitOffset(q);
  const [rows, n] = await Promise.all([
    base
      .select([
        'f.id',
        'f.source',
        'f.rule_id',
        'f.level',
        'f.message',
        'f.message_en',
        'f.settings',
        'f.evidence',
        'f.first_seen_on',
        'f.last_seen_on',
        'f.active',
        'f.status',
        'f.status_note',
        'f.subject_kind',
        'f.subject_id',
        'c.name as cadre_name',
        'o.id as org_id',
        'o.name as org_name',
      ])
      .orderBy(sql`case f.level when 'red' then 0 when 'yellow' then 1 else 2 end`)
      .orderBy('f.last_seen_on', 'desc')
      .orderBy('f.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(n.n),
    items: rows.map((r) => ({
      id: r.id,
      source: r.source,
      ruleId: r.rule_id,
      level: r.level,
      message: r.message,
      messageEn: r.message_en,
      settings: r.settings,
      evidence: r.evidence,
      firstSeenOn: r.first_seen_on,
      lastSeenOn: r.last_seen_on,
      active: r.active,
      status: r.status as FindingStatus,
      statusLabel: FINDING_STATUS[r.status as FindingStatus][0],
      statusNote: r.status_note,
      subject: {
        kind: r.subject_kind,
        id: r.subject_id,
        name: r.subject_kind === 'cadre' ? r.cadre_name : r.org_name,
        orgId: r.org_id,
        orgName: r.org_name,
      },
    })),
  };
}

/** Counts per rule, level and status, of the active findings in scope (or under a unit). */
export async function findingCounts(ctx: AppContext, auth: Auth, q: { orgId?: number }) {
  const rows = await filtered(ctx, auth, q)
    .select(['f.rule_id', 'f.level', 'f.status', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy(['f.rule_id', 'f.level', 'f.status'])
    .orderBy('f.rule_id')
    .orderBy('f.level')
    .orderBy('f.status')
    .execute();
  return {
    items: rows.map((r) => ({
      ruleId: r.rule_id,
      level: r.level,
      status: r.status as FindingStatus,
      count: Number(r.n),
    })),
  };
}

/** A person closes an open finding: handled with a note, or dismissed with a reason (trailed, with the words). */
export async function moveFinding(
  ctx: AppContext,
  auth: Auth,
  actor: Actor,
  id: number,
  move: 'handle' | 'dismiss',
  note: string,
) {
  const row = await visibleFindings(ctx, auth).select(['f.id', 'f.status']).where('f.id', '=', id).executeTakeFirst();
  if (!row) throw await outOfScope(ctx, actor, 'finding', id);
  return write(ctx.db, ctx.clock, actor, async (w) => {
    const to = await FINDING_MACHINE.apply(w, { id, state: row.status as FindingStatus }, move, {
      set: { status_note: note, status_by: auth.accountId, status_at: w.now },
      detail: { note },
    });
    return { id, status: to, statusLabel: FINDING_STATUS[to][0] };
  });
}
