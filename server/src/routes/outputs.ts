import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CLOSE, ERRORS, type ProjectCard, formatZodError, getElements, getProjectMoves, isFacilitatorRole, randomId, readBoardState } from '@sammen/shared';
import { sendError } from '../http/errors.js';
import { oversizedBackup } from '../http/importSize.js';
import type { LimitHook } from '../http/limits.js';
import { checkBackup, exportWorkshop, importWorkshop } from '../outputs/backup.js';
import { buildLetter, renderLetterHtml } from '../outputs/letter.js';
import { renderLetterPdf } from '../outputs/letterPdf.js';
import { renderCsv } from '../outputs/renderCsv.js';
import { renderDocx } from '../outputs/renderDocx.js';
import { renderHtml } from '../outputs/renderHtml.js';
import { renderMarkdown } from '../outputs/renderMarkdown.js';
import { renderPdf } from '../outputs/renderPdf.js';
import { portfolioTables, renderPortfolioCsv, renderPortfolioXlsx } from '../outputs/portfolioExport.js';
import { PLATFORM_FORMATS, isPlatformFormat, platformFile } from '../outputs/platformFiles.js';
import { buildReport } from '../outputs/reportModel.js';
import type { Storage } from '../store/DocumentStore.js';
import { deleteBoardAndWorkshop } from '../store/retention.js';
import type { RoomManager } from '../sync/RoomManager.js';
import { type Session, type WorkshopService, privateDocId } from '../workshops/WorkshopService.js';
import { bearerToken } from './workshops.js';

type Params = { Params: { id: string } };

/**
 * What a workshop leaves behind: the report, named versions of the board, and the backup file.
 * Everything but import needs a facilitator token of that workshop (`Authorization: Bearer`).
 */
export interface OutputRouteOptions {
  workshops: WorkshopService;
  storage: Storage;
  rooms: RoomManager;
  limitImports: LimitHook;
  /** Large uploads at once, shared with template files. */
  uploads: LimitHook;
  /** Largest backup file (body) accepted. */
  maxImportBytes: number;
  /** Largest document in it: the live board limit. */
  maxBoardBytes: number;
}

export const outputRoutes: FastifyPluginAsync<OutputRouteOptions> = async (app, { workshops, storage, rooms, limitImports, uploads, maxImportBytes, maxBoardBytes }) => {
  const facilitator = async (request: FastifyRequest<Params>, reply: FastifyReply): Promise<Session | null> => {
    const session = await workshops.resolveToken(bearerToken(request));
    if (!session) {
      sendError(reply, ERRORS.UNAUTHORIZED);
      return null;
    }
    if (session.workshopId !== request.params.id || !isFacilitatorRole(session.role)) {
      sendError(reply, ERRORS.FORBIDDEN);
      return null;
    }
    return session;
  };

  app.get<Params & { Querystring: { format?: string; locale?: string } }>('/api/workshops/:id/report', async (request, reply) => {
    const session = await facilitator(request, reply);
    if (!session) return reply;
    const format = request.query.format ?? 'html';
    if (!['md', 'csv', 'pdf', 'docx', 'html', 'letter', 'letter-html', 'letter-pdf'].includes(format) && !isPlatformFormat(format)) {
      return sendError(reply, ERRORS.BAD_REQUEST, `format must be md, csv, pdf, docx, html, letter, letter-pdf, ${PLATFORM_FORMATS.join(', ')}`);
    }
    const snap = await workshops.snapshot(session.workshopId);
    const loaded = await workshops.load(session.workshopId);
    if (!snap || !loaded) return sendError(reply, ERRORS.NOT_FOUND);
    const model = buildReport(snap.workshop, loaded.members, snap.elements, { projectMoves: (await boardPortfolio(session.workshopId))?.moves });
    if (isPlatformFormat(format)) {
      // Decidim's proposals import and the open-data package (docs/decidim.md).
      const file = await platformFile(format, model, snap.workshop.id, request.query.locale).catch((e: unknown) => (e instanceof Error ? e.message : String(e)));
      if (typeof file === 'string') return sendError(reply, ERRORS.BAD_REQUEST, file);
      return reply.type(file.type).header('content-disposition', `attachment; filename="${file.filename}"`).send(file.body);
    }
    const name = `sammen-report-${snap.workshop.id}`;
    switch (format) {
      case 'md':
        return reply.type('text/markdown; charset=utf-8').header('content-disposition', `attachment; filename="${name}.md"`).send(renderMarkdown(model));
      case 'csv':
        return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).send(renderCsv(model));
      case 'pdf':
        return reply.type('application/pdf').header('content-disposition', `attachment; filename="${name}.pdf"`).send(await renderPdf(model));
      case 'docx':
        return reply
          .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .header('content-disposition', `attachment; filename="${name}.docx"`)
          .send(await renderDocx(model));
      case 'letter-pdf':
        return reply.type('application/pdf').header('content-disposition', `attachment; filename="sammen-letter-${snap.workshop.id}.pdf"`).send(await renderLetterPdf(buildLetter(model)));
      case 'letter':
      case 'letter-html':
        // The letter to participants: one page, ready to print or paste into an e-mail.
        return reply
          .type('text/html; charset=utf-8')
          .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
          .send(renderLetterHtml(buildLetter(model)));
      default:
        // The report page shows only escaped text and inline SVG: it needs no script at all.
        return reply
          .type('text/html; charset=utf-8')
          .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
          .send(renderHtml(model));
    }
  });

  /** The board's project cards and their recorded moves (read from the board's state, not a live room). */
  const boardPortfolio = async (workshopId: string) => {
    const state = await workshops.boardState(workshopId);
    if (!state) return null;
    const doc = readBoardState(state);
    const cards = getElements(doc).filter((e): e is ProjectCard => e.type === 'project');
    const moves = getProjectMoves(doc);
    doc.destroy();
    return { cards, moves };
  };

  // The innovation lab's portfolio as a spreadsheet: every project card with its fields, and its history.
  app.get<Params & { Querystring: { format?: string } }>('/api/workshops/:id/portfolio', async (request, reply) => {
    const session = await facilitator(request, reply);
    if (!session) return reply;
    const format = request.query.format ?? 'csv';
    if (format !== 'csv' && format !== 'xlsx') return sendError(reply, ERRORS.BAD_REQUEST, 'format must be csv or xlsx');
    const loaded = await workshops.load(session.workshopId);
    const portfolio = await boardPortfolio(session.workshopId);
    if (!loaded || !portfolio) return sendError(reply, ERRORS.NOT_FOUND);
    const tables = portfolioTables(portfolio.cards, portfolio.moves, loaded.workshop.language);
    const name = `sammen-portfolio-${loaded.workshop.id}`;
    if (format === 'csv') return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).send(renderPortfolioCsv(tables));
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${name}.xlsx"`)
      .send(await renderPortfolioXlsx(tables, loaded.workshop.language));
  });

  // Deletes the workshop with everything it holds (GDPR erasure); everyone connected is disconnected.
  app.delete<Params>('/api/workshops/:id', async (request, reply) => {
    const session = await facilitator(request, reply);
    if (!session) return reply;
    const loaded = await workshops.forget(session.workshopId);
    if (!loaded) return sendError(reply, ERRORS.NOT_FOUND);
    const { workshop, members } = loaded;
    await rooms.evict(workshop.boardId, CLOSE.BOARD_DELETED);
    for (const m of members) await rooms.evict(privateDocId(workshop.boardId, m.id), CLOSE.BOARD_DELETED);
    await deleteBoardAndWorkshop(storage, { id: workshop.boardId, workshopId: workshop.id });
    return reply.code(204).send();
  });

  app.get<Params>('/api/workshops/:id/export', async (request, reply) => {
    const session = await facilitator(request, reply);
    if (!session) return reply;
    const backup = await exportWorkshop(storage, workshops, session.workshopId);
    if (!backup) return sendError(reply, ERRORS.NOT_FOUND);
    return reply.header('content-disposition', `attachment; filename="sammen-workshop-${session.workshopId}.json"`).send(backup);
  });

  app.post('/api/workshops/import', { bodyLimit: maxImportBytes, onRequest: [limitImports, uploads] }, async (request, reply) => {
    const checked = checkBackup(request.body);
    if (!checked.ok) return sendError(reply, ERRORS.BAD_REQUEST, checked.message);
    const tooBig = oversizedBackup(checked.backup.content, maxBoardBytes);
    if (tooBig) return sendError(reply, ERRORS.PAYLOAD_TOO_LARGE, tooBig);
    return reply.code(201).send(await importWorkshop(workshops, checked.backup));
  });

  app.post<Params>('/api/workshops/:id/versions', async (request, reply) => {
    const session = await facilitator(request, reply);
    if (!session) return reply;
    const body = z.object({ name: z.string().trim().min(1).max(200) }).safeParse(request.body);
    if (!body.success) return sendError(reply, ERRORS.BAD_REQUEST, formatZodError(body.error));
    const state = await workshops.boardState(session.workshopId);
    if (!state) return sendError(reply, ERRORS.NOT_FOUND);
    const version = { id: randomId(16), boardId: session.boardId, name: body.data.name, createdAt: new Date().toISOString(), state };
    await storage.versions.save(version);
    return reply.code(201).send({ id: version.id, name: version.name, createdAt: version.createdAt });
  });

  app.get<Params>('/api/workshops/:id/versions', async (request, reply) => {
    const session = await facilitator(request, reply);
    if (!session) return reply;
    return (await storage.versions.list(session.boardId)).map(({ id, name, createdAt }) => ({ id, name, createdAt }));
  });

  app.get<Params & { Params: { versionId: string } }>('/api/workshops/:id/versions/:versionId', async (request, reply) => {
    const session = await facilitator(request, reply);
    if (!session) return reply;
    const version = await storage.versions.get(request.params.versionId);
    if (!version || version.boardId !== session.boardId) return sendError(reply, ERRORS.NOT_FOUND);
    const doc = readBoardState(version.state); // saved at any schema, read at this one
    const elements = getElements(doc);
    doc.destroy();
    return { id: version.id, name: version.name, createdAt: version.createdAt, elements };
  });
};
