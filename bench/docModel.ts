/**
 * Choose-the-document-model figures: how a board should live in a Y.Doc.
 *  A) "Y.Map per element": what shared/src/doc.ts writes (id → Y.Map of fields, text as Y.Text).
 *  B) "plain object per element": id → plain JS object, replaced whole on every change.
 * A uses the shared accessors themselves (insertElement, getElements, updateElement), so the figures
 * measure the shipped code, validation included, not a re-implementation of it.
 */
import * as Y from 'yjs';
import { type ElementPatch, type ElementPatchOf, elementsMap, getElement, getElements, insertElement, updateElement } from '../shared/src/doc.ts';
import { randomId } from '../shared/src/ids.ts';
import type { StickyNote } from '../shared/src/schema/StickyNote.ts';
import { validateElement, type Element } from '../shared/src/schema/element.ts';
import { compareByIndex, indicesAbove } from '../shared/src/zorder.ts';
import { type BenchTable, fmt, gc, machine, timeMs } from './table.ts';

const SIZES = [1_000, 10_000];

// Varied ~40-char Danish sentences with æøå: multi-byte UTF-8 matters for the encoded size.
const SENTENCES = [
  'Flere bænke ved søen og bedre lys på stien',
  'Børnene ønsker en større legeplads i år',
  'Ældre vil gerne mødes på biblioteket',
  'Cykelstien over åen skal være bredere',
  'Grønne tage på skolen og færre p-pladser',
  'Fælleshaver på taget af rådhuset i Århus',
];

function makeNotes(n: number): StickyNote[] {
  // Real fractional-index keys (a0, a1, ... aZ, b00, ...) as the app generates them for new notes.
  const indices = indicesAbove([], n);
  return indices.map((index, i) => ({
    id: randomId(16),
    type: 'note',
    index,
    frameId: null,
    x: (i % 100) * 220,
    y: Math.floor(i / 100) * 220,
    width: 200,
    height: 200,
    color: 'yellow',
    text: SENTENCES[i % SENTENCES.length]!,
  }));
}

/** The operations a model must support; everything else in this file is model-agnostic. */
interface Model {
  name: string;
  build(doc: Y.Doc, notes: StickyNote[]): void;
  /** All elements as the app would consume them: validated (clients are untrusted) and in z-order. */
  readAll(doc: Y.Doc): Element[];
  /** The raw stored values as JS, without validation or sorting: Yjs's own cost. */
  readRaw(doc: Y.Doc): unknown;
  move(doc: Y.Doc, id: string, x: number, y: number): void;
  recolour(doc: Y.Doc, id: string, color: StickyNote['color']): void;
  get(doc: Y.Doc, id: string): { x: number; y: number; color: string } | undefined;
}

// updateElement's default patch type only admits fields common to every element kind (not x or color),
// so note fields go through a typed variable; excess-property checks apply only to fresh literals.
const notePatch = (patch: ElementPatchOf<'note'>): ElementPatch => patch;

const perElementMap: Model = {
  name: 'A: Y.Map per element',
  build: (doc, notes) => doc.transact(() => notes.forEach((n) => insertElement(doc, n))),
  readAll: (doc) => getElements(doc),
  readRaw: (doc) => elementsMap(doc).toJSON(),
  move: (doc, id, x, y) => void updateElement(doc, id, notePatch({ x, y })),
  recolour: (doc, id, color) => void updateElement(doc, id, notePatch({ color })),
  get: (doc, id) => getElement(doc, id) as StickyNote | undefined,
};

const plain = (doc: Y.Doc): Y.Map<StickyNote> => doc.getMap<StickyNote>('elements');
/** B can only change a field by writing a new object, so one client's write replaces the other's. */
const replace = (doc: Y.Doc, id: string, patch: Partial<StickyNote>): void => {
  const old = plain(doc).get(id);
  if (old) plain(doc).set(id, { ...old, ...patch });
};

const plainObject: Model = {
  name: 'B: plain object per element',
  build: (doc, notes) => doc.transact(() => notes.forEach((n) => plain(doc).set(n.id, { ...n }))),
  readAll: (doc) => {
    const out: Element[] = [];
    for (const v of plain(doc).values()) {
      const r = validateElement(v);
      if (r.ok) out.push(r.value);
    }
    return out.sort(compareByIndex);
  },
  readRaw: (doc) => Array.from(plain(doc).values()),
  move: (doc, id, x, y) => replace(doc, id, { x, y }),
  recolour: (doc, id, color) => replace(doc, id, { color }),
  get: (doc, id) => plain(doc).get(id),
};

interface Figures {
  bytes: number;
  loadMs: number;
  readMs: number;
  rawMs: number;
  moveBytes: number;
  moveUs: number;
  merge: string;
}

function loaded(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
}

/** Two synced replicas: one moves note `id`, the other recolours it, then they exchange updates. */
function concurrentEdit(model: Model, update: Uint8Array, id: string): string {
  const d1 = loaded(update);
  const d2 = loaded(update); // fresh clientID, as a second browser tab would have
  const before = model.get(d1, id)!;
  model.move(d1, id, before.x + 51, before.y + 17);
  model.recolour(d2, id, 'pink');
  Y.applyUpdate(d2, Y.encodeStateAsUpdate(d1, Y.encodeStateVector(d2)));
  Y.applyUpdate(d1, Y.encodeStateAsUpdate(d2, Y.encodeStateVector(d1)));
  const a = model.get(d1, id)!;
  const b = model.get(d2, id)!;
  const converged = JSON.stringify(a) === JSON.stringify(b);
  const moved = a.x === before.x + 51 && a.y === before.y + 17;
  const recoloured = a.color === 'pink';
  if (!converged) return 'no (replicas diverged)';
  if (moved && recoloured) return 'yes';
  return `no (kept only ${moved ? 'the move' : recoloured ? 'the colour' : 'neither'})`;
}

function measure(model: Model, notes: StickyNote[]): Figures {
  gc();
  const source = new Y.Doc();
  // Yjs picks a random 32-bit clientID and writes it as a varint into many items, so sizes would wobble
  // by a few % between runs. Fix one in the 5-byte range, where 15 of 16 random ids fall.
  source.clientID = 0x9e3779b9;
  model.build(source, notes);
  const update = Y.encodeStateAsUpdate(source);
  source.destroy();

  const loadMs = timeMs(() => void loaded(update));
  // Read from a freshly loaded doc: that is the state a joining client or the server is in.
  const doc = loaded(update);
  const readMs = timeMs(() => void model.readAll(doc));
  const rawMs = timeMs(() => void model.readRaw(doc));
  if (model.readAll(doc).length !== notes.length) throw new Error(`${model.name}: lost elements on read`);

  // One drag-end: the update a client broadcasts and the server stores for "move one note".
  let moveBytes = 0;
  doc.on('update', (u: Uint8Array) => (moveBytes = u.length));
  const target = notes[notes.length >> 1]!;
  // One move takes microseconds, below timer noise, so each sample is a batch of moves.
  const BATCH = 200;
  let step = 0;
  const batch = (): void => {
    for (let i = 0; i < BATCH; i++) model.move(doc, target.id, target.x + ++step * 1.5, target.y + step);
  };
  const moveUs = (1000 * timeMs(batch)) / BATCH;

  const merge = concurrentEdit(model, update, target.id);
  return { bytes: update.length, loadMs, readMs, rawMs, moveBytes, moveUs, merge };
}

export async function run(): Promise<BenchTable> {
  // Throw-away pass: otherwise the first size measured also pays for JIT-compiling Yjs and zod.
  for (const m of [perElementMap, plainObject]) measure(m, makeNotes(500));
  const rows: string[][] = [];
  for (const n of SIZES) {
    const notes = makeNotes(n);
    const a = measure(perElementMap, notes);
    const b = measure(plainObject, notes);
    const row = (name: string, f: Figures): string[] => [
      n.toLocaleString('en'), name, fmt(f.bytes / 1e6), fmt(f.loadMs), fmt(f.readMs), fmt(f.rawMs),
      String(f.moveBytes), fmt(f.moveUs), f.merge,
    ];
    const ratio = (x: number, y: number): string => `${(x / y).toFixed(2)}×`;
    rows.push(row(perElementMap.name, a), row(plainObject.name, b), [
      n.toLocaleString('en'), 'ratio B/A', ratio(b.bytes, a.bytes), ratio(b.loadMs, a.loadMs),
      ratio(b.readMs, a.readMs), ratio(b.rawMs, a.rawMs), ratio(b.moveBytes, a.moveBytes), ratio(b.moveUs, a.moveUs), '',
    ]);
  }
  return {
    title: 'Document model: Y.Map per element (A) vs plain object per element (B), sticky notes',
    command: 'npm run bench',
    machine: machine(),
    headers: [
      'N notes', 'model', 'encoded MB', 'load ms', 'read all ms', 'read raw ms',
      'move update bytes', 'move write µs', 'concurrent move + recolour keeps both',
    ],
    rows,
    notes: [
      'encoded MB: `Y.encodeStateAsUpdate` of the whole board, 10^6 bytes. load ms: `new Y.Doc()` + `Y.applyUpdate` of it.',
      'Times are medians of 7 runs after 2 warm-ups (`process.hrtime.bigint()`); gc between runs only with --expose-gc.',
      'read all: A is shared `getElements` (zod-validates each element, sorts by index); B does the same validation and sort over the map values, as the app would have to with untrusted clients.',
      'read raw: A `elementsMap(doc).toJSON()`, B `Array.from(map.values())`; no validation, so this isolates what the model itself costs.',
      'move: per-move time is a batch of 200 moves divided by 200. A is shared `updateElement(doc, id, { x, y })` (reads and validates, then sets only x and y); B replaces the whole object. Bytes are the single update the change emits.',
      'concurrent: two synced replicas, one moves note k while the other recolours it, then they exchange updates; measured, not assumed.',
    ],
  };
}
