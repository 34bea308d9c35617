import { defineConfig } from 'vitest/config';

// One run for everything: unit tests beside the code in shared/, server/ and client/, integration and
// browser tests under tests/. `source` resolves @sammen/* workspaces to their TypeScript sources.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'], externalConditions: ['source'] } },
  test: {
    include: ['{shared,server,client}/src/**/*.test.{ts,tsx}', 'tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
    reporters: ['default', './tests/harness/summaryReporter.ts'],
  },
});
