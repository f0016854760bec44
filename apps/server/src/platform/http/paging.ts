import { z } from 'zod';
import { urlInt } from '../scope/id-kinds.js';

// Numbers in a URL are decimal digits and nothing else (issue 11 §7): `?pageSize=0x10` is refused, not read as 16.
export const pageQuery = {
  page: urlInt(1, 100_000).default(1),
  pageSize: urlInt(1, 200).default(20),
};
export const toLimitOffset = (q: { page: number; pageSize: number }) => ({
  limit: q.pageSize,
  offset: (q.page - 1) * q.pageSize,
});
