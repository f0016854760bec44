// What every service receives: the database, the one clock, the working-day calendar, the key for sealed fields.
import type { Kysely } from 'kysely';
import type { DB, Engine } from './db/index.js';
import type { Clock, WorkCalendar } from './clock/index.js';
import type { SecretBox, Signer } from './crypto/index.js';
import type { DeadlineRegistry } from './deadlines/index.js';

export interface AppContext {
  db: Kysely<DB>;
  engine: Engine;
  clock: Clock;
  calendar: WorkCalendar;
  box: SecretBox;
  /** Signs proofs handed to the public (M-11). */
  signer: Signer;
  /** Demo mode: demo accounts may log in. */
  demo: boolean;
  /** The append-only file of signed trail checkpoints (issue 11 §1); null: none (tests without a data directory). */
  trailCheckpoints: string | null;
  /** Who opens which deadline on which event, and who lists which deadlines (issue 12 §1); wired in app.ts. */
  deadlines: DeadlineRegistry;
}
