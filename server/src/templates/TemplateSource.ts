import type * as Y from 'yjs';
import type { AgendaStep, Language } from '@sammen/shared';

/** What a template gives a new workshop: its agenda and a function that lays out its board. */
export interface InstantiatedTemplate {
  agenda: AgendaStep[];
  build: (doc: Y.Doc) => void;
}

/** Where workshop templates come from when a workshop is created. */
export interface TemplateSource {
  instantiate(id: string, language: Language): Promise<InstantiatedTemplate | null>;
}
