import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { skipEncodingProviderEchoes } from './echoEncoding.js';

/** A real provider whose socket is a recorder: what it sends is what would go to the server. */
function providerWithRecorder(doc: Y.Doc): { provider: WebsocketProvider; sent: Uint8Array[] } {
  // Never connects (Node has no WebSocket to hand it): its socket is set by hand below.
  const WebSocketPolyfill = class {} as unknown as typeof WebSocket;
  const provider = new WebsocketProvider('ws://127.0.0.1:9/yjs', 'room', doc, { connect: false, WebSocketPolyfill });
  const sent: Uint8Array[] = [];
  provider.ws = { readyState: 1, OPEN: 1, send: (buf: Uint8Array) => sent.push(buf), close: () => {} } as unknown as WebSocket;
  provider.wsconnected = true;
  return { provider, sent };
}

/** Whether Yjs saw an `update` listener when it decided whether to encode each transaction. */
function encodingChecks(doc: Y.Doc): Array<{ origin: unknown; encoded: boolean }> {
  const checks: Array<{ origin: unknown; encoded: boolean }> = [];
  // Registered after the skipper: it sees the listeners as Yjs does right after this event.
  doc.on('afterTransactionCleanup', (tr: Y.Transaction) => checks.push({ origin: tr.origin, encoded: doc._observers.has('update') }));
  return checks;
}

/** An update from "the server": another document's change. */
function remoteUpdate(key: string): Uint8Array {
  const other = new Y.Doc();
  other.getMap('elements').set(key, 1);
  return Y.encodeStateAsUpdate(other);
}

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

describe('skipEncodingProviderEchoes', () => {
  it('lets Yjs skip encoding what the provider applied, and still sends local changes', () => {
    const doc = new Y.Doc();
    const { provider, sent } = providerWithRecorder(doc);
    cleanups.push(() => provider.destroy());
    cleanups.push(skipEncodingProviderEchoes(doc, provider));
    const checks = encodingChecks(doc);

    Y.applyUpdate(doc, remoteUpdate('a'), provider);
    expect(checks).toEqual([{ origin: provider, encoded: false }]);
    expect(sent).toHaveLength(0);
    expect(doc.getMap('elements').get('a')).toBe(1);

    doc.transact(() => doc.getMap('elements').set('b', 2), 'local');
    expect(checks[1]).toEqual({ origin: 'local', encoded: true });
    expect(sent).toHaveLength(1);
  });

  it('sends a local change made by an observer while the provider’s transaction is cleaned up', () => {
    const doc = new Y.Doc();
    const { provider, sent } = providerWithRecorder(doc);
    cleanups.push(() => provider.destroy());
    cleanups.push(skipEncodingProviderEchoes(doc, provider));
    const checks = encodingChecks(doc);
    const elements = doc.getMap('elements');
    elements.observe((_event, tr) => {
      if (tr.origin === provider) doc.transact(() => elements.set('answer', 42), 'local');
    });

    Y.applyUpdate(doc, remoteUpdate('a'), provider);
    expect(checks).toEqual([
      { origin: provider, encoded: false },
      { origin: 'local', encoded: true },
    ]);
    expect(sent).toHaveLength(1);
    const server = new Y.Doc();
    // message type 0 (sync), sync type 2 (update): the rest is the update.
    expect([sent[0]![0], sent[0]![1]]).toEqual([0, 2]);
    Y.applyUpdate(server, sent[0]!.subarray(3));
    expect(server.getMap('elements').get('answer')).toBe(42);
  });

  it('leaves the provider as it was once stopped', () => {
    const doc = new Y.Doc();
    const { provider } = providerWithRecorder(doc);
    cleanups.push(() => provider.destroy());
    skipEncodingProviderEchoes(doc, provider)();
    const checks = encodingChecks(doc);
    Y.applyUpdate(doc, remoteUpdate('a'), provider);
    expect(checks).toEqual([{ origin: provider, encoded: true }]);
  });
});
