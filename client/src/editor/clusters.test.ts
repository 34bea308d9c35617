import { describe, expect, it } from 'vitest';
import { boxContainsBox, boxesIntersect } from '../geometry/bounds.js';
import {
  CLUSTER_GAP,
  CLUSTER_PADDING,
  shelfSpot,
  STACK_STEP,
  frameAround,
  gridColumns,
  layoutItems,
  parkingLotBox,
  planGroup,
  planTidy,
  readingOrder,
  type Item,
} from './clusters.js';

const note = (id: string, x: number, y: number, size = 200): Item => ({ id, x, y, width: size, height: size });

describe('readingOrder', () => {
  it('reads rows top to bottom and each row left to right, ignoring small vertical jitter', () => {
    const items = [note('c', 500, 10), note('a', 0, 30), note('b', 250, 0), note('d', 0, 400)];
    expect(readingOrder(items).map((i) => i.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('does not change the input', () => {
    const items = [note('b', 300, 0), note('a', 0, 0)];
    readingOrder(items);
    expect(items.map((i) => i.id)).toEqual(['b', 'a']);
  });
});

describe('layoutItems', () => {
  it('lays out a grid of equal cells, about square', () => {
    expect(gridColumns(1)).toBe(1);
    expect(gridColumns(4)).toBe(2);
    expect(gridColumns(5)).toBe(3);
    const items = [note('a', 900, 900), note('b', 0, 0), note('c', 400, 0, 100), note('d', 0, 500)];
    const pos = layoutItems(items, { x: 10, y: 20 }, 'grid');
    const step = 200 + CLUSTER_GAP;
    expect(pos.get('b')).toEqual({ x: 10, y: 20 });
    expect(pos.get('c')).toEqual({ x: 10 + step, y: 20 });
    expect(pos.get('d')).toEqual({ x: 10, y: 20 + step });
    expect(pos.get('a')).toEqual({ x: 10 + step, y: 20 + step });
  });

  it('never overlaps two notes in a grid', () => {
    const items = Array.from({ length: 11 }, (_, i) => note(`n${i}`, (i * 137) % 900, (i * 311) % 700));
    const pos = layoutItems(items, { x: 0, y: 0 }, 'grid');
    const boxes = items.map((i) => ({ ...i, ...pos.get(i.id)! }));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) expect(boxesIntersect(boxes[i]!, boxes[j]!)).toBe(false);
    }
  });

  it('stacks notes one below the other, each first line showing', () => {
    const pos = layoutItems([note('b', 0, 300), note('a', 0, 0)], { x: 5, y: 5 }, 'stack');
    expect(pos.get('a')).toEqual({ x: 5, y: 5 });
    expect(pos.get('b')).toEqual({ x: 5, y: 5 + STACK_STEP });
  });
});

describe('planGroup', () => {
  it('gathers scattered notes at the top-left of where they were, inside a padded frame', () => {
    const items = [note('a', 100, 100), note('b', 3000, 2000), note('c', 1500, 100)];
    const plan = planGroup(items)!;
    expect(plan.positions.get('a')).toEqual({ x: 100, y: 100 });
    expect(plan.positions.get('c')).toEqual({ x: 100 + 200 + CLUSTER_GAP, y: 100 });
    expect(plan.positions.get('b')).toEqual({ x: 100, y: 100 + 200 + CLUSTER_GAP });
    expect(plan.frame).toEqual({
      x: 100 - CLUSTER_PADDING,
      y: 100 - CLUSTER_PADDING,
      width: 2 * 200 + CLUSTER_GAP + 2 * CLUSTER_PADDING,
      height: 2 * 200 + CLUSTER_GAP + 2 * CLUSTER_PADDING,
    });
    for (const item of items) expect(boxContainsBox(plan.frame, { ...item, ...plan.positions.get(item.id)! })).toBe(true);
  });

  it('has nothing to plan without notes', () => {
    expect(planGroup([])).toBeNull();
  });
});

describe('planTidy', () => {
  it('lays the notes out inside the frame and fits the frame to them', () => {
    const frame = { x: 0, y: 0, width: 2000, height: 300 };
    const plan = planTidy(frame, [note('a', 1500, 50), note('b', 40, 60)], 'grid');
    expect(plan.positions.get('b')).toEqual({ x: CLUSTER_PADDING, y: CLUSTER_PADDING });
    expect(plan.positions.get('a')).toEqual({ x: CLUSTER_PADDING + 200 + CLUSTER_GAP, y: CLUSTER_PADDING });
    expect(plan.frame).toEqual({ x: 0, y: 0, width: 2 * 200 + CLUSTER_GAP + 2 * CLUSTER_PADDING, height: 200 + 2 * CLUSTER_PADDING });
  });

  it('fits a stack too', () => {
    const plan = planTidy({ x: 10, y: 10, width: 100, height: 100 }, [note('a', 0, 0), note('b', 0, 900), note('c', 0, 1800)], 'stack');
    expect(plan.frame.height).toBe(200 + 2 * STACK_STEP + 2 * CLUSTER_PADDING);
  });

  it('keeps an empty cluster as it is', () => {
    const frame = { x: 1, y: 2, width: 3, height: 4 };
    expect(planTidy(frame, [], 'grid')).toEqual({ frame, positions: new Map() });
  });
});

describe('frameAround and parkingLotBox', () => {
  it('pads the union of the boxes', () => {
    expect(frameAround([note('a', 0, 0, 10), note('b', 90, 40, 10)], 5)).toEqual({ x: -5, y: -5, width: 110, height: 60 });
    expect(frameAround([])).toBeNull();
  });

  it('puts the parking lot to the right of everything, never over it', () => {
    const content = { x: -100, y: 50, width: 1000, height: 400 };
    const lot = parkingLotBox(content);
    expect(lot.x).toBeGreaterThan(content.x + content.width);
    expect(lot.y).toBe(50);
    expect(boxesIntersect(lot, content)).toBe(false);
    expect(parkingLotBox(null)).toMatchObject({ x: 0, y: 0 });
  });
});

describe('shelfSpot', () => {
  const frame = { x: 0, y: 0, width: 1000, height: 600 };
  const size = { width: 300, height: 200 };
  const loose = [{ x: 40, y: 40, width: 200, height: 200 }, { x: 600, y: 240, width: 200, height: 200 }];
  it('puts the first cluster on a shelf below the loose notes, at the left', () => {
    expect(shelfSpot(frame, size, loose, [])).toEqual({ x: CLUSTER_PADDING, y: 440 + 2 * CLUSTER_GAP });
  });
  it('puts the next beside the clusters on the shelf, and starts a new row when the frame is full', () => {
    const y = 440 + 2 * CLUSTER_GAP;
    // The size may come as a whole box (the planned cluster frame): only its width and height count.
    const planned = { x: 5000, y: 5000, ...size };
    expect(shelfSpot(frame, planned, loose, [{ x: CLUSTER_PADDING, y, ...size }])).toEqual({ x: CLUSTER_PADDING + size.width + 2 * CLUSTER_GAP, y });
    const a = { x: CLUSTER_PADDING, y, ...size };
    expect(shelfSpot(frame, size, loose, [a])).toEqual({ x: a.x + a.width + 2 * CLUSTER_GAP, y });
    const b = { x: a.x + a.width + 2 * CLUSTER_GAP, y, ...size };
    const c = { x: b.x + b.width + 2 * CLUSTER_GAP, y, width: 200, height: 260 };
    expect(shelfSpot(frame, size, loose, [a, b, c])).toEqual({ x: CLUSTER_PADDING, y: y + 260 + 2 * CLUSTER_GAP });
  });
});
