import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { deleteElements, getElements, insertElement, revealedNotes } from '@sammen/shared';
import type { BoardConnection } from '../sync/boardConnection.js';
import { closeWhenRevealed } from './closeWhenRevealed.js';

/** A private-notes connection with a real document; the provider only as far as this needs it (its events). */
function connection(): BoardConnection & { destroyed: boolean; emitClosed(): void } {
  const doc = new Y.Doc();
  const handlers = new Map<string, Set<() => void>>();
  const conn = {
    doc,
    destroyed: false,
    provider: {
      on: (name: string, f: () => void) => void (handlers.get(name) ?? handlers.set(name, new Set()).get(name)!).add(f),
      off: (name: string, f: () => void) => void handlers.get(name)?.delete(f),
    },
    destroy() {
      conn.destroyed = true;
    },
    emitClosed: () => handlers.get('closed')?.forEach((f) => f()),
  };
  return conn as unknown as BoardConnection & { destroyed: boolean; emitClosed(): void };
}

const note = { id: 'n1', type: 'note', index: 'a0', frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text: 'Sent late' } as const;

afterEach(() => vi.useRealTimers());

describe('closeWhenRevealed', () => {
  it('closes at once when nothing private is left', () => {
    const conn = connection();
    closeWhenRevealed(conn);
    expect(conn.destroyed).toBe(true);
  });

  it('keeps a connection with a note until the server has revealed it as this page has it (or it is gone)', () => {
    const conn = connection();
    insertElement(conn.doc, { ...note, text: 'Sent la' });
    closeWhenRevealed(conn);
    expect(conn.destroyed).toBe(false);
    // The server copied the first keystrokes; the rest of the note is still on its way.
    revealedNotes(conn.doc).set('n1', 'Sent');
    expect(conn.destroyed).toBe(false);
    revealedNotes(conn.doc).set('n1', 'Sent la');
    expect(conn.destroyed).toBe(true);

    const removed = connection();
    insertElement(removed.doc, note);
    closeWhenRevealed(removed);
    deleteElements(removed.doc, ['n1']);
    expect(removed.destroyed).toBe(true);
  });

  it('lets go after the linger time (a round stopped without a reveal), or when the server closed it for good', () => {
    vi.useFakeTimers();
    const lingering = connection();
    insertElement(lingering.doc, note);
    closeWhenRevealed(lingering, 60_000);
    vi.advanceTimersByTime(59_999);
    expect(lingering.destroyed).toBe(false);
    vi.advanceTimersByTime(1);
    expect(lingering.destroyed).toBe(true);

    const refused = connection();
    insertElement(refused.doc, note);
    closeWhenRevealed(refused);
    refused.emitClosed();
    expect(refused.destroyed).toBe(true);
  });

  it('stays open with the note written again when the next round starts before the rest of it arrived', () => {
    const conn = connection();
    insertElement(conn.doc, note);
    revealedNotes(conn.doc).set('n1', 'Sent');
    closeWhenRevealed(conn);
    // The round start, from the server: the note and its record go, in one remote transaction.
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(conn.doc));
    const before = Y.encodeStateVector(server);
    server.transact(() => {
      deleteElements(server, ['n1']);
      revealedNotes(server).delete('n1');
    });
    Y.applyUpdate(conn.doc, Y.encodeStateAsUpdate(server, before), 'server');
    expect(conn.destroyed).toBe(false);
    expect(getElements(conn.doc).map((e) => e.type === 'note' && e.text)).toEqual(['Sent late']);
  });
});
