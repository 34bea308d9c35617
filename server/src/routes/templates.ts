import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ERRORS, LANGUAGES, type Language, formatZodError, isFacilitatorRole, templateFromBoard, templatePreviewSvg } from '@sammen/shared';
import { sendError } from '../http/errors.js';
import type { LimitHook } from '../http/limits.js';
import { type TemplateLibrary, type TemplateResult, parseTemplateFile } from '../templates/TemplateLibrary.js';
import type { WorkshopService } from '../workshops/WorkshopService.js';
import { bearerToken } from './workshops.js';

/** The browser's own key for "my templates" (no accounts): header `X-Owner-Key`. */
const ownerKeyOf = (request: FastifyRequest): string | undefined => {
  const key = request.headers['x-owner-key'];
  return typeof key === 'string' && key.length >= 16 && key.length <= 200 ? key : undefined;
};
const langOf = (value: unknown): Language => (LANGUAGES.includes(value as Language) ? (value as Language) : 'en');

function sendResult<T>(reply: FastifyReply, result: TemplateResult<T>, ok: (v: T) => unknown) {
  if (result.ok) return ok(result.value);
  const entry = result.status === 404 ? ERRORS.TEMPLATE_NOT_FOUND : result.status === 403 ? ERRORS.FORBIDDEN : ERRORS.BAD_REQUEST;
  return sendError(reply, entry, result.message);
}

const saveBodySchema = z.object({
  title: z.string().trim().min(1).max(200),
  description: z.string().max(500).default(''),
  durationMinutes: z.number().int().min(5).max(1440).default(90),
  groupSize: z.object({ min: z.number().int().min(1), max: z.number().int().min(1).max(10_000) }).default({ min: 2, max: 30 }),
});

/** The template library API (see README: Templates). */
export const templateRoutes: FastifyPluginAsync<{ library: TemplateLibrary; workshops: WorkshopService; limit: LimitHook; uploads: LimitHook }> = async (
  app,
  { library, workshops, limit, uploads },
) => {
  const bigBody = { bodyLimit: 16 * 1024 * 1024, onRequest: [limit, uploads] };

  app.get('/api/templates', async (request) => library.list(ownerKeyOf(request)));

  app.get<{ Params: { id: string }; Querystring: { download?: string } }>('/api/templates/:id', async (request, reply) => {
    const template = await library.get(request.params.id);
    if (!template) return sendError(reply, ERRORS.TEMPLATE_NOT_FOUND);
    if (request.query.download) reply.header('content-disposition', `attachment; filename="${template.id}.sammen-template.json"`);
    return template;
  });

  app.get<{ Params: { id: string }; Querystring: { lang?: string } }>('/api/templates/:id/preview.svg', async (request, reply) => {
    const template = await library.get(request.params.id);
    if (!template) return sendError(reply, ERRORS.TEMPLATE_NOT_FOUND);
    return reply.type('image/svg+xml').header('cache-control', 'no-cache').send(templatePreviewSvg(template, langOf(request.query.lang)));
  });

  app.post('/api/templates', bigBody, async (request, reply) => {
    const owner = ownerKeyOf(request);
    if (!owner) return sendError(reply, ERRORS.UNAUTHORIZED, 'An X-Owner-Key header is needed to keep a template as yours.');
    return sendResult(reply, parseTemplateFile(request.body), async (template) => reply.code(201).send(await library.save(template, owner)));
  });

  app.patch<{ Params: { id: string } }>('/api/templates/:id', async (request, reply) => {
    const owner = ownerKeyOf(request);
    if (!owner) return sendError(reply, ERRORS.UNAUTHORIZED, 'An X-Owner-Key header is needed.');
    const body = z.object({ title: z.string().trim().min(1).max(200) }).safeParse(request.body);
    if (!body.success) return sendError(reply, ERRORS.BAD_REQUEST, formatZodError(body.error));
    return sendResult(reply, await library.rename(request.params.id, owner, body.data.title), (t) => t);
  });

  app.delete<{ Params: { id: string } }>('/api/templates/:id', async (request, reply) => {
    const owner = ownerKeyOf(request);
    if (!owner) return sendError(reply, ERRORS.UNAUTHORIZED, 'An X-Owner-Key header is needed.');
    return sendResult(reply, await library.delete(request.params.id, owner), () => reply.code(204).send());
  });

  // Save a workshop's board and agenda as a new template (facilitators of that workshop).
  app.post<{ Params: { id: string } }>('/api/workshops/:id/template', { onRequest: limit }, async (request, reply) => {
    const session = await workshops.resolveToken(bearerToken(request));
    if (!session) return sendError(reply, ERRORS.UNAUTHORIZED);
    if (session.workshopId !== request.params.id || !isFacilitatorRole(session.role)) return sendError(reply, ERRORS.FORBIDDEN);
    const owner = ownerKeyOf(request);
    if (!owner) return sendError(reply, ERRORS.UNAUTHORIZED, 'An X-Owner-Key header is needed to keep a template as yours.');
    const body = saveBodySchema.safeParse(request.body ?? {});
    if (!body.success) return sendError(reply, ERRORS.BAD_REQUEST, formatZodError(body.error));
    const snap = await workshops.snapshot(session.workshopId);
    if (!snap) return sendError(reply, ERRORS.NOT_FOUND);
    const template = templateFromBoard({
      id: 'saved', ...body.data, language: snap.workshop.language, elements: snap.elements, agenda: snap.workshop.state.agenda,
    });
    return reply.code(201).send(await library.save(template, owner));
  });
};
