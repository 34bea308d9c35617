import type { Point } from '../geometry/bounds.js';
import { distance } from '../geometry/bounds.js';

/**
 * Touch gestures on the canvas, as a pure state machine: touch pointers in, camera and tool actions
 * out. Behaves like Miro's mobile app: one finger on empty board pans, one finger dragging an element
 * (or with a drawing tool) works the tool, two fingers pinch-zoom around their centre and pan, a tap
 * selects, a double tap edits, a long press opens the element's menu. A finger does nothing to the
 * board until it is clearly a tap, a drag or a long press, so a pinch that starts on a note neither
 * selects nor moves it. Mouse and pen never come here.
 * Times are milliseconds from any clock; the view feeds `tick` when a long press may be due.
 */

export type GestureInput =
  | {
      type: 'down';
      id: number;
      at: Point;
      t: number;
      /** Whether one finger here should pan (empty board with the select tool, or the hand tool). */
      pans: boolean;
    }
  | { type: 'move'; id: number; at: Point; t: number }
  | { type: 'up'; id: number; at: Point; t: number }
  | { type: 'cancel'; id: number }
  | { type: 'tick'; t: number };

export type GestureOutput =
  /** Start the active tool's gesture (a press), with the tap count (2 = double tap). */
  | { kind: 'toolDown'; at: Point; count: number }
  | { kind: 'toolMove'; at: Point }
  | { kind: 'toolUp'; at: Point }
  /** Abandon the tool's gesture (a second finger arrived, or a long press took over). */
  | { kind: 'toolCancel' }
  | { kind: 'pan'; dx: number; dy: number }
  /** Zoom by `factor` keeping the screen point `at` fixed. */
  | { kind: 'zoom'; at: Point; factor: number }
  /** A long press: open the menu of what is under `at`. */
  | { kind: 'menu'; at: Point };

/** Finger travel (CSS px) below which a touch is a tap or a long press, not a drag. */
export const TOUCH_SLOP_PX = 10;
export const LONG_PRESS_MS = 500;
/** A second tap this soon and this close makes a double tap. */
export const DOUBLE_TAP_MS = 400;
export const DOUBLE_TAP_PX = 30;

type Finger = { id: number; at: Point };

type State =
  | { kind: 'idle' }
  /** One finger down, not yet a tap, a drag or a long press; `pans` says what a drag would be. */
  | { kind: 'pending'; finger: Finger; start: Point; t0: number; count: number; pans: boolean }
  | { kind: 'panning'; finger: Finger }
  /** One finger dragging with the tool (moving an element, or drawing). */
  | { kind: 'tool'; finger: Finger }
  | { kind: 'pinch'; a: Finger; b: Finger }
  /** The gesture is over (a long press opened the menu); wait until every finger is up. */
  | { kind: 'spent'; fingers: Set<number> };

const mid = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });

export class GestureMachine {
  private state: State = { kind: 'idle' };
  private lastTap: { t: number; at: Point; count: number } | null = null;

  /** Whether a long press is still possible (the view schedules a `tick` then). */
  get awaitingLongPress(): boolean {
    return this.state.kind === 'pending';
  }

  /** Feeds one input; returns what to do, in order. */
  feed(input: GestureInput): GestureOutput[] {
    const s = this.state;
    switch (input.type) {
      case 'down':
        return this.down(input);
      case 'move': {
        if (s.kind === 'pending' && s.finger.id === input.id) {
          if (distance(s.start, input.at) < TOUCH_SLOP_PX) return [];
          this.lastTap = null;
          const finger = { id: input.id, at: input.at };
          if (s.pans) {
            this.state = { kind: 'panning', finger };
            return [{ kind: 'pan', dx: input.at.x - s.finger.at.x, dy: input.at.y - s.finger.at.y }];
          }
          // A drag: the tool is pressed where the finger went down, then follows it.
          this.state = { kind: 'tool', finger };
          return [
            { kind: 'toolDown', at: s.start, count: 1 },
            { kind: 'toolMove', at: input.at },
          ];
        }
        if (s.kind === 'panning' && s.finger.id === input.id) {
          const out: GestureOutput = { kind: 'pan', dx: input.at.x - s.finger.at.x, dy: input.at.y - s.finger.at.y };
          s.finger = { id: input.id, at: input.at };
          return [out];
        }
        if (s.kind === 'tool' && s.finger.id === input.id) {
          s.finger = { id: input.id, at: input.at };
          return [{ kind: 'toolMove', at: input.at }];
        }
        if (s.kind === 'pinch' && (s.a.id === input.id || s.b.id === input.id)) {
          const before = { a: s.a.at, b: s.b.at };
          if (s.a.id === input.id) s.a = { id: input.id, at: input.at };
          else s.b = { id: input.id, at: input.at };
          const m0 = mid(before.a, before.b);
          const m1 = mid(s.a.at, s.b.at);
          const d0 = distance(before.a, before.b);
          const d1 = distance(s.a.at, s.b.at);
          const out: GestureOutput[] = [];
          if (m1.x !== m0.x || m1.y !== m0.y) out.push({ kind: 'pan', dx: m1.x - m0.x, dy: m1.y - m0.y });
          if (d0 > 0 && d1 > 0 && d1 !== d0) out.push({ kind: 'zoom', at: m1, factor: d1 / d0 });
          return out;
        }
        return [];
      }
      case 'up':
        return this.up(input);
      case 'cancel': {
        if (s.kind === 'tool' && s.finger.id === input.id) {
          this.state = { kind: 'idle' };
          return [{ kind: 'toolCancel' }];
        }
        return this.release(input.id);
      }
      case 'tick': {
        if (!this.awaitingLongPress) return [];
        const st = s as Extract<State, { kind: 'pending' }>;
        if (input.t - st.t0 < LONG_PRESS_MS) return [];
        this.state = { kind: 'spent', fingers: new Set([st.finger.id]) };
        this.lastTap = null;
        return [{ kind: 'menu', at: st.finger.at }];
      }
    }
  }

  private down(input: Extract<GestureInput, { type: 'down' }>): GestureOutput[] {
    const s = this.state;
    const finger = { id: input.id, at: input.at };
    switch (s.kind) {
      case 'idle': {
        const last = this.lastTap;
        const count =
          last && input.t - last.t < DOUBLE_TAP_MS && distance(last.at, input.at) < DOUBLE_TAP_PX ? last.count + 1 : 1;
        this.state = { kind: 'pending', finger, start: input.at, t0: input.t, count, pans: input.pans };
        return [];
      }
      case 'pending':
      case 'panning':
        this.state = { kind: 'pinch', a: s.finger, b: finger };
        this.lastTap = null;
        return [];
      case 'tool':
        this.state = { kind: 'pinch', a: s.finger, b: finger };
        this.lastTap = null;
        return [{ kind: 'toolCancel' }];
      case 'pinch':
        // A third finger changes nothing; it is ignored until the pinch ends.
        return [];
      case 'spent':
        s.fingers.add(input.id);
        return [];
    }
  }

  private up(input: Extract<GestureInput, { type: 'up' }>): GestureOutput[] {
    const s = this.state;
    if (s.kind === 'pending' && s.finger.id === input.id) {
      // A tap: the tool sees a press and a release where the finger went down (the select tool
      // selects what is there, or clears the selection on empty board; a second tap edits).
      this.state = { kind: 'idle' };
      this.lastTap = { t: input.t, at: s.start, count: s.count };
      return [
        { kind: 'toolDown', at: s.start, count: s.count },
        { kind: 'toolUp', at: s.start },
      ];
    }
    if (s.kind === 'tool' && s.finger.id === input.id) {
      this.state = { kind: 'idle' };
      return [{ kind: 'toolUp', at: input.at }];
    }
    return this.release(input.id);
  }

  /** A finger leaves outside of a tap or a tool gesture. */
  private release(id: number): GestureOutput[] {
    const s = this.state;
    if (s.kind === 'pinch' && (s.a.id === id || s.b.id === id)) {
      // The finger left on the glass keeps panning, as in Miro.
      this.state = { kind: 'panning', finger: s.a.id === id ? s.b : s.a };
    } else if (s.kind === 'panning' && s.finger.id === id) {
      this.state = { kind: 'idle' };
    } else if (s.kind === 'pending' && s.finger.id === id) {
      this.state = { kind: 'idle' };
    } else if (s.kind === 'spent') {
      s.fingers.delete(id);
      if (s.fingers.size === 0) this.state = { kind: 'idle' };
    }
    return [];
  }

  /** Forgets everything (the view was detached). Returns a toolCancel if a tool gesture was open. */
  reset(): GestureOutput[] {
    const wasTool = this.state.kind === 'tool';
    this.state = { kind: 'idle' };
    this.lastTap = null;
    return wasTool ? [{ kind: 'toolCancel' }] : [];
  }
}
