import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getElementText, getSchemaVersion, initBoardDoc, insertElement } from '@sammen/shared';
import { storedSchemaVersion } from './storedSchema.js';

// The schema version read from stored bytes must be the one the applied document has, or null (never
// a wrong number: a board that needs a migration would then be served unmigrated).

function note(doc: Y.Doc, id: string): void {
  insertElement(doc, { id, type: 'note', index: 'a0', frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text: `note ${id}` });
}

/** Records every update of `doc` as a stored row would be. */
function rowsOf(doc: Y.Doc): Uint8Array[] {
  const rows: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => rows.push(u));
  return rows;
}

function applied(rows: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const r of rows) Y.applyUpdate(doc, r);
  return doc;
}

describe('storedSchemaVersion', () => {
  it('reads the stamp of a board, as a snapshot and as the rows that made it, text edits included', () => {
    const doc = new Y.Doc();
    const rows = rowsOf(doc);
    initBoardDoc(doc);
    for (let i = 0; i < 50; i++) note(doc, `n${i}`);
    const text = getElementText(doc, 'n3')!;
    text.insert(2, 'inside ');
    text.delete(0, 1);
    const version = getSchemaVersion(doc);
    expect(version).toBeTypeOf('number');
    expect(storedSchemaVersion([Y.encodeStateAsUpdate(doc)])).toBe(version);
    expect(storedSchemaVersion(rows)).toBe(version);
    expect(storedSchemaVersion([Y.encodeStateAsUpdate(doc), ...rows.slice(-3)])).toBe(version);
  });

  it('follows overwrites (a migration stamps a new version over the old), in rows and compacted', () => {
    const doc = new Y.Doc();
    const rows = rowsOf(doc);
    doc.getMap('meta').set('schemaVersion', 1);
    note(doc, 'a');
    const other = new Y.Doc(); // the migration is made by another client (a scratch copy on the server)
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    other.on('update', (u: Uint8Array) => Y.applyUpdate(doc, u));
    other.getMap('meta').set('schemaVersion', 2);
    other.getMap('meta').set('schemaVersion', 3);
    expect(getSchemaVersion(doc)).toBe(3);
    expect(storedSchemaVersion(rows)).toBe(3);
    expect(storedSchemaVersion([Y.encodeStateAsUpdate(doc)])).toBe(3);
  });

  it('is null for a board without a stamp, a deleted stamp, concurrent first stamps and unreadable rows', () => {
    const plain = new Y.Doc();
    note(plain, 'a');
    expect(storedSchemaVersion([Y.encodeStateAsUpdate(plain)])).toBeNull();

    const removed = new Y.Doc();
    const removedRows = rowsOf(removed);
    removed.getMap('meta').set('schemaVersion', 1);
    removed.getMap('meta').delete('schemaVersion');
    expect(getSchemaVersion(applied(removedRows))).toBeUndefined();
    expect(storedSchemaVersion(removedRows)).toBeNull();
    expect(storedSchemaVersion([Y.encodeStateAsUpdate(removed)])).toBeNull();

    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getMap('meta').set('schemaVersion', 1);
    b.getMap('meta').set('schemaVersion', 2);
    const both = [Y.encodeStateAsUpdate(a), Y.encodeStateAsUpdate(b)];
    expect(storedSchemaVersion(both)).toBeNull();
    expect(storedSchemaVersion([Y.mergeUpdates(both)])).toBeNull();

    const stamped = new Y.Doc();
    initBoardDoc(stamped);
    const good = Y.encodeStateAsUpdate(stamped);
    expect(storedSchemaVersion([good, new Uint8Array([1, 2, 3, 250])])).toBeNull();
    expect(storedSchemaVersion([good.slice(0, good.length - 3)])).toBeNull();
  });

  it('counts text as Yjs does (æøå, emoji, a BOM), so that later overwrites by the same writer are followed', () => {
    const doc = new Y.Doc();
    const rows = rowsOf(doc);
    doc.getMap('meta').set('schemaVersion', 1);
    note(doc, 'a');
    getElementText(doc, 'a')!.insert(0, '\uFEFFHvað með 🦊🇳🇴 og æøå? ');
    doc.getMap('meta').set('schemaVersion', 2);
    getElementText(doc, 'a')!.insert(3, '👩‍👩‍👧 ß');
    doc.getMap('meta').set('schemaVersion', 3);
    expect(getSchemaVersion(applied(rows))).toBe(3);
    expect(storedSchemaVersion(rows)).toBe(3);
    expect(storedSchemaVersion([Y.encodeStateAsUpdate(applied(rows))])).toBe(3);
  });

  it('is null for a row Yjs cannot decode: malformed UTF-8 in a text or a key', () => {
    for (const where of ['text', 'key'] as const) {
      const doc = new Y.Doc();
      initBoardDoc(doc);
      if (where === 'text') note(doc, 'a');
      else doc.getMap('elements').set('QQQQ', 1);
      if (where === 'text') getElementText(doc, 'a')!.insert(0, 'QQQQ');
      const row = Y.encodeStateAsUpdate(doc);
      const at = Buffer.from(row).indexOf('QQQQ');
      expect(at).toBeGreaterThan(0);
      const broken = row.slice();
      broken.set([0xc3, 0x28, 0xed, 0xa0], at); // a lead byte without its continuation; a surrogate
      expect(() => Y.applyUpdate(new Y.Doc(), broken)).toThrow();
      expect(storedSchemaVersion([broken])).toBeNull();
      expect(storedSchemaVersion([row])).toBe(getSchemaVersion(doc));
    }
  });

  it('never disagrees with the applied document over many random histories', () => {
    let seed = 7;
    let answered = 0;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let run = 0; run < 200; run++) {
      const docs = [new Y.Doc(), new Y.Doc()];
      const rows: Uint8Array[] = [];
      for (const d of docs) d.on('update', (u: Uint8Array) => rows.push(u));
      for (let step = 0; step < 6; step++) {
        const d = docs[Math.floor(rand() * 2)]!;
        const r = rand();
        if (r < 0.3) d.getMap('meta').set('schemaVersion', 1 + Math.floor(rand() * 3));
        else if (r < 0.4) d.getMap('meta').delete('schemaVersion');
        else if (r < 0.6) note(d, `n${run}-${step}`);
        else if (r < 0.8) {
          // Typing into a note this writer knows: multi-byte and astral text moves its clocks.
          const ids = [...d.getMap('elements').keys()];
          const text = ids.length ? getElementText(d, ids[Math.floor(rand() * ids.length)]!) : undefined;
          text?.insert(Math.floor(rand() * (text.length + 1)), ['æøå', '🦊', 'a', '🇳🇴 ok'][Math.floor(rand() * 4)]!);
        }
        else {
          // Sync the two (both directions), as clients of one board would.
          Y.applyUpdate(docs[0]!, Y.encodeStateAsUpdate(docs[1]!));
          Y.applyUpdate(docs[1]!, Y.encodeStateAsUpdate(docs[0]!));
        }
      }
      const truth = getSchemaVersion(applied(rows)) ?? null;
      const fromRows = storedSchemaVersion(rows);
      const fromSnapshot = storedSchemaVersion([Y.encodeStateAsUpdate(applied(rows))]);
      for (const read of [fromRows, fromSnapshot]) if (read !== null) expect(read, `run ${run}`).toBe(truth);
      if (fromRows !== null) answered += 1;
    }
    expect(answered).toBeGreaterThan(20); // not only nulls: the answers were checked too
  });
});
