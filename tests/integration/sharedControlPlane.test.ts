import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import * as Y from 'yjs';
import { createRedisOnlineMembers } from '../../server/src/cluster/onlineMembers.js';
import { createRedisOpenBoards } from '../../server/src/cluster/openBoards.js';
import { redisQuota } from '../../server/src/http/redisQuota.js';
import { redisFailures } from '../../server/src/http/sharedFailures.js';
import { purgeExpired } from '../../server/src/store/retention.js';
import { openSqliteStorage } from '../../server/src/store/SqliteStorage.js';
import { createLocalBus } from '../../server/src/sync/Bus.js';
import { RoomManager } from '../../server/src/sync/RoomManager.js';
import { SHARED_REDIS_URL, checkRedis, deleteRedisKeys, uniqueRedisPrefix } from '../harness/redis.js';

// The pieces two processes share through Redis, each used by two instances as two processes would.
// On CI (CI=true) a missing Redis fails this file.
const redisUp = await checkRedis();
if (redisUp !== true) console.warn(`[skipped] ${redisUp}`);

describe.skipIf(redisUp !== true)('what processes share through Redis', () => {
  const prefix = uniqueRedisPrefix('sharedControlPlane');
  const connections: Redis[] = [];
  const connect = () => {
    const redis = new Redis(SHARED_REDIS_URL, { maxRetriesPerRequest: 1 });
    connections.push(redis);
    return redis;
  };
  afterAll(async () => {
    for (const c of connections) c.disconnect();
    await deleteRedisKeys(SHARED_REDIS_URL, prefix);
  });

  it('creation allowances: one bucket per address and one for the server, whichever process takes from them', async () => {
    const [one, two] = [connect(), connect()].map((redis) => redisQuota({ redis, prefix, name: 'boards', perAddress: 3, total: 5 }));
    expect(await one!.take('a')).toEqual({ ok: true });
    expect(await two!.take('a')).toEqual({ ok: true });
    expect(await one!.take('a')).toEqual({ ok: true });
    expect(await two!.take('a')).toEqual({ ok: false, scope: 'address', retryAfterSeconds: 1200 });
    for (let i = 0; i < 3; i++) expect(await one!.take('a')).toMatchObject({ ok: false, scope: 'address' }); // refusals cost nothing
    expect(await two!.take('b')).toEqual({ ok: true });
    expect(await one!.take('b')).toEqual({ ok: true });
    expect(await two!.take('c')).toEqual({ ok: false, scope: 'server', retryAfterSeconds: 720 });
    // Another action has buckets of its own.
    expect(await redisQuota({ redis: connect(), prefix, name: 'workshops', perAddress: 3, total: 5 }).take('a')).toEqual({ ok: true });
  });

  it('many processes taking at once never hand out more than the allowance', async () => {
    const quotas = [connect(), connect(), connect()].map((redis) => redisQuota({ redis, prefix, name: 'imports', perAddress: 10, total: 1000 }));
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => quotas[i % 3]!.take('crowd')));
    expect(answers.filter((a) => a.ok)).toHaveLength(10);
  });

  it('wrong join codes: 30 across processes lock the address out on all of them', async () => {
    const [one, two] = [connect(), connect()].map((redis) => redisFailures({ redis, prefix, name: 'join-codes', maxFailures: 3, windowMs: 60_000 }));
    await one!.fail('addr');
    await two!.fail('addr');
    expect(await one!.retryAfterSeconds('addr')).toBe(0);
    await two!.fail('addr');
    const wait = await one!.retryAfterSeconds('addr');
    expect(wait).toBeGreaterThan(55);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await two!.retryAfterSeconds('other')).toBe(0);
  });

  it('who is online counts every live process, and forgets a process that died without saying so', async () => {
    const a = createRedisOnlineMembers({ redis: connect(), prefix, processId: 'procA' });
    const bRedis = connect();
    const b = createRedisOnlineMembers({ redis: bRedis, prefix, processId: 'procB' });
    await a.change('w1', 'alice', 1);
    await b.change('w1', 'bent', 1);
    await b.change('w1', 'bent', 1);
    await new Promise((r) => setTimeout(r, 50)); // B's first heartbeat
    expect([...(await a.list('w1'))].sort()).toEqual(['alice', 'bent']);
    await b.change('w1', 'bent', -1); // one of Bent's two sockets left
    expect([...(await a.list('w1'))].sort()).toEqual(['alice', 'bent']);
    // B dies: its heartbeat key goes (TTL), its fields stay behind and must no longer count.
    await bRedis.del(`${prefix}process:procB`);
    expect([...(await a.list('w1'))]).toEqual(['alice']);
    expect(await bRedis.hkeys(`${prefix}online:w1`)).toEqual(['procA|alice']);
    await a.change('w1', 'alice', -1);
    expect((await a.list('w1')).size).toBe(0);
    await a.close();
    await b.close();
  });

  it('retention keeps a board that another process has open, and deletes one nobody has', async () => {
    const storage = openSqliteStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-shared-retention-')));
    const options = {
      store: storage.documents, gate: { check: () => ({ ok: true as const }) }, bus: createLocalBus(),
      log: { info() {}, warn() {}, error() {} }, maxDocBytes: 1 << 20, compactAfterUpdates: 100, idleUnloadMs: 60_000,
    };
    const here = new RoomManager(options);
    const elsewhere = new RoomManager(options);
    const d = new Y.Doc();
    d.getText('t').insert(0, 'x');
    for (const id of ['open-elsewhere', 'open-nowhere']) {
      await storage.boards.create({ id, title: id });
      await storage.documents.append(id, Y.encodeStateAsUpdate(d));
    }
    const marksHere = createRedisOpenBoards({ redis: connect(), prefix, loadedIds: () => here.loadedIds() });
    const marksElsewhere = createRedisOpenBoards({ redis: connect(), prefix, loadedIds: () => elsewhere.loadedIds() });
    elsewhere.release(await elsewhere.get('open-elsewhere'));
    await marksElsewhere.mark(elsewhere.loadedIds());

    const later = Date.now() + 40 * 24 * 3600_000;
    const deleted = await purgeExpired(storage, here, { openBoardDays: 30, defaultDays: 0, maxDays: 0 }, later, (ids) => marksHere.openAnywhere(ids));
    expect(deleted).toEqual(['open-nowhere']);
    expect(await storage.boards.get('open-elsewhere')).not.toBeNull();
    // Redis unreachable: retention deletes nothing rather than guess.
    const unreachable = new Redis('redis://127.0.0.1:1', { maxRetriesPerRequest: 0, lazyConnect: true, retryStrategy: () => null });
    unreachable.on('error', () => {});
    const down = createRedisOpenBoards({ redis: unreachable, prefix, loadedIds: () => [] });
    await expect(purgeExpired(storage, here, { openBoardDays: 1, defaultDays: 0, maxDays: 0 }, later, (ids) => down.openAnywhere(ids))).rejects.toThrow();
    expect(await storage.boards.get('open-elsewhere')).not.toBeNull();
    for (const m of [marksHere, marksElsewhere, down]) await m.close();
    await here.close();
    await elsewhere.close();
    await storage.close();
  });
});
