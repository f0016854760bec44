import os from 'node:os';
import { defineConfig } from 'vitest/config';

// One test suite, two engines: DATABASE_URL unset → PGlite in memory; set → the real PostgreSQL server.
export default defineConfig({
  test: {
    include: ['apps/server/src/**/*.test.ts'],
    globalSetup: ['apps/server/src/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: !process.env.DATABASE_URL,
    // issue 12 §8, measured on 2 cores: vitest's default (cores − 1) ran the files one at a time, yet a PGlite test
    // waits on argon2 and timers often enough for two to share the cores (283 → 220 s). Without isolation a worker
    // keeps its imported modules between files instead of importing the app again for each (220 → 143 s). Tests keep
    // no state between files: each starts its own app, and the few that change process.env or timers restore them.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    isolate: false,
  },
});
