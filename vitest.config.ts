import { defineConfig } from 'vitest/config';

// Three projects: pure unit tests, integration tests on a real database (PGlite by default, a PostgreSQL
// server when TEST_DATABASE_URL is set), and browser journeys in Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // Projects with different worker settings must run in different groups.
          sequence: { groupOrder: 0 },
          include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
          environment: 'node',
          setupFiles: ['tests/setup/fail-on-console-error.ts'],
        },
      },
      {
        test: {
          name: 'int',
          sequence: { groupOrder: 1 },
          include: ['src/**/*.int.test.ts', 'tests/**/*.int.test.ts'],
          environment: 'node',
          globalSetup: ['tests/setup/global-db.ts'],
          setupFiles: ['tests/setup/fail-on-console-error.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          include: ['tests/e2e/**/*.e2e.ts'],
          environment: 'node',
          globalSetup: ['tests/setup/global-e2e.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // What a page shows is read again until it matches (expect.poll), never taken from one instant:
          // data arrives after the page, and a busy machine renders late.
          expect: { poll: { timeout: 10_000, interval: 50 } },
        },
      },
    ],
  },
});
