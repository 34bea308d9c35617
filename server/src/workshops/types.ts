import type { AgendaStep, Language, Role, Viewport } from '@sammen/shared';
import type { OpinionRecord } from './opinionRound.js';
import type { RoleRoundRecord } from './roleRound.js';
import { WORKSHOP_STATE_VERSION } from './stateMigrations.js';

/** A dot vote as the server keeps it: ballots are secret until the reveal, and never leave the server. */
export interface VoteRecord {
  id: string;
  title: string;
  status: 'open' | 'closed' | 'revealed';
  elementIds: string[];
  dotsPerPerson: number;
  allowMultiplePerElement: boolean;
  /** memberId → the elements they put a dot on (one entry per dot). */
  ballots: Record<string, string[]>;
  results: Array<{ elementId: string; count: number }> | null;
  startedAt: number;
  revealedAt: number | null;
  /** The agenda step current when the vote started; absent in votes stored before it was recorded. */
  stepId?: string | null;
}

/** Everything the server decides about a running workshop. Stored as JSON with the workshop. */
export interface WorkshopState {
  /** Format version of this JSON (see `stateMigrations.ts`); older stored states are migrated on read. */
  version: number;
  agenda: AgendaStep[];
  current: number;
  timer: { status: 'idle' | 'running' | 'paused'; endsAt: number | null; remainingMs: number; durationMs: number };
  follow: { active: boolean; leaderId: string | null; viewport: Viewport | null };
  locks: { board: boolean; frames: Array<{ frameId: string; contents: boolean }> };
  /** `endedBy`: how the last private round ended (none while one runs, or in states stored before it was kept). */
  private: { active: boolean; reveal: 'anonymous' | 'named'; endedBy?: 'reveal' | 'stop' };
  vote: VoteRecord | null;
  pastVotes: VoteRecord[];
  hands: Array<{ memberId: string; at: number }>;
  /** Reveals of private notes, for the report: when, which step, how many notes. */
  reveals: Array<{ at: number; stepIndex: number; notes: number; mode: 'anonymous' | 'named' }>;
  /**
   * When each agenda step was the current step of the live workshop, by step id (steps can be
   * reordered): one entry per run, `end` null while it runs. See `stepRuns.ts`.
   */
  stepRuns: Record<string, StepRun[]>;
  /** False for workshops held before runs were recorded (migrated state): a step without runs may have run. */
  runsRecorded: boolean;
  /** Where the workshop takes place, for the report's front page; '' when not given. */
  place: string;
  /** The question or purpose the workshop works on, for the report and the letter; '' when not given. */
  question: string;
  /** The opinion round (marks secret until the reveal); null when none is open or revealed. */
  opinion: OpinionRecord | null;
  /** Earlier rounds of this workshop, revealed ones with their anonymous result, oldest first. */
  pastOpinions: OpinionRecord[];
  /** The politician's role self-assessment (markers secret until the reveal); null when none is open or revealed. */
  roleRound: RoleRoundRecord | null;
  /** Earlier self-assessments of this workshop, oldest first. */
  pastRoleRounds: RoleRoundRecord[];
}

/** One time a step ran (ms since the epoch). */
export interface StepRun {
  start: number;
  end: number | null;
}

export function initialWorkshopState(agenda: AgendaStep[] = []): WorkshopState {
  return {
    version: WORKSHOP_STATE_VERSION,
    agenda,
    current: 0,
    timer: { status: 'idle', endsAt: null, remainingMs: 0, durationMs: 0 },
    follow: { active: false, leaderId: null, viewport: null },
    locks: { board: false, frames: [] },
    private: { active: false, reveal: 'anonymous' },
    vote: null,
    pastVotes: [],
    hands: [],
    reveals: [],
    stepRuns: {},
    runsRecorded: true,
    place: '',
    question: '',
    opinion: null,
    pastOpinions: [],
    roleRound: null,
    pastRoleRounds: [],
  };
}

export interface WorkshopRecord {
  id: string;
  boardId: string;
  title: string;
  language: Language;
  /** Current participant join code; null when the link is revoked. */
  joinCode: string | null;
  /**
   * Current observer link token; null when revoked. Kept as it is (like the join code) because it is
   * a link the facilitator shares and must be able to show again; it grants read-only access.
   * Facilitator and participant tokens are stored only as hashes.
   */
  observerToken: string | null;
  state: WorkshopState;
  /**
   * Grows by one with every stored change of `state` (0 for a new workshop). Processes that share a
   * store change the state by compare-and-set on it, so no change made elsewhere is overwritten.
   */
  stateRevision: number;
  createdAt: string;
  /**
   * Days after the board's last change before everything is deleted; 0 keeps it until the facilitator
   * deletes it; null (workshops made before per-workshop retention) follows the server's default.
   */
  retentionDays: number | null;
}

export interface MemberRecord {
  id: string;
  workshopId: string;
  role: Exclude<Role, 'observer'>;
  name: string;
  tokenHash: string;
  createdAt: string;
  removed: boolean;
}

/** A workshop about to be stored: its state starts at revision 0. */
export type NewWorkshopRecord = Omit<WorkshopRecord, 'stateRevision'>;

/** Workshop records and their members. Tokens are stored only as hashes. */
export interface WorkshopStore {
  create(workshop: NewWorkshopRecord, facilitator: MemberRecord): Promise<void>;
  get(id: string): Promise<WorkshopRecord | null>;
  getByBoardId(boardId: string): Promise<WorkshopRecord | null>;
  getByJoinCode(code: string): Promise<WorkshopRecord | null>;
  getByObserverToken(token: string): Promise<WorkshopRecord | null>;
  /** Stores `state` whatever the stored revision is (and bumps it). Prefer compareAndSetState. */
  saveState(id: string, state: WorkshopState): Promise<void>;
  /**
   * Stores `state` only if the stored revision is still `expectedRevision`; resolves with the new
   * revision, or null (and writes nothing) when another writer got there first or the workshop is gone.
   */
  compareAndSetState(id: string, expectedRevision: number, state: WorkshopState): Promise<number | null>;
  setLinks(id: string, links: { joinCode?: string | null; observerToken?: string | null }): Promise<void>;
  addMember(member: MemberRecord): Promise<void>;
  getMemberByTokenHash(hash: string): Promise<MemberRecord | null>;
  listMembers(workshopId: string): Promise<MemberRecord[]>;
  updateMember(id: string, change: { role?: MemberRecord['role']; removed?: boolean }): Promise<void>;
  /** Removes the workshop and its members. */
  delete(id: string): Promise<void>;
}
