// The ids of talks, duties and supervision records (issue 11 §2), each seen exactly as its own reads see it.
import { defineIdKind, orgVisible } from '../../platform/scope/index.js';
import { visibleDuties } from './duties.service.js';
import { visibleRecords, type RecordEntity } from './record-attachments.service.js';

/** A duty about a cadre in scope (or, with no subject person, a unit in scope), or owed by the caller. */
export const duty = defineIdKind('duty', (ctx, auth, ids) =>
  visibleDuties(ctx, auth).select('d.id').where('d.id', 'in', ids).execute(),
);

/** A talk through its talkee; a supervision record through its unit (M-26 records for the commission only). */
export const talk = defineIdKind('talk', (ctx, auth, ids) => visibleRecords(ctx, auth, 'talk', ids));
export const activity = defineIdKind('activity', (ctx, auth, ids) => visibleRecords(ctx, auth, 'activity', ids));

/** A file of a talk or a record: through its record. */
const fileOf = (entity: RecordEntity) =>
  defineIdKind(
    `${entity}File`,
    async (ctx, auth, ids) => {
      const files = await ctx.db
        .selectFrom('record_attachments')
        .select(['id', 'entity_id'])
        .where('entity', '=', entity)
        .where('id', 'in', ids)
        .execute();
      const records = files.length
        ? new Set(
            (await visibleRecords(ctx, auth, entity, [...new Set(files.map((f) => f.entity_id))])).map((r) => r.id),
          )
        : new Set();
      return files.filter((f) => records.has(f.entity_id));
    },
    'record_attachment',
  );
export const talkFile = fileOf('talk');
export const activityFile = fileOf('activity');

/** A task of a responsibility list: through its unit, or the caller's own as its lead leader. */
export const responsibility = defineIdKind(
  'responsibility',
  (ctx, auth, ids) =>
    ctx.db
      .selectFrom('responsibility_tasks as t')
      .innerJoin('orgs as o', 'o.id', 't.org_id')
      .select('t.id')
      .where('t.id', 'in', ids)
      .where((eb) =>
        eb.or([
          orgVisible(auth.scope, 'o'),
          ...(auth.scope.cadreId != null ? [eb('t.lead_cadre_id', '=', auth.scope.cadreId)] : []),
        ]),
      )
      .execute(),
  'responsibility_task',
);
