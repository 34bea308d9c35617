import { Shape } from 'react-konva';
import type Konva from 'konva';
import { standInLines } from '../geometry/lod.js';
import { STAND_IN_COLOR } from './theme.js';

/**
 * Quiet grey lines where text too small to read would be (level of detail): one Konva shape,
 * drawn with plain canvas rectangles. Carries what the text would have been (`elementId`, `fontSize`
 * in board units) for the test hook (`board/drawnText.ts`).
 */
export function StandIn({ elementId, kind = 'text', x = 0, y = 0, width, height, padding, lines, fontSize, align = 'center', cut = false }: {
  elementId: string;
  kind?: 'text' | 'frameTitle';
  x?: number;
  y?: number;
  width: number;
  height: number;
  padding: number;
  lines: number;
  fontSize: number;
  align?: 'center' | 'left';
  /** The text would not fit its width (a frame title cut at the frame's edge). */
  cut?: boolean;
}) {
  const rects = standInLines({ width, height, padding, lines, fontSize, align });
  return (
    <Shape
      name="standin"
      x={x}
      y={y}
      width={width}
      height={height}
      standInCut={cut}
      standInFor={elementId}
      standInKind={kind}
      standInFontSize={fontSize}
      listening={false}
      perfectDrawEnabled={false}
      sceneFunc={(ctx: Konva.Context) => {
        const c = ctx._context;
        c.beginPath();
        for (const r of rects) c.rect(r.x, r.y, r.width, r.height);
        c.fillStyle = STAND_IN_COLOR;
        c.fill();
      }}
    />
  );
}
