/**
 * Issue 12's question for the document model: can a 20,000-note board be applied fast enough to open
 * in < 500 ms cold / < 150 ms loaded, and what would each layout give up? Seven layouts of the same
 * notes, each with V1 (what y-websocket sends) and V2 updates:
 *  A) schema 1: a Y.Map per element with every field as its own key, text as a Y.Text;
 *  S2) schema 2 as shared/src/doc.ts writes it (today): packed groups m, g, s as plain objects, text a Y.Text;
 *  B) a Y.Map per element with packed keys: `m` (id, type, index, frameId), `g` ([x, y, width, height]),
 *     `s` ({ color }), text as a Y.Text — what a move and a recolour touch stay separate keys;
 *  C) a plain object per element, replaced whole, and the text as a Y.Text in a second root map;
 *  T) S2 with the text a plain string (one typist per note at a time, as Miro and FigJam lock a note);
 *  U) T with two keys only: `g`, and one object for everything else, text included;
 *  P) a plain object per element, text included (the issue's 249 ms).
 * "keeps both" is measured on two synced replicas that edit the same note at once, then exchange updates.
 */
import * as Y from 'yjs';
import { getElement, getElementText, insertElement, updateElement } from '../shared/src/doc.ts';
import type { StickyNote } from '../shared/src/schema/StickyNote.ts';
import { type BenchTable, fmt, machine, timeMs } from './table.ts';

const NOTES = 20_000;
const COLORS = ['yellow', 'orange', 'pink', 'green', 'blue', 'purple', 'grey'] as const;

/** The notes of bench/boardRender.ts and bench/coldOpen.ts (rows of 100, a Norwegian sentence each). */
function makeNotes(n: number): StickyNote[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `n${i}`, type: 'note', index: `a${String(i).padStart(5, '0')}`, frameId: null, x: (i % 100) * 220, y: Math.floor(i / 100) * 220,
    width: 200, height: 200, color: COLORS[i % 7]!, text: `Lapp ${i}: hva er viktig for deg? æøå`,
  }));
}

interface Layout {
  name: string;
  build(doc: Y.Doc, notes: StickyNote[]): void;
  move(doc: Y.Doc, id: string, dx: number): void;
  recolour(doc: Y.Doc, id: string, color: string): void;
  /** Types `s` at `at` in the note's text. */
  type(doc: Y.Doc, id: string, at: number, s: string): void;
  read(doc: Y.Doc, id: string): { x: number; color: string; text: string };
}

const els = (doc: Y.Doc) => doc.getMap<any>('elements');
const texts = (doc: Y.Doc) => doc.getMap<Y.Text>('texts');
const typeInto = (t: Y.Text, at: number, s: string) => t.insert(at, s);

const A: Layout = {
  name: 'A: Y.Map per element, a key per field (schema 1)',
  build: (doc, notes) =>
    doc.transact(() => {
      for (const { text, ...fields } of notes) {
        const m = new Y.Map<unknown>();
        for (const [k, v] of Object.entries(fields)) m.set(k, v);
        m.set('text', new Y.Text(text));
        els(doc).set(fields.id, m);
      }
    }),
  move: (doc, id, dx) => els(doc).get(id).set('x', els(doc).get(id).get('x') + dx),
  recolour: (doc, id, color) => els(doc).get(id).set('color', color),
  type: (doc, id, at, s) => typeInto(els(doc).get(id).get('text'), at, s),
  read: (doc, id) => ({ x: els(doc).get(id).get('x'), color: els(doc).get(id).get('color'), text: String(els(doc).get(id).get('text')) }),
};

const S2: Layout = {
  name: 'S2: schema 2 as doc.ts writes it (today: m, g, s objects, text)',
  build: (doc, notes) => doc.transact(() => notes.forEach((n) => insertElement(doc, n))),
  move: (doc, id, dx) => void updateElement(doc, id, { x: getElement(doc, id)!.x + dx } as never),
  recolour: (doc, id, color) => void updateElement(doc, id, { color } as never),
  type: (doc, id, at, s) => typeInto(getElementText(doc, id)!, at, s),
  read: (doc, id) => {
    const el = getElement(doc, id) as StickyNote;
    return { x: el.x, color: el.color, text: el.text };
  },
};

const B: Layout = {
  name: 'B: Y.Map per element, packed keys (m, g, s, text)',
  build: (doc, notes) =>
    doc.transact(() => {
      for (const { id, type, index, frameId, x, y, width, height, color, text } of notes) {
        const m = new Y.Map<unknown>();
        m.set('m', { id, type, index, frameId });
        m.set('g', [x, y, width, height]);
        m.set('s', { color });
        m.set('text', new Y.Text(text));
        els(doc).set(id, m);
      }
    }),
  move: (doc, id, dx) => {
    const [x, ...rest] = els(doc).get(id).get('g') as number[];
    els(doc).get(id).set('g', [x! + dx, ...rest]);
  },
  recolour: (doc, id, color) => els(doc).get(id).set('s', { color }),
  type: (doc, id, at, s) => typeInto(els(doc).get(id).get('text'), at, s),
  read: (doc, id) => ({ x: els(doc).get(id).get('g')[0], color: els(doc).get(id).get('s').color, text: String(els(doc).get(id).get('text')) }),
};

const C: Layout = {
  name: 'C: plain object per element + Y.Text in a second map',
  build: (doc, notes) =>
    doc.transact(() => {
      for (const { text, ...rest } of notes) {
        els(doc).set(rest.id, rest);
        texts(doc).set(rest.id, new Y.Text(text));
      }
    }),
  move: (doc, id, dx) => els(doc).set(id, { ...els(doc).get(id), x: els(doc).get(id).x + dx }),
  recolour: (doc, id, color) => els(doc).set(id, { ...els(doc).get(id), color }),
  type: (doc, id, at, s) => typeInto(texts(doc).get(id)!, at, s),
  read: (doc, id) => ({ x: els(doc).get(id).x, color: els(doc).get(id).color, text: String(texts(doc).get(id)) }),
};

const P: Layout = {
  name: 'P: plain object per element, text included',
  build: (doc, notes) => doc.transact(() => notes.forEach((n) => els(doc).set(n.id, { ...n }))),
  move: (doc, id, dx) => els(doc).set(id, { ...els(doc).get(id), x: els(doc).get(id).x + dx }),
  recolour: (doc, id, color) => els(doc).set(id, { ...els(doc).get(id), color }),
  type: (doc, id, at, s) => {
    const old = els(doc).get(id);
    els(doc).set(id, { ...old, text: old.text.slice(0, at) + s + old.text.slice(at) });
  },
  read: (doc, id) => ({ x: els(doc).get(id).x, color: els(doc).get(id).color, text: els(doc).get(id).text }),
};

/**
 * T: as S2, but the text a plain string in its own key (the last writer of a note's text wins: one
 * typist per note at a time, as Miro and FigJam lock a note someone is editing). Not Sammen's layout:
 * measured to show what giving up two typists in one note would buy.
 */
const T: Layout = {
  name: 'T: Y.Map per element, m, g, s objects, text a plain string',
  build: (doc, notes) =>
    doc.transact(() => {
      for (const { id, type, index, frameId, x, y, width, height, color, text } of notes) {
        const m = new Y.Map<unknown>();
        m.set('m', { id, type, index, author: 'bench' });
        m.set('g', { x, y, width, height, frameId });
        m.set('s', { color });
        m.set('text', text);
        els(doc).set(id, m);
      }
    }),
  move: (doc, id, dx) => {
    const g = els(doc).get(id).get('g');
    els(doc).get(id).set('g', { ...g, x: g.x + dx });
  },
  recolour: (doc, id, color) => els(doc).get(id).set('s', { color }),
  type: (doc, id, at, s) => {
    const old = els(doc).get(id).get('text') as string;
    els(doc).get(id).set('text', old.slice(0, at) + s + old.slice(at));
  },
  read: (doc, id) => ({ x: els(doc).get(id).get('g').x, color: els(doc).get(id).get('s').color, text: els(doc).get(id).get('text') }),
};

/** U: as T with only two keys: the geometry, and everything else (m, s and the text) in one object. */
const U: Layout = {
  name: 'U: Y.Map per element, g and one object for the rest (text included)',
  build: (doc, notes) =>
    doc.transact(() => {
      for (const { id, type, index, frameId, x, y, width, height, color, text } of notes) {
        const m = new Y.Map<unknown>();
        m.set('g', { x, y, width, height, frameId });
        m.set('p', { id, type, index, author: 'bench', color, text });
        els(doc).set(id, m);
      }
    }),
  move: (doc, id, dx) => {
    const g = els(doc).get(id).get('g');
    els(doc).get(id).set('g', { ...g, x: g.x + dx });
  },
  recolour: (doc, id, color) => els(doc).get(id).set('p', { ...els(doc).get(id).get('p'), color }),
  type: (doc, id, at, s) => {
    const p = els(doc).get(id).get('p');
    els(doc).get(id).set('p', { ...p, text: p.text.slice(0, at) + s + p.text.slice(at) });
  },
  read: (doc, id) => ({ x: els(doc).get(id).get('g').x, color: els(doc).get(id).get('p').color, text: els(doc).get(id).get('p').text }),
};

function replicas(update: Uint8Array): [Y.Doc, Y.Doc] {
  const d1 = new Y.Doc();
  const d2 = new Y.Doc();
  Y.applyUpdate(d1, update);
  Y.applyUpdate(d2, update);
  return [d1, d2];
}

function exchange(d1: Y.Doc, d2: Y.Doc): void {
  const u1 = Y.encodeStateAsUpdate(d1, Y.encodeStateVector(d2));
  const u2 = Y.encodeStateAsUpdate(d2, Y.encodeStateVector(d1));
  Y.applyUpdate(d2, u1);
  Y.applyUpdate(d1, u2);
}

/** One replica moves a note while the other recolours it. */
function moveAndRecolour(layout: Layout, update: Uint8Array, id: string): string {
  const [d1, d2] = replicas(update);
  const before = layout.read(d1, id);
  layout.move(d1, id, 51);
  layout.recolour(d2, id, 'pink');
  exchange(d1, d2);
  const a = layout.read(d1, id);
  if (JSON.stringify(a) !== JSON.stringify(layout.read(d2, id))) return 'no (diverged)';
  const moved = a.x === before.x + 51;
  const recoloured = a.color === 'pink';
  return moved && recoloured ? 'yes' : `no (kept only ${moved ? 'the move' : recoloured ? 'the colour' : 'neither'})`;
}

/** Two people type in the same note at once, one at the start and one at the end, and one moves it. */
function typeTogether(layout: Layout, update: Uint8Array, id: string): string {
  const [d1, d2] = replicas(update);
  const before = layout.read(d1, id);
  layout.type(d1, id, 0, 'NB! ');
  layout.type(d2, id, before.text.length, ' (Kari)');
  layout.move(d2, id, 10);
  exchange(d1, d2);
  const a = layout.read(d1, id);
  const both = a.text === `NB! ${before.text} (Kari)`;
  return both && a.x === before.x + 10 ? 'yes' : both ? 'text yes, move lost' : 'no (one typist lost)';
}

export async function run(): Promise<BenchTable> {
  const notes = makeNotes(NOTES);
  const target = notes[NOTES >> 1]!.id;
  const rows: string[][] = [];
  for (const layout of [A, S2, B, C, T, U, P]) {
    const source = new Y.Doc();
    source.clientID = 0x9e3779b9; // a fixed 5-byte client id, so sizes do not wobble between runs
    layout.build(source, notes);
    const v1 = Y.encodeStateAsUpdate(source);
    const v2 = Y.encodeStateAsUpdateV2(source);
    source.destroy();
    // 20,000 notes take seconds: 5 runs after 1 warm-up.
    const applyV1 = timeMs(() => void Y.applyUpdate(new Y.Doc(), v1), 5, 1);
    const applyV2 = timeMs(() => void Y.applyUpdateV2(new Y.Doc(), v2), 5, 1);
    rows.push([layout.name, fmt(v1.length / 1e6), fmt(v2.length / 1e6), fmt(applyV1), fmt(applyV2), moveAndRecolour(layout, v1, target), typeTogether(layout, v1, target)]);
  }
  const a = Number(rows[0]![3]);
  for (const row of rows) row.push(`${(Number(row[3]) / a).toFixed(2)}×`);
  return {
    title: `Document layouts for ${NOTES.toLocaleString('en')} notes: size, apply time, concurrent edits kept`,
    command: 'npm run bench -- modelOptions',
    machine: machine(),
    headers: ['layout', 'V1 MB', 'V2 MB', 'apply V1 ms', 'apply V2 ms', 'concurrent move + recolour keeps both', 'two typists + a move in one note keep all', 'apply V1 vs A'],
    rows,
    notes: [
      'apply: `new Y.Doc()` + `Y.applyUpdate` (V1, what y-websocket sends and the store holds) or `Y.applyUpdateV2` of the whole board: what a joining client and a cold server pay before anything else. Median of 5 after 1 warm-up.',
      'Notes as in bench/coldOpen.ts: 20,000 in rows of 100, a ~36-character Norwegian sentence each (æøå), one writer.',
      'S2 is what the board stores since schema 2 (B with `g` as an object, `author` in `m`, style in `s`); B and S2 keep a move and a recolour in separate keys; a move and a resize (both `g`) at the same moment keep one of them.',
      'T and U are not layouts Sammen writes: they show what giving up two typists in one note (a note locked while someone edits it, as in Miro and FigJam) would buy.',
      'The machine is shared (2 cores, several processes): figures move by ±30 % between runs; compare within a run.',
    ],
  };
}
