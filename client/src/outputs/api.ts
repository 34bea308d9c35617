import type { Element, ErrorBody } from '@sammen/shared';
import { ApiError } from '../ui/api.js';

/**
 * The outputs API (README "Outputs"): report, backup, named versions, import. Everything except import
 * needs the facilitator's token. Errors carry the HTTP status and the server's message.
 */
/**
 * `letter`: the one-page letter to participants (HTML), from the same report model. `decidim-*`: the
 * results as proposals for Decidim's import; `open-data-csv` + `datapackage`: the open-data package
 * (docs/decidim.md).
 */
export type ReportFormat =
  | 'html' | 'md' | 'csv' | 'pdf' | 'docx' | 'letter' | 'letter-pdf'
  | 'decidim-csv' | 'decidim-json' | 'decidim-xlsx' | 'open-data-csv' | 'datapackage';

export interface VersionSummary {
  id: string;
  name: string;
  createdAt: string;
}

export interface ImportResult {
  id: string;
  boardId: string;
  facilitatorToken: string;
  joinCode: string;
  observerToken: string;
}

async function send(path: string, init: RequestInit = {}, token?: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...init.headers } });
  } catch (e) {
    throw new ApiError(0, e instanceof Error ? e.message : String(e));
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as Partial<ErrorBody> | null;
    throw new ApiError(res.status, body?.message ?? body?.error ?? String(res.status));
  }
  return res;
}

const base = (workshopId: string) => `/api/workshops/${encodeURIComponent(workshopId)}`;
const json = { 'content-type': 'application/json' };

/** The report as a file, with the name the server gives it. */
export async function fetchReport(workshopId: string, token: string, format: ReportFormat): Promise<{ blob: Blob; filename: string }> {
  const res = await send(`${base(workshopId)}/report?format=${format}`, {}, token);
  return { blob: await res.blob(), filename: filenameOf(res) ?? `sammen-report.${format}` };
}

/** The innovation lab's portfolio (project cards and their history) as CSV or XLSX. */
export async function fetchPortfolio(workshopId: string, token: string, format: 'csv' | 'xlsx'): Promise<{ blob: Blob; filename: string }> {
  const res = await send(`${base(workshopId)}/portfolio?format=${format}`, {}, token);
  return { blob: await res.blob(), filename: filenameOf(res) ?? `sammen-portfolio.${format}` };
}

export async function fetchBackup(workshopId: string, token: string): Promise<{ blob: Blob; filename: string }> {
  const res = await send(`${base(workshopId)}/export`, {}, token);
  return { blob: await res.blob(), filename: filenameOf(res) ?? 'sammen-workshop.json' };
}

export async function nameVersion(workshopId: string, token: string, name: string): Promise<VersionSummary> {
  const res = await send(`${base(workshopId)}/versions`, { method: 'POST', headers: json, body: JSON.stringify({ name: name.slice(0, 200) }) }, token);
  return (await res.json()) as VersionSummary;
}

export async function listVersions(workshopId: string, token: string): Promise<VersionSummary[]> {
  return (await (await send(`${base(workshopId)}/versions`, {}, token)).json()) as VersionSummary[];
}

export async function getVersion(workshopId: string, token: string, versionId: string): Promise<VersionSummary & { elements: Element[] }> {
  return (await (await send(`${base(workshopId)}/versions/${encodeURIComponent(versionId)}`, {}, token)).json()) as VersionSummary & { elements: Element[] };
}

/** Sends a backup file as it is; a 400 carries the server's explanation in `message`. */
export async function importBackup(file: Blob): Promise<ImportResult> {
  const res = await send('/api/workshops/import', { method: 'POST', headers: json, body: file });
  return (await res.json()) as ImportResult;
}

function filenameOf(res: Response): string | null {
  const m = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '');
  return m ? m[1]! : null;
}
