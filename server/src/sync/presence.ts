import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { MalformedMessageError } from './messages.js';
import { jsonDepth } from '../values/jsonDepth.js';

export interface PresenceLimits {
  /** Awareness client ids one connection may publish (a tab has one; a few for reconnects and tests). */
  maxIdsPerConnection: number;
  /** Least time between two presence changes applied from one connection; newer ones wait and merge. */
  minIntervalMs: number;
}

export const DEFAULT_PRESENCE_LIMITS: PresenceLimits = { maxIdsPerConnection: 4, minIntervalMs: 50 };

/** Presence is a name, a colour, a cursor, a selection: a few levels deep. Deeper is an attack on readers. */
const MAX_STATE_DEPTH = 8;

type Entry = { clock: number; state: string };
interface Publisher {
  ids: Set<number>;
  pending: Map<number, Entry>;
  last: number;
  timer: NodeJS.Timeout | null;
}

/**
 * Yjs awareness as y-protocols implements it trusts every sender: any client may set any client id's
 * state (with a higher clock), and publish as many ids as it likes. This guard sits between a room's
 * connections and its Awareness: the first ids a connection publishes become its own (at most
 * `maxIdsPerConnection`); entries for an id owned by another connection (unless it is the same
 * workshop member reconnecting), or beyond the cap, are dropped; states must be JSON objects (or null) at most a few levels deep. Changes from one connection
 * are applied at most once per `minIntervalMs`; in between the latest state per id wins.
 */
export class PresenceGuard<C extends object> {
  private readonly owners = new Map<number, C>();
  private readonly publishers = new Map<C, Publisher>();

  constructor(
    private readonly awareness: awarenessProtocol.Awareness,
    private readonly limits: PresenceLimits,
    private readonly onRefused: (reason: 'presence-foreign-id' | 'presence-too-many-ids') => void = () => {},
    private readonly now: () => number = Date.now,
    /**
     * Whether two connections belong to the same person (a workshop member reconnecting while the
     * server has not yet noticed the old socket is gone): then the newer one takes the id over.
     */
    private readonly samePerson: (a: C, b: C) => boolean = () => false,
  ) {}

  /** Handles one awareness update from `conn`. Throws MalformedMessageError for anything malformed. */
  receive(conn: C, update: Uint8Array): void {
    const entries = decodeEntries(update);
    let publisher = this.publishers.get(conn);
    if (!publisher) {
      publisher = { ids: new Set(), pending: new Map(), last: -Infinity, timer: null };
      this.publishers.set(conn, publisher);
    }
    for (const [id, entry] of entries) {
      let owner = this.owners.get(id);
      if (owner !== undefined && owner !== conn && this.samePerson(owner, conn)) {
        this.publishers.get(owner)?.ids.delete(id);
        this.owners.delete(id);
        owner = undefined;
      }
      if (owner !== undefined && owner !== conn) {
        this.onRefused('presence-foreign-id');
        continue;
      }
      if (owner === undefined) {
        if (publisher.ids.size >= this.limits.maxIdsPerConnection) {
          this.onRefused('presence-too-many-ids');
          continue;
        }
        this.owners.set(id, conn);
        publisher.ids.add(id);
      }
      const waiting = publisher.pending.get(id);
      if (!waiting || waiting.clock <= entry.clock) publisher.pending.set(id, entry);
    }
    this.schedule(conn, publisher);
  }

  /** The ids `conn` owns. */
  idsOf(conn: C): number[] {
    return [...(this.publishers.get(conn)?.ids ?? [])];
  }

  /** Forgets a connection that left and removes its presence for everyone. */
  release(conn: C): void {
    const publisher = this.publishers.get(conn);
    if (!publisher) return;
    this.publishers.delete(conn);
    if (publisher.timer) clearTimeout(publisher.timer);
    for (const id of publisher.ids) this.owners.delete(id);
    const present = [...publisher.ids].filter((id) => this.awareness.meta.has(id));
    if (present.length) awarenessProtocol.removeAwarenessStates(this.awareness, present, null);
  }

  private schedule(conn: C, publisher: Publisher): void {
    if (publisher.pending.size === 0 || publisher.timer) return;
    const wait = publisher.last + this.limits.minIntervalMs - this.now();
    if (wait <= 0) return this.flush(conn, publisher);
    publisher.timer = setTimeout(() => {
      publisher.timer = null;
      if (this.publishers.get(conn) === publisher) this.flush(conn, publisher);
    }, wait);
    publisher.timer.unref();
  }

  private flush(conn: C, publisher: Publisher): void {
    publisher.last = this.now();
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, publisher.pending.size);
    for (const [id, { clock, state }] of publisher.pending) {
      encoding.writeVarUint(encoder, id);
      encoding.writeVarUint(encoder, clock);
      encoding.writeVarString(encoder, state);
    }
    publisher.pending.clear();
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encoding.toUint8Array(encoder), conn);
  }
}

/** The entries of an awareness update (the y-protocols encoding), checked; later entries for an id win. */
function decodeEntries(update: Uint8Array): Map<number, Entry> {
  const entries = new Map<number, Entry>();
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i++) {
      const id = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state = decoding.readVarString(decoder);
      const parsed: unknown = JSON.parse(state);
      if (parsed !== null && (typeof parsed !== 'object' || Array.isArray(parsed))) throw new Error('presence must be an object or null');
      if (jsonDepth(parsed, MAX_STATE_DEPTH) > MAX_STATE_DEPTH) throw new Error(`presence nested deeper than ${MAX_STATE_DEPTH} levels`);
      entries.set(id, { clock, state });
    }
    if (decoding.hasContent(decoder)) throw new Error('trailing bytes');
  } catch (err) {
    throw new MalformedMessageError(`awareness: ${err instanceof Error ? err.message : String(err)}`);
  }
  return entries;
}
