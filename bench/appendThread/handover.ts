/**
 * What handing a batch of updates to a worker costs the main thread, three ways: packed end to end
 * into one buffer that is transferred (what sqliteAppendThread.ts does), structured clone of each
 * update as it comes (a view into the socket's read buffer, as the Room gets it from the WebSocket
 * message: the clone copies the whole buffer behind the view), and structured clone of standalone
 * copies; and the packed buffer cloned instead of transferred. Timed: the synchronous part on the main thread (packing + postMessage), per batch.
 */
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';

export interface HandoverResult {
  way: string;
  usPerBatch: number;
}

const ECHO = `const { parentPort } = require('node:worker_threads'); parentPort.on('message', (m) => parentPort.postMessage(m.id ?? 0));`;

export async function measureHandover(batchSize: number, updateBytes: number, batches = 2000): Promise<HandoverResult[]> {
  const worker = new Worker(ECHO, { eval: true });
  // As ws hands them over: each message a view into a 64 KiB chunk of what the socket read.
  const chunk = new Uint8Array(64 * 1024).fill(7);
  const views = Array.from({ length: batchSize }, (_, i) => chunk.subarray((i * updateBytes) % (chunk.length - updateBytes), ((i * updateBytes) % (chunk.length - updateBytes)) + updateBytes));
  const copies = views.map((v) => v.slice());
  const packed = (id: number) => {
    let total = 0;
    for (const v of views) total += v.byteLength;
    const bytes = new ArrayBuffer(total);
    const into = new Uint8Array(bytes);
    const ends: number[] = [];
    let at = 0;
    for (const v of views) {
      into.set(v, at);
      at += v.byteLength;
      ends.push(at);
    }
    return { id, docIds: views.map(() => 'board'), ends, bytes };
  };
  const ways: Array<{ way: string; send(id: number): void }> = [
    {
      way: 'packed into one buffer, transferred',
      send(id) {
        const message = packed(id);
        worker.postMessage(message, [message.bytes]);
      },
    },
    { way: 'packed into one buffer, cloned', send: (id) => worker.postMessage(packed(id)) },
    { way: 'structured clone of each update (views into the read buffer)', send: (id) => worker.postMessage({ id, entries: views.map((update) => ({ docId: 'board', update })) }) },
    { way: 'structured clone of each update (standalone copies)', send: (id) => worker.postMessage({ id, entries: copies.map((update) => ({ docId: 'board', update })) }) },
  ];
  const busy = ways.map(() => 0);
  try {
    // Warmed up first, then measured in rounds (each way in turn), so neither JIT nor drift favours one.
    for (const { send } of ways) for (let i = 0; i < 200; i++) await roundTrip(worker, () => send(i));
    for (let i = 0; i < batches; i++) {
      for (const [w, { send }] of ways.entries()) busy[w] = busy[w]! + (await roundTrip(worker, () => send(i)));
    }
  } finally {
    await worker.terminate();
  }
  const results = ways.map(({ way }, w) => ({ way, usPerBatch: (busy[w]! * 1000) / batches }));
  return results;
}

/** Sends one batch, waits for the answer; returns the milliseconds the send held the main thread. */
async function roundTrip(worker: Worker, send: () => void): Promise<number> {
  const answered = new Promise((resolve) => worker.once('message', resolve));
  const t0 = performance.now();
  send();
  const held = performance.now() - t0;
  await answered;
  return held;
}
