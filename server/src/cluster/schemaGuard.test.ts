import { describe, expect, it } from 'vitest';
import { SchemaMismatchError, otherSchemaPeers, peerName, peerSchema, reportOtherSchemas, waitForOneSchema } from './schemaGuard.js';

describe('schemaGuard', () => {
  it('reads the schema a peer name announces, and none from an older release’s bare id', () => {
    expect(peerSchema(peerName(2, 'a1b2'))).toBe(2);
    expect(peerSchema(peerName(13, 'x'))).toBe(13);
    expect(peerSchema('0b6c1f9e-5d1a-4f7e-9a59-1d2f3c4b5a69')).toBeNull();
    expect(peerSchema('s.x')).toBeNull();
    expect(otherSchemaPeers(['s2.a', 's1.b', 'c', 's3.d'], 2)).toEqual([
      { peer: 's1.b', schema: 1 },
      { peer: 'c', schema: null },
      { peer: 's3.d', schema: 3 },
    ]);
  });

  it('waits while mismatched peers go, and refuses when one stays', async () => {
    const sets = [['s1.old', 's2.same'], ['s1.old'], ['s2.same']];
    let reads = 0;
    await waitForOneSchema({ livePeers: async () => sets[Math.min(reads++, 2)]!, own: 2, waitMs: 5000, pollMs: 1 });
    expect(reads).toBe(3);

    const refused = waitForOneSchema({ livePeers: async () => ['s2.same', 's1.old'], own: 2, waitMs: 30, pollMs: 5 });
    await expect(refused).rejects.toBeInstanceOf(SchemaMismatchError);
    await expect(refused).rejects.toThrow(/schema 2.*s1\.old \(schema 1\)/);
  });

  it('starts without the check when the set cannot be read (Redis away), saying so', async () => {
    const warnings: string[] = [];
    await waitForOneSchema({ livePeers: () => Promise.reject(new Error('down')), own: 2, waitMs: 1000, log: { warn: (_o, msg) => warnings.push(msg ?? '') } });
    expect(warnings).toEqual([expect.stringContaining('starting without the schema check')]);
  });

  it('a running process names each peer of another schema once', () => {
    const errors: object[] = [];
    const report = reportOtherSchemas(2, { error: (obj) => errors.push(obj) });
    report(['s2.a', 's1.b']);
    report(['s2.a', 's1.b', 'c']);
    expect(errors).toEqual([{ peer: 's1.b', schema: 1 }, { peer: 'c', schema: null }]);
  });
});
