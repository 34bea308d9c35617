import type { CreateWorkshopBody, CreateWorkshopResponse, TemplateSummary } from '@sammen/shared';
import { ownerKey } from './ownerKey.js';

/** A failed request with the server's own message (which names the bad field for template files). */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    /** The error code from the shared catalogue, e.g. `bad_request`; empty when the server was unreachable. */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

async function send<T>(path: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    // A JSON content type only with a body: Fastify refuses an empty body that claims to be JSON (DELETE).
    const type: Record<string, string> = init.body !== undefined ? { 'content-type': 'application/json' } : {};
    res = await fetch(path, { ...init, headers: { ...type, 'x-owner-key': ownerKey(), ...init.headers } });
  } catch (e) {
    throw new RequestError(0, '', e instanceof Error ? e.message : String(e));
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: string; message?: string } | null;
    throw new RequestError(res.status, body?.error ?? '', body?.message ?? `${res.status}`);
  }
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/** A template as listed, with `own` when this browser's owner key saved it. */
export type TemplateEntry = TemplateSummary & { own?: boolean };

export const listTemplates = (): Promise<TemplateEntry[]> => send('/api/templates');

export const previewUrl = (id: string, lang: string): string =>
  `/api/templates/${encodeURIComponent(id)}/preview.svg?lang=${encodeURIComponent(lang)}`;

export const downloadUrl = (id: string): string => `/api/templates/${encodeURIComponent(id)}?download=1`;

/** Imports a template file (its text, as read from disk); the server validates it. */
export function importTemplate(fileText: string): Promise<TemplateSummary> {
  return send('/api/templates', { method: 'POST', body: fileText });
}

export const renameTemplate = (id: string, title: string): Promise<unknown> =>
  send(`/api/templates/${encodeURIComponent(id)}`, { method: 'PATCH', body: JSON.stringify({ title }) });

export const deleteTemplate = (id: string): Promise<void> =>
  send(`/api/templates/${encodeURIComponent(id)}`, { method: 'DELETE' });

export const createWorkshop = (body: CreateWorkshopBody): Promise<CreateWorkshopResponse> =>
  send('/api/workshops', { method: 'POST', body: JSON.stringify(body) });

/** Saves a running workshop's board and agenda as one of this browser's templates. */
export function saveWorkshopAsTemplate(
  workshopId: string,
  facilitatorToken: string,
  body: { title: string; description?: string },
): Promise<TemplateSummary> {
  return send(`/api/workshops/${encodeURIComponent(workshopId)}/template`, {
    method: 'POST',
    headers: { authorization: `Bearer ${facilitatorToken}` },
    body: JSON.stringify(body),
  });
}
