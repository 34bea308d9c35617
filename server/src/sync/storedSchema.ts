import * as decoding from 'lib0/decoding';

/** Yjs's struct info bits and content refs (update format v1, `structs/Item.js`). */
const ORIGIN = 0b1000_0000;
const RIGHT_ORIGIN = 0b0100_0000;
const PARENT_SUB = 0b0010_0000;
const CONTENT = 0b0001_1111;
const GC_REF = 0;
const SKIP_REF = 10;
const DELETED_REF = 1;
const ANY_REF = 8;
const XML_ELEMENT_REF = 3;
const XML_HOOK_REF = 5;
const LAST_TYPE_REF = 6; // YXmlText: Yjs knows no type ref past it

/** The root type and key as the UTF-8 bytes they are stored as: compared in place, never decoded. */
const META = new TextEncoder().encode('meta');
const VERSION_KEY = new TextEncoder().encode('schemaVersion');

/** How Yjs (lib0) decodes strings: strict, so a row Yjs cannot read is unreadable here too. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

interface Written {
  client: number;
  clock: number;
  length: number;
  /** The value of a ContentAny of one number; undefined for anything else. */
  value: number | undefined;
  /** Its content was deleted (and garbage-collected) when it was encoded. */
  gone: boolean;
}

/** Ids as client → clock → value: numbers all the way, no string key per struct. */
class IdMap<T> {
  private readonly byClient = new Map<number, Map<number, T>>();
  get(client: number, clock: number): T | undefined {
    return this.byClient.get(client)?.get(clock);
  }
  set(client: number, clock: number, value: T): void {
    let clocks = this.byClient.get(client);
    if (!clocks) this.byClient.set(client, (clocks = new Map()));
    clocks.set(clock, value);
  }
}

/** What the walk keeps: only what following meta.schemaVersion needs. */
interface Walk {
  /** First writes of meta.schemaVersion (a row can repeat another row's structs: one write per id). */
  firstWrites: Written[];
  /** Structs that name an origin, by that origin's id. */
  byOrigin: IdMap<Written[]>;
  rightOrigins: IdMap<true>;
  deleted: Array<{ client: number; clock: number; len: number }>;
}

/**
 * The schema version (`meta.schemaVersion`) of a stored board, read from its stored bytes (the
 * snapshot and the rows after it) without applying them: one walk over the structs that builds no
 * items and decodes no string it does not need (strings are checked as Yjs would read them and
 * skipped; root and key names are compared as bytes). For 20,000 notes it is a few per cent of an
 * apply (bench/coldOpen.ts). Conservative: a number only when every row reads to its end and the key
 * has one unambiguous live value: one first write, a chain of overwrites (each names the one before
 * as its origin) with no branch, its last value not deleted. Anything else (an unreadable row,
 * concurrent first writes, a deleted key, a content kind it does not know) is null, and the caller
 * takes the path that applies and checks the document itself.
 */
export function storedSchemaVersion(rows: readonly Uint8Array[]): number | null {
  const walk: Walk = { firstWrites: [], byOrigin: new IdMap(), rightOrigins: new IdMap(), deleted: [] };
  try {
    for (const row of rows) readRow(row, walk);
  } catch {
    return null; // not fully readable: let the apply decide (it skips unreadable rows)
  }
  if (walk.firstWrites.length !== 1) return null;
  let live = walk.firstWrites[0]!;
  for (let steps = 0; ; steps++) {
    const lastClock = live.clock + live.length - 1;
    if (walk.rightOrigins.get(live.client, lastClock)) return null;
    const next = walk.byOrigin.get(live.client, lastClock);
    if (!next) break;
    if (next.length !== 1 || steps > 10_000) return null;
    live = next[0]!;
  }
  const { deleted } = walk;
  const isDeleted = live.gone || deleted.some((d) => d.client === live.client && d.clock <= live.clock && live.clock < d.clock + d.len);
  return !isDeleted && live.value !== undefined ? live.value : null;
}

function readRow(row: Uint8Array, walk: Walk): void {
  const d = decoding.createDecoder(row);
  const seen: ContentSeen = { number: undefined };
  const clients = readUint(d);
  for (let i = 0; i < clients; i++) {
    const structs = readUint(d);
    const client = readUint(d);
    let clock = readUint(d);
    for (let j = 0; j < structs; j++) {
      const info = readByte(d);
      const ref = info & CONTENT;
      if (ref === GC_REF) {
        clock += readUint(d);
        continue;
      }
      if (ref === SKIP_REF) {
        clock += readUint(d);
        continue;
      }
      let originClient = -1;
      let originClock = -1;
      if (info & ORIGIN) {
        originClient = readUint(d);
        originClock = readUint(d);
      }
      if (info & RIGHT_ORIGIN) walk.rightOrigins.set(readUint(d), readUint(d), true);
      let isVersionKey = false;
      if (!(info & (ORIGIN | RIGHT_ORIGIN))) {
        let inMeta = false;
        if (readUint(d) === 1) inMeta = skipString(d, META); // parent: a root type by name
        else {
          readUint(d); // parent: a type by id
          readUint(d);
        }
        if (info & PARENT_SUB) isVersionKey = skipString(d, VERSION_KEY) && inMeta;
      }
      const length = readContent(d, ref, seen);
      if (isVersionKey || originClient >= 0) {
        const written: Written = { client, clock, length, value: seen.number, gone: ref === DELETED_REF };
        if (isVersionKey && !walk.firstWrites.some((w) => w.client === client && w.clock === clock)) walk.firstWrites.push(written);
        if (originClient >= 0) {
          const writes = walk.byOrigin.get(originClient, originClock);
          if (!writes) walk.byOrigin.set(originClient, originClock, [written]);
          else if (!writes.some((w) => w.client === client && w.clock === clock)) writes.push(written);
        }
      }
      clock += length;
    }
  }
  const dsClients = readUint(d);
  for (let i = 0; i < dsClients; i++) {
    const client = readUint(d);
    const ranges = readUint(d);
    for (let j = 0; j < ranges; j++) walk.deleted.push({ client, clock: readUint(d), len: readUint(d) });
  }
}

/** What readContent found besides the length: one object per row, not one per struct. */
interface ContentSeen {
  /** The value of a ContentAny of one number; undefined for anything else. */
  number: number | undefined;
}

/**
 * Reads past one item's content as Yjs's content readers would (failing where they fail); returns its
 * length in Yjs's units and puts a lone number value in `seen`.
 */
function readContent(d: decoding.Decoder, ref: number, seen: ContentSeen): number {
  seen.number = undefined;
  switch (ref) {
    case DELETED_REF:
      return readUint(d);
    case 2: {
      const length = readUint(d); // ContentJSON: each a JSON text or 'undefined'
      for (let k = 0; k < length; k++) {
        const s = readString(d);
        if (s !== 'undefined') JSON.parse(s);
      }
      return length;
    }
    case 3:
      skipBytes(d, readUint(d)); // ContentBinary
      return 1;
    case 4:
      return skipStringCountingUtf16(d); // ContentString: Yjs counts UTF-16 units
    case 5:
      JSON.parse(readString(d)); // ContentEmbed
      return 1;
    case 6:
      readString(d); // ContentFormat: key, JSON value
      JSON.parse(readString(d));
      return 1;
    case 7: {
      const typeRef = readUint(d); // ContentType
      if (typeRef > LAST_TYPE_REF) throw new Error(`unknown type ${typeRef}`);
      if (typeRef === XML_ELEMENT_REF || typeRef === XML_HOOK_REF) skipString(d);
      return 1;
    }
    case ANY_REF: {
      const length = readUint(d);
      if (length === 1) {
        const kind = d.arr[d.pos];
        // A number: integer, float32 or float64 (lib0's any tags); read it as lib0 does.
        if (kind === 125 || kind === 124 || kind === 123) {
          seen.number = decoding.readAny(d) as number;
          return 1;
        }
      }
      for (let k = 0; k < length; k++) skipAny(d);
      return length;
    }
    case 9:
      skipString(d); // ContentDoc: guid, options
      skipAny(d);
      return 1;
    default:
      throw new Error(`unknown content ${ref}`);
  }
}

/** Reads past one lib0 `any` value without building it. */
function skipAny(d: decoding.Decoder): void {
  const tag = readByte(d);
  switch (tag) {
    case 127: // undefined
    case 126: // null
    case 121: // false
    case 120: // true
      return;
    case 125:
      decoding.readVarInt(d);
      return;
    case 124:
      skipBytes(d, 4);
      return;
    case 123:
    case 122:
      skipBytes(d, 8);
      return;
    case 119:
      skipString(d);
      return;
    case 118: {
      const n = readUint(d);
      for (let k = 0; k < n; k++) {
        skipString(d);
        skipAny(d);
      }
      return;
    }
    case 117: {
      const n = readUint(d);
      for (let k = 0; k < n; k++) skipAny(d);
      return;
    }
    case 116:
      skipBytes(d, readUint(d));
      return;
    default:
      throw new Error(`unknown any ${tag}`);
  }
}

function readByte(d: decoding.Decoder): number {
  if (d.pos >= d.arr.length) throw new Error('unexpected end');
  return d.arr[d.pos++]!;
}

function readUint(d: decoding.Decoder): number {
  return decoding.readVarUint(d); // throws at the end of the row, as Yjs does
}

function skipBytes(d: decoding.Decoder, n: number): void {
  if (d.pos + n > d.arr.length) throw new Error('unexpected end');
  d.pos += n;
}

function readString(d: decoding.Decoder): string {
  const n = readUint(d);
  skipBytes(d, n);
  return strictUtf8.decode(d.arr.subarray(d.pos - n, d.pos));
}

/**
 * Reads past a string, checking it is UTF-8 Yjs would decode; true when its bytes equal `expected`.
 */
function skipString(d: decoding.Decoder, expected?: Uint8Array): boolean {
  const n = readUint(d);
  const start = d.pos;
  skipBytes(d, n);
  utf16Length(d.arr, start, d.pos);
  if (!expected || expected.length !== n) return false;
  for (let k = 0; k < n; k++) if (d.arr[start + k] !== expected[k]) return false;
  return true;
}

/** Reads past a string; its length in UTF-16 code units (what Yjs counts a ContentString in). */
function skipStringCountingUtf16(d: decoding.Decoder): number {
  const n = readUint(d);
  const start = d.pos;
  skipBytes(d, n);
  return utf16Length(d.arr, start, d.pos);
}

/**
 * The UTF-16 length of well-formed UTF-8 in `bytes[start, end)`; throws where a strict decoder
 * throws (the same well-formedness rules as the WHATWG decoder, which Yjs's reads use).
 */
function utf16Length(bytes: Uint8Array, start: number, end: number): number {
  let units = 0;
  let i = start;
  while (i < end) {
    const b = bytes[i]!;
    if (b < 0x80) {
      units += 1;
      i += 1;
      continue;
    }
    let more: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) more = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      more = 2;
      if (b === 0xe0) low = 0xa0;
      else if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      more = 3;
      if (b === 0xf0) low = 0x90;
      else if (b === 0xf4) high = 0x8f;
    } else throw new Error('invalid UTF-8');
    if (i + more >= end) throw new Error('invalid UTF-8'); // cut off
    const second = bytes[i + 1]!;
    if (second < low || second > high) throw new Error('invalid UTF-8');
    for (let k = 2; k <= more; k++) {
      const c = bytes[i + k]!;
      if (c < 0x80 || c > 0xbf) throw new Error('invalid UTF-8');
    }
    units += more === 3 ? 2 : 1;
    i += more + 1;
  }
  return units;
}
