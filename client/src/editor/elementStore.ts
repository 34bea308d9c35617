import type * as Y from 'yjs';
import { getElement, getElements, observeElements, type Connector, type Element, type Frame } from '@sammen/shared';
import type { Box } from '../geometry/bounds.js';
import { boxesIntersect } from '../geometry/bounds.js';
import { drawOrder, elementBounds } from '../geometry/elements.js';
import { SpatialIndex } from '../geometry/spatialIndex.js';

/** From this many elements changed in one transaction (and a quarter of the board), the index is rebuilt. */
const BULK_CHANGES = 500;

/**
 * A read model of the board's elements: plain validated objects plus a spatial index, kept up to date
 * incrementally from `observeElements` (only changed ids are re-read). Unchanged elements keep their
 * object identity, so memoised views skip them. Arrows are not in the index: their bounds depend on
 * the elements they connect, and boards have few of them, so they are checked on each query.
 */
export class ElementStore {
  private readonly elements = new Map<string, Element>();
  private readonly arrows = new Map<string, Connector>();
  private readonly frameMap = new Map<string, Frame>();
  private readonly index = new SpatialIndex();
  private readonly listeners = new Set<(changed: ReadonlySet<string>) => void>();
  private readonly unobserve: () => void;
  /** Every element in draw order, or null until asked for; `unordered` holds ids changed since. */
  private ordered: Element[] | null = null;
  private readonly unordered = new Set<string>();
  /** Bumped on every change; a cheap dependency for memoised views. */
  version = 0;

  constructor(private readonly doc: Y.Doc) {
    this.loadAll();
    this.unobserve = observeElements(doc, (changed) => this.apply(changed));
  }

  private loadAll(): void {
    for (const el of getElements(this.doc)) this.remember(el);
    this.index.load(this.boxes());
  }

  /** Every element the index holds (all but arrows), for a bulk load. */
  private *boxes(): Iterable<{ id: string; box: Box }> {
    for (const el of this.elements.values()) if (el.type !== 'arrow') yield { id: el.id, box: el };
  }

  private remember(el: Element): void {
    this.elements.set(el.id, el);
    if (el.type === 'arrow') this.arrows.set(el.id, el);
    else if (el.type === 'frame') this.frameMap.set(el.id, el);
  }

  private forget(id: string): void {
    this.elements.delete(id);
    this.arrows.delete(id);
    this.frameMap.delete(id);
    this.index.delete(id);
  }

  private apply(changed: ReadonlySet<string>): void {
    if (changed.size >= BULK_CHANGES && changed.size * 4 >= this.elements.size) {
      // A whole board at once (the first sync of a big board, a restore): re-read what changed and
      // bulk-load the index, instead of one R-tree insert per element (20,000 of them inside the sync's
      // transaction, before the provider can report the board synced).
      for (const id of changed) {
        this.elements.delete(id);
        this.arrows.delete(id);
        this.frameMap.delete(id);
        const el = getElement(this.doc, id);
        if (el) this.remember(el);
      }
      this.index.load(this.boxes());
    } else {
      for (const id of changed) {
        const el = getElement(this.doc, id);
        this.forget(id);
        if (!el) continue;
        this.remember(el);
        if (el.type !== 'arrow') this.index.set(id, el);
      }
    }
    if (this.ordered) for (const id of changed) this.unordered.add(id);
    this.version++;
    for (const l of this.listeners) l(changed);
  }

  get(id: string): Element | undefined {
    return this.elements.get(id);
  }

  readonly lookup = (id: string): Element | undefined => this.elements.get(id);

  get size(): number {
    return this.elements.size;
  }

  all(): IterableIterator<Element> {
    return this.elements.values();
  }

  frames(): Frame[] {
    return [...this.frameMap.values()];
  }

  /** Elements whose bounds intersect `box`. */
  query(box: Box): Element[] {
    const out: Element[] = [];
    for (const id of this.index.search(box)) {
      const el = this.elements.get(id);
      if (el) out.push(el);
    }
    for (const arrow of this.arrows.values()) {
      const b = elementBounds(arrow, this.lookup);
      if (b && boxesIntersect(b, box)) out.push(arrow);
    }
    return out;
  }

  /**
   * `query(box)` in draw order (frames first, then by index). When the box holds much of the board
   * (zoomed out), the hits are picked from the whole board kept in draw order instead of sorting them
   * anew: that order is re-sorted only around what changed, and a sort of a mostly sorted array is
   * close to linear.
   */
  queryInDrawOrder(box: Box): Element[] {
    const hits = this.query(box);
    if (hits.length * 4 < this.elements.size) return hits.sort(drawOrder);
    const hit = new Set(hits);
    return this.drawOrdered().filter((el) => hit.has(el));
  }

  private drawOrdered(): Element[] {
    if (this.ordered && !this.unordered.size) return this.ordered;
    // Elements unchanged since the last sort keep their place; changed ones go to the end and the
    // sort moves them (TimSort merges a sorted run with a short tail quickly).
    const next = this.ordered ? this.ordered.filter((el) => !this.unordered.has(el.id)) : [...this.elements.values()];
    if (this.ordered) {
      for (const id of this.unordered) {
        const el = this.elements.get(id);
        if (el) next.push(el);
      }
    }
    this.unordered.clear();
    this.ordered = next.sort(drawOrder);
    return this.ordered;
  }

  /** All fractional indices, for placing new elements above or below everything. */
  indices(): string[] {
    return [...this.elements.values()].map((e) => e.index);
  }

  subscribe(listener: (changed: ReadonlySet<string>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    this.unobserve();
    this.listeners.clear();
  }
}
