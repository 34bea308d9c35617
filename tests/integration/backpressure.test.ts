import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { type StickyNote, getElement, insertElement } from '@sammen/shared';
import { type RunningServer, createBoard, startServer } from '../harness/server.js';
import { type YClient, closed, connectClient, rawSocket, synced, waitForDoc } from '../harness/yclient.js';

/**
 * Finding: a socket that never read, sending a few bytes of sync step 1 over and over against an
 * 8 MiB board, drove the server from 190 MiB to 2.6 GiB and stalled /health for 45 s.
 */
let server: RunningServer;
const clients: YClient[] = [];
beforeAll(async () => {
  // The writer builds an 8 MiB board in one go, more than a connection may send at once by default.
  server = await startServer({ env: { WS_MESSAGE_BURST: '2000' } });
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.stop();
});

const MiB = 1024 * 1024;
const rssBytes = (pid: number): number => {
  const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match![1]) * 1024;
};
const note = (id: string, text: string): StickyNote => ({
  id, type: 'note', index: 'a0', frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text,
});
/** Sync step 1 with an empty state vector: "send me the whole board" in four bytes. */
const askForEverything = (): Uint8Array => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(new Y.Doc()));
  return encoding.toUint8Array(encoder);
};

it('a socket that never reads cannot grow the server or stall it; it is dropped and others sync on', async () => {
  const boardId = await createBoard(server);
  const writer = connectClient(server.wsUrl, boardId);
  const reader = connectClient(server.wsUrl, boardId);
  clients.push(writer, reader);
  await Promise.all([synced(writer), synced(reader)]);
  // An 8 MiB board of long notes, written in transactions of about 1 MiB (under MAX_MESSAGE_BYTES).
  for (let batch = 0; batch < 8; batch++) {
    writer.doc.transact(() => {
      for (let i = 0; i < 100; i++) insertElement(writer.doc, note(`b${batch}n${i}`, `${batch}-${i} `.padEnd(10_000, 'æ')));
    });
  }
  await waitForDoc(reader.doc, (d) => getElement(d, 'b7n99') !== undefined, 60_000);
  expect(Y.encodeStateAsUpdate(reader.doc).byteLength).toBeGreaterThan(8 * MiB);
  const baseline = rssBytes(server.pid);

  // The attacker: a real WebSocket whose TCP socket is paused, so the server's answers pile up.
  const attacker: WebSocket = await rawSocket(server.wsUrl, boardId);
  const tcp = (attacker as unknown as { _socket: { pause(): void; resume(): void } })._socket;
  tcp.pause();
  let peak = baseline;
  let slowestHealth = 0;
  for (let round = 0; round < 200; round++) {
    if (attacker.readyState === attacker.OPEN) attacker.send(askForEverything());
    if (round % 10 === 0) {
      const started = performance.now();
      const health = await fetch(`${server.url}/health`);
      slowestHealth = Math.max(slowestHealth, performance.now() - started);
      expect(health.status).toBe(200);
      peak = Math.max(peak, rssBytes(server.pid));
    }
  }
  peak = Math.max(peak, rssBytes(server.pid));

  // Others go on syncing while it happens.
  insertElement(writer.doc, note('during', 'still here'));
  await waitForDoc(reader.doc, (d) => getElement(d, 'during') !== undefined);

  // The server dropped it: it says so, and the attacker sees its connection end once it reads again.
  const ended = closed(attacker);
  tcp.resume();
  const { code } = await ended;
  expect([4504, 4529, 1006]).toContain(code);
  expect(server.logs.some((l) => /closed a board connection that passed a limit/.test(l))).toBe(true);

  const reason = server.logs.find((l) => /passed a limit/.test(l));
  console.log(`closed with ${code} (${reason ? (JSON.parse(reason) as { reason: string }).reason : "?"}); RSS baseline ${(baseline / MiB).toFixed(0)} MiB, peak under attack ${(peak / MiB).toFixed(0)} MiB; slowest /health ${slowestHealth.toFixed(0)} ms`);
  // Bounds, not speed targets: without the limits the server grew by gigabytes and /health took 45 s.
  expect(peak - baseline).toBeLessThan(200 * MiB);
  expect(slowestHealth).toBeLessThan(2000); // ~200 ms on a quiet 2-core machine; 2 s leaves room for a loaded CI
}, 120_000);
