import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { StorageError } from '../store/StorageError.js';
import { installErrorHandlers } from './errors.js';

// A write the store refused must tell the client that nothing was saved, and why, in the shared
// error format: 507 for a full disk, 503 for storage that is unavailable (read-only, I/O error).
describe('storage failures over HTTP', () => {
  const app = Fastify({ logger: false });
  installErrorHandlers(app);
  app.post('/full', async () => {
    throw new StorageError('full', Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }));
  });
  app.post('/readonly', async () => {
    throw new StorageError('unavailable', Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY' }));
  });
  app.post('/wrapped', async () => {
    throw new Error('board could not open', { cause: new StorageError('full', new Error('SQLITE_FULL')) });
  });

  it('a full disk answers 507 storage_full', async () => {
    const res = await app.inject({ method: 'POST', url: '/full' });
    expect(res.statusCode).toBe(507);
    expect(res.json()).toEqual({ error: 'storage_full', message: expect.stringMatching(/disk is full/) });
  });

  it('unavailable storage answers 503 storage_failed, without the driver message', async () => {
    const res = await app.inject({ method: 'POST', url: '/readonly' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ error: 'storage_failed', message: expect.stringMatching(/could not save/) });
    expect(res.body).not.toContain('readonly database');
  });

  it('finds the storage failure behind another error', async () => {
    expect((await app.inject({ method: 'POST', url: '/wrapped' })).statusCode).toBe(507);
  });
});
