// The one page of every list (issue 12 §6): `?page=&pageSize=` in (paging.ts), `{ total, items }` out, where total
// counts every row the filters match and items are that page's rows. No server imports: the web app shares it.
import { z } from 'zod';

/** Rows per page when the query does not say; the workbench's tables ask for the same. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 200;

/** The answer of a paged list; `extra` adds fields beside the page (e.g. the `today` the due dates compare with). */
export const pageAnswer = <T extends z.ZodType, E extends z.ZodRawShape = Record<never, never>>(item: T, extra?: E) =>
  z.object({ total: z.number(), ...(extra as E), items: z.array(item) });
