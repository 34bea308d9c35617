import { Readable } from 'node:stream';
import Fastify from 'fastify';
import { expect, it } from 'vitest';
import { atOnce } from './limits.js';

it('atOnce: one upload too many is refused before its body is read, and the place frees when one ends', async () => {
  const app = Fastify();
  app.post('/upload', { onRequest: atOnce(1) }, async (request) => ({ got: (request.body as { n: number }).n }));
  await app.ready();
  let startedReading!: () => void;
  const reading = new Promise<void>((resolve) => (startedReading = resolve));
  let push!: (chunk: string | null) => void;
  const slow = new Readable({
    read() {
      push = (chunk) => this.push(chunk);
      startedReading();
    },
  });
  const first = app.inject({ method: 'POST', url: '/upload', headers: { 'content-type': 'application/json' }, payload: slow });
  await reading; // the first upload has passed the hook and its body is being read
  const second = await app.inject({ method: 'POST', url: '/upload', payload: { n: 2 } });
  expect(second.statusCode).toBe(429);
  expect(second.headers['retry-after']).toBe('5');
  push('{"n":1}');
  push(null);
  expect((await first).json()).toEqual({ got: 1 });
  expect((await app.inject({ method: 'POST', url: '/upload', payload: { n: 3 } })).json()).toEqual({ got: 3 });
  await app.close();
});
