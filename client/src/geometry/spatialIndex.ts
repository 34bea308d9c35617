import RBush from 'rbush';
import type { Box } from './bounds.js';

interface Entry {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  id: string;
}

/**
 * An R-tree of element bounds keyed by id, so that drawing and hit-testing look only at what is near
 * the viewport or the pointer instead of every element on the board. Updated one id at a time.
 */
export class SpatialIndex {
  private readonly tree = new RBush<Entry>();
  private readonly entries = new Map<string, Entry>();

  get size(): number {
    return this.entries.size;
  }

  /** Inserts or moves `id` to `box`. */
  set(id: string, box: Box): void {
    const old = this.entries.get(id);
    if (old) {
      if (old.minX === box.x && old.minY === box.y && old.maxX === box.x + box.width && old.maxY === box.y + box.height) return;
      this.tree.remove(old);
    }
    const entry: Entry = { id, minX: box.x, minY: box.y, maxX: box.x + box.width, maxY: box.y + box.height };
    this.entries.set(id, entry);
    this.tree.insert(entry);
  }

  delete(id: string): void {
    const old = this.entries.get(id);
    if (!old) return;
    this.tree.remove(old);
    this.entries.delete(id);
  }

  /** Replaces the whole index at once (bulk loading is much faster than one insert per element). */
  load(items: Iterable<{ id: string; box: Box }>): void {
    this.tree.clear();
    this.entries.clear();
    const all: Entry[] = [];
    for (const { id, box } of items) {
      const entry = { id, minX: box.x, minY: box.y, maxX: box.x + box.width, maxY: box.y + box.height };
      this.entries.set(id, entry);
      all.push(entry);
    }
    this.tree.load(all);
  }

  /** Ids whose bounds intersect `box` (in no particular order). */
  search(box: Box): string[] {
    return this.tree
      .search({ minX: box.x, minY: box.y, maxX: box.x + box.width, maxY: box.y + box.height })
      .map((e) => e.id);
  }
}
