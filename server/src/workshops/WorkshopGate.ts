import { CLOSE, type Role, getStoredField, isFacilitatorRole } from '@sammen/shared';
import type { GateVerdict, SenderInfo, UpdateGate } from '../sync/UpdateGate.js';
import { checkContent } from './content.js';
import { withReleasedPending } from './pending.js';
import { touchedByUpdate } from './touched.js';
import type { WorkshopState } from './types.js';

/** The live facts the gate needs about a sender; null when the sender no longer has access. */
export type AccessLookup = (sender: SenderInfo) => { role: Role; locks: WorkshopState['locks'] } | null;

const refuse = (reason: string): GateVerdict => ({ ok: false, code: CLOSE.FORBIDDEN.code, reason });

/**
 * The server's word on every board update (the gate of every board, open or in a workshop): its
 * content must be valid board content (`content.ts`, else 4400); observers write nothing;
 * participants write nothing that touches a locked frame or its locked contents, or anything while the whole board is locked; nobody
 * writes the roots the server owns (`meta`, `votes`). Facilitators may edit locked things (to
 * prepare them). Updates are decoded, not applied, so a refused one leaves the board unchanged.
 */
export function createWorkshopGate(access: AccessLookup): UpdateGate {
  return {
    check(incoming, { doc, sender, decoded: given }) {
      // Judge what applying it changes, including pending structs it would release; decoded once.
      const { decoded } = withReleasedPending(incoming, doc, given);
      // Content first, for every board and everyone (facilitators and open boards too): what no reader
      // can read must not get in.
      const content = checkContent(decoded, doc);
      if (!content.ok) return { ok: false, code: CLOSE.MALFORMED_MESSAGE.code, reason: content.reason };
      const touched = touchedByUpdate(decoded, doc);
      for (const root of touched.roots) if (root !== 'elements') return refuse(`Only the server writes "${root}"`);
      if (sender.workshopId === null) return { ok: true }; // open board: anyone with the link edits
      const live = access(sender);
      if (!live) return { ...refuse('Access was revoked'), code: CLOSE.UNAUTHORIZED.code };
      if (live.role === 'observer') return refuse('Observers cannot change the board');
      if (sender.privateDoc || isFacilitatorRole(live.role)) return { ok: true };

      const { locks } = live;
      if (locks.board) return refuse('The board is locked');
      if (locks.frames.length === 0) return { ok: true };
      if (touched.unknown) return refuse('The change refers to content the server does not have');
      const locked = new Set(locks.frames.map((f) => f.frameId));
      const contentsLocked = new Set(locks.frames.filter((f) => f.contents).map((f) => f.frameId));
      for (const id of touched.elements) {
        if (locked.has(id)) return refuse('This frame is locked');
        const frameId = getStoredField(doc, id, 'frameId');
        if (typeof frameId === 'string' && contentsLocked.has(frameId)) return refuse('The contents of this frame are locked');
      }
      for (const frameId of touched.frameIds) if (contentsLocked.has(frameId)) return refuse('The contents of this frame are locked');
      return { ok: true };
    },
  };
}
