import { defineConfig } from 'vitest/config';

// End-to-end: real Chromium (Debian's) driven by playwright-core, through the bridge.
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
