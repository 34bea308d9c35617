import { io, type Socket } from 'socket.io-client';
import type { Command, CommandResult, ServerEvents, WorkshopView } from '@sammen/shared';
import { addOffsetSample } from './timer.js';
import type { WorkshopApi, WorkshopSessionInfo } from './WorkshopContext.js';

/** A command without an answer in this long failed (offline, or the server is gone). */
export const COMMAND_TIMEOUT_MS = 8000;

/** The control channel as a small external store: `getApi()` changes identity whenever anything does. */
export interface ControlChannel {
  getApi(): WorkshopApi;
  subscribe(listener: () => void): () => void;
  destroy(): void;
}

/**
 * The workshop control channel (socket.io at `/socket.io/`, authenticated with the token): keeps
 * the latest `state` view and the clock offset, runs commands with an ack and a timeout, and lets
 * the page listen to the server's other events. socket.io reconnects by itself after a drop; a
 * token the server no longer accepts ends it as if the person had been removed.
 */
export function connectControlChannel(session: WorkshopSessionInfo, url?: string): ControlChannel {
  const socket: Socket = io(url ?? '', {
    path: '/socket.io/',
    auth: { token: session.token },
    // The board already needs WebSockets; no long-polling fallback to keep open.
    transports: ['websocket'],
  });
  let view: WorkshopView | null = null;
  let connected = false;
  let clockOffset = 0;
  let samples: number[] = [];
  const listeners = new Set<() => void>();
  const removedHandlers = new Set<() => void>();

  const run = async (command: Command): Promise<CommandResult> =>
    (await socket.timeout(COMMAND_TIMEOUT_MS).emitWithAck('command', command)) as CommandResult;

  const on = <E extends keyof ServerEvents>(event: E, handler: ServerEvents[E]): (() => void) => {
    // socket.io's typed `on` does not narrow a generic event name; the server sends exactly ServerEvents.
    const h = handler as (...args: unknown[]) => void;
    socket.on(event as string, h);
    if (event === 'removed') removedHandlers.add(h as () => void);
    return () => {
      socket.off(event as string, h);
      removedHandlers.delete(h as () => void);
    };
  };

  const snapshot = (): WorkshopApi => ({ session, view, connected, clockOffset, run, on });
  let api = snapshot();
  const changed = (): void => {
    api = snapshot();
    for (const l of listeners) l();
  };

  socket.on('connect', () => {
    connected = true;
    changed();
  });
  socket.on('disconnect', () => {
    connected = false;
    changed();
  });
  socket.on('state', (next: WorkshopView) => {
    ({ samples, offset: clockOffset } = addOffsetSample(samples, next.serverNow, Date.now()));
    view = next;
    changed();
  });
  socket.on('connect_error', (err: Error) => {
    // The server refuses the handshake with "unauthorized" once the token is revoked.
    if (err.message !== 'unauthorized') return;
    socket.disconnect();
    for (const h of [...removedHandlers]) h();
  });

  return {
    getApi: () => api,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      listeners.clear();
      removedHandlers.clear();
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}
