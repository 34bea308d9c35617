import type { BoardMetadata } from '@sammen/shared';

/** A failed request, with the HTTP status (0 when the server could not be reached). */
export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = 'ApiError';
  }
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { 'content-type': 'application/json', ...init?.headers } });
  } catch (e) {
    throw new ApiError(0, e instanceof Error ? e.message : String(e));
  }
  if (!res.ok) throw new ApiError(res.status, `${init?.method ?? 'GET'} ${path}: ${res.status}`);
  return (await res.json()) as T;
}

export const createBoard = (title: string): Promise<BoardMetadata> =>
  request('/api/boards', { method: 'POST', body: JSON.stringify({ title }) });

export const getBoard = (id: string): Promise<BoardMetadata> => request(`/api/boards/${encodeURIComponent(id)}`);
