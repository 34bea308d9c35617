import { Arrow, Ellipse, Group, Rect, Text } from 'react-konva';
import type { Connector, Element, Frame, ProjectCard, Shape, StickyNote, TextBox } from '@sammen/shared';
import type { Point } from '../geometry/bounds.js';
import { estimatedLines, frameTitleLayout, maxTextFor, readableAt } from '../geometry/lod.js';
import { memo, useContext } from 'react';
import { ActionCardNode } from './ActionCardNode.js';
import { matchesFilter } from '../geometry/projectFilter.js';
import { PortfolioGrid } from './PortfolioGrid.js';
import { ProjectCardNode } from './ProjectCardNode.js';
import { ProjectFilterContext } from './projectContext.js';
import { StandIn } from './StandIn.js';
import { boxTextLayout } from './textProps.js';
import { boardMeasure } from './textMeasure.js';
import { FONT_FAMILY, FRAME_STROKE, FRAME_TITLE_COLOR, LINE_HEIGHT, NOTE_PADDING, SHAPE_PADDING, fillOf, inkOf, textColorOf } from './theme.js';

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
  /** A frame without a title shows the placeholder only while selected (templates use untitled frames as cells). */
  selected?: boolean;
  /** For action cards: the label of the cluster or note they came from (null: none, or it is gone). */
  sourceLabel?: string | null;
}

/**
 * A box element's text as drawn at `scale`: the fitted text when it reads, otherwise quiet lines in
 * its place (fitting, which measures, only when the largest size the text could have would read).
 */
function BoxText({ el, scale, hideText, color }: { el: StickyNote | Shape; scale: number; hideText: boolean; color: string }) {
  if (hideText || !el.text) return null;
  const padding = el.type === 'note' ? NOTE_PADDING : SHAPE_PADDING;
  const max = maxTextFor(el.type, el.width, el.height);
  const layout = readableAt(max, scale) ? boxTextLayout(el).attrs : null;
  if (layout && readableAt(layout.fontSize, scale)) {
    return <Text id={`text-${el.id}`} {...layout} fill={color} perfectDrawEnabled={false} />;
  }
  const fontSize = layout?.fontSize ?? max;
  return (
    <StandIn
      elementId={el.id}
      width={el.width}
      height={el.height}
      padding={padding}
      lines={estimatedLines(el.text, el.width - 2 * padding, fontSize)}
      fontSize={fontSize}
    />
  );
}

/** The board box a top-level node covers: the layer skips drawing it when it is out of view (BoardCanvas). */
const cullOf = (el: { x: number; y: number; width: number; height: number }): number[] => [el.x, el.y, el.width, el.height];

function NoteNode({ el, scale, hideText }: { el: StickyNote; scale: number; hideText: boolean }) {
  return (
    <Group x={el.x} y={el.y} id={`el-${el.id}`} cull={cullOf(el)}>
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
      <BoxText el={el} scale={scale} hideText={hideText} color={textColorOf(el.color)} />
    </Group>
  );
}

function TextNode({ el, scale, hideText }: { el: TextBox; scale: number; hideText: boolean }) {
  if (hideText || !el.text) return <Group id={`el-${el.id}`} />;
  if (!readableAt(el.fontSize, scale)) {
    return (
      <Group id={`el-${el.id}`} x={el.x} y={el.y}>
        <StandIn elementId={el.id} width={el.width} height={el.height} padding={0} lines={estimatedLines(el.text, el.width, el.fontSize)} fontSize={el.fontSize} align="left" />
      </Group>
    );
  }
  return (
    <Text
      id={`el-${el.id}`}
      cull={cullOf(el)}
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
  const common = {
    fill: fillOf(el.fill),
    stroke: '#3d4350',
    strokeWidth: 1.5,
    strokeScaleEnabled: false,
    perfectDrawEnabled: false,
  };
  return (
    <Group x={el.x} y={el.y} id={`el-${el.id}`} cull={cullOf(el)}>
      {el.kind === 'ellipse' ? (
        <Ellipse x={el.width / 2} y={el.height / 2} radiusX={el.width / 2} radiusY={el.height / 2} {...common} />
      ) : (
        <Rect width={el.width} height={el.height} cornerRadius={2} {...common} />
      )}
      <BoxText el={el} scale={scale} hideText={hideText} color={textColorOf(el.fill)} />
    </Group>
  );
}

function FrameNode({ el, scale, hideText, untitled }: { el: Frame; scale: number; hideText: boolean; untitled: string | null }) {
  const text = el.title || untitled;
  // Measured once per title (cached): long titles shrink a little to fit their frame.
  const perUnit = text ? boardMeasure(el.title ? 'bold' : 'italic')(text, 100) / 100 : 0;
  const title = frameTitleLayout(el, scale, perUnit);
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
      {el.variant === 'portfolio' && <PortfolioGrid el={el} scale={scale} />}
      {!hideText && text && title.mode === 'standIn' && <TitleStandIn el={el} text={text} fontSize={title.fontSize} height={title.height} />}
      {!hideText && text && title.mode === 'text' && (
        <Text
          id={`title-${el.id}`}
          name="frame-title"
          y={-title.height}
          height={title.height}
          width={title.width}
          verticalAlign="middle"
          text={text}
          fontSize={title.fontSize}
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

/** A frame title too small to read: one line as long as the title would be, cut at the frame's width. */
function TitleStandIn({ el, text, fontSize, height }: { el: Frame; text: string; fontSize: number; height: number }) {
  const width = boardMeasure(el.title ? 'bold' : 'italic')(text, fontSize);
  return (
    <StandIn
      elementId={el.id}
      kind="frameTitle"
      y={-height}
      width={Math.min(el.width, width)}
      height={height}
      padding={0}
      lines={1}
      fontSize={fontSize}
      align="left"
      cut={width > el.width + 0.5}
    />
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
 * Zoom quantised down to quarter-octaves: only frames need the exact scale (their titles); for the
 * rest it only decides between text and its stand-in, so most elements skip re-rendering while
 * zooming. Rounding down means text is never drawn below the readable size (it turns into its
 * stand-in up to 19 % early instead).
 */
const detailOf = (scale: number): number => 2 ** (Math.floor(Math.log2(scale) * 4) / 4);

const sameSegment = (a: Props['segment'], b: Props['segment']): boolean =>
  a === b ||
  (!!a && !!b && a.start.x === b.start.x && a.start.y === b.start.y && a.end.x === b.end.x && a.end.y === b.end.y);

function propsEqual(a: Props, b: Props): boolean {
  if (a.element !== b.element || a.hideText !== b.hideText || a.untitledFrame !== b.untitledFrame || !!a.selected !== !!b.selected) return false;
  if (!sameSegment(a.segment, b.segment)) return false;
  if (a.sourceLabel !== b.sourceLabel) return false;
  return a.element.type === 'frame' ? a.scale === b.scale : detailOf(a.scale) === detailOf(b.scale);
}

/** A project card, dimmed when the portfolio's filter is on and it does not match. */
function FilteredProjectCard({ el, scale, hideText }: { el: ProjectCard; scale: number; hideText: boolean }) {
  const filter = useContext(ProjectFilterContext);
  return <ProjectCardNode el={el} scale={scale} hideText={hideText} dimmed={!matchesFilter(el, filter)} />;
}

/** Draws one element. Memoised: unchanged elements keep their object identity in the store. */
export const ElementNode = memo(function ElementNode({ element, scale: exactScale, hideText, segment, untitledFrame, selected = false, sourceLabel = null }: Props) {
  const scale = element.type === 'frame' ? exactScale : detailOf(exactScale);
  switch (element.type) {
    case 'note':
      return <NoteNode el={element} scale={scale} hideText={hideText} />;
    case 'text':
      return <TextNode el={element} scale={scale} hideText={hideText} />;
    case 'shape':
      return <ShapeNode el={element} scale={scale} hideText={hideText} />;
    case 'frame':
      return <FrameNode el={element} scale={scale} hideText={hideText} untitled={selected ? untitledFrame : null} />;
    case 'arrow':
      return <ArrowNode el={element} segment={segment} />;
    case 'action':
      return <ActionCardNode el={element} scale={scale} hideText={hideText} source={sourceLabel} />;
    case 'project':
      return <FilteredProjectCard el={element} scale={scale} hideText={hideText} />;
  }
}, propsEqual);
