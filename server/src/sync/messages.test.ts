import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MalformedMessageError, decodeMessage, encodeSaved, encodeSyncStep1, encodeSyncStep2V2, encodeUpdate } from './messages.js';

describe('y-websocket message decoding', () => {
  it('decodes what the y-protocols encoders write', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'x');
    expect(decodeMessage(encodeSyncStep1(doc))).toMatchObject({ kind: 'sync-step-1' });
    const update = Y.encodeStateAsUpdate(doc);
    expect(decodeMessage(encodeUpdate(update))).toEqual({ kind: 'update', update });
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 3);
    expect(decodeMessage(encoding.toUint8Array(e))).toEqual({ kind: 'query-awareness' });
  });

  it('throws MalformedMessageError for truncated, unknown or padded messages', () => {
    const cases = [new Uint8Array([]), new Uint8Array([0]), new Uint8Array([0, 2, 10, 1]), new Uint8Array([7]), new Uint8Array([0, 9, 0])];
    const padded = new Uint8Array([...encodeUpdate(new Uint8Array([0, 0])), 42]);
    for (const bytes of [...cases, padded]) expect(() => decodeMessage(bytes)).toThrow(MalformedMessageError);
  });

  it("reads a saved question, and refuses what only the server sends: a saved 0 and a V2 sync step 2", () => {
    expect(decodeMessage(encodeSaved(9))).toEqual({ kind: 'saved-query', seq: 9 });
    expect(() => decodeMessage(encodeSaved(0))).toThrow(MalformedMessageError);
    expect(() => decodeMessage(encodeSyncStep2V2(Y.encodeStateAsUpdateV2(new Y.Doc())))).toThrow(MalformedMessageError);
    expect(() => decodeMessage(new Uint8Array([...encodeSaved(1), 0]))).toThrow(MalformedMessageError); // trailing byte
  });

  it('never throws anything but MalformedMessageError on random bytes', () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed / 0x7fffffff);
    for (let i = 0; i < 2000; i++) {
      const bytes = Uint8Array.from({ length: 1 + Math.floor(rand() * 40) }, () => Math.floor(rand() * 256));
      try {
        decodeMessage(bytes);
      } catch (err) {
        expect(err).toBeInstanceOf(MalformedMessageError);
      }
    }
  });
});
