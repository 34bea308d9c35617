import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { Server, type ServerOptions, type Socket } from 'socket.io';
import { CLOSE, ERRORS, type Command, type CommandResult, type ServerEvents, commandSchema, formatZodError } from '@sammen/shared';
import type { OpenPerAddress } from '../http/openPerAddress.js';
import { isOriginAllowed } from '../http/origin.js';
import { storageFailure } from '../store/StorageError.js';
import type { RoomManager } from '../sync/RoomManager.js';
import { type Session, StateConflictError, type WorkshopService } from '../workshops/WorkshopService.js';

interface ClientEvents {
  command: (command: Command, ack: (result: CommandResult) => void) => void;
}
type ControlSocket = Socket<ClientEvents, ServerEvents, Record<string, never>, { session: Session }>;

/** Control-channel sockets one member may hold at once (tabs, a phone and a laptop, reconnects). */
export const MAX_SOCKETS_PER_MEMBER = 8;
/** Sockets on one observer link: it is shared, e.g. by a whole council watching. */
export const MAX_SOCKETS_PER_OBSERVER_LINK = 300;

const workshopRoom = (id: string) => `w:${id}`;
const memberRoom = (id: string) => `m:${id}`;
const observerRoom = (id: string) => `o:${id}`;

/**
 * The workshop control channel: socket.io on the same HTTP server, path `/socket.io/`. The token is
 * checked on connect (`auth: { token }`); every command is validated, run by the WorkshopService and
 * acknowledged; each socket then gets its own view of the new state.
 */
export function attachControlChannel(
  app: FastifyInstance,
  deps: {
    workshops: WorkshopService;
    rooms: RoomManager;
    allowedOrigins: readonly string[];
    onRefused?: (error: string) => void;
    /** Open control connections per client address, and how to find a handshake's address (TRUST_PROXY). */
    perAddress?: { open: OpenPerAddress; addressOf: (req: IncomingMessage) => string; onLimited?: () => void };
    /** socket.io's Redis adapter when several processes serve the workshops (REDIS_URL). */
    adapter?: ServerOptions['adapter'];
  },
): Server {
  const { workshops, rooms } = deps;
  const io = new Server<ClientEvents, ServerEvents, Record<string, never>, { session: Session }>(app.server, {
    path: '/socket.io/',
    serveClient: false,
    ...(deps.adapter ? { adapter: deps.adapter } : {}),
    // An agenda of 50 steps with long instructions is the largest command; 1 MiB leaves room.
    maxHttpBufferSize: 1024 * 1024,
    // Leave other paths' WebSocket upgrades (/yjs/...) alone.
    destroyUpgrade: false,
    allowRequest: (req, callback) => {
      if (!isOriginAllowed(req.headers.origin, req.headers.host, deps.allowedOrigins)) return callback('origin not allowed', false);
      // Counted from the handshake, before any token: connections that never sign in cost memory too.
      if (deps.perAddress?.open.full(deps.perAddress.addressOf(req))) {
        deps.perAddress.onLimited?.();
        return callback('too many connections from this address', false);
      }
      callback(null, true);
    },
  });
  if (deps.perAddress) {
    const { open, addressOf } = deps.perAddress;
    io.engine.on('connection', (socket: { request: IncomingMessage; once(event: 'close', f: () => void): void }) => {
      open.add(addressOf(socket.request), (release) => socket.once('close', release));
    });
  }

  // Every workshop change sends a view to every socket: one token must not hold hundreds of them.
  const open = new Map<string, number>();
  const holderOf = (s: Session) => (s.memberId ? `m:${s.memberId}` : `o:${s.workshopId}`);
  const capOf = (s: Session) => (s.memberId ? MAX_SOCKETS_PER_MEMBER : MAX_SOCKETS_PER_OBSERVER_LINK);

  io.use((socket, next) => {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    workshops
      .resolveToken(typeof token === 'string' ? token : undefined)
      .then((session) => {
        if (!session) return next(new Error('unauthorized'));
        if ((open.get(holderOf(session)) ?? 0) >= capOf(session)) return next(new Error('too_many_connections'));
        socket.data.session = session;
        next();
      })
      .catch(next);
  });

  io.on('connection', (socket: ControlSocket) => {
    const session = socket.data.session;
    void socket.join(workshopRoom(session.workshopId));
    void socket.join(session.memberId ? memberRoom(session.memberId) : observerRoom(session.workshopId));
    const online = (delta: 1 | -1) => workshops.setOnline(session, delta).catch((err: unknown) => app.log.warn({ err }, 'could not record who is online'));
    void online(1);
    const holder = holderOf(session);
    open.set(holder, (open.get(holder) ?? 0) + 1);
    socket.on('disconnect', () => {
      void online(-1);
      const left = (open.get(holder) ?? 1) - 1;
      if (left > 0) open.set(holder, left);
      else open.delete(holder);
    });
    socket.on('command', (raw: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return; // a command without an ack is not part of the protocol
      const answer = ack as (r: CommandResult) => void;
      const reply = (result: CommandResult) => {
        if (!result.ok) deps.onRefused?.(result.error);
        answer(result);
      };
      const parsed = commandSchema.safeParse(raw);
      if (!parsed.success) return reply({ ok: false, error: 'invalid', message: formatZodError(parsed.error) });
      workshops.run(session, parsed.data).then(reply, (err: unknown) => {
        app.log.error({ err }, 'command failed');
        // A change that could not be stored was not made (nothing revealed, nothing emptied): say so.
        if (storageFailure(err) || err instanceof StateConflictError) return reply({ ok: false, error: 'storage_failed', message: ERRORS.STORAGE_FAILED.message });
        reply({ ok: false, error: 'invalid', message: 'The server could not run the command' });
      });
    });
    void sendView(socket);
  });

  const sendView = async (socket: ControlSocket): Promise<void> => {
    const view = await workshops.view(socket.data.session);
    if (view) socket.emit('state', view);
  };
  // Coalesce bursts of changes (a vote with 30 people clicking) into one view per socket per tick.
  // The service says `changed` for changes made here and, through the cluster's workshop events,
  // elsewhere: each process sends views to its own sockets only (`io.local`), since views differ
  // per recipient and must never be broadcast through the adapter.
  const pending = new Set<string>();
  workshops.on('changed', (workshopId) => {
    if (pending.has(workshopId)) return;
    pending.add(workshopId);
    setImmediate(async () => {
      pending.delete(workshopId);
      const sockets = await io.local.in(workshopRoom(workshopId)).fetchSockets();
      for (const s of sockets) {
        const local = io.sockets.sockets.get(s.id) as ControlSocket | undefined;
        if (local) void sendView(local);
      }
    });
  });
  workshops.on('follow', (id, viewport) => io.to(workshopRoom(id)).emit('follow', viewport));
  workshops.on('bringHere', (id, viewport) => io.to(workshopRoom(id)).emit('bringHere', viewport));
  workshops.on('reaction', (id, reaction) => io.to(workshopRoom(id)).emit('reaction', reaction));
  workshops.on('revealed', (_id, memberId, count) => io.to(memberRoom(memberId)).emit('revealed', { count }));
  // Revocation and deletion are announced to every process by the service; each closes its own sockets.
  workshops.on('accessRevoked', (workshopId, memberId) => {
    const target = memberId ? memberRoom(memberId) : observerRoom(workshopId);
    io.local.to(target).emit('removed');
    io.local.in(target).disconnectSockets(true);
    void rooms.disconnectWhere(
      (s) => s.workshopId === workshopId && (memberId ? s.memberId === memberId : s.role === 'observer'),
      CLOSE.UNAUTHORIZED,
    );
  });

  workshops.on('deleted', (workshopId) => {
    io.local.to(workshopRoom(workshopId)).emit('removed');
    io.local.in(workshopRoom(workshopId)).disconnectSockets(true);
  });

  app.addHook('preClose', async () => {
    // Only this process's sockets: through the Redis adapter a plain disconnectSockets reaches all.
    io.local.disconnectSockets(true);
    io.engine.close();
  });
  return io;
}
