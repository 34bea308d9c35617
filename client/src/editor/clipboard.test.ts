import { describe, expect, it } from 'vitest';
import type { StickyNote } from '@sammen/shared';
import { parseClipboard, serializeClipboard } from './clipboard.js';

const note: StickyNote = {
  id: 'abc', type: 'note', index: 'a0', frameId: null, x: 1, y: 2, width: 200, height: 200, color: 'pink', text: 'Hvad kan vi gøre sammen?',
};

describe('clipboard payload', () => {
  it('round-trips elements', () => {
    expect(parseClipboard(serializeClipboard([note]))).toEqual([note]);
  });

  it('ignores foreign text and drops invalid elements', () => {
    expect(parseClipboard('Hva er viktig for deg?')).toBeNull();
    expect(parseClipboard('{"type":"other"}')).toBeNull();
    expect(parseClipboard('{not json')).toBeNull();
    const text = JSON.stringify({ type: 'sammen/elements', version: 1, elements: [note, { ...note, x: 'far' }] });
    expect(parseClipboard(text)).toEqual([note]);
  });
});
