import { describe, expect, it } from 'vitest';
import { type MigrationSequence, checkSequence, currentVersion, migrateRecord } from './dataMigrations.js';

const seq: MigrationSequence = {
  id: 'test.thing',
  versionKey: 'v',
  migrations: [
    { id: 'test.thing/2_rename', to: 2, up: ({ a, ...rest }) => ({ ...rest, b: a }) },
    { id: 'test.thing/3_double', to: 3, up: (r) => ({ ...r, b: Number(r.b) * 2 }) },
  ],
};

describe('migrateRecord', () => {
  it('runs only the migrations after the record version, in order, and stamps the version', () => {
    expect(migrateRecord(seq, { a: 2 })).toEqual({ ok: true, value: { b: 4, v: 3 }, from: 1, to: 3 });
    expect(migrateRecord(seq, { v: 2, b: 5 })).toEqual({ ok: true, value: { b: 10, v: 3 }, from: 2, to: 3 });
    expect(migrateRecord(seq, { v: 3, b: 1 })).toEqual({ ok: true, value: { b: 1, v: 3 }, from: 3, to: 3 });
  });

  it('never mutates its input', () => {
    const input = { a: 1 };
    migrateRecord(seq, input);
    expect(input).toEqual({ a: 1 });
  });

  it('reports a newer version, a bad version, a non-object and a failing migration instead of throwing', () => {
    expect(migrateRecord(seq, { v: 4 })).toMatchObject({ ok: false, error: 'newer-version' });
    expect(migrateRecord(seq, { v: '2' })).toMatchObject({ ok: false, error: 'bad-version' });
    expect(migrateRecord(seq, { v: 0 })).toMatchObject({ ok: false, error: 'bad-version' });
    expect(migrateRecord(seq, [1])).toMatchObject({ ok: false, error: 'not-an-object' });
    const failing: MigrationSequence = { ...seq, migrations: [{ id: 'test.thing/2_boom', to: 2, up: () => { throw new Error('boom'); } }] };
    expect(migrateRecord(failing, {})).toEqual({ ok: false, error: 'migration-failed', detail: 'test.thing/2_boom: boom' });
  });

  it('checkSequence finds gaps, foreign ids and duplicates', () => {
    expect(checkSequence(seq)).toEqual([]);
    expect(currentVersion(seq)).toBe(3);
    const bad: MigrationSequence = { ...seq, migrations: [seq.migrations[0]!, { id: 'other/4', to: 4, up: (r) => r }] };
    expect(checkSequence(bad)).toEqual(['other/4: expected to === 3', 'other/4: not namespaced under test.thing']);
  });
});
