import { urlInt } from '../scope/id-kinds.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './page.js';

export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageAnswer } from './page.js';

// Numbers in a URL are decimal digits and nothing else (issue 11 §7): `?pageSize=0x10` is refused, not read as 16.
export const pageQuery = {
  page: urlInt(1, 100_000).default(1),
  pageSize: urlInt(1, MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
};
export const toLimitOffset = (q: { page: number; pageSize: number }) => ({
  limit: q.pageSize,
  offset: (q.page - 1) * q.pageSize,
});
