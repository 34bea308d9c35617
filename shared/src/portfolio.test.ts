import { describe, expect, it } from 'vitest';
import { OTHER_AREA, PORTFOLIO, portfolioCellAt, portfolioLayout } from './portfolio.js';
import type { ProjectCard } from './schema/ProjectCard.js';

const frame = { x: 1000, y: 2000, width: 2400, height: 900 };
const card = (id: string, area: string, phase: ProjectCard['phase'], title = id) => ({ id, area, phase, title });
const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('portfolio layout', () => {
  it('has the three phases as columns and the four areas of the sources as rows by default', () => {
    const layout = portfolioLayout(frame, []);
    expect(layout.columns.map((c) => c.phase)).toEqual(['mobilise', 'consolidate', 'realise']);
    expect(layout.rows.map((r) => r.area)).toEqual(['technical-environment', 'children-culture', 'social-health', 'staff']);
    expect(layout.columns[0]!.x).toBe(frame.x + PORTFOLIO.areaColumn);
    expect(layout.rows[0]!.y).toBe(frame.y + PORTFOLIO.header);
  });

  it('puts each card in the cell of its phase and area, without overlaps, inside the frame', () => {
    const cards = [
      card('a', 'staff', 'consolidate'),
      card('b', 'staff', 'consolidate'),
      card('c', 'staff', 'consolidate'),
      card('d', 'social-health', 'realise'),
      card('e', 'technical-environment', 'mobilise'),
    ];
    const layout = portfolioLayout(frame, cards);
    for (const c of cards) {
      const slot = layout.cards.get(c.id)!;
      expect(portfolioCellAt(layout, slot.x + 1, slot.y + 1)).toEqual({ area: c.area, phase: c.phase });
      expect(portfolioCellAt(layout, slot.x + slot.width - 1, slot.y + slot.height - 1)).toEqual({ area: c.area, phase: c.phase });
      expect(slot.x + slot.width).toBeLessThanOrEqual(frame.x + layout.frame.width);
      expect(slot.y + slot.height).toBeLessThanOrEqual(frame.y + layout.frame.height);
    }
    const slots = [...layout.cards.values()];
    for (let i = 0; i < slots.length; i++) for (let j = i + 1; j < slots.length; j++) expect(overlaps(slots[i]!, slots[j]!)).toBe(false);
  });

  it('grows a row (and the frame) to hold a full cell, and orders a cell by title', () => {
    const cards = Array.from({ length: 7 }, (_, i) => card(`c${i}`, 'staff', 'mobilise', `Projekt ${7 - i}`));
    const layout = portfolioLayout(frame, cards);
    const staff = layout.rows.find((r) => r.area === 'staff')!;
    const other = layout.rows.find((r) => r.area === 'social-health')!;
    expect(staff.height).toBeGreaterThan(other.height);
    expect(layout.frame.height).toBeGreaterThan(frame.height);
    // "Projekt 1" (c6) first, then "Projekt 2" (c5): reading order follows the titles.
    const first = layout.cards.get('c6')!;
    const second = layout.cards.get('c5')!;
    expect(first.y < second.y || (first.y === second.y && first.x < second.x)).toBe(true);
  });

  it('uses the board’s own areas, and a row for cards of no listed area', () => {
    const layout = portfolioLayout({ ...frame, areas: ['Kultur', 'Skole'] }, [card('a', 'Skole', 'realise'), card('b', '', 'mobilise')]);
    expect(layout.rows.map((r) => r.area)).toEqual(['Kultur', 'Skole', OTHER_AREA]);
    const b = layout.cards.get('b')!;
    expect(portfolioCellAt(layout, b.x + 1, b.y + 1)).toEqual({ area: OTHER_AREA, phase: 'mobilise' });
  });

  it('gives a row’s space back when it empties (the frame is as tall as its rows)', () => {
    const withOther = portfolioLayout(frame, [card('a', '', 'mobilise')]);
    const placed = portfolioLayout({ ...frame, height: withOther.frame.height }, [card('a', 'staff', 'mobilise')]);
    expect(placed.rows.map((r) => r.area)).not.toContain(OTHER_AREA);
    expect(placed.frame.height).toBeLessThan(withOther.frame.height);
    expect(placed.frame.height).toBe(placed.rows.at(-1)!.y + placed.rows.at(-1)!.height - frame.y);
  });

  it('is the same for the same cards in any order (every client and the server agree)', () => {
    const cards = [card('a', 'staff', 'mobilise', 'B'), card('b', 'staff', 'mobilise', 'A'), card('c', 'staff', 'mobilise', 'A')];
    const one = portfolioLayout(frame, cards);
    const two = portfolioLayout(frame, [...cards].reverse());
    expect([...two.cards.entries()].sort()).toEqual([...one.cards.entries()].sort());
  });
});
