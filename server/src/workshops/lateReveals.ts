import { LATE_REVEAL_QUIET_MS, isLateForReveal, parsePrivateDocId, privateDocId } from './reveal.js';
import type { WorkshopState } from './types.js';

/**
 * When to reveal private notes that came late for their round's reveal (reveal.ts: what is late and
 * what may go on the board). A private document that is stored to after a reveal is revealed once it
 * has been quiet for LATE_REVEAL_QUIET_MS: a slow network delivers a note keystroke by keystroke, and
 * keystrokes after a reveal would go to a note already moved to the board. And when a process learns
 * of a reveal (its own or another process's), the private documents of that board it has loaded are
 * looked at once more the same way: a note stored on another process a moment before the reveal may
 * not have reached the process that revealed, and stores nothing more that would bring it up.
 * And when a process learns that a private round started, the private documents of that board it has
 * loaded are cleared once more of revealed notes (`forget`): a late reveal here that raced the round
 * start on another process can record a note just after that process's cleanup read the list, and the
 * note would otherwise stay in the member's view all through the new round.
 */
export class LateReveals {
  /** The workshop of each board whose member sessions this process resolved. */
  private readonly workshopOfBoard = new Map<string, string>();
  /** Private documents waiting for quiet, with what then runs. */
  private readonly waiting = new Map<string, { timer: NodeJS.Timeout; run(): Promise<void> }>();
  /** The last reveal each workshop's loaded private documents were looked at for (its time). */
  private readonly swept = new Map<string, number>();
  /** The round each workshop's loaded private documents were last cleared for (reveals before it). */
  private readonly cleared = new Map<string, number>();

  constructor(
    private readonly deps: {
      /** The workshop's cached state, or null when this process has none. */
      state(workshopId: string): WorkshopState | null;
      /** The ids of the documents loaded in this process. */
      loadedIds(): string[];
      /** Reveals a member's late notes (in the workshop's queue; checks again that they are late). */
      reveal(workshopId: string, boardId: string, memberId: string): Promise<unknown>;
      /**
       * Clears members' private documents of revealed notes, as a round start does (in the workshop's
       * queue, after a late reveal waiting there; checks again that round `round` still runs).
       */
      forget(workshopId: string, boardId: string, memberIds: string[], round: number): Promise<unknown>;
      now(): number;
      log?: { warn(obj: object, msg?: string): void };
    },
  ) {}

  /** A member's session of this workshop was resolved here: its private documents may be written here. */
  noteBoard(boardId: string, workshopId: string): void {
    this.workshopOfBoard.set(boardId, workshopId);
  }

  forgetBoard(boardId: string, workshopId: string): void {
    this.workshopOfBoard.delete(boardId);
    this.swept.delete(workshopId);
    this.cleared.delete(workshopId);
  }

  /** A document was stored to (RoomManager's onStored, every stored update): cheap unless late. */
  stored(docId: string): void {
    const parsed = parsePrivateDocId(docId);
    const workshopId = parsed && this.workshopOfBoard.get(parsed.boardId);
    if (!parsed || !workshopId) return;
    const state = this.deps.state(workshopId);
    if (state && isLateForReveal(state, this.deps.now())) this.schedule(workshopId, parsed.boardId, parsed.memberId);
  }

  /**
   * The workshop changed (here or elsewhere): after a new reveal, look at the loaded private documents;
   * after a new round started, clear them of revealed notes.
   */
  changed(workshopId: string, boardId: string): void {
    const state = this.deps.state(workshopId);
    if (state?.private.active) return this.roundStarted(workshopId, boardId, state.reveals.length);
    const last = state?.reveals.at(-1);
    if (!state || !last || !isLateForReveal(state, this.deps.now()) || this.swept.get(workshopId) === last.at) return;
    this.swept.set(workshopId, last.at);
    const prefix = privateDocId(boardId, '');
    for (const docId of this.deps.loadedIds()) {
      if (docId.startsWith(prefix)) this.schedule(workshopId, boardId, docId.slice(prefix.length));
    }
  }

  private roundStarted(workshopId: string, boardId: string, round: number): void {
    if (this.cleared.get(workshopId) === round) return;
    this.cleared.set(workshopId, round);
    const prefix = privateDocId(boardId, '');
    const members = this.deps.loadedIds().filter((id) => id.startsWith(prefix)).map((id) => id.slice(prefix.length));
    if (!members.length) return;
    this.deps.forget(workshopId, boardId, members, round).catch((err: unknown) => this.deps.log?.warn({ err, workshopId }, 'could not clear revealed private notes'));
  }

  /** Runs what waits for quiet now (at shutdown, before the rooms close). */
  async now(): Promise<void> {
    const waiting = [...this.waiting.values()];
    for (const { timer } of waiting) clearTimeout(timer);
    await Promise.all(waiting.map(({ run }) => run()));
  }

  private schedule(workshopId: string, boardId: string, memberId: string): void {
    const docId = privateDocId(boardId, memberId);
    clearTimeout(this.waiting.get(docId)?.timer);
    const run = (): Promise<void> => {
      this.waiting.delete(docId);
      return this.deps.reveal(workshopId, boardId, memberId).then(
        () => undefined,
        (err: unknown) => this.deps.log?.warn({ err, workshopId }, 'could not reveal a late private note'),
      );
    };
    const timer = setTimeout(() => void run(), LATE_REVEAL_QUIET_MS);
    timer.unref();
    this.waiting.set(docId, { timer, run });
  }
}
