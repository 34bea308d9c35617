import type { TFunction } from 'i18next';
import { DEFAULT_PROJECT_AREAS, OTHER_AREA } from '@sammen/shared';

const DEFAULT_AREAS: readonly string[] = DEFAULT_PROJECT_AREAS;

/** An area as people read it: a default key in the reader's language, an own area as it was typed. */
export function areaLabel(t: TFunction, area: string): string {
  if (area === OTHER_AREA) return t('projects.area.other');
  return DEFAULT_AREAS.includes(area) ? t(`projects.area.${area}`) : area;
}

export const isDefaultArea = (area: string): boolean => DEFAULT_AREAS.includes(area);
