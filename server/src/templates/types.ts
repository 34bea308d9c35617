import type { Template } from '@sammen/shared';

/** A template someone saved (from a board, or imported from a file). */
export interface SavedTemplateRecord {
  id: string;
  /** Hash of the owner's key: the browser that saved it keeps the key, there are no accounts. */
  ownerKeyHash: string;
  template: Template;
  createdAt: string;
  updatedAt: string;
}

export interface TemplateStore {
  save(record: SavedTemplateRecord): Promise<void>;
  get(id: string): Promise<SavedTemplateRecord | null>;
  list(): Promise<SavedTemplateRecord[]>;
  update(id: string, template: Template): Promise<void>;
  delete(id: string): Promise<void>;
}
