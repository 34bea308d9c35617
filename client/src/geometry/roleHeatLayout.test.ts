import { describe, expect, it } from 'vitest';
import { ROLE_HEAT, heatShare, placeRoleHeat, roleGridRows, roleHeatLayout } from './roleHeatLayout.js';

// The Kommune grid as the template places it: frame at (0, 733) 2840 × 1510, rows of 160 from y 923.
const frame = { x: 0, y: 733, width: 2840, height: 1510 };
const children = [
  { id: 'head-paradigm', y: 773, height: 150 },
  ...Array.from({ length: 8 }, (_, i) => ({ id: `row-${i + 1}-label`, y: 923 + i * 160, height: 160 })).reverse(),
  { id: 'cell-1-1', y: 923, height: 160 },
  { id: 'row-9-label', y: 2203, height: 160 },
];

describe('roleGridRows', () => {
  it('takes the data rows by their label id, in the scale order, and skips the header and unknown rows', () => {
    const rows = roleGridRows(children, 8);
    expect(rows.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(rows[0]).toEqual({ index: 0, y: 923, height: 160 });
    expect(rows[7]).toEqual({ index: 7, y: 2043, height: 160 });
  });

  it('accepts a prefixed id', () => {
    expect(roleGridRows([{ id: 'abc-row-2-label', y: 5, height: 10 }], 8)).toEqual([{ index: 1, y: 5, height: 10 }]);
  });
});

describe('roleHeatLayout', () => {
  const layout = roleHeatLayout(frame, roleGridRows(children, 8))!;

  it('sits just right of the frame and spans each row’s y-range', () => {
    expect(layout.bounds.x).toBe(frame.x + frame.width + ROLE_HEAT.gutter);
    for (const row of layout.rows) {
      const y = 923 + row.index * 160;
      for (const c of [...row.cells, row.gap]) {
        expect(c.y).toBeGreaterThanOrEqual(y);
        expect(c.y + c.height).toBeLessThanOrEqual(y + 160);
      }
    }
  });

  it('has Today 1.0–3.0, then Goal 1.0–3.0, then the gap, left to right without overlap', () => {
    const row = layout.rows[0]!;
    expect(row.cells.map((c) => `${c.kind}${c.column}`)).toEqual(['today0', 'today1', 'today2', 'goal0', 'goal1', 'goal2']);
    const boxes = [...row.cells, row.gap];
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.x).toBeGreaterThanOrEqual(boxes[i - 1]!.x + boxes[i - 1]!.width);
  });

  it('puts the headings in the band above the first row, over their cells', () => {
    for (const c of layout.columns) {
      expect(c.y + c.height).toBe(923);
      const cell = layout.rows[0]!.cells.find((x) => x.kind === c.kind && x.column === c.column)!;
      expect(cell.x).toBeGreaterThanOrEqual(c.x);
      expect(cell.x + cell.width).toBeLessThanOrEqual(c.x + c.width);
    }
    expect(layout.gapHeading.x).toBe(layout.rows[0]!.gap.x);
    expect(layout.bounds.y).toBe(923 - ROLE_HEAT.headerHeight);
    expect(layout.bounds.y + layout.bounds.height).toBe(2043 + 160);
  });

  it('draws nothing without rows', () => {
    expect(roleHeatLayout(frame, [])).toBeNull();
  });
});

describe('placeRoleHeat', () => {
  const rows = roleGridRows(children, 8);
  it('goes right of the frame when nothing is there', () => {
    expect(placeRoleHeat(frame, rows, [{ x: 0, y: 0, width: 900, height: 613 }])!.bounds.x).toBe(2840 + ROLE_HEAT.gutter);
  });
  it('goes left of the frame when the right would cover another frame (the template’s steering frame)', () => {
    const layout = placeRoleHeat(frame, rows, [{ x: 2960, y: 1152, width: 1160, height: 562 }])!;
    expect(layout.bounds.x + layout.bounds.width).toBe(-ROLE_HEAT.gutter);
    expect(layout.rows[0]!.gap.x + layout.rows[0]!.gap.width).toBe(-ROLE_HEAT.gutter);
  });
});

describe('heatShare', () => {
  it('is the share of the kind’s markers, 0 without any', () => {
    expect(heatShare(3, 12)).toBe(0.25);
    expect(heatShare(0, 0)).toBe(0);
  });
});
