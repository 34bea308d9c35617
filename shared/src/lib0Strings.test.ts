// patches/lib0+0.2.120.patch decodes short strings in lib0's readVarString without TextDecoder (a board
// of 20,000 notes holds ~400,000 of them; Chromium applies it ~25 % faster). Every string of a
// document goes through that function, so it must read exactly what TextDecoder (fatal, BOM kept)
// reads, and fail where it fails.
import fc from 'fast-check';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';

const textDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** What readVarString gives for these bytes, or the error it throws. */
function readVarString(bytes: Uint8Array): string | Error {
  const e = encoding.createEncoder();
  encoding.writeVarUint8Array(e, bytes);
  try {
    return decoding.readVarString(decoding.createDecoder(encoding.toUint8Array(e)));
  } catch (err) {
    return err as Error;
  }
}

function textDecoderReads(bytes: Uint8Array): string | Error {
  try {
    return textDecoder.decode(bytes);
  } catch (err) {
    return err as Error;
  }
}

// Edges of every UTF-8 sequence length, the BOM, æøå, the euro sign, CJK, emoji (4 bytes).
const CHARS = ['a', 'Z', '0', ' ', '\0', '\x7f', '\x80', 'æ', 'ø', 'å', 'Æ', '\u07ff', '\u0800', '€', '中', '\ufeff', '\ud7ff', '\ue000', '\uffff', '😀', '\u{10ffff}'];

describe('lib0 readVarString (patched for short strings)', () => {
  it('is patched in node_modules', () => {
    // Without postinstall (npm ci --ignore-scripts) the package is as published: slower, not wrong.
    expect(typeof (decoding as Record<string, unknown>)._decodeShortUtf8, 'run npm ci: postinstall applies patches/').toBe('function');
  });

  it('reads every string it was given, short and long', () => {
    const text = (maxLength: number) => fc.array(fc.constantFrom(...CHARS), { maxLength }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.oneof(text(70), text(200), fc.string({ unit: 'binary', maxLength: 80 })), (s) => {
        const e = encoding.createEncoder();
        encoding.writeVarString(e, s);
        encoding.writeVarString(e, 'after');
        const d = decoding.createDecoder(encoding.toUint8Array(e));
        // Lone surrogates are written as U+FFFD by TextEncoder: read back what was written.
        expect(decoding.readVarString(d)).toBe(textDecoder.decode(new TextEncoder().encode(s)));
        expect(decoding.readVarString(d), 'the position after the string').toBe('after');
      }),
      { numRuns: 5000, seed: 12 },
    );
  });

  it('reads arbitrary bytes exactly as TextDecoder does, and fails where it fails', () => {
    // Mostly valid text with bytes changed, so that truncated, overlong, surrogate and stray
    // continuation bytes all turn up next to valid sequences; and plain random bytes.
    const valid = fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 30 }).map((cs) => new TextEncoder().encode(cs.join('')).slice(0, 64));
    const corrupted = fc
      .tuple(valid, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 2 }))
      .map(([bytes, changes]) => {
        for (const [at, value] of changes) bytes[at % bytes.length] = value;
        return bytes;
      });
    let failures = 0;
    fc.assert(
      fc.property(fc.oneof(corrupted, fc.uint8Array({ maxLength: 64 })), (bytes) => {
        const expected = textDecoderReads(bytes);
        const read = readVarString(bytes);
        if (expected instanceof Error) {
          failures++;
          expect(read).toBeInstanceOf(TypeError);
        } else {
          expect(read).toBe(expected);
        }
      }),
      { numRuns: 20000, seed: 7 },
    );
    expect(failures, 'the cases include malformed UTF-8').toBeGreaterThan(1000);
  });

  it('reads each boundary sequence as TextDecoder does', () => {
    const cases = [
      [0xc0, 0x80], [0xc1, 0xbf], [0xc2, 0x80], [0xdf, 0xbf], [0xe0, 0x9f, 0xbf], [0xe0, 0xa0, 0x80], [0xed, 0x9f, 0xbf],
      [0xed, 0xa0, 0x80], [0xef, 0xbb, 0xbf, 0x61], [0xef, 0xbf, 0xbf], [0xf0, 0x9f, 0x98, 0x80], [0xf4, 0x90, 0x80, 0x80],
      [0xc3], [0xe2, 0x82], [0x80], [0xff], [0x61, 0xc3, 0xa6, 0xe2, 0x82, 0xac],
    ];
    for (const c of cases) {
      const bytes = Uint8Array.from(c);
      const expected = textDecoderReads(bytes);
      const read = readVarString(bytes);
      if (expected instanceof Error) expect(read, `bytes ${c}`).toBeInstanceOf(TypeError);
      else expect(read, `bytes ${c}`).toBe(expected);
    }
  });

  it('throws, as before, when the length runs past the end', () => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 10);
    encoding.writeUint8Array(e, new TextEncoder().encode('abc'));
    expect(() => decoding.readVarString(decoding.createDecoder(encoding.toUint8Array(e)))).toThrow('Unexpected end of array');
  });

  it('carries a document with Danish and Norwegian text and emoji through an update', () => {
    const doc = new Y.Doc();
    const map = doc.getMap<unknown>('elements');
    map.set('nøgle', { tekst: 'Hvad er vigtigt for dig? æøå ÆØÅ 😀', 'ø': ['€', '\ufeffBOM'] });
    doc.getText('t').insert(0, 'Sammen finner vi ut av det – på nynorsk: «kva er viktig for deg?»');
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(copy.getMap('elements').toJSON()).toEqual(map.toJSON());
    expect(copy.getText('t').toString()).toBe(doc.getText('t').toString());
  });
});
