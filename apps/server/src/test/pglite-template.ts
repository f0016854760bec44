// issue 12 §8: a PGlite test app used to run initdb and every migration (≈4 s on 2 cores) before its first test. The
// migrations now run once into a data directory dumped to a file (platform/db/pglite-template.ts, shared with the
// first start of `npm start`); each test app loads it.
import { migrate, openDatabase } from '../platform/db/index.js';
import { readTemplate, saveTemplate, templatePath } from '../platform/db/pglite-template.js';

async function build(file: string): Promise<void> {
  const database = await openDatabase({ dataDir: 'memory://' });
  try {
    await migrate(database.db);
    await saveTemplate(database, file);
  } finally {
    await database.close();
  }
}

let cached: Promise<Blob> | undefined;

/** The migrated template, built on first use (vitest's globalSetup builds it before the workers start). */
export function migratedTemplate(): Promise<Blob> {
  cached ??= (async () => {
    const file = await templatePath();
    const ready = await readTemplate(file);
    if (ready) return ready;
    await build(file);
    return (await readTemplate(file))!;
  })();
  return cached;
}
