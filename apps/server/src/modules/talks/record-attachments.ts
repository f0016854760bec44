// Attachments of talks (M-20: the signed talk record, issue 5 §1) and of supervision records (M-23 … M-26: minutes,
// check reports). Whoever may read the record may download them (trailed, as a sensitive read); whoever may record it
// may add them — a committee leader only to their own. Every check runs before the one transaction that writes the
// file and its trail row; the content and the name are sealed, bound to the record and the file.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import { can, type Auth } from '../../platform/auth/index.js';
import { ATTACHMENT_TYPES, checkFile, fileErrors, type AttachmentType } from '../../platform/files/index.js';
import { AppError, notFound } from '../../platform/http/index.js';
import { cadreVisible, orgVisible, outOfScope } from '../../platform/scope/index.js';
import { recordRead, write, type Actor } from '../../platform/trail/index.js';
import { ACTIVITY_KINDS, type ActivityKind } from './talk-kinds.js';

export type RecordEntity = 'talk' | 'activity';
export const RECORD_ATTACHMENT_LIMIT = 10;
const seal = (entity: RecordEntity, recordId: number, id: number, part: 'name' | 'content') =>
  `${entity}-attachment-${part}:${recordId}:${id}`;
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

export async function addRecordAttachment(
  ctx: AppContext,
  auth: Auth,
  actor: Actor,
  entity: RecordEntity,
  id: number,
  name: string,
  body: unknown,
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
  const { fileName, type, content } = checkFile(name, body);
  const sha256 = createHash('sha256').update(content).digest('hex');
  return write(ctx.db, ctx.clock, actor, async (w) => {
    // The record row is locked first, so two uploads at once cannot both pass the count.
    await sql`select id from ${sql.table(entity === 'talk' ? 'talks' : 'supervision_activities')} where id = ${id} for update`.execute(
      w.trx,
    );
    const { n } = await w.trx
      .selectFrom('record_attachments')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('entity', '=', entity)
      .where('entity_id', '=', id)
      .executeTakeFirstOrThrow();
    if (Number(n) >= RECORD_ATTACHMENT_LIMIT)
      throw fileErrors.tooMany(
        RECORD_ATTACHMENT_LIMIT,
        entity === 'talk' ? '次谈话' : '条记录',
        entity === 'talk' ? 'talk' : 'record',
      );
    const fileId = (
      await sql<{ id: number }>`select nextval(pg_get_serial_sequence('record_attachments', 'id'))::int as id`.execute(
        w.trx,
      )
    ).rows[0].id;
    await w.trx
      .insertInto('record_attachments')
      .values({
        id: fileId,
        entity,
        entity_id: id,
        file_name_sealed: ctx.box.seal(fileName, seal(entity, id, fileId, 'name')),
        mime_type: type,
        size_bytes: content.length,
        sha256,
        content_sealed: ctx.box.sealBytes(content, seal(entity, id, fileId, 'content')),
        uploaded_by: auth.accountId,
        created_at: w.now,
      })
      .execute();
    w.record({
      action: `${entity}.attachment_add`,
      entity,
      entityId: id,
      detail: { attachmentId: fileId, type, size: content.length, sha256 },
    });
    return { id: fileId, name: fileName, type, size: content.length, sha256 };
  });
}

export async function readRecordAttachment(
  ctx: AppContext,
  auth: Auth,
  actor: Actor,
  entity: RecordEntity,
  id: number,
  fileId: number,
) {
  await visibleRecord(ctx, auth, actor, entity, id);
  const a = await ctx.db
    .selectFrom('record_attachments')
    .select(['id', 'file_name_sealed', 'mime_type', 'sha256', 'content_sealed'])
    .where('entity', '=', entity)
    .where('entity_id', '=', id)
    .where('id', '=', fileId)
    .executeTakeFirst();
  if (!a) throw notFound();
  const content = ctx.box.openBytes(Buffer.from(a.content_sealed), seal(entity, id, a.id, 'content'));
  await recordRead(ctx.db, ctx.clock, actor, {
    action: `${entity}.attachment_read`,
    entity,
    entityId: id,
    detail: { attachmentId: a.id, sha256: a.sha256 },
  });
  return { name: ctx.box.open(a.file_name_sealed, seal(entity, id, a.id, 'name')), type: a.mime_type, content };
}

/** What the files of the listed records are (never their content); the caller has scoped the records. */
export async function attachmentsOf(ctx: AppContext, entity: RecordEntity, ids: number[]) {
  const rows = ids.length
    ? await ctx.db
        .selectFrom('record_attachments')
        .select(['id', 'entity_id', 'file_name_sealed', 'mime_type', 'size_bytes'])
        .where('entity', '=', entity)
        .where('entity_id', 'in', ids)
        .orderBy('id')
        .execute()
    : [];
  return (recordId: number) =>
    rows
      .filter((a) => a.entity_id === recordId)
      .map((a) => ({
        id: a.id,
        name: ctx.box.open(a.file_name_sealed, seal(entity, recordId, a.id, 'name')),
        type: a.mime_type,
        typeLabel: ATTACHMENT_TYPES[a.mime_type as AttachmentType]?.label ?? a.mime_type,
        size: a.size_bytes,
      }));
}
