// One attachment store (issue 12 §3) for every kind of owner: a report (M-10, M-11), a talk (M-20), a supervision
// record (M-23 … M-26). It holds what every owner's files share: the count per owner and the size, the type read from
// the content, the sealing of content and name (bound to the owner and the file), the lock that serialises the count,
// the trailed write and the trailed read. Who may add and who may read is the module's answer, given as callbacks:
// the store never decides scope. The two tables stay as their migrations made them (0008, 0011); an owner kind says
// which one it uses and how its rows name their owner.
import { createHash } from 'node:crypto';
import { type ExpressionBuilder, sql } from 'kysely';
import type { AppContext } from '../context.js';
import type { DB } from '../db/index.js';
import { notFound } from '../http/index.js';
import { type Actor, recordRead, write } from '../trail/index.js';
import { ATTACHMENT_TYPES, type AttachmentType } from './attachment-type.js';
import { checkFile, fileErrors } from './check-file.js';

type FilesTable = 'report_attachments' | 'record_attachments';

export interface AttachmentOwner<AddAs, ReadAs> {
  /** 'report', 'talk', 'activity': the trail's entity, and the prefix of its actions (`talk.attachment_add`). */
  kind: string;
  table: FilesTable;
  /** The column that holds the owner's id, and in a table shared by several kinds the column naming the kind. */
  ownerColumn: 'report_id' | 'entity_id';
  kindColumn?: { entity: string };
  /** Its row is locked before the count, so two uploads at once cannot both pass it. */
  ownerTable: 'reports' | 'talks' | 'supervision_activities';
  /** The table keeps the uploading account (record_attachments.uploaded_by); the public has none. */
  keepsUploader?: boolean;
  /** Seal contexts are `${prefix}:${ownerId}:${fileId}`; the prefixes are those the stored rows were sealed with. */
  seal: { content: string; name: string };
  /** At most `count` files per owner; the 409 reads 每{zh}最多 N 个附件 / A {en} may have at most N attachments. */
  limit: { count: number; zh: string; en: string };
  /** Who may add: the owner's id, or throws (the owner's 404, a 403). Runs before the file is looked at. */
  mayAdd(ctx: AppContext, as: AddAs, actor: Actor): Promise<number>;
  /** Who may read: throws (the owner's own 404) unless `as` may read this owner's files. */
  mayRead(ctx: AppContext, as: ReadAs, actor: Actor, ownerId: number): Promise<unknown>;
}

/** What a list shows of a file: never its content. */
export interface AttachmentInfo {
  id: number;
  name: string;
  type: string;
  typeLabel: string;
  size: number;
  sha256: string;
  at: string;
}

const sha256Of = (content: Buffer) => createHash('sha256').update(content).digest('hex');

export function attachmentStore<AddAs, ReadAs>(o: AttachmentOwner<AddAs, ReadAs>) {
  const sealed = (part: 'content' | 'name', ownerId: number, fileId: number) => `${o.seal[part]}:${ownerId}:${fileId}`;
  // The two tables share every column but those naming the owner; these are named by the owner kind.
  const ownedBy = (ids: number[]) => (eb: ExpressionBuilder<DB, FilesTable>) =>
    eb.and([
      eb(sql.ref(o.ownerColumn), 'in', ids),
      ...Object.entries(o.kindColumn ?? {}).map(([column, value]) => eb(sql.ref(column), '=', value)),
    ]);
  const countOf = async (db: AppContext['db'], ownerId: number) =>
    Number(
      (
        await db
          .selectFrom(o.table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where(ownedBy([ownerId]))
          .executeTakeFirstOrThrow()
      ).n,
    );

  return {
    limit: o.limit.count,

    /** Checks, then one transaction that writes the sealed file and its trail row: a refused file leaves nothing. */
    async add(ctx: AppContext, as: AddAs, actor: Actor, name: string, body: unknown) {
      const ownerId = await o.mayAdd(ctx, as, actor);
      const { fileName, type, content } = checkFile(name, body);
      const sha256 = sha256Of(content);
      return write(ctx.db, ctx.clock, actor, async (w) => {
        await sql`select id from ${sql.table(o.ownerTable)} where id = ${ownerId} for update`.execute(w.trx);
        const n = await countOf(w.trx, ownerId);
        if (n >= o.limit.count) throw fileErrors.tooMany(o.limit.count, o.limit.zh, o.limit.en);
        // The id comes first: the seals are bound to it.
        const { id } = (
          await sql<{ id: number }>`select nextval(pg_get_serial_sequence(${o.table}, 'id'))::int as id`.execute(w.trx)
        ).rows[0];
        await w.trx
          .insertInto(o.table)
          .values({
            id,
            [o.ownerColumn]: ownerId,
            ...o.kindColumn,
            ...(o.keepsUploader ? { uploaded_by: actor.accountId } : {}),
            file_name_sealed: ctx.box.seal(fileName, sealed('name', ownerId, id)),
            mime_type: type,
            size_bytes: content.length,
            sha256,
            content_sealed: ctx.box.sealBytes(content, sealed('content', ownerId, id)),
            created_at: w.now,
          })
          .execute();
        // The trail names the file by its digest, never by its name or content (either may identify a reporter).
        w.record({
          action: `${o.kind}.attachment_add`,
          entity: o.kind,
          entityId: ownerId,
          detail: { attachmentId: id, type, size: content.length, sha256 },
        });
        return { id, name: fileName, type, size: content.length, sha256, count: n + 1 };
      });
    },

    /** A download, for whoever the module lets read the owner; trailed as a sensitive read. */
    async read(ctx: AppContext, as: ReadAs, actor: Actor, ownerId: number, fileId: number) {
      await o.mayRead(ctx, as, actor, ownerId);
      const a = await ctx.db
        .selectFrom(o.table)
        .select(['id', 'file_name_sealed', 'mime_type', 'sha256', 'content_sealed'])
        .where(ownedBy([ownerId]))
        .where('id', '=', fileId)
        .executeTakeFirst();
      if (!a) throw notFound();
      const content = ctx.box.openBytes(Buffer.from(a.content_sealed), sealed('content', ownerId, a.id));
      await recordRead(ctx.db, ctx.clock, actor, {
        action: `${o.kind}.attachment_read`,
        entity: o.kind,
        entityId: ownerId,
        detail: { attachmentId: a.id, sha256: a.sha256 },
      });
      return { name: ctx.box.open(a.file_name_sealed, sealed('name', ownerId, a.id)), type: a.mime_type, content };
    },

    /** The files of each listed owner, oldest first. The caller has scoped the owners. */
    async list(ctx: AppContext, ownerIds: number[]): Promise<(ownerId: number) => AttachmentInfo[]> {
      const rows = ownerIds.length
        ? await ctx.db
            .selectFrom(o.table)
            .select([
              sql.ref<number>(o.ownerColumn).as('owner'),
              'id',
              'file_name_sealed',
              'mime_type',
              'size_bytes',
              'sha256',
              'created_at',
            ])
            .where(ownedBy(ownerIds))
            .orderBy('id')
            .execute()
        : [];
      return (ownerId) =>
        rows
          .filter((a) => a.owner === ownerId)
          .map((a) => ({
            id: a.id,
            name: ctx.box.open(a.file_name_sealed, sealed('name', ownerId, a.id)),
            type: a.mime_type,
            typeLabel: ATTACHMENT_TYPES[a.mime_type as AttachmentType]?.label ?? a.mime_type,
            size: a.size_bytes,
            sha256: a.sha256,
            at: a.created_at.toISOString(),
          }));
    },

    /** How many files an owner has (the reporter's view shows this, never a file). */
    count: (ctx: AppContext, ownerId: number) => countOf(ctx.db, ownerId),
  };
}
