import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SCHEMA_VERSION, getSchemaVersion, migrateDoc, type Migration } from './migrations.js';

// Test-only history: schema 1 stored note colours as hex, schema 2 by name, schema 3 adds frameId.
const testMigrations: Migration[] = [
  {
    from: 1,
    description: 'colour hex → name',
    up(doc) {
      const elements = doc.getMap<Y.Map<unknown>>('elements');
      for (const el of elements.values()) {
        const hex = el.get('color');
        if (hex === '#fff3a3') el.set('color', 'yellow');
        else if (typeof hex === 'string' && hex.startsWith('#')) return { ok: false, error: `unknown colour ${hex}` };
      }
      return { ok: true };
    },
  },
  {
    from: 2,
    description: 'add frameId',
    up(doc) {
      for (const el of doc.getMap<Y.Map<unknown>>('elements').values()) if (!el.has('frameId')) el.set('frameId', null);
      return { ok: true };
    },
  },
];

function legacyDoc(color: string): Y.Doc {
  const doc = new Y.Doc();
  const el = new Y.Map<unknown>();
  doc.getMap<Y.Map<unknown>>('elements').set('n1', el);
  el.set('color', color);
  return doc;
}

describe('migrateDoc', () => {
  it('stamps a new document with the current version and writes nothing on a second load', () => {
    const doc = new Y.Doc();
    expect(migrateDoc(doc)).toEqual({ ok: true, from: 1, to: SCHEMA_VERSION });
    expect(getSchemaVersion(doc)).toBe(SCHEMA_VERSION);
    let updates = 0;
    doc.on('update', () => updates++);
    migrateDoc(doc);
    expect(updates).toBe(0);
  });

  it('runs each step in order up to the target', () => {
    const doc = legacyDoc('#fff3a3');
    expect(migrateDoc(doc, testMigrations, 3)).toEqual({ ok: true, from: 1, to: 3 });
    const el = doc.getMap<Y.Map<unknown>>('elements').get('n1')!;
    expect(el.get('color')).toBe('yellow');
    expect(el.get('frameId')).toBeNull();
    expect(getSchemaVersion(doc)).toBe(3);
  });

  it('leaves the document untouched when a step fails', () => {
    const doc = legacyDoc('#123456');
    const before = Y.encodeStateAsUpdate(doc);
    expect(migrateDoc(doc, testMigrations, 3)).toMatchObject({ ok: false, error: 'migration-failed' });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('refuses a document from a newer schema and a gap in the migrations', () => {
    const newer = new Y.Doc();
    newer.getMap('meta').set('schemaVersion', 99);
    expect(migrateDoc(newer)).toMatchObject({ ok: false, error: 'newer-schema' });
    expect(getSchemaVersion(newer)).toBe(99);
    expect(migrateDoc(legacyDoc('#fff3a3'), testMigrations.slice(1), 3)).toMatchObject({ ok: false, error: 'missing-migration' });
  });

  it('migrated updates merge into other replicas', () => {
    const a = legacyDoc('#fff3a3');
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    a.on('update', (u: Uint8Array) => Y.applyUpdate(b, u));
    migrateDoc(a, testMigrations, 3);
    expect(b.getMap<Y.Map<unknown>>('elements').get('n1')!.get('color')).toBe('yellow');
    expect(getSchemaVersion(b)).toBe(3);
  });
});
