import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { integratesCompletely } from './completeness.js';

describe('integratesCompletely', () => {
  const server = () => {
    const doc = new Y.Doc();
    doc.getMap('elements').set('a', 1);
    doc.getText('t').insert(0, 'hello');
    return doc;
  };

  it('is true for an ordinary update, a resent one, a deletion and an empty one', () => {
    const doc = server();
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
    const sv = Y.encodeStateVector(client);
    client.getMap('elements').set('b', 2);
    client.getText('t').delete(0, 2);
    expect(integratesCompletely(Y.encodeStateAsUpdate(client, sv), doc)).toBe(true);
    expect(integratesCompletely(Y.encodeStateAsUpdate(client), doc)).toBe(true);
    expect(integratesCompletely(Y.encodeStateAsUpdate(new Y.Doc()), doc)).toBe(true);
  });

  it('is false for a clock gap, an unknown neighbour and a deletion of unknown content', () => {
    const doc = server();
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
    const sv0 = Y.encodeStateVector(client);
    client.getText('t').insert(5, ' world');
    const sv1 = Y.encodeStateVector(client);
    client.getText('t').insert(11, '!'); // its left neighbour is in the part the server lacks
    expect(integratesCompletely(Y.encodeStateAsUpdate(client, sv1), doc)).toBe(false);
    expect(integratesCompletely(Y.encodeStateAsUpdate(client, sv0), doc)).toBe(true);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(client));
    const svOther = Y.encodeStateVector(other);
    other.getText('t').insert(0, '>'); // another client, right of content the server lacks
    other.getText('t').delete(6, 3);
    const update = Y.encodeStateAsUpdate(other, svOther);
    expect(integratesCompletely(update, doc)).toBe(false);
    // Together with what it depends on it is complete.
    expect(integratesCompletely(Y.mergeUpdates([Y.encodeStateAsUpdate(client, sv0), update]), doc)).toBe(true);
  });
});
