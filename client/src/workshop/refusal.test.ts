import { describe, expect, it } from 'vitest';
import { classifyClose } from './refusal.js';

describe('board close codes in a workshop', () => {
  it('explains refused changes by the reason the server gave', () => {
    expect(classifyClose(4403, 'The board is locked')).toEqual({ kind: 'refused', messageKey: 'workshop.refused.boardLocked' });
    expect(classifyClose(4403, 'This frame is locked')).toEqual({ kind: 'refused', messageKey: 'workshop.refused.frameLocked' });
    expect(classifyClose(4403, 'The contents of this frame are locked')).toEqual({ kind: 'refused', messageKey: 'workshop.refused.frameLocked' });
    expect(classifyClose(4403, 'Observers cannot change the board')).toEqual({ kind: 'refused', messageKey: 'workshop.refused.observer' });
    expect(classifyClose(4403, 'Only the server writes "votes"')).toEqual({ kind: 'refused', messageKey: 'workshop.refused.other' });
  });

  it('treats 4401 as revoked access and other codes as not about the workshop', () => {
    expect(classifyClose(4401, 'Access was revoked')).toEqual({ kind: 'revoked' });
    expect(classifyClose(4404, 'Board not found')).toEqual({ kind: 'other' });
  });
});
