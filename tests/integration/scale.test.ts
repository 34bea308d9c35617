import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertElement } from '@sammen/shared';
import { type ControlClient, connectControl, createWorkshop, join } from '../harness/control.js';
import { type RunningServer, startServer } from '../harness/server.js';
import { connectClient, synced } from '../harness/yclient.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

it('a citizen panel of 40 votes at once: every dot counted once, budgets held', async () => {
  const w = await createWorkshop(server);
  const board = connectClient(server.wsUrl, w.boardId, { token: w.facilitatorToken });
  await synced(board);
  const ids = ['n1', 'n2', 'n3', 'n4'];
  ids.forEach((id, i) => insertElement(board.doc, { id, type: 'note', index: `a${i}`, frameId: null, x: i * 220, y: 0, width: 200, height: 200, color: 'yellow', text: id }));
  const fac = await connectControl(server.url, w.facilitatorToken);
  const people: ControlClient[] = await Promise.all(
    Array.from({ length: 40 }, async (_, i) => connectControl(server.url, await join(server, w.joinCode, `Borger ${i + 1}`))),
  );
  expect(await fac.run({ type: 'vote.start', elementIds: ids, dotsPerPerson: 3, allowMultiplePerElement: false })).toEqual({ ok: true });
  await Promise.all(people.map((p) => p.waitFor((v) => v.vote?.status === 'open')));
  // Everyone tries to place 4 dots at once (one more than allowed), all in flight together.
  const results = await Promise.all(people.flatMap((p, i) => ids.map((_, k) => p.run({ type: 'vote.place', elementId: ids[(i + k) % 4]! }))));
  expect(results.filter((r) => r.ok)).toHaveLength(120);
  expect(results.filter((r) => !r.ok && r.error === 'no_dots_left')).toHaveLength(40);
  expect(await fac.run({ type: 'vote.reveal' })).toEqual({ ok: true });
  const view = await fac.waitFor((v) => v.vote?.status === 'revealed');
  expect(view.vote!.results!.reduce((s, r) => s + r.count, 0)).toBe(120);
  expect(view.members.filter((m) => m.online)).toHaveLength(41);
  for (const p of people) p.close();
  fac.close();
  board.destroy();
});
