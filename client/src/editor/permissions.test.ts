import { describe, expect, it } from 'vitest';
import { OPEN_POLICY, allowedTools, canEditElement, canPlaceIn, policyFor, samePolicy } from './permissions.js';

const locks = { board: false, frames: [{ frameId: 'f1', contents: true }, { frameId: 'f2', contents: false }] };

describe('edit policy', () => {
  it('lets observers look only', () => {
    const p = policyFor('observer', null);
    expect(canEditElement(p, { id: 'n', frameId: null })).toBe(false);
    expect(canPlaceIn(p, null)).toBe(false);
    expect(allowedTools(p)).toEqual(['select', 'hand']);
  });

  it('keeps participants out of locked frames and, when so locked, their contents', () => {
    const p = policyFor('participant', locks);
    expect(canEditElement(p, { id: 'f1', frameId: null })).toBe(false);
    expect(canEditElement(p, { id: 'inside1', frameId: 'f1' })).toBe(false);
    expect(canEditElement(p, { id: 'f2', frameId: null })).toBe(false);
    expect(canEditElement(p, { id: 'inside2', frameId: 'f2' })).toBe(true);
    expect(canEditElement(p, { id: 'loose', frameId: null })).toBe(true);
    expect(canPlaceIn(p, 'f1')).toBe(false);
    expect(canPlaceIn(p, 'f2')).toBe(false);
    expect(canPlaceIn(p, null)).toBe(true);
  });

  it('makes a locked board read-only for participants but not for facilitators', () => {
    expect(policyFor('participant', { board: true, frames: [] }).readOnly).toBe(true);
    expect(policyFor('facilitator', { board: true, frames: locks.frames })).toBe(OPEN_POLICY);
    expect(policyFor('cofacilitator', locks)).toBe(OPEN_POLICY);
  });

  it('offers only the note tool beside looking in the private document', () => {
    expect(allowedTools({ ...OPEN_POLICY, notesOnly: true })).toEqual(['select', 'hand', 'note']);
  });

  it('compares policies by value', () => {
    expect(samePolicy(policyFor('participant', locks), policyFor('participant', locks))).toBe(true);
    expect(samePolicy(policyFor('participant', locks), OPEN_POLICY)).toBe(false);
  });
});
