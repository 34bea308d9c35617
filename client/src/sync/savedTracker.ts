import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { MESSAGE_SAVED } from '@sammen/shared';

/** After the last local change, how long the page waits before asking (a word typed is one question). */
export const ASK_AFTER_MS = 300;
/** Local changes unanswered this long are "not saved yet" in the status. */
export const OVERDUE_MS = 5_000;
/**
 * A question unanswered this long (or, with changes waiting, a socket not synced this long after it
 * opened), with nothing at all heard from the server meanwhile and nothing left in the socket's
 * buffer, means the socket is dead though it looks open (a phone that changed networks): it is
 * closed, and the provider connects again and sends what the server lacks.
 * y-websocket's own rule waits 30 s of silence, and only notices silence, not an unanswered edit.
 */
export const DEAD_AFTER_MS = 10_000;

export interface SavedTracker {
  /** Changes made here that the server has not said it stored. */
  unsaved(): boolean;
  /** Some of them have waited longer than OVERDUE_MS. */
  overdue(): boolean;
  subscribe(listener: () => void): () => void;
  destroy(): void;
}

const MESSAGE_SYNC = 0;
const SYNC_STEP_1 = 0;

/**
 * Knows whether what was changed here is stored on the server, through the "saved" message
 * (`@sammen/shared` savedMessage.ts): after local changes it asks, on the same socket and so behind
 * them, and the server answers once everything before the question is on its disk. Against a server
 * that does not answer (no "0" when connected), it falls back to "synced means sent".
 *
 * The provider must have been created with `saved=1` in its params. The question is asked only once
 * the page has answered this socket's sync step 1 (with what the server lacked, changes made offline
 * included), so that an answer covers those too.
 */
export function trackSaved(doc: Y.Doc, provider: WebsocketProvider): SavedTracker {
  let version = 0; // local changes made so far
  let savedVersion = 0; // of which the server has stored these
  let unsavedSince: number | null = null;
  // This socket: does the server answer, has the page answered its sync step 1, the question out.
  let answers = false;
  let answeredStep1 = false;
  let asked: { seq: number; version: number; at: number } | null = null;
  let seq = 0;
  let askTimer: ReturnType<typeof setTimeout> | null = null;
  let wasOverdue = false;
  const listeners = new Set<() => void>();

  const notify = (): void => {
    wasOverdue = tracker.overdue();
    for (const l of listeners) l();
  };
  const savedUpTo = (v: number): void => {
    if (v <= savedVersion) return;
    savedVersion = v;
    unsavedSince = version > savedVersion ? Date.now() : null;
    notify();
  };
  // Before the socket says it answers, or on a server that never will: synced means sent.
  const legacy = (): boolean => provider.wsconnected && provider.synced && !answers;

  const ask = (): void => {
    askTimer = null;
    const ws = provider.ws;
    if (!answers || !answeredStep1 || !provider.synced || asked || version === savedVersion || !ws || ws.readyState !== ws.OPEN) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SAVED);
    encoding.writeVarUint(encoder, ++seq);
    ws.send(encoding.toUint8Array(encoder));
    asked = { seq, version, at: Date.now() };
  };
  const scheduleAsk = (): void => {
    if (askTimer) clearTimeout(askTimer);
    askTimer = setTimeout(ask, ASK_AFTER_MS);
  };

  const syncHandler = provider.messageHandlers[MESSAGE_SYNC]!;
  provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, p, emitSynced, type) => {
    const step1 = decoder.arr[decoder.pos] === SYNC_STEP_1;
    syncHandler(encoder, decoder, p, emitSynced, type);
    // The answer (this page's sync step 2) is sent when this returns; the question goes after it.
    if (step1) answeredStep1 = true;
    if (version > savedVersion) scheduleAsk();
  };
  provider.messageHandlers[MESSAGE_SAVED] = (_encoder, decoder) => {
    const n = decoding.readVarUint(decoder);
    if (n === 0) answers = true;
    else if (asked && n === asked.seq) {
      const covered = asked.version;
      asked = null;
      savedUpTo(covered);
    }
    if (version > savedVersion) scheduleAsk();
  };

  const onStatus = (): void => {
    // A new socket (or none): what the last one answered still holds, its question is gone.
    answers = false;
    answeredStep1 = false;
    asked = null;
  };
  const onSync = (synced: boolean): void => {
    if (!synced) return;
    if (legacy()) savedUpTo(version);
    // Asking waits for the sync (a big board's sync step 2, V1 or V2, can come long after step 1).
    else if (version > savedVersion) scheduleAsk();
  };
  // afterTransaction, not 'update': an update listener makes Yjs encode every transaction, the
  // provider's 4 MB sync step 2 of a big board included (echoEncoding.ts spares the page exactly that).
  const onTransaction = (transaction: Y.Transaction): void => {
    if (transaction.origin === provider) return;
    if (transaction.changed.size === 0 && transaction.deleteSet.clients.size === 0) return;
    version++;
    if (legacy()) return savedUpTo(version);
    if (unsavedSince === null) {
      unsavedSince = Date.now();
      notify();
    }
    scheduleAsk();
  };

  // Overdue is a matter of time passing: looked at once a second while something is unsaved.
  const watch = setInterval(() => {
    if (unsavedSince === null) return;
    if (tracker.overdue() !== wasOverdue) notify();
    const ws = provider.ws;
    const now = Date.now();
    if (!ws || !provider.wsconnected || ws.bufferedAmount > 0) return;
    const silent = now - provider.wsLastMessageReceived > DEAD_AFTER_MS;
    // A question unanswered that long, or a socket that has not synced (nothing to ask on yet) and
    // has heard nothing since it opened.
    if (!(asked && now - asked.at > DEAD_AFTER_MS) && !(silent && !provider.synced)) return;
    asked = null;
    if (silent) {
      // Not ws.close(): a dead socket's close can wait a minute for its handshake. As boardConnection's
      // 'online' handler does: drop this socket now and connect a new one.
      provider.disconnect();
      provider.connect();
    } else {
      ask(); // the socket is alive (an update held for what it depends on is not answered): ask again
    }
  }, 1_000);

  doc.on('afterTransaction', onTransaction);
  provider.on('status', onStatus);
  provider.on('sync', onSync);

  const tracker: SavedTracker = {
    unsaved: () => version > savedVersion,
    overdue: () => unsavedSince !== null && Date.now() - unsavedSince > OVERDUE_MS,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      clearInterval(watch);
      if (askTimer) clearTimeout(askTimer);
      doc.off('afterTransaction', onTransaction);
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      provider.messageHandlers[MESSAGE_SYNC] = syncHandler;
      delete provider.messageHandlers[MESSAGE_SAVED];
      listeners.clear();
    },
  };
  return tracker;
}
