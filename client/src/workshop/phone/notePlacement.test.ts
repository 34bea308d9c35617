import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NOTE_SIZE } from '@sammen/shared';
import { boxContainsBox, boxesIntersect } from '../../geometry/bounds.js';
import { freeSpotInFrame, phoneNoteSize, placePhoneNote, seedOf } from './notePlacement.js';

const frame = { x: 1000, y: 500, width: 1100, height: 1000 };

describe('phoneNoteSize', () => {
  it('makes a note that reads at the fitted zoom (a 1100-wide frame on a phone: scale about 0.33)', () => {
    const side = phoneNoteSize(0.33, frame);
    // About 115 px on the phone, with room for three in a row.
    expect(side * 0.33).toBeGreaterThanOrEqual(110);
    expect(3 * side).toBeLessThanOrEqual(frame.width);
  });

  it('never goes below an ordinary note when zoomed in, nor beyond the frame', () => {
    expect(phoneNoteSize(2, frame)).toBe(NOTE_SIZE);
    expect(phoneNoteSize(0.05, { x: 0, y: 0, width: 300, height: 250 })).toBeLessThanOrEqual(250 - 32);
    expect(phoneNoteSize(0.05, { x: 0, y: 0, width: 150, height: 150 })).toBe(150 - 32);
  });
});

describe('placePhoneNote', () => {
  it('uses the readable size while there is room', () => {
    const box = placePhoneNote(frame, [], 0.33);
    expect(box.width).toBe(phoneNoteSize(0.33, frame));
    expect(boxContainsBox(frame, box)).toBe(true);
  });

  it('makes the note smaller, not overlapping, when the frame fills up', () => {
    const occupied: Array<{ x: number; y: number; width: number; height: number }> = [];
    for (let i = 0; i < 10; i++) {
      const box = placePhoneNote(frame, occupied, 0.33);
      expect(boxContainsBox(frame, box)).toBe(true);
      for (const o of occupied) expect(boxesIntersect(box, o)).toBe(false);
      occupied.push(box);
    }
    expect(occupied.at(-1)!.width).toBeLessThan(occupied[0]!.width);
    expect(occupied.at(-1)!.width).toBeGreaterThanOrEqual(NOTE_SIZE);
  });
});

describe('freeSpotInFrame', () => {
  it('puts the first note at the top left, inside the frame', () => {
    const p = freeSpotInFrame(frame, 300, []);
    expect(p).toEqual({ x: 1016, y: 516 });
  });

  it('avoids notes placed anywhere, not only on a grid', () => {
    const occupied = [
      { x: 1010, y: 510, width: 200, height: 200 },
      { x: 1350, y: 530, width: 200, height: 240 },
    ];
    const side = 300;
    const p = freeSpotInFrame(frame, side, occupied);
    const box = { ...p, width: side, height: side };
    expect(boxContainsBox(frame, box)).toBe(true);
    for (const o of occupied) expect(boxesIntersect(box, o)).toBe(false);
  });

  it('prefers the part of the frame on screen when there is room there', () => {
    const onScreen = { x: 1500, y: 1000, width: 800, height: 800 };
    const p = freeSpotInFrame(frame, 200, [], onScreen);
    expect(p.x).toBeGreaterThanOrEqual(1500);
    expect(p.y).toBeGreaterThanOrEqual(1000);
  });

  it('for any notes already there, finds a spot inside the frame that overlaps none, when one exists', () => {
    const note = fc.record({ x: fc.integer({ min: 900, max: 2100 }), y: fc.integer({ min: 400, max: 1500 }), width: fc.constant(200), height: fc.constant(200) });
    fc.assert(
      fc.property(fc.array(note, { maxLength: 8 }), fc.integer({ min: 0, max: 1000 }), (occupied, seed) => {
        const side = 240;
        const p = freeSpotInFrame(frame, side, occupied, null, seed);
        const box = { ...p, width: side, height: side };
        // Eight 200-unit notes cannot fill a 1100 × 1000 frame, so a free spot always exists.
        expect(boxContainsBox(frame, box)).toBe(true);
        for (const o of occupied) expect(boxesIntersect(box, o)).toBe(false);
      }),
    );
  });

  it('keeps the centre inside the frame when it is full', () => {
    const small = { x: 0, y: 0, width: 300, height: 300 };
    const p = freeSpotInFrame(small, 250, [{ x: 10, y: 10, width: 280, height: 280 }]);
    const c = { x: p.x + 125, y: p.y + 125 };
    expect(c.x).toBeGreaterThan(0);
    expect(c.x).toBeLessThan(300);
    expect(c.y).toBeLessThan(300);
  });

  it('spreads people brainstorming privately over different first spots', () => {
    const spots = new Set(['m1', 'm2', 'm3', 'm4'].map((id) => JSON.stringify(freeSpotInFrame(frame, 300, [], null, seedOf(id)))));
    expect(spots.size).toBeGreaterThan(1);
  });
});
