import type { ErrorBody } from '@sammen/shared';
import { ApiError } from '../../ui/api.js';

/**
 * Suggested groups in the facilitator panel: the server's suggestions (POST .../suggested-groups) and
 * the pure edits the facilitator makes to the list before accepting (rename, merge, drop), so they are
 * unit-tested without a board. Accepting is a board edit (`groupNoteIds`), not in here.
 */

export interface Suggestion {
  /** Stable within one list (the server's order), for React keys and focus. */
  key: string;
  noteIds: string[];
  label: string;
}

interface SuggestedGroupsResponse {
  frameId: string;
  notes: number;
  groups: Array<{ noteIds: string[]; label: string; terms: string[] }>;
}

export async function fetchSuggestions(workshopId: string, token: string, frameId: string): Promise<{ notes: number; suggestions: Suggestion[] }> {
  let res: Response;
  try {
    res = await fetch(`/api/workshops/${encodeURIComponent(workshopId)}/frames/${encodeURIComponent(frameId)}/suggested-groups`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
  } catch (e) {
    throw new ApiError(0, e instanceof Error ? e.message : String(e));
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as Partial<ErrorBody> | null;
    throw new ApiError(res.status, body?.message ?? String(res.status));
  }
  const body = (await res.json()) as SuggestedGroupsResponse;
  return { notes: body.notes, suggestions: body.groups.map((g, i) => ({ key: `s${i}`, noteIds: g.noteIds, label: g.label })) };
}

export const renameSuggestion = (list: readonly Suggestion[], key: string, label: string): Suggestion[] =>
  list.map((s) => (s.key === key ? { ...s, label: label.slice(0, 200) } : s));

export const dropSuggestion = (list: readonly Suggestion[], key: string): Suggestion[] => list.filter((s) => s.key !== key);

/**
 * Merges the suggestions with these keys into the first of them (in list order): its label, the notes
 * of all of them once each. Fewer than two keys: nothing changes.
 */
export function mergeSuggestions(list: readonly Suggestion[], keys: ReadonlySet<string>): Suggestion[] {
  const chosen = list.filter((s) => keys.has(s.key));
  if (chosen.length < 2) return [...list];
  const first = chosen[0]!;
  const merged: Suggestion = { ...first, noteIds: [...new Set(chosen.flatMap((s) => s.noteIds))] };
  return list.filter((s) => s === first || !keys.has(s.key)).map((s) => (s === first ? merged : s));
}

/**
 * The list after the board changed: notes accepted into a cluster, moved out of the frame or deleted
 * leave every suggestion; a suggestion left with fewer than two notes is no group any more.
 */
export function pruneSuggestions(list: readonly Suggestion[], stillThere: (noteId: string) => boolean): Suggestion[] {
  let changed = false;
  const out: Suggestion[] = [];
  for (const s of list) {
    const noteIds = s.noteIds.filter(stillThere);
    if (noteIds.length !== s.noteIds.length) changed = true;
    if (noteIds.length >= 2) out.push(noteIds.length === s.noteIds.length ? s : { ...s, noteIds });
  }
  return changed ? out : (list as Suggestion[]);
}
