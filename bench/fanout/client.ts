/**
 * One bench client: a WebSocket, a Y.Doc and the y-protocols sync exchange, for Sammen (y-websocket
 * framing: [type][payload]) or Hocuspocus (its framing: [document name][type][payload], after a token
 * message). Both sides run the same code, so the load generator costs the same for both servers.
 *
 * A client applies its sync step 2 (the board as it was when it joined) to its own document, but it
 * only decodes the updates it receives afterwards, to read the send time, and does not apply them:
 * applying one update to a 500-note document took ~0.5 ms on the shared bench machine, and 200 such
 * clients in two load processes could not keep up with 12,000 deliveries a second (the load generator
 * became the bottleneck). Its writes only need its own note, which only it changes.
 *
 * A write is a real board edit that passes Sammen's gate: the client moves its own sticky note (seeded
 * beforehand), setting x to the send time in ms after the run's t0 (sub-ms); every other client that
 * receives it records now − (t0 + x). That update holds one item, the new placement group `g` (the
 * board's schema 2 packs x, y, width, height and frameId into it; see shared/src/schema/layout.ts),
 * written raw here to keep the load generator cheap.
 */
import WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

export type ServerKind = 'sammen' | 'hocuspocus';

const SYNC = 0;
const AUTH = 2; // Hocuspocus only
const HOCUSPOCUS_SYNC_REPLY = 4;

const LOCAL = Symbol('local');

/** Wall-clock ms with sub-ms precision, comparable between processes on one machine. */
export const now = (): number => performance.timeOrigin + performance.now();

export interface ClientStats {
  latencies: number[];
  received: number;
}

export class BenchClient {
  readonly doc = new Y.Doc();
  private readonly elements = this.doc.getMap<Y.Map<unknown>>('elements');
  private readonly ws: WebSocket;
  synced = false;
  closed = false;

  constructor(
    url: string,
    private readonly kind: ServerKind,
    private readonly docName: string,
    /** This client's note (its element id). */
    private readonly id: string,
    private readonly t0: number,
    readonly stats: ClientStats,
    private readonly onSynced: () => void,
  ) {
    this.ws = new WebSocket(url, { perMessageDeflate: false });
    this.ws.binaryType = 'nodebuffer';
    this.ws.on('open', () => {
      if (kind === 'hocuspocus') {
        this.sendFramed(AUTH, (e) => {
          encoding.writeVarUint(e, 0); // token
          encoding.writeVarString(e, '');
        });
      }
      this.sendFramed(SYNC, (e) => syncProtocol.writeSyncStep1(e, this.doc));
    });
    this.ws.on('message', (data: Buffer) => this.onMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
    this.ws.on('close', () => (this.closed = true));
    this.ws.on('error', () => (this.closed = true));
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === LOCAL) this.sendFramed(SYNC, (e) => syncProtocol.writeUpdate(e, update));
    });
  }

  /** One write: moves this client's note, x = the send time after t0. */
  write(): void {
    const note = this.elements.get(this.id);
    const placement = note?.get('g');
    if (this.closed || !note || typeof placement !== 'object') return;
    this.doc.transact(() => note.set('g', { ...placement, x: now() - this.t0 }), LOCAL);
  }

  /** Runs `edit` on this client's document and sends the result (setting up a board). */
  edit(edit: (doc: Y.Doc) => void): void {
    this.doc.transact(() => edit(this.doc), LOCAL);
  }

  /** How many elements this client's document has. */
  get elementCount(): number {
    return this.elements.size;
  }

  close(): void {
    this.ws.close();
    this.doc.destroy();
  }

  private sendFramed(type: number, body: (e: encoding.Encoder) => void): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    const e = encoding.createEncoder();
    if (this.kind === 'hocuspocus') encoding.writeVarString(e, this.docName);
    encoding.writeVarUint(e, type);
    body(e);
    this.ws.send(encoding.toUint8Array(e));
  }

  private onMessage(data: Uint8Array): void {
    const d = decoding.createDecoder(data);
    if (this.kind === 'hocuspocus') decoding.readVarString(d);
    const type = decoding.readVarUint(d);
    if (type !== SYNC && !(this.kind === 'hocuspocus' && type === HOCUSPOCUS_SYNC_REPLY)) return; // presence, auth, acks
    const reply = encoding.createEncoder();
    if (this.kind === 'hocuspocus') encoding.writeVarString(reply, this.docName);
    encoding.writeVarUint(reply, SYNC);
    const headerLength = encoding.length(reply);
    if (decoding.peekVarUint(d) === syncProtocol.messageYjsUpdate) {
      decoding.readVarUint(d);
      this.record(decoding.readVarUint8Array(d));
      return;
    }
    const kind = syncProtocol.readSyncMessage(d, reply, this.doc, this);
    if (encoding.length(reply) > headerLength) this.ws.send(encoding.toUint8Array(reply));
    if (kind === syncProtocol.messageYjsSyncStep2 && !this.synced) {
      this.synced = true;
      this.onSynced();
    }
  }

  /** Reads the send time out of a received update (the x in a note's placement: its one ContentAny item). */
  private record(update: Uint8Array): void {
    const t = now();
    for (const struct of Y.decodeUpdate(update).structs) {
      if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentAny)) continue;
      // A server may send a batch of updates, merged, to everyone: its own write is not a delivery.
      if (struct.id.client === this.doc.clientID) continue;
      const placement: unknown = struct.content.arr[struct.content.arr.length - 1];
      const x: unknown = typeof placement === 'object' && placement !== null ? (placement as { x?: unknown }).x : undefined;
      if (typeof x !== 'number') continue;
      this.stats.latencies.push(t - (this.t0 + x));
      this.stats.received += 1;
    }
  }
}
