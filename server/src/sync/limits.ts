import { DEFAULT_PRESENCE_LIMITS, type PresenceLimits } from './presence.js';

/** What one board connection may cost the server. Every limit closes only the connection that passes it. */
export interface ConnectionLimits {
  /**
   * Bytes that may wait in a socket's send buffer beyond the largest single message it was sent (a
   * client downloading a big board is not "behind" for that). A consumer further behind is dropped
   * (4504): it cannot make the server hold the room's traffic for it forever.
   */
  maxBufferedBytes: number;
  /** Token bucket per connection: sustained messages per second ... */
  messagesPerSecond: number;
  /** ... and the burst it may send at once. A connection that runs dry is closed with 4529. */
  messageBurst: number;
  presence: PresenceLimits;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  maxBufferedBytes: 4 * 1024 * 1024,
  messagesPerSecond: 60,
  messageBurst: 300,
  presence: DEFAULT_PRESENCE_LIMITS,
};

/** Why the server refused something a client sent (for logs and metrics: `RoomOptions.onRefused`). */
export type RefusalReason =
  | 'rate-limited'
  | 'slow-consumer'
  | 'malformed'
  | 'too-big'
  | 'gate'
  | 'board-full'
  | 'presence-foreign-id'
  | 'presence-too-many-ids';

/**
 * Asking for the whole board (sync step 1) costs as much as this many ordinary messages: a client asks
 * once per connection, and the answer is the largest thing the server sends.
 */
export const SYNC_STEP_1_COST = 20;
/**
 * Handling an update costs CPU in proportion to its size (decoding, judging, applying: about a second
 * for 2 MiB of single-character items), so bytes are charged too: at the defaults a connection may send
 * one full-size message at once and about 480 KB a second after that.
 */
const BYTES_PER_TOKEN = 8 * 1024;

/**
 * Tokens a raw message costs: one, plus one per 8 KiB, plus SYNC_STEP_1_COST for sync step 1. Presence
 * costs one whatever its size: it is at most 64 KiB, coalesced, and a facilitator dragging 200 notes
 * sends 20 KB of it twenty times a second.
 */
export function messageCost(data: Uint8Array): number {
  if (data[0] === 1) return 1;
  const syncStep1 = data[0] === 0 && data[1] === 0;
  return 1 + Math.floor(data.byteLength / BYTES_PER_TOKEN) + (syncStep1 ? SYNC_STEP_1_COST : 0);
}

/** Incomplete updates held for one connection (see Room.handleUpdate); more is not a real client. */
export const MAX_HELD_BYTES = 8 * 1024 * 1024;

/**
 * Items of a Yjs update per token, charged after decoding and before the update is judged or applied.
 * With the default burst, an update of more than about 70,000 items (a board of thousands of notes
 * sent at once, or a flood of single characters) is more than a connection may ever send.
 */
const ITEMS_PER_TOKEN = 250;

/** Tokens the items of a decoded update cost on top of its bytes. */
export function itemCost(items: number): number {
  return Math.floor(items / ITEMS_PER_TOKEN);
}

/** Unsent bytes above which a connection is sent no presence changes (it gets the next one). */
export const PRESENCE_SKIP_BYTES = 256 * 1024;
