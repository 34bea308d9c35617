import { createContext, useContext } from 'react';
import type { Command, CommandResult, ServerEvents, SessionResponse, WorkshopView } from '@sammen/shared';

/** Who this browser is in the workshop, with the token that proves it. */
export interface WorkshopSessionInfo extends SessionResponse {
  token: string;
}

/**
 * The workshop as the board page sees it: the latest server view (control channel), and a way to
 * run commands. Provided by the board page when it was opened with a workshop token; absent on an
 * open board (POST /api/boards), so every consumer must cope with `null`.
 */
export interface WorkshopApi {
  session: WorkshopSessionInfo;
  /** The latest view the server sent; null until the control channel has connected once. */
  view: WorkshopView | null;
  connected: boolean;
  /** Server clock minus this browser's clock, in ms (for the timer). */
  clockOffset: number;
  run(command: Command): Promise<CommandResult>;
  /** Listens to a server event (follow, bringHere, reaction, revealed, removed); returns the unsubscribe. */
  on<E extends keyof ServerEvents>(event: E, handler: ServerEvents[E]): () => void;
}

export const WorkshopContext = createContext<WorkshopApi | null>(null);

export const useWorkshop = (): WorkshopApi | null => useContext(WorkshopContext);
