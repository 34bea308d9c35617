import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { MalformedMessageError } from './messages.js';
import { PresenceGuard } from './presence.js';

/** An awareness update as a (possibly hostile) client would encode it: id → [clock, state]. */
function update(entries: Record<number, [number, unknown]>): Uint8Array {
  const source = new awarenessProtocol.Awareness(new Y.Doc());
  for (const [id, [clock, state]] of Object.entries(entries)) {
    source.states.set(Number(id), state as Record<string, unknown>);
    source.meta.set(Number(id), { clock, lastUpdated: 0 });
  }
  return awarenessProtocol.encodeAwarenessUpdate(source, Object.keys(entries).map(Number));
}

function setup(limits = { maxIdsPerConnection: 2, minIntervalMs: 0 }) {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  awareness.setLocalState(null);
  const refused: string[] = [];
  const guard = new PresenceGuard<object>(awareness, limits, (r) => refused.push(r));
  return { awareness, guard, refused };
}

describe('PresenceGuard', () => {
  it("keeps each id with the connection that first published it: an impostor's higher clock is dropped", () => {
    const { awareness, guard, refused } = setup();
    const a = {};
    const b = {};
    guard.receive(a, update({ 7: [1, { user: { name: 'Alice' } }] }));
    guard.receive(b, update({ 7: [99, { user: { name: 'Impostor' } }] }));
    expect(awareness.getStates().get(7)).toEqual({ user: { name: 'Alice' } });
    expect(refused).toEqual(['presence-foreign-id']);
    guard.receive(b, update({ 7: [100, null] })); // nor may it remove someone else
    expect(awareness.getStates().has(7)).toBe(true);
    guard.release(a);
    expect(awareness.getStates().has(7)).toBe(false);
  });

  it('lets the same person take their id over from a connection the server has not seen close yet', () => {
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    awareness.setLocalState(null);
    const member = (id: string | null) => ({ member: id });
    const guard = new PresenceGuard<{ member: string | null }>(awareness, { maxIdsPerConnection: 4, minIntervalMs: 0 }, () => {}, Date.now, (a, b) => a.member !== null && a.member === b.member);
    const old = member('m1');
    const again = member('m1');
    const stranger = member(null);
    guard.receive(old, update({ 7: [1, { user: { name: 'Alice' } }] }));
    guard.receive(stranger, update({ 7: [5, { user: { name: 'Impostor' } }] }));
    expect(awareness.getStates().get(7)).toEqual({ user: { name: 'Alice' } });
    guard.receive(again, update({ 7: [2, { user: { name: 'Alice again' } }] }));
    expect(awareness.getStates().get(7)).toEqual({ user: { name: 'Alice again' } });
    guard.release(old); // the old socket finally closes: the presence stays with the new one
    expect(awareness.getStates().get(7)).toEqual({ user: { name: 'Alice again' } });
    expect(guard.idsOf(again)).toEqual([7]);
  });

  it('caps the ids one connection may publish', () => {
    const { awareness, guard, refused } = setup();
    const a = {};
    const many: Record<number, [number, unknown]> = {};
    for (let id = 1; id <= 1000; id++) many[id] = [1, { n: id }];
    guard.receive(a, update(many));
    expect(awareness.getStates().size).toBe(2);
    expect(refused.length).toBe(998);
    expect(guard.idsOf(a)).toEqual([1, 2]);
  });

  it('applies at most one change per interval per connection; the latest state wins', async () => {
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    awareness.setLocalState(null);
    let t = 0;
    const guard = new PresenceGuard<object>(awareness, { maxIdsPerConnection: 4, minIntervalMs: 20 }, () => {}, () => t);
    const applied: number[] = [];
    awareness.on('update', () => applied.push((awareness.getStates().get(5) as { x: number }).x));
    const a = {};
    guard.receive(a, update({ 5: [1, { x: 1 }] }));
    for (let clock = 2; clock <= 50; clock++) guard.receive(a, update({ 5: [clock, { x: clock }] }));
    expect(applied).toEqual([1]);
    t = 20;
    await new Promise<void>((resolve) => awareness.once('update', () => resolve()));
    expect(applied).toEqual([1, 50]);
  });

  it('refuses states that are not objects or are nested too deep, before anyone sees them', () => {
    const { awareness, guard } = setup();
    // Written as text: JSON.stringify itself overflows the stack on 20,000 levels.
    const deep = `${'{"d":'.repeat(20_000)}{}${'}'.repeat(20_000)}`;
    const encoder = encoding.createEncoder();
    for (const n of [1, 3, 1]) encoding.writeVarUint(encoder, n);
    encoding.writeVarString(encoder, deep);
    expect(() => guard.receive({}, encoding.toUint8Array(encoder))).toThrow(MalformedMessageError);
    expect(() => guard.receive({}, update({ 3: [1, [1, 2]] }))).toThrow(MalformedMessageError);
    expect(() => guard.receive({}, new Uint8Array([1, 3, 1, 200]))).toThrow(MalformedMessageError);
    expect(awareness.getStates().has(3)).toBe(false);
  });
});
