import type { Element } from '@sammen/shared';

/**
 * Restoring a named version as the difference between the board and the version, so that it is one
 * ordinary, undoable change and everything the version shares with the board stays untouched (and
 * the history after it stays too). Pure: `applyRestore` (editor/restore.ts) writes the plan.
 */
export interface RestorePlan {
  /** Elements the version does not have (or that must be replaced: another kind, or fields removed). */
  remove: string[];
  /** Elements only the version has, as they were. */
  insert: Element[];
  /** Elements both have: only the fields that differ; `text` separately, to be applied as one splice. */
  update: Array<{ id: string; patch: Record<string, unknown>; text?: string }>;
}

const same = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);
const keysOf = (el: Element): string[] =>
  Object.entries(el)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k)
    .sort();

export function planRestore(current: readonly Element[], version: readonly Element[]): RestorePlan {
  const now = new Map(current.map((e) => [e.id, e]));
  const plan: RestorePlan = { remove: [], insert: [], update: [] };
  const wanted = new Set(version.map((e) => e.id));
  for (const el of current) if (!wanted.has(el.id)) plan.remove.push(el.id);
  for (const target of version) {
    const el = now.get(target.id);
    if (!el) {
      plan.insert.push(target);
      continue;
    }
    // A field that the version lacks cannot be patched away: replace the element whole.
    if (el.type !== target.type || !same(keysOf(el), keysOf(target))) {
      plan.remove.push(el.id);
      plan.insert.push(target);
      continue;
    }
    const patch: Record<string, unknown> = {};
    let text: string | undefined;
    for (const [key, value] of Object.entries(target)) {
      if (key === 'id' || key === 'type' || same((el as Record<string, unknown>)[key], value)) continue;
      if (key === 'text' && typeof value === 'string') text = value;
      else patch[key] = value;
    }
    if (Object.keys(patch).length || text !== undefined) plan.update.push(text === undefined ? { id: el.id, patch } : { id: el.id, patch, text });
  }
  return plan;
}

export const isEmptyPlan = (p: RestorePlan): boolean => !p.remove.length && !p.insert.length && !p.update.length;

/** Applying `plan` to `current` gives the version's elements: used by tests and as a check. */
export function applyPlanToList(current: readonly Element[], plan: RestorePlan): Element[] {
  const removed = new Set(plan.remove);
  const out = new Map(current.filter((e) => !removed.has(e.id)).map((e) => [e.id, e]));
  for (const { id, patch, text } of plan.update) {
    const el = out.get(id);
    if (el) out.set(id, { ...el, ...patch, ...(text === undefined ? {} : { text }) } as Element);
  }
  for (const el of plan.insert) out.set(el.id, el);
  return [...out.values()];
}
