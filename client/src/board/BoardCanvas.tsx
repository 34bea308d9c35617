import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { Layer, Stage } from 'react-konva';
import type Konva from 'konva';
import type { Element } from '@sammen/shared';
import { boxContainsBox, expandBox, type Box } from '../geometry/bounds.js';
import { sourceLabel } from '../geometry/actionCard.js';
import { arrowSegment, drawOrder, type Lookup } from '../geometry/elements.js';
import { visibleWorldBox } from '../geometry/viewport.js';
import type { Editor } from '../editor/Editor.js';
import type { ElementStore } from '../editor/elementStore.js';
import { attachKeyboard } from '../editor/keyboard.js';
import type { Peer } from '../sync/presence.js';
import { attachCanvasInput } from '../tools/canvasInput.js';
import { createTools } from '../tools/index.js';
import { ElementNode } from './ElementNode.js';
import { SelectionLayer } from './SelectionLayer.js';
import { remoteMoves } from '../sync/remoteMoves.js';

interface Props {
  editor: Editor;
  /**
   * Elements of another document drawn beneath the editor's own, untouchable (the board behind a
   * participant's private notes).
   */
  backdrop?: ElementStore | null;
  peers: readonly Peer[];
  label: string;
  describedBy?: string;
  untitledFrame: string;
  children?: React.ReactNode;
}

function renderNodes(elements: readonly Element[], lookup: Lookup, scale: number, editingId: string | null, untitledFrame: string) {
  return elements.map((el) => (
    <ElementNode
      key={el.id}
      element={el}
      scale={scale}
      hideText={el.id === editingId}
      segment={el.type === 'arrow' ? arrowSegment(el, lookup) : undefined}
      untitledFrame={untitledFrame}
      sourceLabel={el.type === 'action' && el.sourceId ? sourceLabel(lookup(el.sourceId)) : null}
    />
  ));
}

/**
 * The Konva stage: a thin view over the editor. Three layers: the board's elements (not listening:
 * hit-testing is done in geometry/, which is cheaper than Konva's hit canvas for thousands of notes),
 * the elements being dragged or resized, and selection and tool overlays. Only elements inside a
 * render window (the viewport plus a margin) are drawn; the window moves only when the viewport
 * leaves it, so small pans cost no React work at all.
 */
export function BoardCanvas({ editor, backdrop = null, peers, label, describedBy, untitledFrame, children }: Props) {
  const state = useSyncExternalStore(editor.subscribe, editor.getState);
  const version = useSyncExternalStore(
    (fn) => editor.store.subscribe(fn),
    () => editor.store.version,
  );
  const containerRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<Konva.Stage>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [spaceHeld, setSpaceHeld] = useState(false);
  const spaceRef = useRef(false);
  const tools = useMemo(() => createTools(), []);

  useEffect(() => {
    const el = containerRef.current!;
    const observer = new ResizeObserver(() => {
      const next = { width: el.clientWidth, height: el.clientHeight };
      editor.setSize(next);
      setSize(next);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [editor]);

  useEffect(() => {
    const el = containerRef.current!;
    const detachInput = attachCanvasInput(el, editor, tools, {
      isOverHandle: (p) => {
        const shape = stageRef.current?.getIntersection(p);
        return !!shape && shape.getParent()?.getClassName() === 'Transformer';
      },
      isSpaceHeld: () => spaceRef.current,
    });
    const detachKeys = attachKeyboard(editor, (held) => {
      spaceRef.current = held;
      setSpaceHeld(held);
    });
    return () => {
      detachInput();
      detachKeys();
    };
  }, [editor, tools]);

  const { viewport, preview, editingId, tool } = state;

  // The render window: recomputed only when the viewport leaves it or the zoom changes.
  const windowRef = useRef<{ box: Box; scale: number } | null>(null);
  const visibleBox = visibleWorldBox(viewport, { width: Math.max(size.width, 1), height: Math.max(size.height, 1) });
  let win = windowRef.current;
  if (!win || win.scale !== viewport.scale || !boxContainsBox(win.box, visibleBox)) {
    win = { box: expandBox(visibleBox, Math.max(visibleBox.width, visibleBox.height) * 0.5), scale: viewport.scale };
    windowRef.current = win;
  }
  const windowBox = win.box;
  const visible = useMemo(
    () => editor.store.query(windowBox).sort(drawOrder),
    // `version` changes whenever the store does.
    [editor, version, windowBox],
  );

  // What others are dragging right now (their presence), drawn where they have it.
  const remote = useMemo(() => remoteMoves(peers, editor.store.lookup, preview), [peers, editor, version, preview]);
  const moving: ReadonlyMap<string, Element> | null = remote.size ? new Map([...remote, ...(preview ?? [])]) : preview;
  const movingLookup = useMemo(() => (remote.size ? (id: string) => remote.get(id) ?? editor.lookup(id) : editor.lookup), [remote, editor, preview]);

  // Dragged elements and the arrows attached to them move to the active layer.
  let staticElements: Element[] = visible;
  let activeElements: Element[] = [];
  if (moving) {
    const attached = (el: Element): boolean =>
      el.type === 'arrow' &&
      ((el.start.kind === 'element' && moving.has(el.start.elementId)) || (el.end.kind === 'element' && moving.has(el.end.elementId)));
    staticElements = visible.filter((el) => !moving.has(el.id) && !attached(el));
    activeElements = [...moving.values(), ...visible.filter((el) => !moving.has(el.id) && attached(el))].sort(drawOrder);
  }

  const cursor = spaceHeld ? 'grab' : tools[tool].cursor;

  return (
    <div className="board-wrap">
    <div
      ref={containerRef}
      className="board-canvas"
      tabIndex={0}
      role="application"
      aria-label={label}
      aria-describedby={describedBy}
      style={{ cursor }}
      data-testid="board-canvas"
    >
      {size.width > 0 && (
        <Stage
          ref={stageRef}
          width={size.width}
          height={size.height}
          x={viewport.x}
          y={viewport.y}
          scaleX={viewport.scale}
          scaleY={viewport.scale}
        >
          {backdrop && <BackdropLayer store={backdrop} windowBox={windowBox} scale={viewport.scale} untitledFrame={untitledFrame} />}
          <Layer listening={false}>
            {renderNodes(staticElements, editor.store.lookup, viewport.scale, editingId, untitledFrame)}
          </Layer>
          <Layer listening={false}>{renderNodes(activeElements, movingLookup, viewport.scale, editingId, untitledFrame)}</Layer>
          <SelectionLayer editor={editor} state={state} peers={peers} />
        </Stage>
      )}
    </div>
    {children}
    </div>
  );
}

/** Another document's elements, drawn only (see `backdrop`). */
function BackdropLayer({ store, windowBox, scale, untitledFrame }: { store: ElementStore; windowBox: Box; scale: number; untitledFrame: string }) {
  const version = useSyncExternalStore(
    (fn) => store.subscribe(fn),
    () => store.version,
  );
  // `version` changes whenever the store does.
  const elements = useMemo(() => store.query(windowBox).sort(drawOrder), [store, version, windowBox]);
  return <Layer listening={false}>{renderNodes(elements, store.lookup, scale, null, untitledFrame)}</Layer>;
}
