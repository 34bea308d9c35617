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
  newBoardId,
  randomId,
  moveProjectCard,
  writeOpinionResult,
  writeVoteResult,
} from '@sammen/shared';
import type { BoardCatalog, DocumentStore } from '../store/DocumentStore.js';
import type { RetentionPolicy } from '../store/retention.js';
import type { RoomManager } from '../sync/RoomManager.js';
import type { SenderInfo } from '../sync/UpdateGate.js';
import { type Actor, type Effect, SERVICE_COMMANDS, applyCommand, isAllowed } from './commands.js';
import { endRuns, ensureCurrentRuns } from './stepRuns.js';
import { revealPrivateNotes } from './reveal.js';
import { ServerDocs } from './serverDocs.js';
import { hashToken, newJoinCode, newToken } from './tokens.js';
import { type MemberRecord, type WorkshopRecord, type WorkshopState, type WorkshopStore, initialWorkshopState } from './types.js';
import { viewFor } from './view.js';

/** A resolved token: who this is, now. */
export interface Session {
  workshopId: string;
  boardId: string;
  memberId: string | null;
  name: string;
  role: Role;
}

/** Events for the control channel (socket.io) to deliver; the service itself knows no sockets. */
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

interface Loaded {
  workshop: WorkshopRecord;
  members: MemberRecord[];
}

/**
 * Workshops: creation, joining, tokens, and every command of the control channel. One queue per
 * workshop keeps commands in order (a dot budget cannot be overspent by two racing clicks). State is
 * cached in memory and written to the store on every change.
 */
export class WorkshopService extends EventEmitter<WorkshopEvents> {
  private readonly cache = new Map<string, Loaded>();
  private readonly docs: ServerDocs;
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly online = new Map<string, Map<string, number>>(); // workshopId → memberId → sockets
  /** Workshops deleted while this process runs: never loaded again, even if a read raced the delete. */
  private readonly deleted = new Set<string>();

  constructor(
    private readonly deps: {
      workshops: WorkshopStore; boards: BoardCatalog; documents: DocumentStore; rooms: RoomManager; now?: () => number;
      /** What the operator allows (RETENTION_*); none: workshops are kept until deleted. */
      retention?: RetentionPolicy;
    },
  ) {
    super();
    this.docs = new ServerDocs(deps);
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
    const id = randomId(20);
    const boardId = newBoardId();
    const facilitatorToken = newToken();
    const observerToken = newToken();
    const joinCode = await this.uniqueJoinCode();
    await this.deps.boards.create({ id: boardId, title: body.title, workshopId: id });
    const workshop: WorkshopRecord = {
      id, boardId, title: body.title, language: body.language, joinCode, observerToken,
      state: { ...initialWorkshopState(initial.agenda), place: body.place ?? '', question: body.question ?? '' }, createdAt: new Date(this.now()).toISOString(),
      retentionDays: body.retentionDays ?? this.retention.defaultDays, stateRevision: 0,
    };
    const facilitator: MemberRecord = {
      id: randomId(12), workshopId: id, role: 'facilitator', name: body.facilitatorName ?? 'Facilitator',
      tokenHash: hashToken(facilitatorToken), createdAt: workshop.createdAt, removed: false,
    };
    await this.deps.workshops.create(workshop, facilitator);
    if (initial.build) await this.editBoard(boardId, initial.build);
    return { id, boardId, facilitatorToken, joinCode, observerToken, retentionDays: this.retentionOf(workshop) };
  }

  /** Recreates a workshop from a backup: new id, board id, tokens and join code; the same content. */
  async restore(input: {
    title: string;
    language: CreateWorkshopBody['language'];
    createdAt: string;
    state: WorkshopState;
    members: Array<Omit<MemberRecord, 'workshopId' | 'tokenHash'>>;
    retentionDays: number | null;
  }): Promise<CreateWorkshopResponse> {
    const id = randomId(20);
    const boardId = newBoardId();
    const facilitatorToken = newToken();
    const observerToken = newToken();
    const joinCode = await this.uniqueJoinCode();
    await this.deps.boards.create({ id: boardId, title: input.title, workshopId: id });
    const workshop: WorkshopRecord = {
      id, boardId, title: input.title, language: input.language, joinCode, observerToken, state: input.state, createdAt: input.createdAt, retentionDays: input.retentionDays, stateRevision: 0,
    };
    const [facilitator, ...others] = [...input.members].sort((a, b) => (a.role === 'facilitator' ? -1 : b.role === 'facilitator' ? 1 : 0));
    await this.deps.workshops.create(workshop, { ...facilitator!, workshopId: id, tokenHash: hashToken(facilitatorToken) });
    // Other members keep their names and roles but get no usable token: they join again with the new code.
    for (const m of others) await this.deps.workshops.addMember({ ...m, workshopId: id, tokenHash: hashToken(newToken()) });
    return { id, boardId, facilitatorToken, joinCode, observerToken, retentionDays: this.retentionOf(workshop) };
  }

  /**
   * Forgets a workshop that is being deleted: from now on no token of it resolves and the gate
   * refuses its connections; everyone on the control channel is told. Returns its board and members.
   */
  async forget(workshopId: string): Promise<Loaded | null> {
    const loaded = await this.load(workshopId);
    if (!loaded) return null;
    this.cache.delete(workshopId);
    this.deleted.add(workshopId);
    this.emit('deleted', workshopId);
    return loaded;
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
    this.cache.get(workshop.id)?.members.push(member);
    this.emit('changed', workshop.id);
    return { token, workshopId: workshop.id, boardId: workshop.boardId, memberId: member.id, role: 'participant', retentionDays: this.retentionOf(workshop) };
  }

  /** Who a token belongs to, or null for an unknown, revoked or removed one. */
  async resolveToken(token: string | undefined): Promise<Session | null> {
    if (!token || token.length > 200) return null;
    const member = await this.deps.workshops.getMemberByTokenHash(hashToken(token));
    if (member && !member.removed) {
      const loaded = await this.load(member.workshopId);
      const current = loaded?.members.find((m) => m.id === member.id);
      if (!loaded || !current || current.removed) return null;
      return { workshopId: member.workshopId, boardId: loaded.workshop.boardId, memberId: member.id, name: current.name, role: current.role };
    }
    const observed = await this.deps.workshops.getByObserverToken(token);
    if (observed) return { workshopId: observed.id, boardId: observed.boardId, memberId: null, name: 'Observer', role: 'observer' };
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
    const loaded = this.cache.get(sender.workshopId);
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
    const cached = this.cache.get(workshopId);
    if (cached) return cached;
    const workshop = await this.deps.workshops.get(workshopId);
    if (!workshop) return null;
    const members = await this.deps.workshops.listMembers(workshopId);
    const loaded = this.cache.get(workshopId) ?? { workshop, members };
    this.cache.set(workshopId, loaded);
    return loaded;
  }

  async view(session: Session): Promise<WorkshopView | null> {
    const loaded = await this.load(session.workshopId);
    if (!loaded) return null;
    const member = session.memberId ? loaded.members.find((m) => m.id === session.memberId) : null;
    const actor: Actor = { memberId: session.memberId, role: member?.role ?? session.role, name: member?.name ?? session.name };
    const { workshop } = loaded;
    const links = isFacilitatorRole(actor.role) ? { joinCode: workshop.joinCode ?? '', observerToken: workshop.observerToken ?? '' } : null;
    const online = new Set(this.online.get(workshop.id)?.keys() ?? []);
    return viewFor(workshop, loaded.members, online, actor, links, this.now());
  }

  setOnline(session: Session, delta: 1 | -1): void {
    if (!session.memberId) return;
    const counts = this.online.get(session.workshopId) ?? new Map<string, number>();
    const next = (counts.get(session.memberId) ?? 0) + delta;
    if (next > 0) counts.set(session.memberId, next);
    else counts.delete(session.memberId);
    this.online.set(session.workshopId, counts);
    this.emit('changed', session.workshopId);
    void this.recordLive(session.workshopId);
  }

  /** At least one participant (not a facilitator, not an observer) is connected: the workshop is live. */
  private isLive(loaded: Loaded): boolean {
    const online = this.online.get(loaded.workshop.id);
    return !!online && loaded.members.some((m) => m.role === 'participant' && !m.removed && online.has(m.id));
  }

  /**
   * Step runs follow arrivals and departures: the first participant to arrive starts the current step's
   * run, the last to leave ends it. In the workshop's command queue, so it never races a command.
   */
  private recordLive(workshopId: string): Promise<void> {
    const previous = this.queues.get(workshopId) ?? Promise.resolve();
    const next = previous.then(async () => {
      const loaded = await this.load(workshopId);
      if (!loaded) return;
      const state = structuredClone(loaded.workshop.state);
      const before = JSON.stringify(state.stepRuns);
      if (this.isLive(loaded)) ensureCurrentRuns(state, this.now());
      else endRuns(state, this.now());
      if (JSON.stringify(state.stepRuns) === before) return;
      await this.deps.workshops.saveState(workshopId, state);
      loaded.workshop.state = state;
      this.emit('changed', workshopId);
    });
    // A store that refuses only costs the run's time stamp; the connection itself is unaffected.
    const settled = next.catch(() => undefined);
    this.queues.set(workshopId, settled);
    return settled;
  }

  /** Runs one control-channel command for `session`, in order with the workshop's other commands. */
  run(session: Session, command: Command): Promise<CommandResult> {
    const previous = this.queues.get(session.workshopId) ?? Promise.resolve();
    const next = previous.then(() => this.runNow(session, command));
    this.queues.set(session.workshopId, next.catch(() => undefined));
    return next;
  }

  private async runNow(session: Session, command: Command): Promise<CommandResult> {
    const loaded = await this.load(session.workshopId);
    if (!loaded) return { ok: false, error: 'forbidden', message: 'No such workshop' };
    const member = session.memberId ? loaded.members.find((m) => m.id === session.memberId) : null;
    if (session.memberId && (!member || member.removed)) return { ok: false, error: 'forbidden', message: 'You were removed' };
    const actor: Actor = { memberId: session.memberId, role: member?.role ?? 'observer', name: member?.name ?? 'Observer' };
    if (!isAllowed(actor.role, command.type)) return { ok: false, error: 'forbidden', message: `A ${actor.role} cannot run ${command.type}` };
    if (SERVICE_COMMANDS.has(command.type)) return this.runPeopleCommand(loaded, command);

    // An opinion round snapshots the statements' text from the board as it is now.
    const elementTexts = command.type === 'opinion.start' ? await this.elementTexts(loaded.workshop.boardId, command.elementIds) : undefined;
    const outcome = applyCommand(loaded.workshop.state, actor, command, this.now(), { live: this.isLive(loaded), elementTexts });
    if (!outcome.ok) return outcome;
    let state = outcome.state;
    for (const effect of outcome.effects) state = await this.perform(loaded, actor, effect, state);
    // follow.viewport changes only the follow position: deliver it, but do not rewrite the state row each frame.
    // Stored before anyone sees it: if the store refuses, the command fails and the old state stays.
    if (command.type !== 'follow.viewport') await this.deps.workshops.saveState(loaded.workshop.id, state);
    loaded.workshop.state = state;
    if (command.type !== 'follow.viewport') this.emit('changed', loaded.workshop.id);
    return { ok: true };
  }

  private async perform(loaded: Loaded, actor: Actor, effect: Effect, state: WorkshopState): Promise<WorkshopState> {
    const { workshop } = loaded;
    switch (effect.kind) {
      case 'follow':
        this.emit('follow', workshop.id, effect.viewport);
        return state;
      case 'bringHere':
        this.emit('bringHere', workshop.id, effect.viewport);
        return state;
      case 'reaction':
        this.emit('reaction', workshop.id, { memberId: actor.memberId, name: actor.name, emoji: effect.emoji });
        return state;
      case 'projectMove':
        // Server-made, with the member's name: the move's "who" is not something a client can write.
        await this.editBoard(workshop.boardId, (doc) => moveProjectCard(doc, effect.elementId, effect.phase, actor.name, this.now()));
        return state;
      case 'opinionRevealed': {
        const result = effect.round.result;
        // Only the anonymous map goes on the board: no member id, no one's marks.
        if (result) await this.editBoard(workshop.boardId, (doc) => writeOpinionResult(doc, result));
        return state;
      }
      case 'voteRevealed':
        await this.editBoard(workshop.boardId, (doc) =>
          writeVoteResult(doc, { id: effect.vote.id, title: effect.vote.title, revealedAt: effect.vote.revealedAt ?? this.now(), results: effect.vote.results ?? [] }),
        );
        return state;
      case 'revealPrivate': {
        const revealed = await revealPrivateNotes(this.docs, workshop.boardId, loaded.members, effect.mode);
        for (const r of revealed) this.emit('revealed', workshop.id, r.memberId, r.count);
        const notes = revealed.reduce((n, r) => n + r.count, 0);
        return {
          ...state,
          private: { ...state.private, active: false },
          reveals: [...state.reveals, { at: this.now(), stepIndex: state.current, notes, mode: effect.mode }],
        };
      }
    }
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

  private async runPeopleCommand(loaded: Loaded, command: Command): Promise<CommandResult> {
    const { workshop } = loaded;
    switch (command.type) {
      case 'member.remove':
      case 'member.setRole': {
        const member = loaded.members.find((m) => m.id === command.memberId && !m.removed);
        if (!member) return { ok: false, error: 'no_such_member', message: 'No such member' };
        if (member.role === 'facilitator') return { ok: false, error: 'forbidden', message: 'The facilitator cannot be changed' };
        // Each change is stored before the cached copy (what everyone is shown) takes it.
        if (command.type === 'member.remove') {
          await this.deps.workshops.updateMember(member.id, { removed: true });
          member.removed = true;
          const state = { ...workshop.state, hands: workshop.state.hands.filter((h) => h.memberId !== member.id) };
          await this.deps.workshops.saveState(workshop.id, state);
          workshop.state = state;
          this.emit('accessRevoked', workshop.id, member.id);
        } else {
          await this.deps.workshops.updateMember(member.id, { role: command.role });
          member.role = command.role;
        }
        break;
      }
      case 'links.renew':
        if (command.link === 'participant') {
          const joinCode = await this.uniqueJoinCode();
          await this.deps.workshops.setLinks(workshop.id, { joinCode });
          workshop.joinCode = joinCode;
        } else {
          const observerToken = newToken();
          await this.deps.workshops.setLinks(workshop.id, { observerToken });
          workshop.observerToken = observerToken;
          this.emit('accessRevoked', workshop.id, null);
        }
        break;
      default:
        return { ok: false, error: 'invalid', message: 'Unknown command' };
    }
    this.emit('changed', workshop.id);
    return { ok: true };
  }

  private async uniqueJoinCode(): Promise<string> {
    for (;;) {
      const code = newJoinCode();
      if (!(await this.deps.workshops.getByJoinCode(code))) return code;
    }
  }
}
