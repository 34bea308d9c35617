import type { FastifyPluginAsync } from 'fastify';
import { ERRORS, isFacilitatorRole, type StickyNote } from '@sammen/shared';
import { sendError } from '../http/errors.js';
import { MAX_NOTES, suggestNoteGroups } from '../workshops/noteGroups.js';
import type { WorkshopService } from '../workshops/WorkshopService.js';
import { bearerToken } from './workshops.js';

type Params = { Params: { id: string; frameId: string } };

/**
 * `POST /api/workshops/:id/frames/:frameId/suggested-groups` (facilitator and co-facilitator token):
 * groups of the frame's notes with similar wording, computed here (`workshops/noteGroups.ts`), nothing
 * sent anywhere. It only suggests: the facilitator accepts a suggestion in the browser, with the same
 * cluster command as grouping by hand, so undo and the report work as for any cluster.
 * POST, not GET: it is a computation asked for by a click, and no proxy should cache its answer.
 */
export const noteGroupRoutes: FastifyPluginAsync<{ workshops: WorkshopService }> = async (app, { workshops }) => {
  app.post<Params>('/api/workshops/:id/frames/:frameId/suggested-groups', async (request, reply) => {
    const session = await workshops.resolveToken(bearerToken(request));
    if (!session) return sendError(reply, ERRORS.UNAUTHORIZED);
    if (session.workshopId !== request.params.id || !isFacilitatorRole(session.role)) return sendError(reply, ERRORS.FORBIDDEN);
    const snap = await workshops.snapshot(session.workshopId);
    if (!snap) return sendError(reply, ERRORS.NOT_FOUND);
    const frame = snap.elements.find((e) => e.id === request.params.frameId && e.type === 'frame');
    if (!frame) return sendError(reply, ERRORS.NOT_FOUND, 'There is no frame with this id on the board.');
    const notes = snap.elements.filter((e): e is StickyNote => e.type === 'note' && e.frameId === frame.id);
    if (notes.length > MAX_NOTES) return sendError(reply, ERRORS.PAYLOAD_TOO_LARGE, `A frame with more than ${MAX_NOTES} notes cannot be grouped at once.`);
    const groups = suggestNoteGroups(
      notes.map((n) => ({ id: n.id, text: n.text })),
      { language: snap.workshop.language },
    );
    return { frameId: frame.id, notes: notes.length, groups };
  });
};
