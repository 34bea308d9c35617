import type { ProjectCard, ProjectEffect, ProjectPhase } from '@sammen/shared';

/** The portfolio's filter: each part null = any. Cards that do not match are dimmed, not hidden. */
export interface ProjectFilter {
  area: string | null;
  phase: ProjectPhase | null;
  owner: string | null;
  effect: ProjectEffect | null;
}

export const NO_FILTER: ProjectFilter = { area: null, phase: null, owner: null, effect: null };

export const isFiltering = (f: ProjectFilter | null): f is ProjectFilter =>
  !!f && (f.area !== null || f.phase !== null || f.owner !== null || f.effect !== null);

/** Owners compare trimmed and case-blind: "Hanne " and "hanne" are one person on a card. */
const sameOwner = (a: string, b: string): boolean => a.trim().toLocaleLowerCase('da') === b.trim().toLocaleLowerCase('da');

export function matchesFilter(card: Pick<ProjectCard, 'area' | 'phase' | 'owner' | 'effects'>, f: ProjectFilter | null): boolean {
  if (!isFiltering(f)) return true;
  return (
    (f.area === null || card.area === f.area) &&
    (f.phase === null || card.phase === f.phase) &&
    (f.owner === null || sameOwner(card.owner, f.owner)) &&
    (f.effect === null || card.effects.includes(f.effect))
  );
}

/** The owners to choose from: each once (as first written), in alphabetical order. */
export function ownersOf(cards: ReadonlyArray<Pick<ProjectCard, 'owner'>>): string[] {
  const seen = new Map<string, string>();
  for (const c of cards) {
    const key = c.owner.trim().toLocaleLowerCase('da');
    if (key && !seen.has(key)) seen.set(key, c.owner.trim());
  }
  return [...seen.values()].sort((a, b) => a.localeCompare(b, 'da'));
}
