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
});
