import { EventEmitter } from 'node:events';
import type * as Y from 'yjs';
import {
  type Command,
  type CommandResult,
  type Element,
  type CreateWorkshopBody,
  type CreateWorkshopResponse,
  type JoinInfoResponse,
  type JoinResponse,
  type Role,
  type SessionResponse,
  type Viewport,
  type WorkshopView,
  getElement,
  getElements,
  isFacilitatorRole,
  randomId,
} from '@sammen/shared';
import { type OnlineMembers, createLocalOnlineMembers } from '../cluster/onlineMembers.js';
import { type WorkshopEventBus, createLocalWorkshopEvents } from '../cluster/workshopEvents.js';
import type { BoardCatalog, DocumentStore, StorageWrites } from '../store/DocumentStore.js';
import type { RetentionPolicy } from '../store/retention.js';
import type { RoomManager } from '../sync/RoomManager.js';
import type { SenderInfo } from '../sync/UpdateGate.js';
import { type Actor, SERVICE_COMMANDS, applyCommand, isAllowed } from './commands.js';
import { type EffectDeps, performEffect } from './effects.js';
import { type PeopleDeps, runPeopleCommand } from './peopleCommands.js';
import { LateReveals } from './lateReveals.js';
import { LiveMembers } from './liveMembers.js';
import { type LateRevealRunDeps, forgetRevealedAgain, revealLateNotes } from './lateRevealRuns.js';
import { ServerDocs } from './serverDocs.js';
import { hashToken, newToken } from './tokens.js';
import { type MemberRecord, type WorkshopRecord, type WorkshopState, type WorkshopStore } from './types.js';
import { viewFor } from './view.js';
import { type Change, type StoreHow, WorkshopQueues, changeWithRetry } from './stateChange.js';
import { type Loaded, WorkshopCache } from './workshopCache.js';
import { WorkshopClusterLink } from './clusterLink.js';
import { type CreationDeps, type RestoreInput, createWorkshop, restoreWorkshop } from './creation.js';

/** A resolved token: who this is, now. */
export interface Session {
  workshopId: string;
  boardId: string;
  memberId: string | null;
  name: string;
  role: Role;
}

/**
 * Events for the control channel (socket.io) to deliver to this process's sockets; the service itself
 * knows no sockets. `changed`, `accessRevoked` and `deleted` come for changes made here and, through
 * the cluster's workshop events, for those made by other processes.
 */
export interface WorkshopEvents {
  changed: [workshopId: string];
  follow: [workshopId: string, viewport: Viewport];
  bringHere: [workshopId: string, viewport: Viewport];
  reaction: [workshopId: string, reaction: { memberId: string | null; name: string; emoji: string }];
  revealed: [workshopId: string, memberId: string, count: number];
  /** A member was removed, or (memberId null) the observer link was renewed. */
  accessRevoked: [workshopId: string, memberId: string | null];
  /** The workshop was deleted: everyone leaves. */
  deleted: [workshopId: string];
}

export { privateDocId } from './reveal.js';

export { StateConflictError } from './stateChange.js';

/**
 * Workshops: creation, joining, tokens, and every command of the control channel. Several processes
 * may serve one workshop: each command loads the state, applies the pure `applyCommand`, and stores
 * it by compare-and-set on the state's revision, retrying on a lost race (so two processes never
 * overspend a dot budget or lose a lock); then every process is told (`events`) and refreshes its
 * copy. One queue per workshop and process keeps this process's commands in order.
 */
export class WorkshopService extends EventEmitter<WorkshopEvents> {
  private readonly cache: WorkshopCache;
  private readonly docs: ServerDocs;
  private readonly queues = new WorkshopQueues();
  /** Private notes that came late for their reveal (lateReveals.ts). */
  private readonly late: LateReveals;
  /** What a command's effects need (effects.ts). */
  private readonly effectDeps: EffectDeps;
  private readonly peopleDeps: PeopleDeps;
  private readonly events: WorkshopEventBus;
  private readonly cluster: WorkshopClusterLink;
  private readonly online: OnlineMembers;
  /** Workshops deleted while this process runs: never loaded again, even if a read raced the delete. */
  private readonly deleted = new Set<string>();
  /** Who is connected, and whether the workshop is live (liveMembers.ts). */
  private readonly live: LiveMembers;

  constructor(
    private readonly deps: {
      workshops: WorkshopStore; boards: BoardCatalog; documents: DocumentStore; rooms: RoomManager; now?: () => number;
      /** Writes that belong together (creation, import, member removal), each one transaction. */
      writes: StorageWrites;
      /** What the operator allows (RETENTION_*); none: workshops are kept until deleted. */
      retention?: RetentionPolicy;
      /** Other processes serving the same workshops (REDIS_URL); none: this process alone. */
      events?: WorkshopEventBus;
      /** Who is connected, on any process. */
      online?: OnlineMembers;
      log?: { warn(obj: object, msg?: string): void };
    },
  ) {
    super();
    this.docs = new ServerDocs(deps);
    this.cache = new WorkshopCache(deps.workshops);
    this.events = deps.events ?? createLocalWorkshopEvents();
    this.online = deps.online ?? createLocalOnlineMembers();
    this.live = new LiveMembers({ online: this.online, queues: this.queues, changeState: (id, compute) => this.changeState(id, compute), now: () => this.now() });
    this.cluster = new WorkshopClusterLink({
      events: this.events, cache: this.cache, online: this.online, rooms: deps.rooms, deleted: this.deleted, local: this,
      onlineChanged: (id) => this.live.changed(id), log: deps.log,
    });
    this.effectDeps = { docs: this.docs, events: this, editBoard: (boardId, edit) => this.editBoard(boardId, edit), now: () => this.now() };
    this.peopleDeps = {
      changeState: (workshopId, compute, how) => this.changeState(workshopId, compute, how),
      writes: deps.writes, workshops: deps.workshops, keep: (loaded) => this.cache.keep(loaded),
      revoke: (workshopId, memberId) => this.revoke(workshopId, memberId), changed: (workshopId) => this.changed(workshopId),
    };
    const runs: LateRevealRunDeps = {
      docs: this.docs,
      peek: (id) => this.cache.peek(id),
      changeState: (id, compute) => this.changeState(id, compute),
      revealed: (id, memberId, count) => this.emit('revealed', id, memberId, count),
      now: () => this.now(),
    };
    this.late = new LateReveals({
      state: (id) => this.cache.peek(id)?.workshop.state ?? null,
      loadedIds: () => deps.rooms.loadedIds(),
      reveal: (workshopId, boardId, memberId) => this.queues.run(workshopId, () => revealLateNotes(runs, workshopId, boardId, memberId)),
      forget: (workshopId, boardId, memberIds, round) => this.queues.run(workshopId, () => forgetRevealedAgain(runs, workshopId, boardId, memberIds, round)),
      now: () => this.now(),
      ...(deps.log ? { log: deps.log } : {}),
    });
    // Here or on another process: after a reveal, the private documents loaded here are looked at again.
    this.on('changed', (id) => {
      const cached = this.cache.peek(id);
      if (cached) this.late.changed(id, cached.workshop.boardId);
    });
  }

  private now(): number {
    return this.deps.now ? this.deps.now() : Date.now();
  }

  get retention(): RetentionPolicy {
    return this.deps.retention ?? { openBoardDays: 0, defaultDays: 0, maxDays: 0 };
  }

  /** The retention that applies to a workshop (what participants are told), in days; 0 keeps it. */
  retentionOf(workshop: WorkshopRecord): number {
    return workshop.retentionDays ?? this.retention.defaultDays;
  }
  async create(body: CreateWorkshopBody, initial: { agenda?: WorkshopState['agenda']; build?: (doc: Y.Doc) => void } = {}): Promise<CreateWorkshopResponse> {
    const created = await createWorkshop(this.creationDeps(), body, initial.agenda);
    if (initial.build) await this.editBoard(created.boardId, initial.build);
    return created;
  }

  /** Recreates a workshop from a backup: new id, board id, tokens and join code; the same content. */
  restore(input: RestoreInput): Promise<CreateWorkshopResponse> {
    return restoreWorkshop(this.creationDeps(), input);
  }

  private creationDeps(): CreationDeps {
    return { workshops: this.deps.workshops, writes: this.deps.writes, now: this.now(), defaultDays: this.retention.defaultDays, retentionOf: (w) => this.retentionOf(w) };
  }

  /**
   * Forgets a workshop that is being deleted: from now on no token of it resolves and the gate
   * refuses its connections, on every process; everyone on the control channel is told, and the
   * other processes close its rooms. Returns its board and members.
   */
  async forget(workshopId: string): Promise<Loaded | null> {
    const loaded = await this.load(workshopId);
    if (!loaded) return null;
    this.cache.forget(workshopId);
    this.late.forgetBoard(loaded.workshop.boardId, workshopId);
    this.deleted.add(workshopId);
    this.emit('deleted', workshopId);
    await this.cluster.tell({ type: 'deleted', workshopId, boardId: loaded.workshop.boardId, memberIds: loaded.members.map((m) => m.id) });
    return loaded;
  }

  /** A document was stored to (RoomManager's onStored): a late private note is revealed (lateReveals.ts). */
  privateDocumentStored(docId: string): void {
    this.late.stored(docId);
  }

  /** Reveals the late notes still waiting for quiet now (before the rooms close at shutdown). */
  revealLateNow(): Promise<void> {
    return this.late.now();
  }

  /** Waits until everything applied to a loaded board is stored (before exporting it). */
  flushBoard(boardId: string): Promise<void> {
    return this.docs.flush(boardId);
  }

  /** What a citizen is told before joining; null for a code no workshop has. */
  async joinInfo(code: string): Promise<JoinInfoResponse | null> {
    const workshop = await this.deps.workshops.getByJoinCode(code);
    if (!workshop || this.deleted.has(workshop.id)) return null;
    return { title: workshop.title, language: workshop.language, retentionDays: this.retentionOf(workshop) };
  }

  /** Joins by code; null when no workshop has this code (or its participant link is revoked). */
  async join(code: string, name: string): Promise<JoinResponse | null> {
    const workshop = await this.deps.workshops.getByJoinCode(code);
    // Being deleted: no new member row (with a name) may outlive the deletion.
    if (!workshop || this.deleted.has(workshop.id)) return null;
    const token = newToken();
    const member: MemberRecord = {
      id: randomId(12), workshopId: workshop.id, role: 'participant', name, tokenHash: hashToken(token),
      createdAt: new Date(this.now()).toISOString(), removed: false,
    };
    await this.deps.workshops.addMember(member);
    const cached = this.cache.peek(workshop.id);
    if (cached) this.cache.keep({ workshop: cached.workshop, members: [...cached.members, member] });
    await this.changed(workshop.id);
    return { token, workshopId: workshop.id, boardId: workshop.boardId, memberId: member.id, role: 'participant', retentionDays: this.retentionOf(workshop) };
  }

  /** Who a token belongs to, or null for an unknown, revoked or removed one (the store decides). */
  async resolveToken(token: string | undefined): Promise<Session | null> {
    if (!token || token.length > 200) return null;
    const member = await this.deps.workshops.getMemberByTokenHash(hashToken(token));
    if (member && !member.removed) {
      let loaded = await this.load(member.workshopId);
      // Joined on another process a moment ago: this copy has not heard yet.
      if (loaded && !loaded.members.some((m) => m.id === member.id)) loaded = await this.cache.read(member.workshopId);
      const current = loaded?.members.find((m) => m.id === member.id);
      if (!loaded || !current || current.removed) return null;
      this.late.noteBoard(loaded.workshop.boardId, member.workshopId);
      return { workshopId: member.workshopId, boardId: loaded.workshop.boardId, memberId: member.id, name: current.name, role: current.role };
    }
    const observed = await this.deps.workshops.getByObserverToken(token);
    if (observed && !this.deleted.has(observed.id)) return { workshopId: observed.id, boardId: observed.boardId, memberId: null, name: 'Observer', role: 'observer' };
    return null;
  }

  async sessionInfo(session: Session): Promise<SessionResponse | null> {
    const loaded = await this.load(session.workshopId);
    if (!loaded) return null;
    const { workshop } = loaded;
    return { workshopId: workshop.id, boardId: workshop.boardId, title: workshop.title, language: workshop.language, memberId: session.memberId, name: session.memberId ? session.name : null, role: session.role,
      retentionDays: this.retentionOf(workshop),
    };
  }

  /** The current role and locks for the update gate (synchronous: it reads the cache). */
  accessFor(sender: SenderInfo): { role: Role; locks: WorkshopState['locks'] } | null {
    if (!sender.workshopId) return null;
    const loaded = this.cache.peek(sender.workshopId);
    if (!loaded) return null;
    if (sender.memberId === null) {
      return sender.role === 'observer' && loaded.workshop.observerToken ? { role: 'observer', locks: loaded.workshop.state.locks } : null;
    }
    const member = loaded.members.find((m) => m.id === sender.memberId);
    if (!member || member.removed) return null;
    return { role: member.role, locks: loaded.workshop.state.locks };
  }

  /** Makes sure a workshop is cached (the gate reads the cache synchronously). */
  async load(workshopId: string): Promise<Loaded | null> {
    if (this.deleted.has(workshopId)) return null;
    const loaded = await this.cache.load(workshopId);
    return this.deleted.has(workshopId) ? null : loaded;
  }

  async view(session: Session): Promise<WorkshopView | null> {
    const loaded = await this.load(session.workshopId);
    if (!loaded) return null;
    const member = session.memberId ? loaded.members.find((m) => m.id === session.memberId) : null;
    const actor: Actor = { memberId: session.memberId, role: member?.role ?? session.role, name: member?.name ?? session.name };
    const { workshop } = loaded;
    const links = isFacilitatorRole(actor.role) ? { joinCode: workshop.joinCode ?? '', observerToken: workshop.observerToken ?? '' } : null;
    return viewFor(workshop, loaded.members, await this.live.list(workshop.id), actor, links, this.now());
  }

  /** A control-channel socket of `session` connected (+1) or left (-1) on this process. */
  async setOnline(session: Session, delta: 1 | -1): Promise<void> {
    if (!session.memberId) return;
    await this.live.change(session.workshopId, session.memberId, delta);
    await this.changed(session.workshopId);
    await this.live.recordLive(session.workshopId);
  }

  /**
   * A state change by compare-and-set, retried on a lost race (see `changeWithRetry`). Once stored,
   * the cache takes it and every process is told.
   */
  private changeState(
    workshopId: string,
    compute: (loaded: Loaded) => Promise<Change>,
    how: StoreHow = {},
  ): Promise<CommandResult> {
    return changeWithRetry(workshopId, {
      load: async (attempt) => (attempt === 0 ? this.load(workshopId) : this.deleted.has(workshopId) ? null : this.cache.read(workshopId)),
      compute,
      store: (loaded, state) => (how.store ? how.store(loaded, state) : this.deps.workshops.compareAndSetState(workshopId, loaded.workshop.stateRevision, state)),
      stored: async (loaded, state, revision) => {
        this.cache.keep({ workshop: { ...loaded.workshop, state, stateRevision: revision }, members: how.members ? how.members(loaded) : loaded.members });
        await this.changed(workshopId);
      },
    });
  }

  /** Runs one control-channel command for `session`, in order with the workshop's other commands here. */
  run(session: Session, command: Command): Promise<CommandResult> {
    return this.queues.run(session.workshopId, () => this.runNow(session, command));
  }

  private async runNow(session: Session, command: Command): Promise<CommandResult> {
    const first = await this.load(session.workshopId);
    if (!first) return { ok: false, error: 'forbidden', message: 'No such workshop' };
    if (SERVICE_COMMANDS.has(command.type)) {
      const actor = this.actorIn(first, session);
      if ('refused' in actor) return actor.refused;
      if (!isAllowed(actor.role, command.type)) return { ok: false, error: 'forbidden', message: `A ${actor.role} cannot run ${command.type}` };
      return runPeopleCommand(this.peopleDeps, first, command);
    }
    if (command.type === 'follow.viewport') return this.followViewport(first, session, command.viewport);
    // Effects with I/O run once per attempt but are safe to repeat (a reveal copies no note twice);
    // what they found is kept across attempts, and broadcasts go out only after the state is stored.
    const revealed = new Map<string, number>();
    // An opinion round snapshots the statements' text from the board as it is now.
    const elementTexts = command.type === 'opinion.start' ? await this.elementTexts(first.workshop.boardId, command.elementIds) : undefined;
    return this.changeState(session.workshopId, async (loaded) => {
      const actor = this.actorIn(loaded, session);
      if ('refused' in actor) return actor;
      if (!isAllowed(actor.role, command.type)) return { refused: { ok: false, error: 'forbidden', message: `A ${actor.role} cannot run ${command.type}` } };
      const outcome = applyCommand(loaded.workshop.state, actor, command, this.now(), { live: await this.live.isLive(loaded), elementTexts });
      if (!outcome.ok) return { refused: outcome };
      let state = outcome.state;
      const broadcasts: Array<() => void> = [];
      for (const effect of outcome.effects) state = await performEffect(this.effectDeps, loaded, actor, effect, state, broadcasts, revealed);
      return { state, after: () => broadcasts.forEach((send) => send()) };
    });
  }

  private actorIn(loaded: Loaded, session: Session): Actor | { refused: CommandResult } {
    const member = session.memberId ? loaded.members.find((m) => m.id === session.memberId) : null;
    if (session.memberId && (!member || member.removed)) return { refused: { ok: false, error: 'forbidden', message: 'You were removed' } };
    return { memberId: session.memberId, role: member?.role ?? 'observer', name: member?.name ?? 'Observer' };
  }

  /** A leader's viewport while others follow: delivered to everyone, never stored (it changes every frame). */
  private followViewport(loaded: Loaded, session: Session, viewport: Viewport): CommandResult {
    const actor = this.actorIn(loaded, session);
    if ('refused' in actor) return actor.refused;
    if (!isAllowed(actor.role, 'follow.viewport')) return { ok: false, error: 'forbidden', message: `A ${actor.role} cannot run follow.viewport` };
    if (loaded.workshop.state.follow.active) this.emit('follow', loaded.workshop.id, viewport);
    return { ok: true };
  }

  /** The board's elements and the agenda, for saving a workshop as a template. */
  async snapshot(workshopId: string): Promise<{ workshop: WorkshopRecord; elements: Element[] } | null> {
    const loaded = await this.load(workshopId);
    if (!loaded) return null;
    return { workshop: loaded.workshop, elements: await this.docs.read(loaded.workshop.boardId, getElements) };
  }

  /** The board's whole Yjs state now (for a named version). */
  async boardState(workshopId: string): Promise<Uint8Array | null> {
    const loaded = await this.load(workshopId);
    if (!loaded) return null;
    return this.docs.state(loaded.workshop.boardId);
  }

  /** The current text of each named element that has text (notes, text boxes …), by id. */
  private elementTexts(boardId: string, ids: string[]): Promise<Map<string, string>> {
    return this.docs.read(boardId, (doc) => {
      const texts = new Map<string, string>();
      for (const id of ids) {
        const element = getElement(doc, id);
        if (element && 'text' in element && typeof element.text === 'string') texts.set(id, element.text);
      }
      return texts;
    });
  }

  private editBoard(boardId: string, edit: (doc: Y.Doc) => void): Promise<void> {
    return this.docs.edit(boardId, edit);
  }

  /** A member (or, null, the observer link) lost access: their sockets close on every process. */
  private async revoke(workshopId: string, memberId: string | null): Promise<void> {
    this.emit('accessRevoked', workshopId, memberId);
    await this.cluster.tell({ type: 'accessRevoked', workshopId, memberId });
  }

  /** Something changed: this process's sockets get their views, and every other process is told. */
  private async changed(workshopId: string): Promise<void> {
    this.emit('changed', workshopId);
    await this.cluster.tell({ type: 'changed', workshopId });
  }

}
