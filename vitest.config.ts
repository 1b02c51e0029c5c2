import { defineConfig } from 'vitest/config';

// Two projects: the core runs in plain Node against real temporary SQLite files;
// components run in jsdom against the same real services (no mocked API).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'core',
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'tests/renderer/**'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['tests/renderer/**/*.test.tsx', 'tests/renderer/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
