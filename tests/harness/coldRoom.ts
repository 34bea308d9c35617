import type { RunningServer } from './server.js';

/** Boards the server has loaded now, read off /metrics (the server must run with this METRICS_TOKEN). */
export async function loadedBoards(server: RunningServer, metricsToken: string): Promise<number> {
  // A fresh connection each time: a kept-alive one can be reset while the server is busy applying.
  const res = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${metricsToken}`, connection: 'close' } });
  const line = (await res.text()).split('\n').find((l) => l.startsWith('sammen_loaded_documents{kind="board"}'));
  if (!line) throw new Error('no sammen_loaded_documents on /metrics');
  return Number(line.split(' ').pop());
}

/**
 * Waits until the server has unloaded every board (start it with a short IDLE_UNLOAD_MS), so the next
 * open is cold. The room leaves the list when its unload starts; `settleMs` lets its compaction (one
 * store write) finish too.
 */
export async function untilCold(server: RunningServer, metricsToken: string, settleMs = 300): Promise<void> {
  const deadline = Date.now() + 60_000;
  while ((await loadedBoards(server, metricsToken)) > 0) {
    if (Date.now() > deadline) throw new Error('the board never unloaded');
    await new Promise((r) => setTimeout(r, 50));
  }
  await new Promise((r) => setTimeout(r, settleMs));
}
