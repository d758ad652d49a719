import { defineConfig } from 'vitest/config';

/**
 * Two runs: everything (the emulator on its SQLite file store), and the emulator's contract tests
 * again on the in-memory store, which must behave the same. Tests of the file store itself
 * (restarts, kill -9, start-up, the packed package) run once.
 */
export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'file store', include: ['src/**/*.test.{ts,tsx}', 'emulator/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'in-memory store',
          include: ['emulator/test/*.test.ts'],
          exclude: ['emulator/test/crash.test.ts', 'emulator/test/persistence.test.ts', 'emulator/test/startup.test.ts', 'emulator/test/package.test.ts'],
          env: { EMULATOR_STORE: 'memory' },
        },
      },
    ],
  },
});
