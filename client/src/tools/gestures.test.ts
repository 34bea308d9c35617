import { describe, expect, it } from 'vitest';
import { DOUBLE_TAP_MS, GestureMachine, LONG_PRESS_MS, TOUCH_SLOP_PX, type GestureOutput } from './gestures.js';

const p = (x: number, y: number) => ({ x, y });

/** Sums the pans and multiplies the zooms of a run of outputs. */
function camera(outs: GestureOutput[]): { dx: number; dy: number; factor: number } {
  let dx = 0;
  let dy = 0;
  let factor = 1;
  for (const o of outs) {
    if (o.kind === 'pan') {
      dx += o.dx;
      dy += o.dy;
    }
    if (o.kind === 'zoom') factor *= o.factor;
  }
  return { dx, dy, factor };
}

describe('GestureMachine (touch)', () => {
  it('one finger on empty board pans by exactly how far it moved, and is not a tap', () => {
    const g = new GestureMachine();
    expect(g.feed({ type: 'down', id: 1, at: p(100, 100), t: 0, pans: true })).toEqual([]);
    const outs = [
      ...g.feed({ type: 'move', id: 1, at: p(103, 100), t: 10 }), // inside the slop: nothing yet
      ...g.feed({ type: 'move', id: 1, at: p(130, 120), t: 20 }),
      ...g.feed({ type: 'move', id: 1, at: p(160, 80), t: 30 }),
    ];
    expect(outs.every((o) => o.kind === 'pan')).toBe(true);
    expect(camera(outs)).toEqual({ dx: 60, dy: -20, factor: 1 });
    expect(g.feed({ type: 'up', id: 1, at: p(160, 80), t: 40 })).toEqual([]);
  });

  it('a tap on empty board is a press and release for the tool (clears the selection)', () => {
    const g = new GestureMachine();
    g.feed({ type: 'down', id: 1, at: p(50, 60), t: 0, pans: true });
    g.feed({ type: 'move', id: 1, at: p(52, 61), t: 30 });
    expect(g.feed({ type: 'up', id: 1, at: p(52, 61), t: 60 })).toEqual([
      { kind: 'toolDown', at: p(50, 60), count: 1 },
      { kind: 'toolUp', at: p(50, 60) },
    ]);
  });

  it('a tap on an element is a press and release (select); a second tap soon after is a double tap (edit)', () => {
    const g = new GestureMachine();
    expect(g.feed({ type: 'down', id: 1, at: p(10, 10), t: 0, pans: false })).toEqual([]);
    expect(g.feed({ type: 'up', id: 1, at: p(11, 10), t: 80 })).toEqual([
      { kind: 'toolDown', at: p(10, 10), count: 1 },
      { kind: 'toolUp', at: p(10, 10) },
    ]);
    g.feed({ type: 'down', id: 2, at: p(14, 12), t: 80 + DOUBLE_TAP_MS - 50, pans: false });
    expect(g.feed({ type: 'up', id: 2, at: p(14, 12), t: 80 + DOUBLE_TAP_MS })).toEqual([
      { kind: 'toolDown', at: p(14, 12), count: 2 },
      { kind: 'toolUp', at: p(14, 12) },
    ]);
  });

  it('taps too far apart in time are two single taps', () => {
    const g = new GestureMachine();
    g.feed({ type: 'down', id: 1, at: p(10, 10), t: 0, pans: false });
    g.feed({ type: 'up', id: 1, at: p(10, 10), t: 50 });
    g.feed({ type: 'down', id: 2, at: p(10, 10), t: 50 + DOUBLE_TAP_MS + 100, pans: false });
    expect(g.feed({ type: 'up', id: 2, at: p(10, 10), t: 50 + DOUBLE_TAP_MS + 150 })[0]).toMatchObject({ count: 1 });
  });

  it('dragging on an element presses the tool where the finger went down and moves it, once past the slop', () => {
    const g = new GestureMachine();
    g.feed({ type: 'down', id: 1, at: p(0, 0), t: 0, pans: false });
    expect(g.feed({ type: 'move', id: 1, at: p(TOUCH_SLOP_PX - 2, 0), t: 10 })).toEqual([]);
    expect(g.feed({ type: 'move', id: 1, at: p(40, 0), t: 20 })).toEqual([
      { kind: 'toolDown', at: p(0, 0), count: 1 },
      { kind: 'toolMove', at: p(40, 0) },
    ]);
    expect(g.feed({ type: 'move', id: 1, at: p(42, 3), t: 25 })).toEqual([{ kind: 'toolMove', at: p(42, 3) }]);
    expect(g.feed({ type: 'up', id: 1, at: p(45, 0), t: 30 })).toEqual([{ kind: 'toolUp', at: p(45, 0) }]);
    // A drag is no tap: a tap right after is a single one.
    g.feed({ type: 'down', id: 2, at: p(45, 0), t: 60, pans: false });
    expect(g.feed({ type: 'up', id: 2, at: p(45, 0), t: 90 })[0]).toMatchObject({ count: 1 });
  });

  it('pinch: zooms by the ratio of finger distances around their centre, and pans with the centre', () => {
    const g = new GestureMachine();
    g.feed({ type: 'down', id: 1, at: p(100, 100), t: 0, pans: true });
    g.feed({ type: 'down', id: 2, at: p(200, 100), t: 5, pans: true });
    const outs = [
      ...g.feed({ type: 'move', id: 1, at: p(50, 100), t: 20 }),
      ...g.feed({ type: 'move', id: 2, at: p(250, 100), t: 20 }),
    ];
    const zooms = outs.filter((o) => o.kind === 'zoom');
    expect(zooms.length).toBe(2);
    expect(camera(outs).factor).toBeCloseTo(2, 10);
    // Spreading symmetrically keeps the centre: no net pan.
    expect(camera(outs).dx).toBeCloseTo(0, 10);
    expect(zooms.at(-1)).toMatchObject({ at: p(150, 100) });
    // Two fingers moving together pan.
    const pan = [...g.feed({ type: 'move', id: 1, at: p(50, 140), t: 30 }), ...g.feed({ type: 'move', id: 2, at: p(250, 140), t: 30 })];
    expect(camera(pan)).toEqual({ dx: 0, dy: 40, factor: 1 });
  });

  it('a pinch that starts on an element neither selects nor moves it', () => {
    const g = new GestureMachine();
    expect(g.feed({ type: 'down', id: 1, at: p(0, 0), t: 0, pans: false })).toEqual([]);
    expect(g.feed({ type: 'down', id: 2, at: p(100, 0), t: 10, pans: false })).toEqual([]);
    expect(camera(g.feed({ type: 'move', id: 2, at: p(50, 0), t: 20 })).factor).toBeCloseTo(0.5, 10);
    // Lifting one finger leaves the other panning; it never becomes a tool gesture or a tap.
    expect(g.feed({ type: 'up', id: 2, at: p(50, 0), t: 30 })).toEqual([]);
    expect(g.feed({ type: 'move', id: 1, at: p(0, 30), t: 40 })).toEqual([{ kind: 'pan', dx: 0, dy: 30 }]);
    expect(g.feed({ type: 'up', id: 1, at: p(0, 30), t: 50 })).toEqual([]);
  });

  it('a second finger while dragging an element cancels the drag and pinches instead', () => {
    const g = new GestureMachine();
    g.feed({ type: 'down', id: 1, at: p(0, 0), t: 0, pans: false });
    g.feed({ type: 'move', id: 1, at: p(30, 0), t: 10 });
    expect(g.feed({ type: 'down', id: 2, at: p(100, 0), t: 20, pans: false })).toEqual([{ kind: 'toolCancel' }]);
    expect(camera(g.feed({ type: 'move', id: 2, at: p(65, 0), t: 30 })).factor).toBeCloseTo(0.5, 10);
  });

  it('a long press opens the menu at the finger; lifting does nothing more', () => {
    const g = new GestureMachine();
    g.feed({ type: 'down', id: 1, at: p(30, 40), t: 1000, pans: false });
    expect(g.awaitingLongPress).toBe(true);
    expect(g.feed({ type: 'tick', t: 1000 + LONG_PRESS_MS - 1 })).toEqual([]);
    expect(g.feed({ type: 'tick', t: 1000 + LONG_PRESS_MS })).toEqual([{ kind: 'menu', at: p(30, 40) }]);
    expect(g.awaitingLongPress).toBe(false);
    expect(g.feed({ type: 'move', id: 1, at: p(80, 40), t: 1700 })).toEqual([]);
    expect(g.feed({ type: 'up', id: 1, at: p(80, 40), t: 1800 })).toEqual([]);
    // And the machine is ready for the next gesture.
    expect(g.feed({ type: 'down', id: 2, at: p(0, 0), t: 2000, pans: true })).toEqual([]);
  });

  it('no long press once the finger has moved (a pan or a drag)', () => {
    const g = new GestureMachine();
    g.feed({ type: 'down', id: 1, at: p(0, 0), t: 0, pans: true });
    g.feed({ type: 'move', id: 1, at: p(40, 0), t: 100 });
    expect(g.awaitingLongPress).toBe(false);
    expect(g.feed({ type: 'tick', t: 2000 })).toEqual([]);
  });

  it('a cancelled touch (the browser took it) abandons the tool gesture', () => {
    const g = new GestureMachine();
    g.feed({ type: 'down', id: 1, at: p(0, 0), t: 0, pans: false });
    g.feed({ type: 'move', id: 1, at: p(30, 0), t: 5 });
    expect(g.feed({ type: 'cancel', id: 1 })).toEqual([{ kind: 'toolCancel' }]);
    expect(g.feed({ type: 'tick', t: 5000 })).toEqual([]);
  });
});
