import { defineConfig } from 'vitest/config';

// Unit tests sit next to the code (x.test.ts). Tests under */test/ need a database: the global
// setup gives each run its own throwaway PostgreSQL (see packages/db/test/global-setup.ts), and
// their files run one at a time because they share it.
const globalSetup = ['packages/db/test/global-setup.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'apps/api/src/**/*.test.ts', 'apps/web/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['packages/*/test/**/*.test.ts', 'apps/api/test/**/*.test.ts'],
          environment: 'node',
          globalSetup,
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
