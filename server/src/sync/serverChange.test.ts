import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { prepareServerChange } from './serverChange.js';

describe('prepareServerChange', () => {
  it('leaves the live document untouched and returns an update that makes the change, deletions included', () => {
    const live = new Y.Doc();
    live.getMap('m').set('keep', 1);
    live.getMap('m').set('drop', 2);
    const before = Y.encodeStateAsUpdate(live);
    const { update, result } = prepareServerChange(live, (doc) => {
      doc.getMap('m').set('added', 3);
      doc.getMap('m').delete('drop');
      return 'done';
    });
    expect(result).toBe('done');
    expect(Y.encodeStateAsUpdate(live)).toEqual(before);
    expect(live.getMap('m').toJSON()).toEqual({ keep: 1, drop: 2 });
    Y.applyUpdate(live, update!);
    expect(live.getMap('m').toJSON()).toEqual({ keep: 1, added: 3 });
  });

  it('returns no update when the edit changes nothing', () => {
    const live = new Y.Doc();
    expect(prepareServerChange(live, () => 1)).toEqual({ update: null, result: 1 });
  });

  it('successive changes, each applied before the next is prepared, keep their order', () => {
    const live = new Y.Doc();
    for (let i = 0; i < 5; i++) Y.applyUpdate(live, prepareServerChange(live, (doc) => doc.getArray('a').push([i])).update!);
    expect(live.getArray('a').toArray()).toEqual([0, 1, 2, 3, 4]);
  });
});
