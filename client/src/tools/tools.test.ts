import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getElements, type Element } from '@sammen/shared';
import { Editor } from '../editor/Editor.js';
import { createUndoManager } from '../sync/undo.js';
import { createTools } from './index.js';
import type { ToolPointerEvent } from './types.js';

/** Tools driven with synthetic pointer events against a real Y.Doc (viewport at scale 1, origin 0). */
function setup() {
  const doc = new Y.Doc();
  const editor = new Editor(doc, createUndoManager(doc));
  editor.setSize({ width: 1000, height: 800 });
  const tools = createTools();
  const ev = (x: number, y: number, extra: Partial<ToolPointerEvent> = {}): ToolPointerEvent => ({
    world: { x, y }, screen: { x, y }, button: 0, shiftKey: false, modKey: false, altKey: false, detail: 1, ...extra,
  });
  const gesture = (toolId: keyof typeof tools, from: [number, number], to: [number, number], extra: Partial<ToolPointerEvent> = {}) => {
    const tool = tools[toolId];
    tool.pointerDown(ev(from[0], from[1], extra), editor);
    tool.pointerMove(ev((from[0] + to[0]) / 2, (from[1] + to[1]) / 2, extra), editor);
    tool.pointerMove(ev(to[0], to[1], extra), editor);
    tool.pointerUp(ev(to[0], to[1], extra), editor);
  };
  const byType = <T extends Element['type']>(type: T) => getElements(doc).filter((e) => e.type === type) as Array<Extract<Element, { type: T }>>;
  return { doc, editor, gesture, byType, undo: () => editor.undoManager.undo() };
}

describe('tools', () => {
  it('places a note centred on a click and opens it for typing', () => {
    const { editor, gesture, byType } = setup();
    editor.setTool('note');
    gesture('note', [300, 300], [300, 300]);
    const [note] = byType('note');
    expect(note).toMatchObject({ x: 200, y: 200, width: 200, height: 200, text: '' });
    expect(editor.getState()).toMatchObject({ tool: 'select', editingId: note!.id });
  });

  it('makes a note placed zoomed out as big as reads at that zoom, within a third of its frame', () => {
    const { editor, gesture, byType } = setup();
    editor.setViewport({ x: 0, y: 0, scale: 0.2 });
    editor.setTool('note');
    gesture('note', [5000, 5000], [5000, 5000]);
    const [free] = byType('note');
    expect(free).toMatchObject({ width: 850, height: 850, x: 5000 - 425, y: 5000 - 425 });
    editor.stopEditing();
    editor.setViewport({ x: 0, y: 0, scale: 1 });
    gesture('frame', [0, 0], [1200, 900]);
    editor.setViewport({ x: 0, y: 0, scale: 0.2 });
    editor.setTool('note');
    gesture('note', [600, 450], [600, 450]);
    const inFrame = byType('note').find((n) => n.id !== free!.id)!;
    expect(inFrame).toMatchObject({ width: 300, height: 300, frameId: byType('frame')[0]!.id });
  });

  it('draws a rectangle by dragging and an ellipse with the default size on a click', () => {
    const { gesture, byType } = setup();
    gesture('rect', [100, 100], [300, 250]);
    gesture('ellipse', [600, 600], [600, 600]);
    const shapes = byType('shape');
    expect(shapes.find((s) => s.kind === 'rect')).toMatchObject({ x: 100, y: 100, width: 200, height: 150 });
    expect(shapes.find((s) => s.kind === 'ellipse')).toMatchObject({ x: 500, y: 530, width: 200, height: 140 });
  });

  it('moves the selection on drag, with one undo step', () => {
    const { editor, gesture, byType, undo } = setup();
    gesture('rect', [100, 100], [300, 300]);
    editor.undoManager.stopCapturing();
    gesture('select', [200, 200], [260, 230]);
    expect(byType('shape')[0]).toMatchObject({ x: 160, y: 130 });
    expect(editor.getState().preview).toBeNull();
    undo();
    expect(byType('shape')[0]).toMatchObject({ x: 100, y: 100 });
  });

  it('selects with a marquee and toggles with shift-click', () => {
    const { editor, gesture, byType } = setup();
    gesture('rect', [100, 100], [200, 200]);
    gesture('rect', [400, 100], [500, 200]);
    const [a, b] = byType('shape').sort((p, q) => p.x - q.x);
    gesture('select', [50, 50], [250, 250]);
    expect([...editor.getState().selection]).toEqual([a!.id]);
    gesture('select', [450, 150], [450, 150], { shiftKey: true });
    expect(new Set(editor.getState().selection)).toEqual(new Set([a!.id, b!.id]));
    gesture('select', [800, 700], [800, 700]);
    expect(editor.getState().selection.size).toBe(0);
  });

  it('connects two shapes with an arrow that attaches at both ends', () => {
    const { gesture, byType } = setup();
    gesture('rect', [100, 100], [200, 200]);
    gesture('rect', [400, 100], [500, 200]);
    const [a, b] = byType('shape').sort((p, q) => p.x - q.x);
    gesture('arrow', [150, 150], [450, 150]);
    expect(byType('arrow')[0]).toMatchObject({
      start: { kind: 'element', elementId: a!.id },
      end: { kind: 'element', elementId: b!.id },
    });
  });

  it('carries a frame’s contents when the frame is dragged by its title', () => {
    const { editor, gesture, byType } = setup();
    editor.setTool('note');
    gesture('note', [300, 300], [300, 300]);
    editor.stopEditing();
    gesture('frame', [100, 100], [600, 600]);
    const [frame] = byType('frame');
    expect(byType('note')[0]!.frameId).toBe(frame!.id);
    gesture('select', [150, 90], [250, 90]);
    expect(byType('frame')[0]).toMatchObject({ x: 200, y: 100 });
    expect(byType('note')[0]).toMatchObject({ x: 300, y: 200, frameId: frame!.id });
    // Dragging the note out of the frame takes it out of the frame.
    gesture('select', [400, 300], [900, 300]);
    expect(byType('note')[0]).toMatchObject({ x: 800, frameId: null });
  });

  it('pans with the hand tool', () => {
    const { editor, gesture } = setup();
    gesture('hand', [100, 100], [150, 80]);
    expect(editor.getState().viewport).toEqual({ x: 50, y: -20, scale: 1 });
  });
});
