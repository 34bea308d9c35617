import { expect, it } from 'vitest';
import { Connection, type SharedMessage, type SyncSocket } from './Connection.js';
import { PRESENCE_SKIP_BYTES } from './limits.js';
import { RoomSockets } from './roomSockets.js';
import { TokenBucket } from './tokenBucket.js';
import type { SenderInfo } from './UpdateGate.js';

const sender: SenderInfo = { connectionId: 'c', memberId: null, workshopId: null, role: null, privateDoc: false };

/** A socket that records what reached it, and how (shared or single). */
function socket(opts: { shared?: boolean; buffered?: number; fails?: boolean } = {}) {
  const got: Array<{ how: 'shared' | 'single'; data: Uint8Array; message?: SharedMessage }> = [];
  const s: SyncSocket & { got: typeof got; buffered: number } = {
    got,
    buffered: opts.buffered ?? 0,
    send: (data) => {
      if (opts.fails) throw new Error('broken pipe');
      got.push({ how: 'single', data });
    },
    close: () => {},
    get bufferedAmount() {
      return s.buffered;
    },
  };
  if (opts.shared !== false) {
    s.sendShared = (message) => {
      if (opts.fails) throw new Error('broken pipe');
      got.push({ how: 'shared', data: message.data, message });
    };
  }
  return s;
}

function room(maxBufferedBytes = 1000) {
  const slow: Connection[] = [];
  const failed: Connection[] = [];
  const sockets = new RoomSockets(maxBufferedBytes, { slow: (c) => slow.push(c), failed: (c) => failed.push(c) });
  const join = (s: SyncSocket) => {
    const conn = new Connection(s, sender, new TokenBucket(100, 100, 0));
    sockets.add(conn);
    return conn;
  };
  return { sockets, join, slow, failed };
}

it('a broadcast is one SharedMessage for every socket but the sender; a socket without sendShared gets the bytes', () => {
  const { sockets, join } = room();
  const [a, b, c, plain] = [socket(), socket(), socket(), socket({ shared: false })];
  const from = join(a);
  join(b);
  join(c);
  join(plain);
  const data = new Uint8Array([0, 2, 1, 7]);
  sockets.broadcast(data, from);
  expect(a.got).toEqual([]);
  expect(b.got[0]!.how).toBe('shared');
  expect(b.got[0]!.message).toBe(c.got[0]!.message); // prepared once, for all
  expect(b.got[0]!.data).toBe(data);
  expect(plain.got).toEqual([{ how: 'single', data }]);
});

it('back-pressure is unchanged: a reader past the limit is dropped, not sent to; a reader behind skips presence only', () => {
  const behind = socket({ buffered: PRESENCE_SKIP_BYTES + 1 });
  const { sockets: big, join: joinBig, slow: slowBig } = room(10 * PRESENCE_SKIP_BYTES);
  const lagging = joinBig(behind);
  big.broadcast(new Uint8Array([1, 0]), null, { presence: true });
  expect(behind.got).toEqual([]); // presence skipped
  expect(slowBig).toEqual([]); // and not dropped for it
  big.broadcast(new Uint8Array([0, 2]), null);
  expect(behind.got.length).toBe(1); // document changes still go
  expect(lagging.largestSent).toBe(2);

  const { sockets, join, slow } = room(1000);
  const tooFar = socket({ buffered: 1001 });
  const fine = socket({ buffered: 999 });
  const dropped = join(tooFar);
  join(fine);
  sockets.broadcast(new Uint8Array([0, 2, 1]), null);
  expect(slow).toEqual([dropped]);
  expect(tooFar.got).toEqual([]);
  expect(fine.got.length).toBe(1);
});

it('a socket whose send throws is handed to `failed`; the others still get the message', () => {
  const { sockets, join, failed } = room();
  const broken = socket({ fails: true });
  const ok = socket();
  const conn = join(broken);
  join(ok);
  sockets.broadcast(new Uint8Array([0, 2]), null);
  expect(failed).toEqual([conn]);
  expect(ok.got.length).toBe(1);
});
