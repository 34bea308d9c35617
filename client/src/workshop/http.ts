import type { ErrorBody, JoinInfoResponse, JoinResponse, SessionResponse } from '@sammen/shared';
import { ApiError } from '../ui/api.js';

/** The workshop's HTTP calls: join by code, and "who is this token". Errors carry the HTTP status. */
async function call<T>(path: string, init: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, e instanceof Error ? e.message : String(e));
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as Partial<ErrorBody> | null;
    throw new ApiError(res.status, body?.error ?? `${res.status}`);
  }
  return (await res.json()) as T;
}

export const joinWorkshop = (code: string, name: string): Promise<JoinResponse> =>
  call('/api/join', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, name }) });

/** Which workshop a code opens and how long it is kept: shown before the citizen gives a name. */
export const joinInfo = (code: string): Promise<JoinInfoResponse> =>
  call('/api/join/info', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });

export const getSession = (token: string): Promise<SessionResponse> =>
  call('/api/session', { headers: { authorization: `Bearer ${token}` } });

/** The i18n key for a failed join, by HTTP status. */
export function joinErrorKey(status: number): string {
  switch (status) {
    case 404:
      return 'workshop.join.error.wrongCode';
    case 429:
      return 'workshop.join.error.tooMany';
    case 400:
      return 'workshop.join.error.badName';
    case 0:
      return 'workshop.join.error.offline';
    default:
      return 'workshop.join.error.other';
  }
}
