import { useLayoutEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import { Layer, Rect, Stage } from 'react-konva';
import type Konva from 'konva';
import type { Element } from '@sammen/shared';
import { ElementNode } from '../board/ElementNode.js';
import { sourceLabel } from '../geometry/actionCard.js';
import { arrowSegment, type Lookup } from '../geometry/elements.js';
import { safePixelRatio, type ExportContent } from './scope.js';

function ExportStage({ content, lookup, untitledFrame, onReady }: { content: ExportContent; lookup: Lookup; untitledFrame: string; onReady: (stage: Konva.Stage) => void }) {
  const ref = useRef<Konva.Stage>(null);
  const { bounds, elements } = content;
  // react-konva commits the canvas nodes before its parent's layout effects run.
  useLayoutEffect(() => {
    if (ref.current) onReady(ref.current);
  });
  return (
    <Stage ref={ref} width={bounds.width} height={bounds.height} x={-bounds.x} y={-bounds.y}>
      <Layer listening={false}>
        <Rect {...bounds} fill="#ffffff" />
        {elements.map((el: Element) => (
          <ElementNode
            key={el.id}
            element={el}
            scale={1}
            hideText={false}
            segment={el.type === 'arrow' ? arrowSegment(el, lookup) : undefined}
            untitledFrame={untitledFrame}
            sourceLabel={el.type === 'action' && el.sourceId ? sourceLabel(lookup(el.sourceId)) : null}
          />
        ))}
      </Layer>
    </Stage>
  );
}

export interface RenderedPng {
  blob: Blob;
  width: number;
  height: number;
  /** The ratio used: the one asked for unless the picture would be too large for a canvas. */
  pixelRatio: number;
}

/**
 * Draws the export's elements on an offscreen Konva stage of its own (the same element components as
 * the board, at zoom 1, so everything in the bounds is drawn, whatever the board's view shows) and
 * returns it as a PNG at `pixelRatio` device pixels per board unit, on white.
 */
export async function renderPng(content: ExportContent, pixelRatio: number, lookup: Lookup, untitledFrame: string): Promise<RenderedPng> {
  const ratio = safePixelRatio(content.bounds, pixelRatio);
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = 'position:fixed;left:-200000px;top:0;pointer-events:none;';
  document.body.appendChild(host);
  const root = createRoot(host);
  try {
    const stage = await new Promise<Konva.Stage>((resolve) => {
      root.render(<ExportStage content={content} lookup={lookup} untitledFrame={untitledFrame} onReady={resolve} />);
    });
    const { width, height } = content.bounds;
    const canvas = stage.toCanvas({ x: 0, y: 0, width, height, pixelRatio: ratio }) as HTMLCanvasElement;
    const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/png'));
    return { blob, width: canvas.width, height: canvas.height, pixelRatio: ratio };
  } finally {
    root.unmount();
    host.remove();
  }
}
