import { defineConfig } from 'vitest/config';
import LongestFirstSequencer from './tests/harness/sequencer.js';

const resolve = { conditions: ['source'] };
const ssr = { resolve: { conditions: ['source'], externalConditions: ['source'] } };

// One run for everything: unit tests beside the code in shared/, server/ and client/, integration tests
// against a real server, and browser tests in real Chromium. All share one pool of two workers (2
// cores), so a browser file runs beside the other files instead of after all of them, one at a time
// with a core mostly idle. Longest files first, browser files spread through the run so that they
// mostly run beside other files, not beside each other (tests/harness/sequencer.ts). `source`
// resolves the @sammen/* workspaces to their TypeScript sources.
export default defineConfig({
  resolve,
  ssr,
  test: {
    reporters: ['default', './tests/harness/summaryReporter.ts'],
    sequence: { sequencer: LongestFirstSequencer },
    projects: [
      {
        resolve,
        ssr,
        test: {
          name: 'unit+integration',
          include: ['{shared,server,client}/src/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          maxWorkers: 2,
        },
      },
      {
        resolve,
        ssr,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // A browser on a busy 2-core CI machine can take more than the default 1 s to show what
          // another page did (render, presence coalescing); a poll still fails if it never happens.
          expect: { poll: { timeout: 5_000 } },
          testTimeout: 90_000,
          hookTimeout: 90_000,
          maxWorkers: 2,
        },
      },
    ],
  },
});
