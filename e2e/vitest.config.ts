import { defineConfig } from 'vitest/config';

// Browser leg: real server + real Chromium, so generous timeouts and one file at a time
// (each file boots its own server and browser; running them in parallel only adds contention).
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    // A page settles (an antd list closing, a reload after a save) in well under a second on a quiet machine, not always
    // on a busy one: expect.poll waits up to 10 s here, not its default 1 s (a CI run failed on a closing dropdown).
    expect: { poll: { timeout: 10_000 } },
  },
});
