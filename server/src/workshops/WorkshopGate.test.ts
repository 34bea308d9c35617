import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type StickyNote, elementsMap, getElementText, insertElement, updateElement } from '@sammen/shared';
import { withoutPending } from '../sync/stateCache.js';
import type { SenderInfo } from '../sync/UpdateGate.js';
import type { WorkshopState } from './types.js';
import { createWorkshopGate } from './WorkshopGate.js';

const note = (id: string, extra: Partial<StickyNote> = {}): StickyNote => ({
  id, type: 'note', index: 'a0', frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text: id, ...extra,
});
const participant: SenderInfo = { connectionId: 'c', workshopId: 'w', memberId: 'm', role: 'participant', privateDoc: false };
const openBoard: SenderInfo = { connectionId: 'o', workshopId: null, memberId: null, role: null, privateDoc: false };

function board() {
  const doc = new Y.Doc();
  insertElement(doc, { id: 'f1', type: 'frame', index: 'a0', frameId: null, x: 0, y: 0, width: 800, height: 600, title: 'Låst', fill: 'white' });
  insertElement(doc, note('inside', { frameId: 'f1', x: 10, y: 10 }));
  return doc;
}

describe('WorkshopGate', () => {
  it('judges a prepared update with a clock gap by what it changes when the gap is filled after a lock', () => {
    const server = board();
    let locks: WorkshopState['locks'] = { board: false, frames: [] };
    const gate = createWorkshopGate(() => ({ role: 'participant', locks }));
    const attacker = new Y.Doc();
    Y.applyUpdate(attacker, Y.encodeStateAsUpdate(server));
    const sv0 = Y.encodeStateVector(attacker);
    insertElement(attacker, note('harmless', { x: 3000 }));
    const filler = Y.encodeStateAsUpdate(attacker, sv0); // only the harmless note ...
    const sv1 = Y.encodeStateVector(attacker);
    updateElement(attacker, 'inside', { x: 500 });
    const prepared = Y.encodeStateAsUpdate(attacker, sv1); // ... which the move depends on (a clock gap)

    // Before the lock the prepared part is allowed in; it waits for its missing dependency.
    expect(gate.check(prepared, { docId: 'd', doc: server, sender: participant })).toEqual({ ok: true });
    Y.applyUpdate(server, prepared);
    expect(server.store.pendingStructs).not.toBeNull();
    locks = { board: false, frames: [{ frameId: 'f1', contents: true }] };
    // The filler alone touches nothing locked, but applying it would move the locked note.
    expect(gate.check(filler, { docId: 'd', doc: server, sender: participant })).toMatchObject({ ok: false, code: 4403 });
    // Someone else's edits are not held hostage by the pending structs (clients get the board
    // without them: StateCache).
    const other = new Y.Doc();
    Y.applyUpdate(other, withoutPending(server, () => Y.encodeStateAsUpdate(server)));
    const sv = Y.encodeStateVector(other);
    insertElement(other, note('fine', { x: 5000 }));
    expect(gate.check(Y.encodeStateAsUpdate(other, sv), { docId: 'd', doc: server, sender: participant })).toEqual({ ok: true });
  });

  it('judges an update of 30,000 separate items in time proportional to its size', () => {
    const server = board();
    const gate = createWorkshopGate(() => ({ role: 'participant', locks: { board: false, frames: [{ frameId: 'f1', contents: false }] } }));
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    insertElement(client, note('typed'));
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    const sv = Y.encodeStateVector(client);
    const text = getElementText(client, 'typed')!;
    // Typed backwards, one character at a time: 30,000 items that do not merge (about 350 KB).
    client.transact(() => {
      for (let i = 0; i < 30_000; i++) text.insert(0, 'x');
    });
    client.transact(() => text.delete(0, 25_000));
    const update = Y.encodeStateAsUpdate(client, sv);
    expect(Y.decodeUpdate(update).structs.length).toBe(30_000);
    const started = performance.now();
    expect(gate.check(update, { docId: 'd', doc: server, sender: participant })).toEqual({ ok: true });
    // A bound, not a speed target: a linear search per item made this take tens of seconds.
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('validates content on every board, open boards and facilitators included (4400)', () => {
    const server = board();
    const gate = createWorkshopGate(() => ({ role: 'facilitator', locks: { board: false, frames: [] } }));
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const sv = Y.encodeStateVector(client);
    elementsMap(client).get('inside')!.set('x', new Y.Array());
    const update = Y.encodeStateAsUpdate(client, sv);
    expect(gate.check(update, { docId: 'd', doc: server, sender: openBoard })).toMatchObject({ ok: false, code: 4400 });
    expect(gate.check(update, { docId: 'd', doc: server, sender: participant })).toMatchObject({ ok: false, code: 4400 });
  });
  it('judges the decoding the room hands it (decoded once per update), the same as the bytes', () => {
    const server = board();
    const gate = createWorkshopGate(() => ({ role: 'participant', locks: { board: false, frames: [{ frameId: 'f1', contents: true }] } }));
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const sv = Y.encodeStateVector(client);
    updateElement(client, 'inside', { x: 50 });
    const intoLocked = Y.encodeStateAsUpdate(client, sv);
    const elsewhere = new Y.Doc();
    insertElement(elsewhere, note('free', { x: 3000 }));
    const harmless = Y.encodeStateAsUpdate(elsewhere);
    const context = { docId: 'd', doc: server, sender: participant };
    expect(gate.check(intoLocked, context)).toMatchObject({ ok: false, code: 4403 });
    expect(gate.check(intoLocked, { ...context, decoded: Y.decodeUpdate(intoLocked) })).toMatchObject({ ok: false, code: 4403 });
    expect(gate.check(harmless, { ...context, decoded: Y.decodeUpdate(harmless) })).toEqual({ ok: true });
    // What it reads is the decoding, not the bytes again: handed the harmless one's, it finds nothing locked.
    expect(gate.check(intoLocked, { ...context, decoded: Y.decodeUpdate(harmless) })).toEqual({ ok: true });
  });
});
