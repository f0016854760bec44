// issue 11 §1: what the running app's role may do, stated once. The owner role runs the migrations and then these
// grants, after every migration run, so a table a later migration adds is granted by default and only the exceptions
// below are withheld. The app role owns nothing: it cannot ALTER a table, disable a trigger or TRUNCATE.
import { sql, type Kysely } from 'kysely';

/** Rows written once, never changed or removed: the trail, sealed files, facts about the installation (key checks),
 *  the login log (issue 13 §1: the app cannot erase a failed login), meeting seals. */
export const APPEND_ONLY = [
  'trail',
  'report_attachments',
  'record_attachments',
  'installation',
  'login_log',
  'meeting_seals', // issue 14 §5: a seal is never changed; a correction is a new sealed addendum
  'meeting_addenda', // issue 14 §5: and an addendum is never changed either
  'item_signatures', // issue 14 §3: a signature is never changed
  'emergency_signatures', // issue 14 §4: the proposer's signature, never changed
  'interference_records', // issue 14 §7: a record of a request to intervene is never changed or removed
  'interference_reports', // issue 14 §7: a signed quarterly report, never changed
  'expense_signatures', // issue 14 §7: a joint signature, never changed
  'pm_draw_members', // issue 15 §2: who a spot check drew, never changed
];
/** Moved only by the owner: trail_head by its SECURITY DEFINER trigger (0012), schema_migrations by migrate. */
export const READ_ONLY = ['trail_head', 'schema_migrations'];
/** A column named *_sealed (reporter identity, sealed files) is written once: never updated, its row never deleted. */
export const SEALED_COLUMN = /_sealed$/;

// pg-boss keeps its queue in its own schema, which the app role creates tables in (platform/jobs/pg-boss.ts).
const JOBS_SCHEMA = 'pgboss';

const id = (name: string) => sql.id(name);

export async function grantAppRole(db: Kysely<any>, appRole: string): Promise<void> {
  const role = id(appRole);
  await sql`REVOKE CREATE ON SCHEMA public FROM PUBLIC`.execute(db);
  await sql`GRANT USAGE ON SCHEMA public TO ${role}`.execute(db);
  // Revoking at table level also clears column grants, so each run starts from nothing the app was given before.
  await sql`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${role}`.execute(db);
  await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`.execute(db);
  await sql`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${role}`.execute(db);
  await sql`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${role}`.execute(db);
  const tables = new Set(
    (await sql<{ t: string }>`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public'`.execute(db)).rows.map(
      (r) => r.t,
    ),
  );
  for (const t of APPEND_ONLY) if (tables.has(t)) await sql`REVOKE UPDATE, DELETE ON ${id(t)} FROM ${role}`.execute(db);
  for (const t of READ_ONLY)
    if (tables.has(t)) await sql`REVOKE INSERT, UPDATE, DELETE ON ${id(t)} FROM ${role}`.execute(db);
  const columns = (
    await sql<{ t: string; c: string }>`SELECT table_name AS t, column_name AS c FROM information_schema.columns
    WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`.execute(db)
  ).rows;
  const sealedTables = new Set(columns.filter((r) => SEALED_COLUMN.test(r.c)).map((r) => r.t));
  for (const t of sealedTables) {
    if (APPEND_ONLY.includes(t) || READ_ONLY.includes(t)) continue;
    const open = columns.filter((r) => r.t === t && !SEALED_COLUMN.test(r.c)).map((r) => id(r.c));
    await sql`REVOKE UPDATE, DELETE ON ${id(t)} FROM ${role}`.execute(db);
    if (open.length) await sql`GRANT UPDATE (${sql.join(open)}) ON ${id(t)} TO ${role}`.execute(db);
  }
  await sql`CREATE SCHEMA IF NOT EXISTS ${id(JOBS_SCHEMA)}`.execute(db);
  await sql`GRANT USAGE, CREATE ON SCHEMA ${id(JOBS_SCHEMA)} TO ${role}`.execute(db);
}

/** Whether this connection's role owns the trail (or, on an empty database, would), i.e. could rewrite it. */
export async function ownsTrail(db: Kysely<any>): Promise<boolean> {
  const r = await sql<{ mine: boolean }>`SELECT coalesce(
      (SELECT pg_has_role(current_user, tableowner, 'USAGE') FROM pg_tables WHERE schemaname = 'public' AND tablename = 'trail'),
      has_schema_privilege('public', 'CREATE')) AS mine`.execute(db);
  return r.rows[0].mine;
}
