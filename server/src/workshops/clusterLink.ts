import type { EventEmitter } from 'node:events';
import { CLOSE } from '@sammen/shared';
import type { OnlineMembers } from '../cluster/onlineMembers.js';
import type { WorkshopEvent, WorkshopEventBus } from '../cluster/workshopEvents.js';
import type { RoomManager } from '../sync/RoomManager.js';
import { privateDocId } from './reveal.js';
import type { WorkshopCache } from './workshopCache.js';
import type { WorkshopEvents } from './WorkshopService.js';

/**
 * The workshop service's link to the other processes: tells them what changed here (ids only) and,
 * for what changed there, re-reads the workshop and then acts on this process's own sockets (through
 * the service's local events) and rooms.
 */
export class WorkshopClusterLink {
  constructor(
    private readonly deps: {
      events: WorkshopEventBus;
      cache: WorkshopCache;
      online: OnlineMembers;
      rooms: RoomManager;
      /** Workshops deleted while this process runs. */
      deleted: Set<string>;
      /** The service: its events reach this process's sockets. */
      local: EventEmitter<WorkshopEvents>;
      /** Who is online changed (or may have): forget any cached answer. */
      onlineChanged: (workshopId: string) => void;
      log?: { warn(obj: object, msg?: string): void };
    },
  ) {
    const warn = (msg: string) => (err: unknown) => deps.log?.warn({ err }, msg);
    deps.events.subscribe((event) => void this.fromElsewhere(event).catch(warn('workshop event failed')));
    deps.events.onResync(() => void this.resync().catch(warn('resync after Redis came back failed')));
  }

  /** Publishes to the other processes; a lost message costs them freshness, never this change. */
  async tell(event: WorkshopEvent): Promise<void> {
    await this.deps.events.publish(event).catch((err: unknown) => this.deps.log?.warn({ err, event: event.type }, 'could not tell the other processes'));
  }

  /**
   * Redis came back: what was published meanwhile is lost and (after a restart) so are the online
   * counts. Write ours again, read every cached workshop again, and tell the others to do the same.
   */
  private async resync(): Promise<void> {
    await this.deps.online.resync();
    for (const workshopId of this.deps.cache.ids()) {
      await this.fromElsewhere({ type: 'changed', workshopId });
      await this.tell({ type: 'changed', workshopId });
    }
  }

  private async fromElsewhere(event: WorkshopEvent): Promise<void> {
    const { cache, local } = this.deps;
    const { workshopId } = event;
    switch (event.type) {
      case 'changed':
        if (!cache.peek(workshopId)) return; // nobody here: nothing cached, no socket to update
        await cache.refresh(workshopId);
        this.deps.onlineChanged(workshopId);
        local.emit('changed', workshopId);
        return;
      case 'accessRevoked':
        // The copy first, so the gate and token checks here refuse before the sockets are closed.
        await cache.refresh(workshopId);
        local.emit('accessRevoked', workshopId, event.memberId);
        local.emit('changed', workshopId);
        return;
      case 'deleted': {
        this.deps.deleted.add(workshopId);
        cache.forget(workshopId);
        local.emit('deleted', workshopId);
        const { rooms } = this.deps;
        await rooms.evict(event.boardId, CLOSE.BOARD_DELETED);
        for (const m of event.memberIds) await rooms.evict(privateDocId(event.boardId, m), CLOSE.BOARD_DELETED);
        return;
      }
    }
  }
}
