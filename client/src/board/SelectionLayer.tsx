import { useEffect, useRef } from 'react';
import { Arrow, Ellipse, Layer, Rect, Transformer } from 'react-konva';
import type Konva from 'konva';
import type { Element } from '@sammen/shared';
import { unionBoxes, type Box } from '../geometry/bounds.js';
import { arrowSegment, elementBounds, type Lookup } from '../geometry/elements.js';
import { commitGeometry } from '../editor/commands.js';
import type { Editor, EditorState } from '../editor/Editor.js';
import { MIN_ELEMENT_SIZE, resizeElement } from '../editor/elementOps.js';
import type { Peer } from '../sync/presence.js';
import { SELECTION_COLOR } from './theme.js';

interface Props {
  editor: Editor;
  state: EditorState;
  peers: readonly Peer[];
}

function Outline({ el, lookup, color, width }: { el: Element; lookup: Lookup; color: string; width: number }) {
  if (el.type === 'arrow') {
    const seg = arrowSegment(el, lookup);
    if (!seg) return null;
    return (
      <Arrow
        points={[seg.start.x, seg.start.y, seg.end.x, seg.end.y]}
        stroke={color}
        fill={color}
        strokeWidth={width + 3}
        opacity={0.45}
        pointerLength={14}
        pointerWidth={14}
        strokeScaleEnabled={false}
        listening={false}
      />
    );
  }
  const b = elementBounds(el, lookup)!;
  return (
    <Rect x={b.x} y={b.y} width={b.width} height={b.height} stroke={color} strokeWidth={width} strokeScaleEnabled={false} listening={false} />
  );
}

/**
 * What sits above the elements: selection outlines (one's own and colleagues'), the marquee and
 * drafts of tools, and the resize handles. Resizing uses a Konva Transformer on an invisible proxy of
 * the selection's bounds; elements are resized in the preview and written once on release.
 */
export function SelectionLayer({ editor, state, peers }: Props) {
  const { selection, overlay, viewport, tool, editingId } = state;
  const proxyRef = useRef<Konva.Rect>(null);
  const trRef = useRef<Konva.Transformer>(null);
  const transforming = useRef<{ from: Box; elements: Element[] } | null>(null);
  const lookup = editor.lookup;

  const selected = [...selection].map(lookup).filter((e): e is Element => !!e);
  const boxes = selected.filter((e) => e.type !== 'arrow');
  const liveBounds = unionBoxes(boxes.map((e) => elementBounds(e, lookup)!));
  const bounds = transforming.current?.from ?? liveBounds;
  const showHandles = tool === 'select' && !editingId && overlay?.kind !== 'marquee' && !!bounds;

  useEffect(() => {
    const tr = trRef.current;
    if (!tr) return;
    tr.nodes(showHandles && proxyRef.current ? [proxyRef.current] : []);
    tr.getLayer()?.batchDraw();
  }, [showHandles]);

  const targetBox = (): Box => {
    const node = proxyRef.current!;
    return { x: node.x(), y: node.y(), width: node.width() * node.scaleX(), height: node.height() * node.scaleY() };
  };

  const onTransformStart = () => {
    if (!liveBounds) return;
    transforming.current = { from: liveBounds, elements: selected };
  };
  const previewFor = (to: Box) => {
    const t = transforming.current!;
    return new Map(t.elements.map((el) => [el.id, resizeElement(el, t.from, to)] as const));
  };
  const onTransform = () => {
    if (transforming.current) editor.setPreview(previewFor(targetBox()));
  };
  const onTransformEnd = () => {
    if (!transforming.current) return;
    const to = targetBox();
    const preview = previewFor(to);
    const node = proxyRef.current!;
    node.setAttrs({ ...to, scaleX: 1, scaleY: 1 });
    transforming.current = null;
    commitGeometry(editor, preview);
    editor.setPreview(null);
  };

  const peerOutlines = peers.flatMap((peer) =>
    peer.presence.selection
      .filter((id) => !selection.has(id))
      .slice(0, 200)
      .map((id) => lookup(id))
      .filter((e): e is Element => !!e)
      .map((el) => <Outline key={`${peer.clientId}-${el.id}`} el={el} lookup={lookup} color={peer.presence.user.color} width={2} />),
  );

  const arrowTarget = overlay?.kind === 'arrow' && overlay.targetId ? lookup(overlay.targetId) : undefined;

  return (
    <Layer>
      {peerOutlines}
      {selected.map((el) => (
        <Outline key={el.id} el={el} lookup={lookup} color={SELECTION_COLOR} width={selected.length > 1 || el.type === 'arrow' ? 1.5 : 1} />
      ))}
      {overlay?.kind === 'marquee' && (
        <Rect
          {...overlay.box}
          fill="rgba(29,78,216,0.08)"
          stroke={SELECTION_COLOR}
          strokeWidth={1}
          dash={[4, 4]}
          strokeScaleEnabled={false}
          listening={false}
        />
      )}
      {overlay?.kind === 'draft' &&
        (overlay.shape === 'ellipse' ? (
          <Ellipse
            x={overlay.box.x + overlay.box.width / 2}
            y={overlay.box.y + overlay.box.height / 2}
            radiusX={overlay.box.width / 2}
            radiusY={overlay.box.height / 2}
            stroke={SELECTION_COLOR}
            strokeWidth={1.5}
            dash={[6, 4]}
            strokeScaleEnabled={false}
            listening={false}
          />
        ) : (
          <Rect {...overlay.box} stroke={SELECTION_COLOR} strokeWidth={1.5} dash={[6, 4]} strokeScaleEnabled={false} listening={false} />
        ))}
      {arrowTarget && <Outline el={arrowTarget} lookup={lookup} color={SELECTION_COLOR} width={2} />}
      {overlay?.kind === 'arrow' && (
        <Arrow
          points={[overlay.start.x, overlay.start.y, overlay.end.x, overlay.end.y]}
          stroke={SELECTION_COLOR}
          fill={SELECTION_COLOR}
          strokeWidth={2}
          dash={[6, 4]}
          pointerLength={12 / viewport.scale}
          pointerWidth={12 / viewport.scale}
          strokeScaleEnabled={false}
          listening={false}
        />
      )}
      {bounds && (
        <Rect
          ref={proxyRef}
          x={bounds.x}
          y={bounds.y}
          width={Math.max(bounds.width, 1)}
          height={Math.max(bounds.height, 1)}
          listening={false}
          onTransformStart={onTransformStart}
          onTransform={onTransform}
          onTransformEnd={onTransformEnd}
        />
      )}
      <Transformer
        ref={trRef}
        rotateEnabled={false}
        flipEnabled={false}
        keepRatio={false}
        ignoreStroke
        anchorSize={10}
        anchorCornerRadius={2}
        anchorStroke={SELECTION_COLOR}
        borderStroke={SELECTION_COLOR}
        borderStrokeWidth={1}
        boundBoxFunc={(oldBox, newBox) =>
          Math.abs(newBox.width) < MIN_ELEMENT_SIZE * viewport.scale || Math.abs(newBox.height) < MIN_ELEMENT_SIZE * viewport.scale
            ? oldBox
            : newBox
        }
      />
    </Layer>
  );
}
