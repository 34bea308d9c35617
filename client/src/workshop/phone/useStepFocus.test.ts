import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { insertElement } from '@sammen/shared';
import { Editor } from '../../editor/Editor.js';
import { createUndoManager } from '../../sync/undo.js';
import { boxContainsBox } from '../../geometry/bounds.js';
import { visibleWorldBox } from '../../geometry/viewport.js';
import { fitWhenSized } from './useStepFocus.js';

const frame = { x: 1200, y: 0, width: 1100, height: 1000 };

function editor(): Editor {
  const doc = new Y.Doc();
  insertElement(doc, { id: 'q1', type: 'frame', index: 'a0', frameId: null, ...frame, title: 'What matters to you?', fill: 'white' });
  return new Editor(doc, createUndoManager(doc));
}

const shows = (e: Editor): boolean => boxContainsBox(visibleWorldBox(e.getState().viewport, e.size), frame);

describe('fitWhenSized', () => {
  it('fits the frame once the canvas has a size, even after the editor zoomed to fit the board', () => {
    const e = editor();
    fitWhenSized(e, frame);
    e.zoomToFitWhenSized();
    e.setSize({ width: 390, height: 700 });
    expect(shows(e)).toBe(true);
    expect(e.getState().viewport.scale).toBeCloseTo((390 - 24) / 1100);
  });

  it('keeps the frame fitted when the board arrives after the step and zooms to show itself whole', () => {
    const e = editor();
    insertElement(e.doc, { id: 'far', type: 'frame', index: 'a1', frameId: null, x: 6000, y: 4000, width: 800, height: 600, title: 'Parking lot', fill: 'grey' });
    e.setSize({ width: 1440, height: 750 });
    fitWhenSized(e, frame);
    e.zoomToFitWhenSized();
    expect(shows(e)).toBe(true);
    expect(e.getState().viewport.scale).toBeCloseTo(Math.min((1440 - 24) / 1100, (750 - 46) / 1000));
    // A person's own fit of the whole board afterwards is theirs to keep.
    e.zoomToFit();
    expect(e.getState().viewport.scale).toBeLessThan(0.3);
  });

  it('keeps the frame fitted while bars appear around the board', () => {
    const e = editor();
    e.setSize({ width: 1440, height: 800 });
    fitWhenSized(e, frame);
    e.setSize({ width: 1440, height: 640 });
    expect(shows(e)).toBe(true);
    expect(e.getState().viewport.scale).toBeCloseTo((640 - 34 - 12) / 1000);
  });

  it('stops once the person moves the camera themselves', () => {
    const e = editor();
    e.setSize({ width: 1440, height: 800 });
    fitWhenSized(e, frame);
    e.zoomBy(2);
    const zoomed = e.getState().viewport.scale;
    e.setSize({ width: 1440, height: 640 });
    expect(e.getState().viewport.scale).toBe(zoomed);
  });

  it('moves the frame beside a panel that comes over the left of the board, and back when it goes', () => {
    const e = editor();
    e.setSize({ width: 1280, height: 700 });
    fitWhenSized(e, frame);
    const left = (): number => frame.x * e.getState().viewport.scale + e.getState().viewport.x;
    const right = (): number => (frame.x + frame.width) * e.getState().viewport.scale + e.getState().viewport.x;
    const centred = { left: left(), right: right() };
    expect(centred.left).toBeLessThan(400);
    e.setCovered('results', { x: 60, y: 0, width: 340, height: 400 });
    expect(left()).toBeGreaterThanOrEqual(400 + 12 - 1e-9);
    expect(right()).toBeLessThanOrEqual(1280 - 12 + 1e-9);
    expect(shows(e)).toBe(true);
    e.setCovered('results', null);
    expect(left()).toBeCloseTo(centred.left);
    expect(right()).toBeCloseTo(centred.right);
  });

  it('leaves the camera of a person who moved it when a panel comes', () => {
    const e = editor();
    e.setSize({ width: 1280, height: 700 });
    fitWhenSized(e, frame);
    e.zoomBy(1.5);
    const moved = e.getState().viewport;
    e.setCovered('results', { x: 60, y: 0, width: 340, height: 400 });
    expect(e.getState().viewport).toBe(moved);
  });
});

describe('Editor.setCovered', () => {
  it('keeps fits of a rectangle and of the whole board clear of the panels; telling the same again changes nothing', () => {
    const e = editor();
    e.setSize({ width: 1280, height: 700 });
    e.setCovered('a', { x: 60, y: 0, width: 240, height: 300 });
    e.setCovered('b', { x: 60, y: 0, width: 360, height: 500 });
    e.fitBoardRect(frame);
    const { x, scale } = e.getState().viewport;
    expect(frame.x * scale + x).toBeGreaterThanOrEqual(420 - 1e-9);
    expect((frame.x + frame.width) * scale + x).toBeLessThanOrEqual(1280 + 1e-9);
    e.setCovered('b', null);
    e.zoomToFit();
    const v = e.getState().viewport;
    expect(frame.x * v.scale + v.x).toBeGreaterThanOrEqual(300 + 12 - 1e-9);
    let told = 0;
    e.subscribe(() => told++);
    e.setCovered('a', { x: 60, y: 0, width: 240, height: 300 });
    e.setCovered('nothing', null);
    expect(told).toBe(0);
  });

  it('redoes the opening fit of the whole board around a panel that comes, unless the person moved since', () => {
    const e = editor();
    e.setSize({ width: 1280, height: 700 });
    e.zoomToFitWhenSized();
    const left = (): number => frame.x * e.getState().viewport.scale + e.getState().viewport.x;
    expect(left()).toBeLessThan(400);
    e.setCovered('map', { x: 60, y: 0, width: 340, height: 600 });
    expect(left()).toBeGreaterThanOrEqual(400 + 64 - 1e-9);
    e.setCovered('map', null);
    expect(left()).toBeLessThan(400);
    e.zoomBy(1.2);
    const moved = e.getState().viewport;
    e.setCovered('map', { x: 60, y: 0, width: 340, height: 600 });
    expect(e.getState().viewport).toBe(moved);
  });

  it('redoes a fit of a rectangle (follow me, "show on board") around a panel, unless the person moved since', () => {
    const e = editor();
    e.setSize({ width: 1280, height: 700 });
    e.fitBoardRect(frame);
    const left = (): number => frame.x * e.getState().viewport.scale + e.getState().viewport.x;
    expect(left()).toBeLessThan(400);
    e.setCovered('results', { x: 60, y: 0, width: 340, height: 400 });
    expect(left()).toBeGreaterThanOrEqual(400 - 1e-9);
    // A bar appears above the board: the canvas shrinks, the fit stays a fit.
    e.setSize({ width: 1280, height: 640 });
    e.setCovered('results', null);
    expect(left()).toBeLessThan(400);
    e.zoomBy(0.9);
    const moved = e.getState().viewport;
    e.setCovered('results', { x: 60, y: 0, width: 340, height: 400 });
    expect(e.getState().viewport).toBe(moved);
  });
});
