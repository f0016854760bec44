// Small SQL pieces several modules need.
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.js';

/** The next id of a table's identity column, taken before the insert (for paths and values bound to the id). */
export async function nextId(db: Kysely<DB>, table: 'orgs'): Promise<number> {
  return (await sql<{ id: number }>`select nextval(pg_get_serial_sequence(${table}, 'id'))::int as id`.execute(db))
    .rows[0].id;
}

/** Text to match literally inside a LIKE / ILIKE pattern (\, % and _ are escaped). */
export const escapeLike = (v: string) => v.replace(/[\\%_]/g, (m) => `\\${m}`);
