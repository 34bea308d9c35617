import type * as Y from 'yjs';

/** Who sent an update, as far as the gate needs to know. Later issues add role and identity. */
export interface SenderInfo {
  connectionId: string;
}

export type GateVerdict = { ok: true } | { ok: false; code: number; reason: string };

/**
 * Every incoming board update passes a gate before it is stored or applied. The room knows nothing
 * about permissions; a gate may decode the update and look at which elements it touches (the current
 * document is passed read-only). The workshop issue plugs roles and locks in here.
 */
export interface UpdateGate {
  check(update: Uint8Array, context: { docId: string; doc: Y.Doc; sender: SenderInfo }): GateVerdict | Promise<GateVerdict>;
}

export const allowAllGate: UpdateGate = { check: () => ({ ok: true }) };
