import { type Socket, io } from 'socket.io-client';
import type { Command, CommandResult, WorkshopView } from '@sammen/shared';

export interface ControlClient {
  socket: Socket;
  /** The latest view the server sent. */
  view(): WorkshopView;
  /** Resolves with the first view (current or future) that satisfies `predicate`. */
  waitFor(predicate: (view: WorkshopView) => boolean, timeoutMs?: number): Promise<WorkshopView>;
  /** Sends a command and resolves with the server's answer. */
  run(command: Command | Record<string, unknown>): Promise<CommandResult>;
  /** Resolves with the next payload of `event`. */
  next<T = unknown>(event: string, timeoutMs?: number): Promise<T>;
  close(): void;
}

/** A real socket.io client on the workshop control channel, connected once the first view arrives. */
export function connectControl(url: string, token: string | undefined): Promise<ControlClient> {
  const socket = io(url, { path: '/socket.io/', auth: token === undefined ? {} : { token }, transports: ['websocket'], reconnection: false });
  let latest: WorkshopView | null = null;
  const waiters = new Set<() => void>();
  socket.on('state', (view: WorkshopView) => {
    latest = view;
    for (const w of [...waiters]) w();
  });
  const client: ControlClient = {
    socket,
    view: () => {
      if (!latest) throw new Error('no view yet');
      return latest;
    },
    waitFor: (predicate, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (latest && predicate(latest)) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(latest);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out waiting for a view; last: ${JSON.stringify(latest)?.slice(0, 500)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    run: (command) => socket.timeout(10_000).emitWithAck('command', command) as Promise<CommandResult>,
    next: (event, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${event}`)), timeoutMs);
        socket.once(event, (payload: any) => {
          clearTimeout(timer);
          resolve(payload);
        });
      }),
    close: () => socket.close(),
  };
  return new Promise((resolve, reject) => {
    socket.once('connect_error', (err) => reject(err));
    socket.once('state', () => resolve(client));
  });
}

/** Creates a workshop through the public API. */
export async function createWorkshop(server: { url: string }, body: Record<string, unknown> = {}) {
  const res = await fetch(`${server.url}/api/workshops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Borgerpanel', language: 'da', ...body }),
  });
  if (res.status !== 201) throw new Error(`POST /api/workshops gave ${res.status}: ${await res.text()}`);
  return (await res.json()) as { id: string; boardId: string; facilitatorToken: string; joinCode: string; observerToken: string };
}

/** Joins a workshop by code; returns the participant token. */
export async function join(server: { url: string }, code: string, name: string): Promise<string> {
  const res = await fetch(`${server.url}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, name }),
  });
  if (res.status !== 200) throw new Error(`POST /api/join gave ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}
