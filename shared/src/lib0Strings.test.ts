// patches/lib0+0.2.120.patch decodes short strings in lib0's readVarString without TextDecoder (a board
// of 20,000 notes holds ~400,000 of them; Chromium applies it ~25 % faster). Every string of a
// document goes through that function, so it must read exactly what TextDecoder (fatal, BOM kept)
// reads, and fail where it fails.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';

const textDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** mulberry32: the same cases every run, so a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
    const random = rng(12);
    for (let n = 0; n < 5000; n++) {
      const length = Math.floor(random() * (n % 10 === 0 ? 200 : 70));
      const s = Array.from({ length }, () => CHARS[Math.floor(random() * CHARS.length)]).join('');
      const e = encoding.createEncoder();
      encoding.writeVarString(e, s);
      encoding.writeVarString(e, 'after');
      const d = decoding.createDecoder(encoding.toUint8Array(e));
      expect(decoding.readVarString(d)).toBe(s);
      expect(decoding.readVarString(d), 'the position after the string').toBe('after');
    }
  });

  it('reads arbitrary bytes exactly as TextDecoder does, and fails where it fails', () => {
    const random = rng(7);
    // Mostly valid text with single bytes changed, so that truncated, overlong, surrogate and stray
    // continuation bytes all turn up near valid sequences.
    let failures = 0;
    for (let n = 0; n < 20000; n++) {
      const s = Array.from({ length: 1 + Math.floor(random() * 30) }, () => CHARS[Math.floor(random() * CHARS.length)]).join('');
      const bytes = new TextEncoder().encode(s).slice(0, 64);
      const changes = Math.floor(random() * 3);
      for (let k = 0; k < changes; k++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      const expected = textDecoderReads(bytes);
      const read = readVarString(bytes);
      if (expected instanceof Error) {
        failures++;
        expect(read, `bytes ${Array.from(bytes)}`).toBeInstanceOf(TypeError);
      } else {
        expect(read, `bytes ${Array.from(bytes)}`).toBe(expected);
      }
    }
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
