/**
 * The append thread's body (a worker_threads worker started by sqliteAppendThread.ts): its own
 * connection to the SQLite file, on which it commits the batches of document updates it is sent, so
 * that the flush of each commit (synchronous=FULL) blocks this thread and not the server's event loop.
 * It does nothing else; one batch at a time, in the order received.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openSqliteConnection, sqliteAppendBatch } from './sqliteConnection.js';
import type { AppendReply, AppendRequest } from './sqliteAppendThread.js';

const port = parentPort!;
const db = openSqliteConnection((workerData as { file: string }).file);
const appendBatch = sqliteAppendBatch(db);

port.on('message', (message: AppendRequest | 'close') => {
  if (message === 'close') {
    // Every batch sent before was answered (messages are handled in order): close and end the thread.
    db.close();
    port.close();
    return;
  }
  const { id, docIds, ends, bytes } = message;
  let reply: AppendReply;
  try {
    // Views into the one buffer the batch came in (transferred, not copied): no copy per update.
    const entries = docIds.map((docId, i) => ({ docId, update: new Uint8Array(bytes, i === 0 ? 0 : ends[i - 1]!, ends[i]! - (i === 0 ? 0 : ends[i - 1]!)) }));
    reply = { id, seqs: appendBatch(entries) };
  } catch (err) {
    const e = err as { message?: unknown; code?: unknown; kind?: unknown; name?: unknown };
    reply = {
      id,
      error: {
        message: String(e?.message ?? err),
        code: typeof e?.code === 'string' ? e.code : undefined,
        storageKind: e?.name === 'StorageError' && (e.kind === 'full' || e.kind === 'unavailable') ? e.kind : undefined,
      },
    };
  }
  port.postMessage(reply);
});
