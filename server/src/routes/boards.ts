import type { FastifyPluginAsync } from 'fastify';
import { type BoardMetadata, ERRORS, createBoardBodySchema, formatZodError, isBoardId, newBoardId } from '@sammen/shared';
import { sendError } from '../http/errors.js';
import type { LimitHook } from '../http/limits.js';
import type { BoardCatalog } from '../store/DocumentStore.js';

/** `POST /api/boards` and `GET /api/boards/:id`. */
export const boardRoutes: FastifyPluginAsync<{ boards: BoardCatalog; limit: LimitHook }> = async (app, { boards, limit }) => {
  app.post('/api/boards', { onRequest: limit }, async (request, reply) => {
    const parsed = createBoardBodySchema.safeParse(request.body);
    if (!parsed.success) return sendError(reply, ERRORS.BAD_REQUEST, formatZodError(parsed.error));
    const record = await boards.create({ id: newBoardId(), title: parsed.data.title });
    const body: BoardMetadata = record;
    return reply.code(201).send(body);
  });

  app.get<{ Params: { id: string } }>('/api/boards/:id', async (request, reply) => {
    const { id } = request.params;
    const record = isBoardId(id) ? await boards.get(id) : null;
    if (!record) return sendError(reply, ERRORS.BOARD_NOT_FOUND);
    const body: BoardMetadata = record;
    return body;
  });
};
