import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getElements, initBoardDoc, insertElement, readElementMap, elementsMap } from '../doc.js';
import { validateElement } from './element.js';
import { SCHEMA_VERSION, getSchemaVersion, migrateDoc } from './migrations.js';
import { projectCardDefaults, type ProjectCard } from './ProjectCard.js';

export const sampleCard = (over: Partial<ProjectCard> = {}): ProjectCard => ({
  ...projectCardDefaults,
  effects: [],
  learnings: [],
  id: 'p1',
  type: 'project',
  index: 'a0',
  frameId: null,
  x: 0,
  y: 0,
  title: 'Gåbus til skolen',
  need: 'Børn skal kunne gå sikkert i skole',
  needOwner: 'Forældre til skolebørn',
  owner: 'Hanne',
  area: 'children-culture',
  createdAt: 1_700_000_000_000,
  ...over,
});

describe('project card schema', () => {
  it('accepts a filled card with effects and a learning log', () => {
    const card = sampleCard({ effects: ['results', 'democracy'], cycle: 'test', round: 2, learnings: [{ at: 1_700_000_100_000, turn: 'learn', text: 'Forældrene vil gerne gå med' }] });
    expect(validateElement(card)).toMatchObject({ ok: true, value: card });
  });

  it('names the field that is wrong', () => {
    expect(validateElement(sampleCard({ phase: 'done' as never }))).toMatchObject({ ok: false, error: expect.stringMatching(/^phase:/) });
    expect(validateElement(sampleCard({ effects: ['fun' as never] }))).toMatchObject({ ok: false, error: expect.stringMatching(/^effects/) });
    expect(validateElement(sampleCard({ cycle: 'sleep' as never }))).toMatchObject({ ok: false, error: expect.stringMatching(/^cycle:/) });
    expect(validateElement(sampleCard({ round: 0 }))).toMatchObject({ ok: false, error: expect.stringMatching(/^round:/) });
    expect(validateElement(sampleCard({ title: 'x'.repeat(201) }))).toMatchObject({ ok: false, error: expect.stringMatching(/^title:/) });
    const many = Array.from({ length: 61 }, (_, i) => ({ at: i, turn: 'learn' as const, text: 'x' }));
    expect(validateElement(sampleCard({ learnings: many }))).toMatchObject({ ok: false, error: expect.stringMatching(/^learnings:/) });
  });

  it('lives in the document as plain fields (no Y.Text) and reads back whole', () => {
    const doc = new Y.Doc();
    initBoardDoc(doc);
    const card = sampleCard({ effects: ['productivity'] });
    insertElement(doc, card);
    const map = elementsMap(doc).get('p1')!;
    for (const value of map.values()) expect(value).not.toBeInstanceOf(Y.AbstractType);
    expect(readElementMap(map)).toEqual(card);
  });

  // Adding a kind changes no stored element, so no migration step: a board stored before project cards
  // existed is current as it is, and migrating it writes nothing (an old server meeting a board with
  // project cards skips them as invalid elements rather than refusing the whole board).
  it('needs no migration: a board from before project cards loads unchanged, one with cards too', () => {
    const doc = new Y.Doc();
    initBoardDoc(doc);
    insertElement(doc, sampleCard());
    const before = Y.encodeStateVector(doc);
    expect(migrateDoc(doc)).toEqual({ ok: true, from: SCHEMA_VERSION, to: SCHEMA_VERSION });
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(getSchemaVersion(doc)).toBe(SCHEMA_VERSION);
    expect(getElements(doc).map((e) => e.type)).toEqual(['project']);
  });
});
