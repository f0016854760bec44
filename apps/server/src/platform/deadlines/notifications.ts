// The reader's own reminders (M-27): the latest hundred, the unread count, marking one read.
import type { AppContext } from '../context.js';
import type { Auth } from '../auth/index.js';
import { notFound } from '../http/index.js';

export async function myNotifications(ctx: AppContext, auth: Auth, unreadOnly: boolean) {
  let q = ctx.db
    .selectFrom('notifications')
    .select(['id', 'kind', 'title', 'link', 'created_at', 'read_at'])
    .where('account_id', '=', auth.accountId);
  if (unreadOnly) q = q.where('read_at', 'is', null);
  const [items, unread] = await Promise.all([
    q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(100).execute(),
    ctx.db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('account_id', '=', auth.accountId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    unread: Number(unread.n),
    items: items.map((n) => ({
      id: n.id,
      kind: n.kind,
      title: n.title,
      link: n.link,
      at: n.created_at.toISOString(),
      read: n.read_at != null,
    })),
  };
}

export async function markRead(ctx: AppContext, auth: Auth, id: number) {
  const res = await ctx.db
    .updateTable('notifications')
    .set({ read_at: ctx.clock.now() })
    .where('id', '=', id)
    .where('account_id', '=', auth.accountId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) {
    const mine = await ctx.db
      .selectFrom('notifications')
      .select('id')
      .where('id', '=', id)
      .where('account_id', '=', auth.accountId)
      .executeTakeFirst();
    if (!mine) throw notFound();
  }
  return { id, read: true };
}
