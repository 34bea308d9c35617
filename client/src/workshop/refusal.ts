import { CLOSE } from '@sammen/shared';

/**
 * What the board socket's close means for a workshop page. 4403: the server refused a change this
 * page sent (the reason says why, in English); the local document now holds a change nobody else
 * has, so the page reopens the board from the server. 4401: this person's access was revoked.
 */
export type BoardClose = { kind: 'refused'; messageKey: string } | { kind: 'revoked' } | { kind: 'other' };

export function classifyClose(code: number, reason: string): BoardClose {
  if (code === CLOSE.UNAUTHORIZED.code) return { kind: 'revoked' };
  if (code !== CLOSE.FORBIDDEN.code) return { kind: 'other' };
  if (/observer/i.test(reason)) return { kind: 'refused', messageKey: 'workshop.refused.observer' };
  if (/board is locked/i.test(reason)) return { kind: 'refused', messageKey: 'workshop.refused.boardLocked' };
  if (/frame/i.test(reason)) return { kind: 'refused', messageKey: 'workshop.refused.frameLocked' };
  return { kind: 'refused', messageKey: 'workshop.refused.other' };
}
