import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { type Element, getElements, insertElement } from '@sammen/shared';

export interface YClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

/** A real y-websocket client (the provider the browser uses) over the `ws` package. */
export function connectClient(
  wsUrl: string,
  boardId: string,
  options: { connect?: boolean; token?: string; privateDoc?: boolean; params?: Record<string, string> } = {},
): YClient {
  const doc = new Y.Doc();
  const room = options.privateDoc ? `${boardId}/private` : boardId;
  const provider = new WebsocketProvider(`${wsUrl}/yjs`, room, doc, {
    params: { ...(options.token ? { token: options.token } : {}), ...options.params },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    connect: options.connect ?? true,
    disableBc: true,
    maxBackoffTime: 200,
  });
  return {
    doc,
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Resolves when the provider has finished its first sync with the server. */
export function synced(client: YClient): Promise<void> {
  if (client.provider.synced) return Promise.resolve();
  return new Promise((resolve) => {
    const handler = (isSynced: boolean) => {
      if (!isSynced) return;
      client.provider.off('sync', handler);
      resolve();
    };
    client.provider.on('sync', handler);
  });
}

/** Resolves when `predicate` holds for the doc, checked after every update (no polling, no sleeps). */
export function waitForDoc(doc: Y.Doc, predicate: (doc: Y.Doc) => boolean, timeoutMs = 10_000): Promise<void> {
  if (predicate(doc)) return Promise.resolve();
  // Made here, so that a timeout names the test line that waited (a timer's own stack names no test).
  const timedOut = new Error(`timed out waiting for the document (${timeoutMs} ms)`);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      doc.off('update', check);
      reject(timedOut);
    }, timeoutMs);
    const check = () => {
      if (!predicate(doc)) return;
      clearTimeout(timer);
      doc.off('update', check);
      resolve();
    };
    doc.on('update', check);
  });
}

/** A raw WebSocket to a board, for crafted messages. Resolves once open (or rejects on HTTP refusal). */
export function rawSocket(wsUrl: string, path: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${wsUrl}/yjs/${path}`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

/** Resolves with the close code and reason the server sent. */
export function closed(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
}

/**
 * Puts `elements` on a board in one transaction through a client of its own, and resolves once a
 * second, fresh client has received them all (so the server has stored and shared them). The writer is
 * closed; the second client is returned open, for the caller to read the board through or destroy.
 * Counts every element of the board: meant for a board that starts empty.
 */
export async function seedBoard(wsUrl: string, boardId: string, elements: readonly Element[], token?: string): Promise<YClient> {
  const options = token ? { token } : {};
  const writer = connectClient(wsUrl, boardId, options);
  await synced(writer);
  writer.doc.transact(() => elements.forEach((e) => insertElement(writer.doc, e)));
  const watcher = connectClient(wsUrl, boardId, options);
  try {
    await waitForDoc(watcher.doc, (d) => getElements(d).length === elements.length);
  } catch (e) {
    watcher.destroy();
    throw e;
  } finally {
    writer.destroy();
  }
  return watcher;
}
