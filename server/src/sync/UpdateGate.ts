import type { Role } from '@sammen/shared';
import type * as Y from 'yjs';
import type { DecodedUpdate } from './decodedUpdate.js';

/**
 * Who is on the other end of a connection, fixed when it connects. The role here is the role at
 * connect time; gates that care ask for the current one (roles can change during a workshop).
 */
export interface SenderInfo {
  connectionId: string;
  /** Null on an open board (made with POST /api/boards, no tokens). */
  workshopId: string | null;
  /** Null for observers (they share one link) and on open boards. */
  memberId: string | null;
  role: Role | null;
  /** True for a participant's own private-notes document. */
  privateDoc: boolean;
}

/** What a gate is told besides the update: the document it would change (read-only) and by whom. */
export interface GateContext {
  docId: string;
  doc: Y.Doc;
  sender: SenderInfo;
  /** `update` decoded (the room decodes each update once); a gate decodes it itself when absent. */
  decoded?: DecodedUpdate;
}

export type GateVerdict = { ok: true } | { ok: false; code: number; reason: string };

/**
 * Every incoming board update passes a gate before it is stored or applied. The room knows nothing
 * about permissions; a gate may decode the update and look at which elements it touches (the current
 * document is passed read-only). The workshop issue plugs roles and locks in here.
 */
export interface UpdateGate {
  check(update: Uint8Array, context: GateContext): GateVerdict | Promise<GateVerdict>;
}
