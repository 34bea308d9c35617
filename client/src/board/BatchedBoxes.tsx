import { useMemo } from 'react';
import { Shape } from 'react-konva';
import type Konva from 'konva';
import type { Shape as ShapeEl, StickyNote } from '@sammen/shared';
import { estimatedLines, maxTextFor, standInLines } from '../geometry/lod.js';
import { NOTE_PADDING, SHAPE_PADDING, STAND_IN_COLOR, fillOf } from './theme.js';

/** Notes and shapes far enough out that none of their text could be read. */
export type BatchedElement = StickyNote | ShapeEl;

/** Below this many CSS px on screen, a box is drawn without its border and its stand-in lines. */
const DETAIL_PX = 18;

interface Prepared {
  /** Flat [x, y, w, h, …] per fill colour, in draw order within each colour. */
  rects: Map<string, number[]>;
  ellipses: Map<string, number[]>;
  /** Stand-in lines of every element with text, flat [x, y, w, h, side of its element, …] in board units. */
  lines: number[];
  /** Per element with text: id, bounds and the largest size its text could have (for the test hook). */
  texts: Array<{ id: string; x: number; y: number; width: number; height: number; fontSize: number }>;
}

function prepare(elements: readonly BatchedElement[]): Prepared {
  const rects = new Map<string, number[]>();
  const ellipses = new Map<string, number[]>();
  const lines: number[] = [];
  const texts: Prepared['texts'] = [];
  for (const el of elements) {
    const fill = fillOf(el.type === 'note' ? el.color : el.fill);
    const into = el.type === 'shape' && el.kind === 'ellipse' ? ellipses : rects;
    let list = into.get(fill);
    if (!list) into.set(fill, (list = []));
    list.push(el.x, el.y, el.width, el.height);
    if (!el.text) continue;
    const padding = el.type === 'note' ? NOTE_PADDING : SHAPE_PADDING;
    const fontSize = maxTextFor(el.type, el.width, el.height);
    const n = estimatedLines(el.text, el.width - 2 * padding, fontSize);
    for (const r of standInLines({ width: el.width, height: el.height, padding, lines: n, fontSize })) lines.push(el.x + r.x, el.y + r.y, r.width, r.height, Math.min(el.width, el.height));
    texts.push({ id: el.id, x: el.x, y: el.y, width: el.width, height: el.height, fontSize });
  }
  return { rects, ellipses, lines, texts };
}

/**
 * Thousands of notes and shapes drawn by one Konva shape (level of detail for big boards): one
 * canvas path per colour, with plain rectangles, borders and stand-in lines only when the boxes are
 * big enough on screen to show them. Only boxes in view are added to the paths, so panning over a
 * zoomed-out board of 20,000 notes costs a few canvas fills per frame and no React work. Colours
 * are drawn one after another, so overlapping boxes of different colours may stack differently
 * than zoomed in; at this distance that is not visible.
 */
export function BatchedBoxes({ elements }: { elements: readonly BatchedElement[] }) {
  const prepared = useMemo(() => prepare(elements), [elements]);
  if (!elements.length) return null;
  return (
    <Shape
      name="batched"
      batchedTexts={prepared.texts}
      listening={false}
      perfectDrawEnabled={false}
      sceneFunc={(ctx: Konva.Context, shape: Konva.Shape) => {
        const stage = shape.getStage();
        if (!stage) return;
        const s = stage.scaleX();
        const minX = -stage.x() / s;
        const minY = -stage.y() / s;
        const maxX = minX + stage.width() / s;
        const maxY = minY + stage.height() / s;
        const inView = (a: number[], i: number): boolean =>
          a[i]! < maxX && a[i]! + a[i + 2]! > minX && a[i + 1]! < maxY && a[i + 1]! + a[i + 3]! > minY;
        const c = ctx._context;
        const detailSide = DETAIL_PX / s;
        const outline = new Path2D();
        let outlined = false;
        for (const [fill, a] of prepared.rects) {
          c.beginPath();
          for (let i = 0; i < a.length; i += 4) {
            if (!inView(a, i)) continue;
            c.rect(a[i]!, a[i + 1]!, a[i + 2]!, a[i + 3]!);
            if (a[i + 2]! >= detailSide && a[i + 3]! >= detailSide) {
              outline.rect(a[i]!, a[i + 1]!, a[i + 2]!, a[i + 3]!);
              outlined = true;
            }
          }
          c.fillStyle = fill;
          c.fill();
        }
        for (const [fill, a] of prepared.ellipses) {
          c.beginPath();
          for (let i = 0; i < a.length; i += 4) {
            if (!inView(a, i)) continue;
            const rx = a[i + 2]! / 2;
            const ry = a[i + 3]! / 2;
            c.moveTo(a[i]! + 2 * rx, a[i + 1]! + ry);
            c.ellipse(a[i]! + rx, a[i + 1]! + ry, rx, ry, 0, 0, 2 * Math.PI);
          }
          c.fillStyle = fill;
          c.fill();
        }
        if (!outlined) return;
        c.lineWidth = 1 / s;
        c.strokeStyle = 'rgba(0,0,0,0.12)';
        c.stroke(outline);
        const l = prepared.lines;
        c.beginPath();
        for (let i = 0; i < l.length; i += 5) if (l[i + 4]! >= detailSide && inView(l, i)) c.rect(l[i]!, l[i + 1]!, l[i + 2]!, l[i + 3]!);
        c.fillStyle = STAND_IN_COLOR;
        c.fill();
      }}
    />
  );
}
