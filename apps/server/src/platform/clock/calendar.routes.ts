// The working-day calendar as data: read a year, replace a year from the State Council notice (administrator),
// and compute a due date with the one dueDate() function (M-12). Replacing a year reloads the app's calendar.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { AppError, actorOf, requireAuth } from '../http/index.js';
import { write } from '../trail/index.js';
import { urlInt } from '../scope/index.js';
import { WorkCalendar, dueDate } from './index.js';
import * as answers from './calendar.responses.js';

const year = urlInt(2000, 2100);
const day = z
  .object({ date: z.iso.date(), kind: z.enum(['holiday', 'workday']), name: z.string().trim().min(1).max(20) })
  .strict();

export function calendarRoutes(ctx: AppContext, reload: () => Promise<WorkCalendar>): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['calendar'];
    app.get(
      '/calendar/:year',
      {
        config: { access: 'signed-in' },
        schema: {
          response: { 200: answers.calendarYearAnswer },
          tags,
          summary: '节假日与调休 Holidays and adjusted working days',
          params: z.object({ year }).strict(),
        },
      },
      async (req) => {
        requireAuth(req);
        const rows = await ctx.db
          .selectFrom('calendar_days')
          .selectAll()
          .where('day', '>=', `${req.params.year}-01-01`)
          .where('day', '<=', `${req.params.year}-12-31`)
          .orderBy('day')
          .execute();
        return {
          year: req.params.year,
          provisional: ctx.calendar.isProvisional(`${req.params.year}-07-01`),
          days: rows.map((r) => ({ date: r.day, kind: r.kind, name: r.name, provisional: r.provisional })),
        };
      },
    );

    app.put(
      '/calendar/:year',
      {
        config: { access: 'rules.write' },
        schema: {
          response: { 200: answers.calendarSaved },
          tags,
          summary: '按国务院通知替换全年安排 Replace a year from the official notice',
          params: z.object({ year }).strict(),
          body: z.object({ days: z.array(day).min(1).max(120) }).strict(),
        },
      },
      async (req) => {
        const y = String(req.params.year);
        const outside = req.body.days.find((d) => !d.date.startsWith(`${y}-`));
        if (outside)
          throw new AppError(
            400,
            'VALIDATION',
            `输入有误：${outside.date} 不在 ${y} 年`,
            `Invalid input: ${outside.date} is not in ${y}`,
          );
        try {
          new WorkCalendar(req.body.days); // duplicates, impossible dates, a 'workday' on a weekday are refused here
        } catch (e) {
          throw new AppError(
            400,
            'VALIDATION',
            `输入有误：${(e as Error).message}`,
            `Invalid input: ${(e as Error).message}`,
          );
        }
        await write(ctx.db, ctx.clock, actorOf(req), async (w) => {
          await w.trx
            .deleteFrom('calendar_days')
            .where('day', '>=', `${y}-01-01`)
            .where('day', '<=', `${y}-12-31`)
            .execute();
          await w.trx
            .insertInto('calendar_days')
            .values(req.body.days.map((d) => ({ day: d.date, kind: d.kind, name: d.name, provisional: false })))
            .execute();
          w.record({
            action: 'calendar.replace_year',
            entity: 'calendar',
            entityId: y,
            detail: { days: req.body.days.length },
          });
        });
        ctx.calendar = await reload();
        return {
          year: req.params.year,
          days: req.body.days.length,
          provisional: ctx.calendar.isProvisional(`${y}-07-01`),
        };
      },
    );

    app.get(
      '/calendar/due',
      {
        config: { access: 'signed-in' },
        schema: {
          response: { 200: answers.dueDate },
          tags,
          summary: '计算期限 Due date',
          querystring: z
            .object({
              start: z.iso.date(),
              days: urlInt(0, 3650),
              unit: z.enum(['calendar', 'working']),
            })
            .strict(),
        },
      },
      async (req) => {
        requireAuth(req);
        return dueDate(ctx.calendar, req.query.start, { days: req.query.days, unit: req.query.unit });
      },
    );
  };
}
