// Attachments of talks (M-20: the signed talk record, issue 5 §1) and of supervision records (M-23 … M-26: minutes,
// check reports). The store (platform/files) checks, seals, counts and trails; this file says who may: whoever may
// read the record downloads (trailed, as a sensitive read); whoever may record it adds — a committee leader only to
// their own, an M-26 record's files only the discipline commission.
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import { can, type Auth } from '../../platform/auth/index.js';
import { attachmentStore } from '../../platform/files/index.js';
import { AppError } from '../../platform/http/index.js';
import { cadreVisible, orgVisible, outOfScope } from '../../platform/scope/index.js';
import type { Actor } from '../../platform/trail/index.js';
import { ACTIVITY_KINDS, type ActivityKind } from './talk-kinds.dicts.js';

export type RecordEntity = 'talk' | 'activity';
export const RECORD_ATTACHMENT_LIMIT = 10;
const discipline = (kind: string) => ACTIVITY_KINDS[kind as ActivityKind]?.rule === 'M-26';

/**
 * The records of `ids` the caller may read, with who did each (for the committee leader's own-records rule): a talk
 * through its talkee, a supervision record through its unit, an M-26 record for the discipline commission only. The
 * scope check of talk and activity ids (talks.scope.ts) is this query.
 */
export async function visibleRecords(ctx: AppContext, auth: Auth, entity: RecordEntity, ids: number[]) {
  const rows =
    entity === 'talk'
      ? await ctx.db
          .selectFrom('talks as t')
          .innerJoin('cadres as e', 'e.id', 't.talkee_cadre_id')
          .select(['t.id', 't.talker_cadre_id as doer', sql<string>`'talk'`.as('kind')])
          .where('t.id', 'in', ids)
          .where(cadreVisible(auth.scope, 'e'))
          .execute()
      : await ctx.db
          .selectFrom('supervision_activities as a')
          .innerJoin('orgs as u', 'u.id', 'a.org_id')
          .select(['a.id', 'a.actor_cadre_id as doer', 'a.kind'])
          .where('a.id', 'in', ids)
          .where(orgVisible(auth.scope, 'u'))
          .execute();
  return rows.filter((r) => !discipline(r.kind) || can(auth.role, 'clues.read'));
}

async function visibleRecord(ctx: AppContext, auth: Auth, actor: Actor, entity: RecordEntity, id: number) {
  const [row] = await visibleRecords(ctx, auth, entity, [id]);
  if (!row) throw await outOfScope(ctx, actor, entity, id);
  return row;
}

/** Who may add to a record: whoever may record it; a committee leader only to their own; M-26 the commission only. */
async function mayAdd(
  ctx: AppContext,
  { auth, entity, id }: { auth: Auth; entity: RecordEntity; id: number },
  actor: Actor,
) {
  const rec = await visibleRecord(ctx, auth, actor, entity, id);
  if (discipline(rec.kind) && !can(auth.role, 'clues.handle'))
    throw new AppError(
      403,
      'DISCIPLINE_ONLY',
      '该记录的附件由纪检监察机关上传',
      'Only the discipline commission adds these',
    );
  if (auth.role === 'committee_leader' && rec.doer !== auth.scope.cadreId) {
    throw new AppError(
      403,
      'OWN_RECORDS_ONLY',
      '党委领导只能为本人的记录上传附件',
      'A committee leader adds files only to their own records',
    );
  }
  return id;
}

// One store per kind of record, in the shared record_attachments table; the seal prefixes are those of the stored rows.
const storeOf = (entity: RecordEntity) =>
  attachmentStore({
    kind: entity,
    table: 'record_attachments',
    ownerColumn: 'entity_id',
    kindColumn: { entity },
    ownerTable: entity === 'talk' ? 'talks' : 'supervision_activities',
    keepsUploader: true,
    seal: { content: `${entity}-attachment-content`, name: `${entity}-attachment-name` },
    limit: {
      count: RECORD_ATTACHMENT_LIMIT,
      zh: entity === 'talk' ? '次谈话' : '条记录',
      en: entity === 'talk' ? 'talk' : 'record',
    },
    mayAdd,
    mayRead: (ctx, auth: Auth, actor, id) => visibleRecord(ctx, auth, actor, entity, id),
  });
const STORES = { talk: storeOf('talk'), activity: storeOf('activity') };

export async function addRecordAttachment(
  ctx: AppContext,
  auth: Auth,
  actor: Actor,
  entity: RecordEntity,
  id: number,
  name: string,
  body: unknown,
) {
  const f = await STORES[entity].add(ctx, { auth, entity, id }, actor, name, body);
  return { id: f.id, name: f.name, type: f.type, size: f.size, sha256: f.sha256 };
}

export const readRecordAttachment = (
  ctx: AppContext,
  auth: Auth,
  actor: Actor,
  entity: RecordEntity,
  id: number,
  fileId: number,
) => STORES[entity].read(ctx, auth, actor, id, fileId);

/** What the files of the listed records are (never their content); the caller has scoped the records. */
export async function attachmentsOf(ctx: AppContext, entity: RecordEntity, ids: number[]) {
  const files = await STORES[entity].list(ctx, ids);
  return (recordId: number) =>
    files(recordId).map((f) => ({ id: f.id, name: f.name, type: f.type, typeLabel: f.typeLabel, size: f.size }));
}
