import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { Layer, Stage } from 'react-konva';
import type Konva from 'konva';
import type { Element, ProjectCard } from '@sammen/shared';
import { boxContainsBox, expandBox, type Box } from '../geometry/bounds.js';
import { sourceLabel } from '../geometry/actionCard.js';
import { arrowSegment, drawOrder, type Lookup } from '../geometry/elements.js';
import { drawsBatched } from '../geometry/lod.js';
import { visibleWorldBox } from '../geometry/viewport.js';
import type { Point } from '../geometry/bounds.js';
import type { Editor } from '../editor/Editor.js';
import type { ElementStore } from '../editor/elementStore.js';
import { attachKeyboard } from '../editor/keyboard.js';
import type { Peer } from '../sync/presence.js';
import { attachCanvasInput } from '../tools/canvasInput.js';
import { createTools } from '../tools/index.js';
import { BatchedBoxes, type BatchedElement } from './BatchedBoxes.js';
import { ElementMenu } from './ElementMenu.js';
import { ElementNode } from './ElementNode.js';
import { RoleHeatMap } from './RoleHeatMap.js';
import { SelectionLayer } from './SelectionLayer.js';
import { PortfolioCardsContext, ProjectFilterContext } from './projectContext.js';
import { remoteMoves } from '../sync/remoteMoves.js';
import './board.css';

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

function renderNodes(
  elements: readonly Element[],
  lookup: Lookup,
  scale: number,
  editingId: string | null,
  untitledFrame: string,
  selection: ReadonlySet<string> | null = null,
) {
  return elements.map((el) => (
    <ElementNode
      key={el.id}
      element={el}
      scale={scale}
      hideText={el.id === editingId}
      selected={el.type === 'frame' && !!selection?.has(el.id)}
      segment={el.type === 'arrow' ? arrowSegment(el, lookup) : undefined}
      untitledFrame={untitledFrame}
      sourceLabel={el.type === 'action' && el.sourceId ? sourceLabel(lookup(el.sourceId)) : null}
    />
  ));
}

/** Zoom rounded down to quarter-octaves: what level of detail depends on (see ElementNode). */
const detailScale = (scale: number): number => 2 ** (Math.floor(Math.log2(scale) * 4) / 4);

/**
 * Splits what is in the render window into what one batched shape draws (notes and shapes whose
 * text could not be read at this zoom) and what gets a Konva node of its own, frames first.
 */
function partition(elements: readonly Element[], scale: number): { frames: Element[]; batched: BatchedElement[]; nodes: Element[] } {
  const frames: Element[] = [];
  const batched: BatchedElement[] = [];
  const nodes: Element[] = [];
  for (const el of elements) {
    if (el.type === 'frame') frames.push(el);
    else if ((el.type === 'note' || el.type === 'shape') && drawsBatched(el.type, el.width, el.height, scale)) batched.push(el);
    else nodes.push(el);
  }
  return { frames, batched, nodes };
}

/**
 * The Konva stage: a thin view over the editor. Three layers: the board's elements (not listening:
 * hit-testing is done in geometry/, which is cheaper than Konva's hit canvas for thousands of notes),
 * the elements being dragged or resized, and selection and tool overlays. Only elements inside a
 * render window (the viewport plus a margin) are drawn; the window moves only when the viewport
 * leaves it, so small pans cost no React work at all. Zoomed out, notes and shapes are drawn by one
 * batched shape (`BatchedBoxes`) instead of a node each. Touch gestures (`tools/gestures.ts`) open
 * the element menu on a long press.
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
  const [menu, setMenu] = useState<{ at: Point; elementId: string } | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);

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
      onMenu: (at, elementId) => setMenu({ at, elementId }),
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

  const { viewport, preview, editingId, tool, selection } = state;

  // The render window: recomputed only when the viewport leaves it or the level of detail changes.
  const windowRef = useRef<{ box: Box; detail: number } | null>(null);
  const visibleBox = visibleWorldBox(viewport, { width: Math.max(size.width, 1), height: Math.max(size.height, 1) });
  const detail = detailScale(viewport.scale);
  let win = windowRef.current;
  if (!win || win.detail !== detail || !boxContainsBox(win.box, visibleBox)) {
    win = { box: expandBox(visibleBox, Math.max(visibleBox.width, visibleBox.height) * 0.5), detail };
    windowRef.current = win;
  }
  const windowBox = win.box;
  const visible = useMemo(
    () => editor.store.queryInDrawOrder(windowBox),
    // `version` changes whenever the store does.
    [editor, version, windowBox],
  );
  // The first time notes reach the screen (the bench measures from "synced" to this mark).
  const layerRef = useRef<Konva.Layer>(null);
  // Attached in a layout effect, before Konva's next draw (on the next animation frame); checks on
  // every render until the layer exists, then listens until a draw has something in it.
  useLayoutEffect(() => {
    const layer = layerRef.current;
    if (!layer || layer.eventListeners['draw']?.length || performance.getEntriesByName('sammen:notes-drawn').length) return;
    layer.on('draw.firstNotes', () => {
      if (!layer.getChildren().length) return;
      layer.off('draw.firstNotes');
      performance.mark('sammen:notes-drawn');
    });
  });

  // What others are dragging right now (their presence), drawn where they have it.
  const remote = useMemo(() => remoteMoves(peers, editor.store.lookup, preview), [peers, editor, version, preview]);
  const moving: ReadonlyMap<string, Element> | null = remote.size ? new Map([...remote, ...(preview ?? [])]) : preview;
  const movingLookup = useMemo(() => (remote.size ? (id: string) => remote.get(id) ?? editor.lookup(id) : editor.lookup), [remote, editor, preview]);

  // Dragged elements and the arrows attached to them move to the active layer.
  let staticElements: readonly Element[] = visible;
  let activeElements: Element[] = [];
  if (moving) {
    const attached = (el: Element): boolean =>
      el.type === 'arrow' &&
      ((el.start.kind === 'element' && moving.has(el.start.elementId)) || (el.end.kind === 'element' && moving.has(el.end.elementId)));
    staticElements = visible.filter((el) => !moving.has(el.id) && !attached(el));
    activeElements = [...moving.values(), ...visible.filter((el) => !moving.has(el.id) && attached(el))].sort(drawOrder);
  }

  const cursor = spaceHeld ? 'grab' : tools[tool].cursor;
  const portfolioCards = useMemo(() => projectCardsByFrame(editor), [editor, version]);

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
          <ProjectFilterContext.Provider value={state.projectFilter}>
          <PortfolioCardsContext.Provider value={portfolioCards}>
          {backdrop && <BackdropLayer store={backdrop} windowBox={windowBox} scale={viewport.scale} detail={detail} untitledFrame={untitledFrame} />}
          <StaticLayer
            layerRef={layerRef}
            elements={staticElements}
            lookup={editor.store.lookup}
            scale={viewport.scale}
            detail={detail}
            editingId={editingId}
            untitledFrame={untitledFrame}
            selection={selection}
          />
          <RoleHeatMap editor={editor} version={version} scale={viewport.scale} />
          <Layer listening={false}>{renderNodes(activeElements, movingLookup, viewport.scale, editingId, untitledFrame)}</Layer>
          <SelectionLayer editor={editor} state={state} peers={peers} />
          </PortfolioCardsContext.Provider>
          </ProjectFilterContext.Provider>
        </Stage>
      )}
    </div>
    {/* Outside the canvas element, whose pointer handling would capture the menu's presses. */}
    {menu && <ElementMenu editor={editor} elementId={menu.elementId} at={menu.at} bounds={size} onClose={closeMenu} />}
    {children}
    </div>
  );
}

const NO_CARDS: ProjectCard[] = [];

/** The project cards each portfolio frame holds (walked only when the board has a portfolio). */
function projectCardsByFrame(editor: Editor): (frameId: string) => ProjectCard[] {
  if (!editor.store.frames().some((f) => f.variant === 'portfolio')) return () => NO_CARDS;
  const byFrame = new Map<string, ProjectCard[]>();
  for (const el of editor.store.all()) {
    if (el.type !== 'project' || !el.frameId) continue;
    const list = byFrame.get(el.frameId) ?? [];
    list.push(el);
    byFrame.set(el.frameId, list);
  }
  return (frameId) => byFrame.get(frameId) ?? NO_CARDS;
}

/**
 * Draws only the layer's children that are in view: Konva itself draws every node it holds, and the
 * render window holds up to four times what is on screen. Nodes carry their board box as `cull`.
 */
function cullOffscreen(layer: Konva.Layer): void {
  layer._drawChildNodes = function (this: Konva.Layer, drawMethod: 'drawScene' | 'drawHit', canvas: unknown, top?: Konva.Node) {
    const stage = this.getStage();
    const s = stage?.scaleX() ?? 1;
    const minX = stage ? -stage.x() / s : -Infinity;
    const minY = stage ? -stage.y() / s : -Infinity;
    const maxX = stage ? minX + stage.width() / s : Infinity;
    const maxY = stage ? minY + stage.height() / s : Infinity;
    for (const child of this.children) {
      const c = child.attrs.cull as number[] | undefined;
      if (c && (c[0]! > maxX || c[0]! + c[2]! < minX || c[1]! > maxY || c[1]! + c[3]! < minY)) continue;
      (child[drawMethod] as (canvas: unknown, top?: Konva.Node) => void)(canvas, top);
    }
  };
}

/** The board's elements at rest: frames, then the batched notes and shapes (zoomed out), then the rest. */
function StaticLayer({ layerRef, elements, lookup, scale, detail, editingId, untitledFrame, selection }: {
  layerRef?: React.MutableRefObject<Konva.Layer | null>;
  elements: readonly Element[];
  lookup: Lookup;
  scale: number;
  detail: number;
  editingId: string | null;
  untitledFrame: string;
  selection: ReadonlySet<string> | null;
}) {
  const { frames, batched, nodes } = useMemo(() => partition(elements, detail), [elements, detail]);
  const ownRef = useRef<Konva.Layer | null>(null);
  const ref = layerRef ?? ownRef;
  useLayoutEffect(() => {
    if (ref.current) cullOffscreen(ref.current);
  }, [ref]);
  return (
    <Layer ref={ref} listening={false}>
      {renderNodes(frames, lookup, scale, editingId, untitledFrame, selection)}
      <BatchedBoxes elements={batched} />
      {renderNodes(nodes, lookup, scale, editingId, untitledFrame)}
    </Layer>
  );
}

/** Another document's elements, drawn only (see `backdrop`). */
function BackdropLayer({ store, windowBox, scale, detail, untitledFrame }: { store: ElementStore; windowBox: Box; scale: number; detail: number; untitledFrame: string }) {
  const version = useSyncExternalStore(
    (fn) => store.subscribe(fn),
    () => store.version,
  );
  // `version` changes whenever the store does.
  const elements = useMemo(() => store.queryInDrawOrder(windowBox), [store, version, windowBox]);
  return <StaticLayer elements={elements} lookup={store.lookup} scale={scale} detail={detail} editingId={null} untitledFrame={untitledFrame} selection={null} />;
}
