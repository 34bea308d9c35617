/**
 * One commit at a time through the built SQLite store (server/dist, synchronous=FULL, a temp folder),
 * appends on the event loop or on their own thread: how long the event loop was busy per commit
 * (performance.eventLoopUtilization: a flush on the main thread counts as busy, waiting for the
 * thread's answer does not) and how long each commit took from the call until it resolved.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openSqliteStorage } from '../../server/dist/store/SqliteStorage.js';

export interface CommitCost {
  loopBusyUsPerCommit: number;
  latencyUsPerCommit: number;
}

export async function measureCommitCost(appendThread: boolean, batchSize: number, commits = 500): Promise<CommitCost> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-commit-cost-'));
  const storage = openSqliteStorage(dir, { appendThread });
  try {
    const batch = Array.from({ length: batchSize }, (_, i) => ({ docId: `board-${i % 3}`, update: new Uint8Array(150).fill(i) }));
    for (let i = 0; i < 50; i++) await storage.documents.appendBatch(batch); // warm-up (and the thread started)
    const elu0 = performance.eventLoopUtilization();
    const t0 = performance.now();
    for (let i = 0; i < commits; i++) await storage.documents.appendBatch(batch);
    const elapsed = performance.now() - t0;
    const elu = performance.eventLoopUtilization(elu0);
    return { loopBusyUsPerCommit: (elu.active * 1000) / commits, latencyUsPerCommit: (elapsed * 1000) / commits };
  } finally {
    await storage.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
