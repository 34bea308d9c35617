import { createContext } from 'react';
import type { ProjectCard } from '@sammen/shared';
import type { ProjectFilter } from '../geometry/projectFilter.js';

/**
 * What the canvas needs beyond one element to draw project cards and portfolios: the filter (cards
 * that do not match are dimmed) and the cards each portfolio frame holds (its rows grow with them).
 * Provided by BoardCanvas; the picture export draws without them (nothing dimmed, the default rows).
 */
export const ProjectFilterContext = createContext<ProjectFilter | null>(null);
export const PortfolioCardsContext = createContext<(frameId: string) => ProjectCard[]>(() => []);
