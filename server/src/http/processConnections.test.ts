import { PassThrough } from 'node:stream';
import { expect, it } from 'vitest';
import { ProcessConnections } from './processConnections.js';

it('counts a socket once until it closes; full at the maximum', async () => {
  const open = new ProcessConnections(2);
  const a = new PassThrough();
  const b = new PassThrough();
  open.hold(a);
  open.hold(a);
  expect(open.count).toBe(1);
  expect(open.full()).toBe(false);
  open.hold(b);
  expect(open.full()).toBe(true);
  const closed = new Promise((resolve) => a.once('close', resolve));
  a.destroy();
  await closed;
  expect(open.count).toBe(1);
  expect(open.full()).toBe(false);
  const gone = new PassThrough();
  gone.destroy();
  open.hold(gone);
  expect(open.count).toBe(1);
});
