import { memo } from 'react';
import { Arrow, Ellipse, Group, Rect, Text } from 'react-konva';
import type { Connector, Element, Frame, Shape, StickyNote, TextBox } from '@sammen/shared';
import type { Point } from '../geometry/bounds.js';
import { FRAME_TITLE_PX } from '../geometry/elements.js';
import { ActionCardNode } from './ActionCardNode.js';
import { NOTE_MAX_TEXT, SHAPE_MAX_TEXT, boxTextLayout } from './textProps.js';
import {
  FONT_FAMILY,
  FRAME_STROKE,
  FRAME_TITLE_COLOR,
  LINE_HEIGHT,
  MIN_READABLE_TEXT_PX,
  fillOf,
  inkOf,
  textColorOf,
} from './theme.js';

/**
 * Konva nodes for one element. They only draw: no listeners, no state. Node ids (`el-…`, `text-…`)
 * let tests and tools find what is on screen. `perfectDrawEnabled={false}` skips an offscreen buffer
 * per shape, which matters with thousands of notes.
 */
interface Props {
  element: Element;
  /** Current zoom, for level of detail and constant-size frame titles. */
  scale: number;
  /** Hide the text while it is being edited in the HTML overlay. */
  hideText: boolean;
  /** For arrows: the segment, already resolved against the elements they connect. */
  segment?: { start: Point; end: Point } | null;
  /** Shown for a frame without a title. */
  untitledFrame: string;
  /** For action cards: the label of the cluster or note they came from (null: none, or it is gone). */
  sourceLabel?: string | null;
}

function NoteNode({ el, scale, hideText }: { el: StickyNote; scale: number; hideText: boolean }) {
  // Fitting (measured) only when the text could be readable at all at this zoom.
  const layout = !hideText && el.text && NOTE_MAX_TEXT * scale >= MIN_READABLE_TEXT_PX ? boxTextLayout(el).attrs : null;
  const showText = layout && layout.fontSize * scale >= MIN_READABLE_TEXT_PX;
  return (
    <Group x={el.x} y={el.y} id={`el-${el.id}`}>
      <Rect
        width={el.width}
        height={el.height}
        fill={fillOf(el.color)}
        stroke="rgba(0,0,0,0.12)"
        strokeWidth={1}
        strokeScaleEnabled={false}
        cornerRadius={3}
        perfectDrawEnabled={false}
      />
      {showText && (
        <Text id={`text-${el.id}`} {...layout} fill={textColorOf(el.color)} perfectDrawEnabled={false} />
      )}
    </Group>
  );
}

function TextNode({ el, scale, hideText }: { el: TextBox; scale: number; hideText: boolean }) {
  if (hideText || !el.text || el.fontSize * scale < MIN_READABLE_TEXT_PX) return <Group id={`el-${el.id}`} />;
  return (
    <Text
      id={`el-${el.id}`}
      x={el.x}
      y={el.y}
      text={el.text}
      width={el.width}
      fontSize={el.fontSize}
      fontFamily={FONT_FAMILY}
      lineHeight={LINE_HEIGHT}
      fill={inkOf(el.color)}
      wrap="word"
      perfectDrawEnabled={false}
    />
  );
}

function ShapeNode({ el, scale, hideText }: { el: Shape; scale: number; hideText: boolean }) {
  const layout = !hideText && el.text && SHAPE_MAX_TEXT * scale >= MIN_READABLE_TEXT_PX ? boxTextLayout(el).attrs : null;
  const common = {
    fill: fillOf(el.fill),
    stroke: '#3d4350',
    strokeWidth: 1.5,
    strokeScaleEnabled: false,
    perfectDrawEnabled: false,
  };
  return (
    <Group x={el.x} y={el.y} id={`el-${el.id}`}>
      {el.kind === 'ellipse' ? (
        <Ellipse x={el.width / 2} y={el.height / 2} radiusX={el.width / 2} radiusY={el.height / 2} {...common} />
      ) : (
        <Rect width={el.width} height={el.height} cornerRadius={2} {...common} />
      )}
      {layout && layout.fontSize * scale >= MIN_READABLE_TEXT_PX && (
        <Text id={`text-${el.id}`} {...layout} fill={textColorOf(el.fill)} perfectDrawEnabled={false} />
      )}
    </Group>
  );
}

function FrameNode({ el, scale, hideText, untitled }: { el: Frame; scale: number; hideText: boolean; untitled: string }) {
  const titleSize = (FRAME_TITLE_PX * 0.68) / scale;
  return (
    <Group x={el.x} y={el.y} id={`el-${el.id}`}>
      <Rect
        width={el.width}
        height={el.height}
        fill={fillOf(el.fill)}
        stroke={FRAME_STROKE}
        strokeWidth={1}
        strokeScaleEnabled={false}
        perfectDrawEnabled={false}
      />
      {!hideText && (
        <Text
          y={-FRAME_TITLE_PX / scale}
          height={FRAME_TITLE_PX / scale}
          width={Math.max(el.width, 120 / scale)}
          verticalAlign="middle"
          text={el.title || untitled}
          fontSize={titleSize}
          fontFamily={FONT_FAMILY}
          fill={FRAME_TITLE_COLOR}
          fontStyle={el.title ? 'bold' : 'italic'}
          wrap="none"
          ellipsis
          perfectDrawEnabled={false}
        />
      )}
    </Group>
  );
}

function ArrowNode({ el, segment }: { el: Connector; segment: { start: Point; end: Point } | null | undefined }) {
  if (!segment) return null;
  const color = inkOf(el.color);
  return (
    <Arrow
      id={`el-${el.id}`}
      points={[segment.start.x, segment.start.y, segment.end.x, segment.end.y]}
      stroke={color}
      fill={color}
      strokeWidth={2}
      pointerLength={12}
      pointerWidth={12}
      strokeScaleEnabled={false}
      perfectDrawEnabled={false}
    />
  );
}

/**
 * Zoom quantised to half-octaves: only frames need the exact scale (constant-size titles); for the
 * rest it only decides whether text is drawn, so most elements skip re-rendering while zooming.
 */
const detailOf = (scale: number): number => 2 ** (Math.round(Math.log2(scale) * 2) / 2);

const sameSegment = (a: Props['segment'], b: Props['segment']): boolean =>
  a === b ||
  (!!a && !!b && a.start.x === b.start.x && a.start.y === b.start.y && a.end.x === b.end.x && a.end.y === b.end.y);

function propsEqual(a: Props, b: Props): boolean {
  if (a.element !== b.element || a.hideText !== b.hideText || a.untitledFrame !== b.untitledFrame) return false;
  if (!sameSegment(a.segment, b.segment)) return false;
  if (a.sourceLabel !== b.sourceLabel) return false;
  return a.element.type === 'frame' ? a.scale === b.scale : detailOf(a.scale) === detailOf(b.scale);
}

/** Draws one element. Memoised: unchanged elements keep their object identity in the store. */
export const ElementNode = memo(function ElementNode({ element, scale: exactScale, hideText, segment, untitledFrame, sourceLabel = null }: Props) {
  const scale = element.type === 'frame' ? exactScale : detailOf(exactScale);
  switch (element.type) {
    case 'note':
      return <NoteNode el={element} scale={scale} hideText={hideText} />;
    case 'text':
      return <TextNode el={element} scale={scale} hideText={hideText} />;
    case 'shape':
      return <ShapeNode el={element} scale={scale} hideText={hideText} />;
    case 'frame':
      return <FrameNode el={element} scale={scale} hideText={hideText} untitled={untitledFrame} />;
    case 'arrow':
      return <ArrowNode el={element} segment={segment} />;
    case 'action':
      return <ActionCardNode el={element} scale={scale} hideText={hideText} source={sourceLabel} />;
  }
}, propsEqual);
