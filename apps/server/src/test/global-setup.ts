// vitest globalSetup: build the migrated PGlite template once, before the workers start, so parallel workers do not
// each build it on a first run (test/pglite-template.ts). The PostgreSQL leg (DATABASE_URL) does not use it.
import { migratedTemplate } from './pglite-template.js';

export default async function setup(): Promise<void> {
  if (!process.env.DATABASE_URL) await migratedTemplate();
}
