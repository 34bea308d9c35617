import type { FastifyInstance, FastifyReply } from 'fastify';
import { ERRORS, type ErrorBody } from '@sammen/shared';
import { storageFailure } from '../store/StorageError.js';

type CatalogueEntry = (typeof ERRORS)[keyof typeof ERRORS];

/** Sends an error from the shared catalogue, optionally with a more specific message. */
export function sendError(reply: FastifyReply, entry: CatalogueEntry, message?: string): FastifyReply {
  const body: ErrorBody = { error: entry.code, message: message ?? entry.message };
  return reply.code(entry.status).type('application/json').send(body);
}

/** Every error leaves as `{error, message}` JSON; internal details stay in the log. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: Error & { statusCode?: number; code?: string; validation?: unknown }, request, reply) => {
    const status = err.statusCode ?? 500;
    if (status === 413 || err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      const limit = request.routeOptions.bodyLimit;
      return sendError(reply, ERRORS.PAYLOAD_TOO_LARGE, limit ? `The request is too large: this server takes at most ${limit} bytes here.` : undefined);
    }
    if (status === 429) return sendError(reply, ERRORS.RATE_LIMITED, err.message);
    if (status >= 400 && status < 500) return sendError(reply, ERRORS.BAD_REQUEST, err.message);
    // A write the store refused: say so (503/507), so the client knows nothing was saved.
    const storage = storageFailure(err);
    if (storage) {
      request.log.error({ err: storage.cause }, 'storage failed');
      return sendError(reply, storage.kind === 'full' ? ERRORS.STORAGE_FULL : ERRORS.STORAGE_FAILED);
    }
    request.log.error({ err }, 'request failed');
    return sendError(reply, ERRORS.INTERNAL);
  });
  app.setNotFoundHandler((_request, reply) => sendError(reply, ERRORS.NOT_FOUND));
}
