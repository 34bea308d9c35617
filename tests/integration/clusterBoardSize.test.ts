import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { CLOSE, type StickyNote, getElement, insertElement } from '@sammen/shared';
import { type Cluster, clusterServices, startCluster } from '../harness/cluster.js';
import { createBoard } from '../harness/server.js';
import { type YClient, connectClient, synced, waitForDoc } from '../harness/yclient.js';

// Two real processes serve one board (PostgreSQL + Redis), writes split between them: the board's
// size limit (MAX_BOARD_BYTES) holds for the board, not for each process's share of it. Each process
// counts the rows the other stored (they arrive over the bus), so the refusal (4413) comes at the
// limit, not at twice it.

const services = await clusterServices();
const MAX_BOARD_BYTES = 24_000;

const note = (id: string, n: number): StickyNote => ({
  id, type: 'note', index: `a${String(n).padStart(4, '0')}`, frameId: null, x: n * 10, y: 0, width: 200, height: 200, color: 'yellow', text: `${id} ${'x'.repeat(900)}`,
});

describe.skipIf(services !== true)(`the board size limit with several processes${services === true ? '' : ` (${services})`}`, () => {
  let cluster: Cluster;
  const clients: YClient[] = [];
  beforeAll(async () => {
    cluster = await startCluster(2, { env: { MAX_BOARD_BYTES: String(MAX_BOARD_BYTES), COMPACT_AFTER_UPDATES: '100000' } });
  }, 180_000);
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await cluster?.stop();
  });

  it('refuses the write that would pass the limit, whichever process stored the rest', { timeout: 180_000 }, async () => {
    const boardId = await createBoard(cluster.servers[0]!);
    const pair = [connectClient(cluster.servers[0]!.wsUrl, boardId), connectClient(cluster.servers[1]!.wsUrl, boardId)] as const;
    clients.push(...pair);
    await Promise.all(pair.map(synced));
    let refused: { code: number } | null = null;
    let onRefused = (): void => {};
    const refusal = new Promise<void>((resolve) => (onRefused = resolve));
    const sentBytes = [0, 0];
    pair.forEach((c, i) => {
      c.provider.on('connection-close', (event: CloseEvent | null) => {
        if (!event || refused) return;
        refused = { code: event.code };
        onRefused();
      });
      c.doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== c.provider) sentBytes[i]! += update.byteLength; // its own edits, as sent
      });
    });
    const accepted: number[] = [];
    for (let n = 0; n < 100 && !refused; n++) {
      const writer = n % 2;
      const reader = pair[1 - writer]!;
      const before = sentBytes[writer]!;
      insertElement(pair[writer]!.doc, note(`n${n}`, n));
      const size = sentBytes[writer]! - before;
      // Accepted once the other process's client has it; refused: its writer is closed.
      await Promise.race([waitForDoc(reader.doc, (d: Y.Doc) => getElement(d, `n${n}`) !== undefined, 60_000), refusal]);
      if (!refused) accepted.push(size);
    }
    expect(refused).toMatchObject({ code: CLOSE.BOARD_TOO_LARGE.code });
    const acceptedBytes = accepted.reduce((a, b) => a + b, 0);
    const noteBytes = Math.max(...accepted);
    // Every accepted note fits under the limit (with the board's schema stamp), and the refused one
    // is the one that would not have: refused at the limit, not at twice it.
    expect(acceptedBytes).toBeLessThanOrEqual(MAX_BOARD_BYTES);
    expect(acceptedBytes + 2 * noteBytes).toBeGreaterThan(MAX_BOARD_BYTES);
  });
});
