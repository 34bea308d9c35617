import { type Command, type CommandError, type RoleMarker, type RoleResult, type RoleRoundView, countRoleMarkers, isValidPlacement, randomId } from '@sammen/shared';

/**
 * The politician's role self-assessment as the server keeps it. Markers are secret until the reveal
 * (each person is sent their own), and each belongs to the member who placed it: only they move it,
 * and nobody has two of a kind on a row. The reveal publishes counts only.
 */
export interface RoleRoundRecord {
  id: string;
  status: 'open' | 'revealed';
  markers: RoleMarker[];
  startedAt: number;
  revealedAt: number | null;
  stepId: string | null;
  result: RoleResult | null;
}

export interface RoleState {
  roleRound: RoleRoundRecord | null;
  pastRoleRounds: RoleRoundRecord[];
}

type RoleCommand = Extract<Command, { type: `role.${string}` }>;
export type RoleOutcome = { ok: true; state: RoleState; revealed: RoleRoundRecord | null } | { ok: false; error: CommandError; message: string };

/** A full room's markers: 40 people × (8 × 2 + 3 × 2 + 19) = 1640; room to spare, never unbounded. */
export const ROLE_MAX_MARKERS = 4000;

const fail = (error: CommandError, message: string): RoleOutcome => ({ ok: false, error, message });

/** The round's rules, pure. */
export function applyRoleCommand(state: RoleState, memberId: string | null, command: RoleCommand, now: number, context: { stepId: string | null }): RoleOutcome {
  const s: RoleState = structuredClone({ roleRound: state.roleRound, pastRoleRounds: state.pastRoleRounds });
  const ok = (revealed: RoleRoundRecord | null = null): RoleOutcome => ({ ok: true, state: s, revealed });
  const round = s.roleRound;
  switch (command.type) {
    case 'role.start':
      if (round?.status === 'open') return fail('role_open', 'A self-assessment is already open');
      if (round) s.pastRoleRounds.push(round);
      s.roleRound = { id: randomId(10), status: 'open', markers: [], startedAt: now, revealedAt: null, stepId: context.stepId, result: null };
      return ok();
    case 'role.end':
      if (!round) return fail('no_role_round', 'No self-assessment is running');
      // A revealed round is kept for the report; an unrevealed one ends with its markers unread.
      if (round.status === 'revealed') s.pastRoleRounds.push(round);
      s.roleRound = null;
      return ok();
    default:
      break;
  }
  if (!round) return fail('no_role_round', 'No self-assessment is running');
  if (round.status !== 'open') return fail('role_closed', 'The self-assessment is revealed');
  switch (command.type) {
    case 'role.place': {
      if (!memberId) return fail('forbidden', 'Only members place markers');
      if (!isValidPlacement(command.scale, command.row, command.kind, command.column)) return fail('invalid', 'No such row, marker or column');
      const mine = round.markers.find((m) => m.owner === memberId && m.scale === command.scale && m.row === command.row && m.kind === command.kind);
      if (mine) return fail('already_placed', 'You already have this marker on this row: move it instead');
      if (round.markers.length >= ROLE_MAX_MARKERS) return fail('invalid', 'The self-assessment holds as many markers as it can');
      round.markers.push({ id: randomId(10), owner: memberId, scale: command.scale, row: command.row, kind: command.kind, column: command.column });
      return ok();
    }
    case 'role.move': {
      const marker = round.markers.find((m) => m.id === command.markerId);
      if (!marker) return fail('no_such_marker', 'No such marker');
      // Ownership is the server's: a facilitator may not move a politician's marker either.
      if (marker.owner !== memberId) return fail('not_your_marker', 'This marker is someone else’s');
      if (!isValidPlacement(marker.scale, marker.row, marker.kind, command.column)) return fail('invalid', 'No such column');
      marker.column = command.column;
      return ok();
    }
    case 'role.reveal':
      round.status = 'revealed';
      round.revealedAt = now;
      round.result = countRoleMarkers(round.markers, { id: round.id, revealedAt: now });
      return ok(round);
  }
}

/** What one recipient may know: their own markers (without the owner), progress counts, the result after the reveal. */
export function roleViewFor(round: RoleRoundRecord | null, memberId: string | null): RoleRoundView | null {
  if (!round) return null;
  return {
    id: round.id,
    status: round.status,
    myMarkers: memberId ? round.markers.filter((m) => m.owner === memberId).map(({ owner: _owner, ...m }) => m) : [],
    progress: { people: new Set(round.markers.map((m) => m.owner)).size, markers: round.markers.length },
    result: round.status === 'revealed' ? round.result : null,
  };
}

export const isRoleCommand = (command: Command): command is RoleCommand => command.type.startsWith('role.');
