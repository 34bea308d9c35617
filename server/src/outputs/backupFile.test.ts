import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PARTICIPATION_LEVELS } from '@sammen/shared';
import type { VoteRecord, WorkshopState } from '../workshops/types.js';
import { type BackupContent, backupChecksum, canonicalJson, checkBackup, sealBackup } from './backupFile.js';

// Generators for what a used workshop holds. Text is full unicode (astral planes, lone surrogates are
// excluded only where zod's schemas would refuse them anyway: nowhere), ids as the server makes them.
const id = fc.stringMatching(/^[0-9a-zA-Z_-]{1,20}$/);
const text = (max: number) => fc.string({ unit: 'binary', maxLength: max });
const step = fc.record(
  {
    id,
    title: text(60).filter((t) => t.trim().length > 0),
    participantText: text(100),
    facilitatorNotes: text(100),
    minutes: fc.integer({ min: 0, max: 480 }),
    frameId: fc.option(id, { nil: null }),
    level: fc.constantFrom(...PARTICIPATION_LEVELS),
    promise: text(100),
    private: fc.boolean(),
    vote: fc.option(fc.record({ dotsPerPerson: fc.integer({ min: 1, max: 50 }), allowMultiplePerElement: fc.boolean() }), { nil: null }),
  },
  { requiredKeys: ['id', 'title', 'participantText', 'facilitatorNotes', 'minutes', 'frameId', 'level', 'promise', 'private'] },
);
const vote: fc.Arbitrary<VoteRecord> = fc.record({
  id,
  title: text(60),
  status: fc.constantFrom('open', 'closed', 'revealed'),
  elementIds: fc.array(id, { maxLength: 8 }),
  dotsPerPerson: fc.integer({ min: 1, max: 50 }),
  allowMultiplePerElement: fc.boolean(),
  ballots: fc.dictionary(id, fc.array(id, { maxLength: 5 }), { maxKeys: 5 }),
  results: fc.option(fc.array(fc.record({ elementId: id, count: fc.nat(100) }), { maxLength: 5 }), { nil: null }),
  startedAt: fc.double({ noNaN: true, noDefaultInfinity: true }),
  revealedAt: fc.option(fc.integer(), { nil: null }),
});
const state: fc.Arbitrary<WorkshopState> = fc.record({
  version: fc.constant(3),
  agenda: fc.array(step, { maxLength: 4 }),
  current: fc.nat(10),
  timer: fc.record({ status: fc.constantFrom('idle', 'running', 'paused'), endsAt: fc.option(fc.integer(), { nil: null }), remainingMs: fc.nat(), durationMs: fc.nat() }),
  follow: fc.record({
    active: fc.boolean(),
    leaderId: fc.option(id, { nil: null }),
    viewport: fc.option(fc.record({ x: fc.double({ noNaN: true, noDefaultInfinity: true }), y: fc.integer(), width: fc.integer({ min: 1 }), height: fc.double({ min: 0.5, max: 1e6, noNaN: true }) }), { nil: null }),
  }),
  locks: fc.record({ board: fc.boolean(), frames: fc.array(fc.record({ frameId: id, contents: fc.boolean() }), { maxLength: 3 }) }),
  private: fc.record({ active: fc.boolean(), reveal: fc.constantFrom('anonymous', 'named') }),
  vote: fc.option(vote, { nil: null }),
  pastVotes: fc.array(vote, { maxLength: 2 }),
  hands: fc.array(fc.record({ memberId: id, at: fc.integer() }), { maxLength: 3 }),
  reveals: fc.array(fc.record({ at: fc.integer(), stepIndex: fc.integer(), notes: fc.integer(), mode: fc.constantFrom('anonymous', 'named') }), { maxLength: 3 }),
  stepRuns: fc.dictionary(id.map((k) => `s${k}`), fc.array(fc.record({ start: fc.integer(), end: fc.option(fc.integer(), { nil: null }) }), { maxLength: 3 }), { maxKeys: 3 }),
  runsRecorded: fc.boolean(),
  place: text(60),
  question: text(60),
}) as fc.Arbitrary<WorkshopState>;
const ydoc = text(80).map((t) => {
  const d = new Y.Doc();
  d.getText('t').insert(0, t);
  return Buffer.from(Y.encodeStateAsUpdate(d)).toString('base64');
});
const content: fc.Arbitrary<BackupContent> = fc
  .record({
    title: text(60).filter((t) => t.length > 0),
    state,
    members: fc.uniqueArray(fc.record({ id, role: fc.constantFrom('cofacilitator', 'participant'), name: text(40), createdAt: fc.string(), removed: fc.boolean() }), { selector: (m) => m.id, maxLength: 4 }),
    board: ydoc,
    versions: fc.array(fc.record({ name: text(60), createdAt: fc.string(), state: ydoc }), { maxLength: 2 }),
  })
  .map(({ title, state, members, board, versions }) => ({
    workshop: { title, language: 'nb' as const, createdAt: '2026-11-30T10:00:00.000Z', state },
    members: [{ id: 'facilitator-1', role: 'facilitator' as const, name: 'Fac', createdAt: '2026', removed: false }, ...members.filter((m) => m.id !== 'facilitator-1')],
    board,
    privateDocs: [],
    versions,
  }));

/** The same data with every object's keys in another order (as other code may build it). */
function shuffleKeys(value: unknown, rnd: () => number): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffleKeys(v, rnd));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [entries[i], entries[j]] = [entries[j]!, entries[i]!];
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, shuffleKeys(v, rnd)]));
}

describe('backup file', () => {
  it('every file the server writes is accepted, whatever order its objects were built in', () => {
    fc.assert(
      fc.property(content, fc.integer(), (c, seed) => {
        let s = seed;
        const rnd = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x80000000);
        const built = shuffleKeys(c, rnd) as BackupContent;
        const file = JSON.parse(JSON.stringify(sealBackup(built)));
        const checked = checkBackup(file);
        expect(checked).toMatchObject({ ok: true });
        // …and what the import reads, written again, is accepted again with the same checksum.
        if (!checked.ok) return;
        const again = JSON.parse(JSON.stringify(sealBackup(checked.backup.content)));
        expect(checkBackup(again)).toMatchObject({ ok: true });
      }),
      { numRuns: 150 },
    );
  });

  it('a changed value anywhere in the content is refused as damaged', () => {
    fc.assert(
      fc.property(content, text(20), (c, other) => {
        const file = JSON.parse(JSON.stringify(sealBackup(c)));
        fc.pre(file.content.workshop.title !== other && other.length > 0);
        file.content.workshop.title = other;
        expect(checkBackup(file)).toEqual({ ok: false, message: 'The backup file is damaged: its checksum does not match its content.' });
      }),
      { numRuns: 50 },
    );
  });

  it('canonical JSON does not depend on key order, whitespace-free and JSON-equivalent', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const canon = canonicalJson(v);
        expect(JSON.parse(canon)).toEqual(JSON.parse(JSON.stringify(v)));
        expect(canonicalJson(JSON.parse(canon))).toBe(canon);
      }),
    );
    expect(canonicalJson({ b: 1, a: [undefined, -0, { d: undefined, c: 'ø' }] })).toBe('{"a":[null,0,{"c":"ø"}],"b":1}');
    expect(backupChecksum({ a: 1, b: 2 })).toBe(backupChecksum({ b: 2, a: 1 }));
  });

  it('reads version 1 files, whose checksum was over JSON.stringify in the file order', async () => {
    const c = fc.sample(content, { numRuns: 1, seed: 7 })[0]!;
    const { createHash } = await import('node:crypto');
    const v1 = { format: 'sammen-workshop-backup', version: 1, exportedAt: 'x', checksum: createHash('sha256').update(JSON.stringify(c)).digest('hex'), content: c };
    expect(checkBackup(JSON.parse(JSON.stringify(v1)))).toMatchObject({ ok: true });
    expect(checkBackup({ ...v1, version: 3 })).toMatchObject({ ok: false, message: expect.stringMatching(/version 3/) });
  });
});
