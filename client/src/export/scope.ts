import type { Element } from '@sammen/shared';
import { expandBox, unionBoxes, type Box } from '../geometry/bounds.js';
import { boxesIntersect } from '../geometry/bounds.js';
import { drawOrder, elementBounds, type Lookup } from '../geometry/elements.js';

/** What is exported: one frame, the selection, or the whole board. */
export type ExportScope = { kind: 'frame'; id: string } | { kind: 'selection'; ids: readonly string[] } | { kind: 'board' };

export interface ExportContent {
  /** The area of the board in the picture, in board units. */
  bounds: Box;
  /** What is drawn, in draw order. */
  elements: Element[];
}

/**
 * The elements and the area of an export. A frame: its box, with everything drawn inside it. The
 * selection: the selected elements, the contents of selected frames and the arrows between them,
 * framed with a margin. The board: everything, with a margin. Null when there is nothing to export.
 */
export function exportContent(all: readonly Element[], scope: ExportScope, lookup: Lookup, margin = 24): ExportContent | null {
  const boundsOf = (els: readonly Element[]) => unionBoxes(els.map((e) => elementBounds(e, lookup)).filter((b) => !!b));
  if (scope.kind === 'frame') {
    const frame = all.find((e) => e.id === scope.id);
    if (!frame || frame.type !== 'frame') return null;
    const bounds = { x: frame.x, y: frame.y, width: frame.width, height: frame.height };
    const elements = all.filter((e) => {
      const b = elementBounds(e, lookup);
      return e.id === frame.id || e.frameId === frame.id || (!!b && boxesIntersect(b, bounds));
    });
    return { bounds, elements: elements.sort(drawOrder) };
  }
  let chosen: Element[];
  if (scope.kind === 'board') chosen = [...all];
  else {
    const ids = new Set(scope.ids);
    for (const e of all) if (e.frameId && ids.has(e.frameId)) ids.add(e.id);
    for (const e of all) {
      if (e.type !== 'arrow') continue;
      const ends = [e.start, e.end].filter((p) => p.kind === 'element');
      if (ends.length && ends.every((p) => p.kind === 'element' && ids.has(p.elementId))) ids.add(e.id);
    }
    chosen = all.filter((e) => ids.has(e.id));
  }
  const box = boxOf(boundsOf(chosen));
  if (!box) return null;
  return { bounds: roundBox(expandBox(box, margin)), elements: chosen.sort(drawOrder) };
}

const boxOf = (b: Box | null): Box | null => (b && b.width > 0 && b.height > 0 ? b : null);
const roundBox = (b: Box): Box => {
  const x = Math.floor(b.x);
  const y = Math.floor(b.y);
  return { x, y, width: Math.ceil(b.x + b.width) - x, height: Math.ceil(b.y + b.height) - y };
};

/** Browsers refuse canvases past about 16k pixels a side or ~268M pixels; stay well inside. */
export const MAX_CANVAS_SIDE = 16_384;
export const MAX_CANVAS_AREA = 120_000_000;

/** The pixel ratio actually used for `wanted`: lowered when the picture would be too large to draw. */
export function safePixelRatio(bounds: Box, wanted: number): number {
  const bySide = MAX_CANVAS_SIDE / Math.max(bounds.width, bounds.height);
  const byArea = Math.sqrt(MAX_CANVAS_AREA / (bounds.width * bounds.height));
  return Math.max(0.01, Math.min(wanted, bySide, byArea));
}
