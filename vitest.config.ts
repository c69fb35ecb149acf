import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify('test'),
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
          setupFiles: ['src/testing/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          // Real HTTP, real SQLite files and child processes: vitest's 5 s default is met
          // on a quiet machine but not on a busy 2-core one. Tests that spawn processes
          // set their own, longer limits as well.
          testTimeout: 30_000,
          hookTimeout: 30_000,
          include: ['tests/server/**/*.test.ts'],
        },
      },
    ],
  },
});
