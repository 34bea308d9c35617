import fs from 'node:fs';
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Milliseconds a byte of a test file took on the 2-core machine (30 Nov 2026: 18 e2e files 193 s,
 * 39 integration files 237 s, 129 unit files 63 s), for guessing a file's duration where the run
 * has none cached (CI: a fresh clone).
 */
const MS_PER_BYTE = { e2e: 1.0, integration: 0.8, unit: 0.15 } as const;

const isBrowserFile = (spec: TestSpecification): boolean => spec.project.name === 'e2e';

/**
 * Orders the files so that the two workers stay busy to the end: longest first (the duration the
 * last run on this machine cached, else a guess from the file's size), and browser files spread
 * through the run so that two Chromiums seldom run at once: the order is that of a simulation of the
 * two workers taking the next file, a browser file whenever the simulated browser files are done.
 * Only an order: a file that runs longer than guessed can still meet another browser file.
 */
export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const estimate = (spec: TestSpecification): number => {
      const key = `${spec.project.name}:${path.relative(root, spec.moduleId)}`;
      const cached = this.ctx.cache.getFileTestResults(key)?.duration;
      if (cached !== undefined) return cached;
      const size = this.ctx.cache.getFileStats(key)?.size ?? fs.statSync(spec.moduleId).size;
      const kind = isBrowserFile(spec) ? 'e2e' : spec.moduleId.includes('/tests/integration/') ? 'integration' : 'unit';
      return size * MS_PER_BYTE[kind];
    };
    const longestFirst = (specs: TestSpecification[]) =>
      specs.map((spec) => ({ spec, ms: estimate(spec) })).sort((a, b) => b.ms - a.ms);
    const browser = longestFirst(files.filter(isBrowserFile));
    const rest = longestFirst(files.filter((f) => !isBrowserFile(f)));

    const workers = Math.max(1, ...files.map((f) => f.project.config.maxWorkers ?? 1));
    const order: TestSpecification[] = [];
    const freeAt: number[] = Array.from({ length: workers }, () => 0);
    let browserFreeAt = 0;
    while (browser.length || rest.length) {
      const w = freeAt.indexOf(Math.min(...freeAt));
      const now = freeAt[w]!;
      const takeBrowser = browser.length > 0 && (browserFreeAt <= now || rest.length === 0);
      const next = (takeBrowser ? browser : rest).shift()!;
      const start = takeBrowser ? Math.max(now, browserFreeAt) : now;
      freeAt[w] = start + next.ms;
      if (takeBrowser) browserFreeAt = freeAt[w];
      order.push(next.spec);
    }
    return order;
  }
}
