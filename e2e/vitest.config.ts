import { defineConfig } from 'vitest/config';

// Browser leg: real server + real Chromium, so generous timeouts and one file at a time
// (each file boots its own server and browser; running them in parallel only adds contention).
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
