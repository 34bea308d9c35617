/**
 * Issue 12's question for the document model: can a 20,000-note board be applied fast enough to open
 * in < 500 ms cold / < 150 ms loaded, and what would each layout give up? Ten layouts of the same
 * notes, each with V1 (what y-websocket sends) and V2 updates:
 *  A) schema 1: a Y.Map per element with every field as its own key, text as a Y.Text;
 *  S2) schema 2 as shared/src/doc.ts writes it (today): packed groups m, g, s as plain objects, text a Y.Text;
 *  B) a Y.Map per element with packed keys: `m` (id, type, index, frameId), `g` ([x, y, width, height]),
 *     `s` ({ color }), text as a Y.Text — what a move and a recolour touch stay separate keys;
 *  C) a plain object per element, replaced whole, and the text as a Y.Text in a second root map;
 *  T) S2 with the text a plain string (one typist per note at a time, as Miro and FigJam lock a note);
 *  U) T with two keys only: `g`, and one object for everything else, text included;
 *  P) a plain object per element, text included (the issue's 249 ms);
 *  O) a proposal: 64 JSON chunks of notes that only a server fold writes, plus live per-field keys that
 *     clients write (O-live: before any fold; O-folded: O-live after one fold, tombstones included).
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
  /** What a reader must do after applying before it can read any note (O only: parse the chunks). */
  parse?(doc: Y.Doc): number;
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
  move: (doc, id, dx) => void updateElement(doc, id, { x: (getElement(doc, id) as StickyNote).x + dx } as never),
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

/**
 * O: folded chunks + live per-field keys (a proposal, not shipped). `base` holds 64 JSON strings of ~300
 * notes each, written only by a server fold, so the whole board is 64 Yjs items; clients write only
 * `live`, one key per packed group (`id\0g`, `id\0s`, `id\0m`), a Y.Text once someone types, `id\0del`.
 * A note = its base entry overlaid by its live keys. A reader must JSON.parse the chunks, so O's apply
 * figure includes that (`parse`).
 */
const CHUNKS = 64;
const base = (doc: Y.Doc) => doc.getMap<string>('base');
const live = (doc: Y.Doc) => doc.getMap<any>('live');
const LIVE_GROUPS = ['g', 's', 'm', 'text', 'del'] as const;
type Entry = Omit<StickyNote, 'author'> & { author?: string };

/** FNV-1a of the id, so every replica and the fold put a note in the same chunk. */
function chunkOf(id: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return `c${(h >>> 0) % CHUNKS}`;
}

function noteO(doc: Y.Doc, id: string): Entry | undefined {
  const l = (k: string) => live(doc).get(`${id}\u0000${k}`);
  if (l('del') === true) return undefined;
  const chunk = base(doc).get(chunkOf(id));
  const folded = chunk === undefined ? undefined : (JSON.parse(chunk) as Record<string, Entry>)[id];
  if (!folded && l('m') === undefined) return undefined;
  const text = l('text');
  return { ...folded!, ...l('m'), ...l('g'), ...l('s'), ...(text instanceof Y.Text ? { text: text.toString() } : {}) };
}

/** What the server does from time to time: live keys into their chunks (one rewrite per chunk), in one transaction. */
function fold(doc: Y.Doc): void {
  doc.transact(() => {
    const byChunk = new Map<string, Set<string>>();
    for (const key of live(doc).keys()) {
      const id = key.slice(0, key.indexOf('\u0000'));
      const c = chunkOf(id);
      (byChunk.get(c) ?? byChunk.set(c, new Set()).get(c)!).add(id);
    }
    for (const [c, ids] of byChunk) {
      const raw = base(doc).get(c);
      const chunk = raw === undefined ? {} : (JSON.parse(raw) as Record<string, Entry>);
      for (const id of ids) {
        const note = noteO(doc, id);
        if (note) chunk[id] = note;
        else delete chunk[id];
        for (const k of LIVE_GROUPS) live(doc).delete(`${id}\u0000${k}`);
      }
      base(doc).set(c, JSON.stringify(chunk));
    }
  });
}

const O: Layout = {
  name: 'O: 64 folded JSON chunks + live per-field keys (after a fold; apply includes parsing the chunks)',
  build: (doc, notes) => {
    const chunks = new Map<string, Record<string, Entry>>();
    for (const { text, ...n } of notes) {
      const c = chunkOf(n.id);
      (chunks.get(c) ?? chunks.set(c, {}).get(c)!)[n.id] = { ...n, author: 'bench', text };
    }
    doc.transact(() => chunks.forEach((chunk, c) => base(doc).set(c, JSON.stringify(chunk))));
  },
  parse: (doc) => {
    let n = 0;
    for (const chunk of base(doc).values()) n += Object.keys(JSON.parse(chunk)).length;
    return n;
  },
  move: (doc, id, dx) => {
    const { x, y, width, height, frameId } = noteO(doc, id)!;
    live(doc).set(`${id}\u0000g`, { x: x + dx, y, width, height, frameId });
  },
  recolour: (doc, id, color) => live(doc).set(`${id}\u0000s`, { color }),
  type: (doc, id, at, s) =>
    doc.transact(() => {
      let t = live(doc).get(`${id}\u0000text`);
      // First edit of a folded note: its text becomes a Y.Text. Two replicas doing this at once each make
      // one, and the map keeps one of them: the first-edit race the typeTogether column shows.
      if (!(t instanceof Y.Text)) t = live(doc).set(`${id}\u0000text`, new Y.Text(noteO(doc, id)!.text));
      typeInto(t, at, s);
    }),
  read: (doc, id) => {
    const n = noteO(doc, id)!;
    return { x: n.x, color: n.color, text: n.text };
  },
};

/** O for a board whose notes were all just created by clients: nothing folded yet, every note as live keys. */
const Olive: Layout = {
  ...O,
  name: 'O-live: O before any fold (every note as live m, g, s keys and a Y.Text)',
  build: (doc, notes) =>
    doc.transact(() => {
      for (const { id, type, index, frameId, x, y, width, height, color, text } of notes) {
        live(doc).set(`${id}\u0000m`, { id, type, index, author: 'bench' });
        live(doc).set(`${id}\u0000g`, { x, y, width, height, frameId });
        live(doc).set(`${id}\u0000s`, { color });
        live(doc).set(`${id}\u0000text`, new Y.Text(text));
      }
    }),
};

/** O-live after one fold: what O's build gives, plus the tombstones the deleted live keys leave in the document. */
const Ofolded: Layout = {
  ...O,
  name: 'O-folded: O-live after one fold (same notes as O, plus the deleted live keys)',
  build: (doc, notes) => {
    Olive.build(doc, notes);
    fold(doc);
  },
};

/**
 * The fold races a client: (a) a client moves a note whose `g` is already live while the server folds;
 * (b) a client types into a note's live Y.Text while the server folds. Kept = the edit is in the note
 * both replicas read after they exchange updates.
 */
function foldDuring(update: Uint8Array, id: string): string {
  const during = (prepare: (d: Y.Doc) => void, edit: (d: Y.Doc) => void, kept: (d: Y.Doc) => boolean): string => {
    const [d1, d2] = replicas(update);
    prepare(d2);
    exchange(d1, d2);
    fold(d1);
    edit(d2);
    exchange(d1, d2);
    if (JSON.stringify(O.read(d1, id)) !== JSON.stringify(O.read(d2, id))) return 'no (diverged)';
    return kept(d1) ? 'yes' : 'no';
  };
  const { x: x0, text: text0 } = O.read(replicas(update)[0], id);
  const move = during((d) => O.move(d, id, 5), (d) => O.move(d, id, 7), (d) => O.read(d, id).x === x0 + 12);
  const typing = during((d) => O.type(d, id, 0, 'NB! '), (d) => O.type(d, id, 4 + text0.length, ' (Kari)'),
    (d) => O.read(d, id).text === `NB! ${text0} (Kari)`);
  return `fold during a move keeps the move: ${move}; fold during typing keeps the typing: ${typing}`;
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
  let oUpdate: Uint8Array | undefined;
  for (const layout of [A, S2, B, C, T, U, P, O, Olive, Ofolded]) {
    const source = new Y.Doc();
    source.clientID = 0x9e3779b9; // a fixed 5-byte client id, so sizes do not wobble between runs
    layout.build(source, notes);
    const v1 = Y.encodeStateAsUpdate(source);
    const v2 = Y.encodeStateAsUpdateV2(source);
    source.destroy();
    // 20,000 notes take seconds: 5 runs after 1 warm-up.
    // O's readers cannot read a note before the chunks are parsed, so that is billed to O's apply.
    const open = (apply: (d: Y.Doc) => void) => () => {
      const d = new Y.Doc();
      apply(d);
      layout.parse?.(d);
    };
    const applyV1 = timeMs(open((d) => Y.applyUpdate(d, v1)), 5, 1);
    const applyV2 = timeMs(open((d) => Y.applyUpdateV2(d, v2)), 5, 1);
    if (layout === O) oUpdate = v1;
    rows.push([layout.name, fmt(v1.length / 1e6), fmt(v2.length / 1e6), fmt(applyV1), fmt(applyV2), moveAndRecolour(layout, v1, target), typeTogether(layout, v1, target)]);
  }
  const oFold = foldDuring(oUpdate!, target);
  const oType = rows.find((r) => r[0] === O.name)![6];
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
      'O, O-live and O-folded are a proposal, not shipped: `base` holds 64 JSON strings (notes put by FNV-1a of the id, ~310 each) that only a server fold writes; clients write only `live` (`id\\0g`, `id\\0s`, `id\\0m`, a Y.Text `id\\0text`, `id\\0del`); a note is its base entry overlaid by its live keys. O is the board right after a fold (`live` empty), built directly; O-folded is O-live after one real fold, so it also carries the deleted live keys; O-live is before any fold. A deleted Y.Map key stays in the document as a tombstone (key and id), so the O row holds only for a document without that history: a board whose notes clients created reaches O-folded, not O, unless the server replaces the document (which every client must then reload).',
      'O, O-live and O-folded apply = `Y.applyUpdate` + `JSON.parse` of every chunk (O-live has none), because a reader cannot read a note before that; the other rows pay no read step (their notes are readable from the Y types).',
      `O: typing into a folded note first makes its text a Y.Text; two typists who start at the same moment each make one and the map keeps one of them; computed for O: "${oType}". A fold racing a client, on two replicas: ${oFold}.`,
      'The machine is shared (2 cores, several processes): figures move by ±30 % between runs; compare within a run.',
    ],
  };
}
