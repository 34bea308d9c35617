import { describe, expect, it } from 'vitest';
import { validateElement } from './element.js';

const note = { id: 'n1', type: 'note', index: 'a0', frameId: null, x: 10, y: 20, width: 200, height: 200, color: 'yellow', text: 'Hej æøå' };

describe('element validation', () => {
  it('accepts every kind in its plain form', () => {
    const elements = [
      note,
      { id: 't1', type: 'text', index: 'a1', frameId: 'f1', x: 0, y: 0, width: 240, height: 40, text: 'Overskrift', fontSize: 24, color: 'dark' },
      { id: 's1', type: 'shape', kind: 'ellipse', index: 'a2', frameId: null, x: 0, y: 0, width: 10, height: 10, fill: 'blue', text: '' },
      { id: 'f1', type: 'frame', index: 'a3', frameId: null, x: 0, y: 0, width: 800, height: 600, title: 'Hvad er vigtigt for dig?', fill: 'white' },
      {
        id: 'c1', type: 'arrow', index: 'a4', frameId: null, color: 'dark',
        start: { kind: 'element', elementId: 's1' }, end: { kind: 'point', x: 5, y: 5 },
      },
    ];
    for (const el of elements) expect(validateElement(el)).toMatchObject({ ok: true, value: el });
  });

  it('names the field that is wrong', () => {
    expect(validateElement({ ...note, color: 'chartreuse' })).toMatchObject({ ok: false, error: expect.stringMatching(/^color:/) });
    expect(validateElement({ ...note, width: -1 })).toMatchObject({ ok: false, error: expect.stringMatching(/^width:/) });
    expect(validateElement({ ...note, x: Number.NaN })).toMatchObject({ ok: false, error: expect.stringMatching(/^x:/) });
    expect(validateElement({ ...note, x: 1e300 })).toMatchObject({ ok: false, error: expect.stringMatching(/^x:/) });
    expect(validateElement({ ...note, text: 'x'.repeat(10_001) })).toMatchObject({ ok: false, error: expect.stringMatching(/^text:/) });
    expect(validateElement({ ...note, type: 'video' })).toMatchObject({ ok: false, error: expect.stringMatching(/^type:/) });
    expect(validateElement({ ...note, index: 'a 0' })).toMatchObject({ ok: false, error: expect.stringMatching(/^index:/) });
  });

  it('refuses what is not an object at all', () => {
    for (const junk of [null, 42, 'note', [], undefined]) expect(validateElement(junk).ok).toBe(false);
  });

  it('refuses an arrow with a malformed endpoint', () => {
    const arrow = { id: 'c1', type: 'arrow', index: 'a4', frameId: null, color: 'dark', start: { kind: 'element' }, end: { kind: 'point', x: 0, y: 0 } };
    expect(validateElement(arrow)).toMatchObject({ ok: false, error: expect.stringMatching(/^start/) });
  });
});
