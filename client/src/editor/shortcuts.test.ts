import { describe, expect, it } from 'vitest';
import { resolveShortcut, type KeyLike } from './shortcuts.js';

const k = (key: string, code: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key, code, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods,
});

describe('resolveShortcut', () => {
  it('maps Miro tool letters by physical key', () => {
    expect(resolveShortcut(k('n', 'KeyN'), false)).toEqual({ type: 'tool', tool: 'note' });
    expect(resolveShortcut(k('l', 'KeyL'), false)).toEqual({ type: 'tool', tool: 'arrow' });
    expect(resolveShortcut(k('h', 'KeyH'), false)).toEqual({ type: 'tool', tool: 'hand' });
    expect(resolveShortcut(k('N', 'KeyN', { shiftKey: true }), false)).toBeNull();
  });

  it('maps undo and redo on both platforms', () => {
    expect(resolveShortcut(k('z', 'KeyZ', { ctrlKey: true }), false)).toEqual({ type: 'undo' });
    expect(resolveShortcut(k('Z', 'KeyZ', { ctrlKey: true, shiftKey: true }), false)).toEqual({ type: 'redo' });
    expect(resolveShortcut(k('y', 'KeyY', { ctrlKey: true }), false)).toEqual({ type: 'redo' });
    expect(resolveShortcut(k('z', 'KeyZ', { metaKey: true }), true)).toEqual({ type: 'undo' });
    expect(resolveShortcut(k('z', 'KeyZ', { ctrlKey: true }), true)).toBeNull();
  });

  it('maps z-order keys, including Ctrl+Shift+brackets and AltGr brackets', () => {
    expect(resolveShortcut(k(']', 'Digit9', { altKey: true, ctrlKey: false }), false)).toEqual({ type: 'bringToFront' });
    expect(resolveShortcut(k('}', 'BracketRight', { ctrlKey: true, shiftKey: true }), false)).toEqual({ type: 'bringToFront' });
    expect(resolveShortcut(k('{', 'BracketLeft', { ctrlKey: true, shiftKey: true }), false)).toEqual({ type: 'sendToBack' });
  });

  it('nudges by 1 and by 10 with Shift', () => {
    expect(resolveShortcut(k('ArrowLeft', 'ArrowLeft'), false)).toEqual({ type: 'nudge', dx: -1, dy: 0 });
    expect(resolveShortcut(k('ArrowDown', 'ArrowDown', { shiftKey: true }), false)).toEqual({ type: 'nudge', dx: 0, dy: 10 });
  });

  it('resizes by 10 with Alt+Shift+arrows', () => {
    expect(resolveShortcut(k('ArrowRight', 'ArrowRight', { altKey: true, shiftKey: true }), false)).toEqual({ type: 'resize', dw: 10, dh: 0 });
    expect(resolveShortcut(k('ArrowUp', 'ArrowUp', { altKey: true, shiftKey: true }), false)).toEqual({ type: 'resize', dw: 0, dh: -10 });
  });

  it('maps Shift+1 to zoom to fit whatever the layout prints', () => {
    expect(resolveShortcut(k('!', 'Digit1', { shiftKey: true }), false)).toEqual({ type: 'zoomToFit' });
  });

  it('maps delete, duplicate and select all', () => {
    expect(resolveShortcut(k('Backspace', 'Backspace'), false)).toEqual({ type: 'delete' });
    expect(resolveShortcut(k('d', 'KeyD', { ctrlKey: true }), false)).toEqual({ type: 'duplicate' });
    expect(resolveShortcut(k('a', 'KeyA', { ctrlKey: true }), false)).toEqual({ type: 'selectAll' });
    expect(resolveShortcut(k('a', 'KeyA'), false)).toEqual({ type: 'tool', tool: 'arrow' });
  });
});
