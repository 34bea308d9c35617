import type { CommandResult } from '@sammen/shared';
import type { OnlineMembers } from '../cluster/onlineMembers.js';
import type { Change, WorkshopQueues } from './stateChange.js';
import { endRuns, ensureCurrentRuns } from './stepRuns.js';
import type { Loaded } from './workshopCache.js';

/**
 * Who is connected to a workshop's control channel, on any process (`OnlineMembers`: in this process,
 * or in Redis), and what follows from it: a workshop with a participant connected is live, and step
 * runs start and end with that.
 */
export class LiveMembers {
  /** One read of who is online per workshop at a time: a change sends views to many sockets at once. */
  private readonly reads = new Map<string, Promise<Set<string>>>();

  constructor(
    private readonly deps: {
      online: OnlineMembers;
      queues: WorkshopQueues;
      changeState(workshopId: string, compute: (loaded: Loaded) => Promise<Change>): Promise<CommandResult>;
      now(): number;
    },
  ) {}

  /** Members connected on any process (one shared read for all the views of one change). */
  list(workshopId: string): Promise<Set<string>> {
    const running = this.reads.get(workshopId);
    if (running) return running;
    const read = this.deps.online.list(workshopId).finally(() => this.reads.delete(workshopId));
    this.reads.set(workshopId, read);
    return read;
  }

  /** Who is online changed (here, or on another process): the next view reads it afresh. */
  changed(workshopId: string): void {
    this.reads.delete(workshopId);
  }

  /** A control-channel socket of `memberId` connected (+1) or left (-1) on this process. */
  async change(workshopId: string, memberId: string, delta: 1 | -1): Promise<void> {
    await this.deps.online.change(workshopId, memberId, delta);
    this.reads.delete(workshopId);
  }

  /** At least one participant (not a facilitator, not an observer) is connected: the workshop is live. */
  async isLive(loaded: Loaded): Promise<boolean> {
    const online = await this.deps.online.list(loaded.workshop.id);
    return loaded.members.some((m) => m.role === 'participant' && !m.removed && online.has(m.id));
  }

  /**
   * Step runs follow arrivals and departures: the first participant to arrive starts the current step's
   * run, the last to leave ends it. In the workshop's command queue, so it never races a command here.
   */
  recordLive(workshopId: string): Promise<void> {
    const done = this.deps.queues.run(workshopId, () =>
      this.deps.changeState(workshopId, async (loaded) => {
        const state = structuredClone(loaded.workshop.state);
        const before = JSON.stringify(state.stepRuns);
        if (await this.isLive(loaded)) ensureCurrentRuns(state, this.deps.now());
        else endRuns(state, this.deps.now());
        return { state: JSON.stringify(state.stepRuns) === before ? loaded.workshop.state : state };
      }),
    );
    // A store that refuses only costs the run's time stamp; the connection itself is unaffected.
    return done.then(() => undefined, () => undefined);
  }
}
