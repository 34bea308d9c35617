import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

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

const META = 'meta';
const VERSION_KEY = 'schemaVersion';

interface Written {
  client: number;
  clock: number;
  length: number;
  /** The value of a ContentAny of one value; undefined for anything else. */
  value: unknown;
  /** Its content was deleted (and garbage-collected) when it was encoded. */
  gone: boolean;
}

const lastIdKey = (s: Written): string => `${s.client}:${s.clock + s.length - 1}`;

/**
 * The schema version (`meta.schemaVersion`) of a stored board, read from its stored bytes (the
 * snapshot and the rows after it) without applying them: one walk over the structs with Yjs's own
 * decoder, building no items (121 ms where `Y.applyUpdate` takes 526 ms for 20,000 notes,
 * bench/coldOpen.ts). Conservative: a number only when every row reads to its end and the key has
 * one unambiguous live value: one first write, a chain of overwrites (each names the one before as
 * its origin) with no branch, its last value not deleted. Anything else (an unreadable row, concurrent first writes, a deleted key, a content kind it
 * does not know) is null, and the caller takes the path that applies and checks the document itself.
 */
export function storedSchemaVersion(rows: readonly Uint8Array[]): number | null {
  // Keyed by id: a row can repeat structs another row has (a resent update), and they are one write.
  const firstWrites = new Map<string, Written>();
  const byOrigin = new Map<string, Map<string, Written>>();
  const rightOrigins = new Set<string>();
  const deleted: Array<{ client: number; clock: number; len: number }> = [];
  try {
    for (const row of rows) readRow(row, firstWrites, byOrigin, rightOrigins, deleted);
  } catch {
    return null; // not fully readable: let the apply decide (it skips unreadable rows)
  }
  if (firstWrites.size !== 1) return null;
  let live = [...firstWrites.values()][0]!;
  for (let steps = 0; ; steps++) {
    if (rightOrigins.has(lastIdKey(live))) return null;
    const next = byOrigin.get(lastIdKey(live));
    if (!next) break;
    if (next.size !== 1 || steps > 10_000) return null;
    live = [...next.values()][0]!;
  }
  const isDeleted = live.gone || deleted.some((d) => d.client === live.client && d.clock <= live.clock && live.clock < d.clock + d.len);
  return !isDeleted && typeof live.value === 'number' ? live.value : null;
}

function readRow(
  row: Uint8Array,
  firstWrites: Map<string, Written>,
  byOrigin: Map<string, Map<string, Written>>,
  rightOrigins: Set<string>,
  deleted: Array<{ client: number; clock: number; len: number }>,
): void {
  const decoder = new Y.UpdateDecoderV1(decoding.createDecoder(row));
  const rest = decoder.restDecoder;
  const clients = decoding.readVarUint(rest);
  for (let i = 0; i < clients; i++) {
    const structs = decoding.readVarUint(rest);
    const client = decoder.readClient();
    let clock = decoding.readVarUint(rest);
    for (let j = 0; j < structs; j++) {
      const info = decoder.readInfo();
      const ref = info & CONTENT;
      if (ref === GC_REF) {
        clock += decoder.readLen();
        continue;
      }
      if (ref === SKIP_REF) {
        clock += decoding.readVarUint(rest);
        continue;
      }
      const origin = info & ORIGIN ? decoder.readLeftID() : null;
      const rightOrigin = info & RIGHT_ORIGIN ? decoder.readRightID() : null;
      let parent: string | null = null;
      let parentSub: string | null = null;
      if (!origin && !rightOrigin) {
        if (decoder.readParentInfo()) parent = decoder.readString();
        else decoder.readLeftID();
        if (info & PARENT_SUB) parentSub = decoder.readString();
      }
      const { length, value } = readContent(decoder, ref);
      const written: Written = { client, clock, length, value, gone: ref === DELETED_REF };
      const id = `${client}:${clock}`;
      if (parent === META && parentSub === VERSION_KEY) firstWrites.set(id, written);
      if (origin) {
        const key = `${origin.client}:${origin.clock}`;
        const writes = byOrigin.get(key);
        if (writes) writes.set(id, written);
        else byOrigin.set(key, new Map([[id, written]]));
      }
      if (rightOrigin) rightOrigins.add(`${rightOrigin.client}:${rightOrigin.clock}`);
      clock += length;
    }
  }
  const dsClients = decoding.readVarUint(rest);
  for (let i = 0; i < dsClients; i++) {
    decoder.resetDsCurVal();
    const client = decoding.readVarUint(rest);
    const ranges = decoding.readVarUint(rest);
    for (let j = 0; j < ranges; j++) deleted.push({ client, clock: decoder.readDsClock(), len: decoder.readDsLen() });
  }
}

/** Reads past one item's content (as Yjs's content readers do); its length, and a lone Any value. */
function readContent(decoder: Y.UpdateDecoderV1, ref: number): { length: number; value: unknown } {
  switch (ref) {
    case DELETED_REF:
      return { length: decoder.readLen(), value: undefined };
    case 2: {
      const length = decoder.readLen(); // ContentJSON
      for (let k = 0; k < length; k++) decoder.readString();
      return { length, value: undefined };
    }
    case 3:
      decoder.readBuf(); // ContentBinary
      return { length: 1, value: undefined };
    case 4:
      return { length: decoder.readString().length, value: undefined }; // ContentString (UTF-16 units, as Yjs counts)
    case 5:
      decoder.readJSON(); // ContentEmbed
      return { length: 1, value: undefined };
    case 6:
      decoder.readKey(); // ContentFormat
      decoder.readJSON();
      return { length: 1, value: undefined };
    case 7: {
      const typeRef = decoder.readTypeRef(); // ContentType
      if (typeRef === XML_ELEMENT_REF || typeRef === XML_HOOK_REF) decoder.readKey();
      return { length: 1, value: undefined };
    }
    case ANY_REF: {
      const length = decoder.readLen();
      let value: unknown;
      for (let k = 0; k < length; k++) value = decoder.readAny();
      return { length, value: length === 1 ? value : undefined };
    }
    case 9:
      decoder.readString(); // ContentDoc: guid, options
      decoder.readAny();
      return { length: 1, value: undefined };
    default:
      throw new Error(`unknown content ${ref}`);
  }
}
