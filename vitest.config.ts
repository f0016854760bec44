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
  },
});
