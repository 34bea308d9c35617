import type { Command, CommandResult } from '@sammen/shared';
import type { StorageWrites } from '../store/DocumentStore.js';
import { uniqueJoinCode } from './creation.js';
import type { Change, StoreHow } from './stateChange.js';
import { newToken } from './tokens.js';
import type { WorkshopStore } from './types.js';
import type { Loaded } from './workshopCache.js';

/** What the people commands need of the workshop service. */
export interface PeopleDeps {
  /** A state change by compare-and-set, retried on a lost race (WorkshopService.changeState). */
  changeState(
    workshopId: string,
    compute: (loaded: Loaded) => Promise<Change>,
    how?: StoreHow,
  ): Promise<CommandResult>;
  writes: StorageWrites;
  workshops: WorkshopStore;
  /** The cached copy takes a change (after it is stored). */
  keep(loaded: Loaded): void;
  /** A member (or, null, the observer link) lost access: their sockets close on every process. */
  revoke(workshopId: string, memberId: string | null): Promise<void>;
  /** Every process's sockets get their views. */
  changed(workshopId: string): Promise<void>;
}

/**
 * The commands about people and links (SERVICE_COMMANDS): they change member records and links, not
 * only the workshop state, so the service runs them rather than the pure `applyCommand`. Each change
 * is stored before the cached copy (what everyone is shown) takes it.
 */
export async function runPeopleCommand(deps: PeopleDeps, loaded: Loaded, command: Command): Promise<CommandResult> {
  const { workshop } = loaded;
  switch (command.type) {
    case 'member.remove':
    case 'member.setRole': {
      const member = loaded.members.find((m) => m.id === command.memberId && !m.removed);
      if (!member) return { ok: false, error: 'no_such_member', message: 'No such member' };
      if (member.role === 'facilitator') return { ok: false, error: 'forbidden', message: 'The facilitator cannot be changed' };
      // Each change is stored before the cached copy (what everyone is shown) takes it.
      if (command.type === 'member.remove') {
        // The member's flag and the state without their raised hand: one transaction, by
        // compare-and-set on the state (a new object, so it is always stored).
        const removed = await deps.changeState(
          workshop.id,
          async (current) => ({ state: { ...current.workshop.state, hands: current.workshop.state.hands.filter((h) => h.memberId !== member.id) } }),
          {
            store: (current, state) => deps.writes.removeMember({ workshopId: workshop.id, memberId: member.id, expectedRevision: current.workshop.stateRevision, state }),
            members: (current) => current.members.map((m) => (m.id === member.id ? { ...m, removed: true } : m)),
          },
        );
        if (!removed.ok) return removed;
        await deps.revoke(workshop.id, member.id);
      } else {
        await deps.workshops.updateMember(member.id, { role: command.role });
        deps.keep({ workshop: loaded.workshop, members: loaded.members.map((m) => (m.id === member.id ? { ...m, role: command.role } : m)) });
      }
      break;
    }
    case 'links.renew':
      if (command.link === 'participant') {
        const joinCode = await uniqueJoinCode(deps.workshops);
        await deps.workshops.setLinks(workshop.id, { joinCode });
        deps.keep({ workshop: { ...workshop, joinCode }, members: loaded.members });
      } else {
        const observerToken = newToken();
        await deps.workshops.setLinks(workshop.id, { observerToken });
        deps.keep({ workshop: { ...workshop, observerToken }, members: loaded.members });
        await deps.revoke(workshop.id, null);
      }
      break;
    default:
      return { ok: false, error: 'invalid', message: 'Unknown command' };
  }
  await deps.changed(workshop.id);
  return { ok: true };
}
