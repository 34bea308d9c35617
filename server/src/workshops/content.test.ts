import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MAX_LEARNINGS, MAX_TEXT_LENGTH, type ProjectCard, type StickyNote, projectCardDefaults, deleteElements, elementsMap, getElementText, insertElement, updateElement } from '@sammen/shared';
import { checkContent } from './content.js';

const note = (id: string, extra: Partial<StickyNote> = {}): StickyNote => ({
  id, type: 'note', index: 'a0', frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text: id, ...extra,
});

/** The server's doc with two notes, a client replica of it; `change` runs on the client. */
function judge(change: (doc: Y.Doc) => void) {
  const server = new Y.Doc();
  insertElement(server, note('a'));
  insertElement(server, note('b'));
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const sv = Y.encodeStateVector(client);
  change(client);
  return checkContent(Y.encodeStateAsUpdate(client, sv), server);
}
const raw = (d: Y.Doc, id: string) => elementsMap(d).get(id)!;
/** Writes one stored group whole with some fields changed, as a hostile schema-2 client could. */
const regroup = (d: Y.Doc, id: string, group: 'm' | 'g' | 's', patch: Record<string, unknown>) =>
  raw(d, id).set(group, { ...(raw(d, id).get(group) as object), ...patch });

describe('checkContent', () => {
  it('lets every ordinary edit through', () => {
    expect(judge((d) => insertElement(d, note('c')))).toEqual({ ok: true });
    expect(judge((d) => updateElement(d, 'a', { x: 5, color: 'green' }))).toEqual({ ok: true });
    expect(judge((d) => updateElement(d, 'a', { text: 'a new text' }))).toEqual({ ok: true });
    expect(judge((d) => getElementText(d, 'b')!.insert(1, 'æøå'))).toEqual({ ok: true });
    expect(judge((d) => getElementText(d, 'b')!.delete(0, 1))).toEqual({ ok: true });
    expect(judge((d) => deleteElements(d, ['a']))).toEqual({ ok: true });
    expect(judge((d) => insertElement(d, { id: 'f', type: 'frame', index: 'a1', frameId: null, x: 0, y: 0, width: 800, height: 600, title: 'Ramme', fill: 'white' }))).toEqual({ ok: true });
    // Replacing a full-length text: the deleted characters count.
    expect(judge((d) => {
      updateElement(d, 'a', { text: 'x'.repeat(MAX_TEXT_LENGTH) });
      updateElement(d, 'a', { text: 'y'.repeat(MAX_TEXT_LENGTH) });
    })).toEqual({ ok: true });
  });

  it('accepts a project card and its edits within the schema’s limits, and refuses one beyond them', () => {
    const card: ProjectCard = { ...projectCardDefaults, effects: [], learnings: [], id: 'p', type: 'project', index: 'a2', frameId: null, x: 0, y: 0, createdAt: 1 };
    expect(judge((d) => insertElement(d, card))).toEqual({ ok: true });
    const learnings = Array.from({ length: MAX_LEARNINGS }, (_, i) => ({ at: i, turn: 'learn' as const, text: 'lært' }));
    expect(judge((d) => {
      insertElement(d, card);
      updateElement(d, 'p', { title: 'Gåbus', effects: ['results', 'democracy'], learnings });
    })).toEqual({ ok: true });
    // Written raw, as a hostile client would: a learning too many, a title too long, an unknown phase.
    for (const [key, value] of [['learnings', [...learnings, learnings[0]]], ['title', 'x'.repeat(201)], ['phase', 'done']] as const) {
      expect(judge((d) => {
        insertElement(d, card);
        raw(d, 'p').set(key, value);
      })).toMatchObject({ ok: false, reason: expect.stringContaining(key) });
    }
  });

  it('refuses a Y.Array nested 20,000 deep in an element, and any type where a value belongs', () => {
    const deep = judge((d) => {
      let inner = new Y.Array<unknown>();
      d.transact(() => {
        raw(d, 'a').set('junk', inner);
        for (let i = 0; i < 20_000; i++) {
          const next = new Y.Array<unknown>();
          inner.push([next]);
          inner = next;
        }
      });
    });
    expect(deep).toMatchObject({ ok: false, reason: expect.stringMatching(/nested/) });
    expect(judge((d) => raw(d, 'a').set('x', new Y.Map()))).toMatchObject({ ok: false });
    expect(judge((d) => raw(d, 'a').set('title', new Y.Text('t')))).toMatchObject({ ok: false });
    expect(judge((d) => getElementText(d, 'a')!.insertEmbed(0, { image: 'x' }))).toMatchObject({ ok: false });
    expect(judge((d) => raw(d, 'a').set('x', new Uint8Array([1, 2, 3])))).toMatchObject({ ok: false });
    expect(judge((d) => raw(d, 'a').set('x', new Y.Doc()))).toMatchObject({ ok: false });
    expect(judge((d) => elementsMap(d).set('arr', new Y.Array() as never))).toMatchObject({ ok: false });
  });

  it('refuses fields of the wrong type or size, missing fields, unknown fields and a foreign id', () => {
    expect(judge((d) => regroup(d, 'a', 'g', { x: 'far away' }))).toMatchObject({ ok: false, reason: expect.stringMatching(/x/) });
    expect(judge((d) => regroup(d, 'a', 'g', { width: 1e9 }))).toMatchObject({ ok: false, reason: expect.stringMatching(/width/) });
    expect(judge((d) => regroup(d, 'a', 's', { color: 'plaid' }))).toMatchObject({ ok: false, reason: expect.stringMatching(/color/) });
    expect(judge((d) => raw(d, 'a').set('g', { y: 0, width: 200, height: 200, frameId: null }))).toMatchObject({ ok: false, reason: expect.stringMatching(/x/) });
    expect(judge((d) => raw(d, 'a').delete('g'))).toMatchObject({ ok: false });
    expect(judge((d) => raw(d, 'a').delete('text'))).toMatchObject({ ok: false });
    expect(judge((d) => raw(d, 'a').set('junk', [[[[[[1]]]]]]))).toMatchObject({ ok: false });
    expect(judge((d) => raw(d, 'a').set('junk', 1))).toMatchObject({ ok: false, reason: expect.stringMatching(/unknown field/) });
    expect(judge((d) => regroup(d, 'a', 'm', { id: 'b' }))).toMatchObject({ ok: false });
    expect(judge((d) => getElementText(d, 'a')!.insert(0, 'x'.repeat(MAX_TEXT_LENGTH)))).toMatchObject({ ok: false, reason: expect.stringMatching(/longer/) });
    expect(judge((d) => {
      const half = new Y.Map<unknown>();
      elementsMap(d).set('half', half);
      half.set('type', 'note');
    })).toMatchObject({ ok: false });
  });

  it('refuses what the packed layout (schema 2) never holds: a grouped field as its own key, a field in another group, a group that is no plain object', () => {
    // A client from before schema 2 moves a note the old way: refused, and says why.
    expect(judge((d) => raw(d, 'a').set('x', 5))).toMatchObject({ ok: false, reason: expect.stringMatching(/"x" is stored outside its group "g"/) });
    expect(judge((d) => {
      const old = new Y.Map<unknown>();
      elementsMap(d).set('old', old);
      for (const [k, v] of Object.entries(note('old'))) old.set(k, k === 'text' ? new Y.Text(String(v)) : v);
    })).toMatchObject({ ok: false, reason: expect.stringMatching(/outside its group/) });
    expect(judge((d) => regroup(d, 'a', 's', { x: 5 }))).toMatchObject({ ok: false, reason: expect.stringMatching(/"x" does not belong in "s"/) });
    expect(judge((d) => regroup(d, 'a', 's', { text: 'sneaked in' }))).toMatchObject({ ok: false });
    expect(judge((d) => raw(d, 'a').set('s', ['yellow']))).toMatchObject({ ok: false, reason: expect.stringMatching(/plain object/) });
    expect(judge((d) => raw(d, 'a').set('g', null))).toMatchObject({ ok: false, reason: expect.stringMatching(/plain object/) });
    expect(judge((d) => regroup(d, 'a', 's', { color: [[[[[['yellow']]]]]] }))).toMatchObject({ ok: false, reason: expect.stringMatching(/nested too deep/) });
  });

  it('judges structs that waited for a missing dependency when the update that releases them comes', () => {
    const server = new Y.Doc();
    insertElement(server, note('a'));
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const sv0 = Y.encodeStateVector(client);
    insertElement(client, note('c'));
    const sv1 = Y.encodeStateVector(client);
    regroup(client, 'c', 'g', { x: 'not a number' });
    const first = Y.encodeStateAsUpdate(client, sv0);
    const gap = Y.encodeStateAsUpdate(client, sv1); // depends on `first`
    expect(checkContent(gap, server)).toEqual({ ok: true }); // nothing it can place yet: it waits
    Y.applyUpdate(server, gap);
    const pending = server.store.pendingStructs!;
    const merged = Y.mergeUpdates([Y.convertUpdateFormatV2ToV1(pending.update), first]);
    expect(checkContent(merged, server)).toMatchObject({ ok: false });
  });
});
