import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type StickyNote, getElement, insertElement } from '@sammen/shared';
import { connectControl, createWorkshop } from '../harness/control.js';
import { type RunningServer, startServer } from '../harness/server.js';
import { connectClient, synced, waitForDoc } from '../harness/yclient.js';

/**
 * No personal data in the server's log: a whole workshop (create, join, notes, private round and
 * reveal, vote, every report format, backup and import, observer link, deletion) runs against a real
 * server logging at debug level, and no line may hold a name, a note's text, a token, the join code or
 * the client's address.
 */
const note = (id: string, text: string): StickyNote => ({ id, type: 'note', index: `a${id}`, frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text });
const tag = randomBytes(5).toString('hex');
const secrets: string[] = [`Facilitatorø${tag}`, `Åse${tag}`, `Tekst på tavlen ${tag}`, `Privat tanke ${tag}`];
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ env: { LOG_LEVEL: 'debug' } });
});
afterAll(async () => {
  await server.stop();
});

it('a whole workshop leaves no name, note text, token, join code or client address in the log', async () => {
  const [facName, name, boardText, privateText] = secrets as [string, string, string, string];
  const w = await createWorkshop(server, { title: 'Borgerpanel', facilitatorName: facName });
  secrets.push(w.facilitatorToken, w.observerToken, w.joinCode);
  const page = await fetch(`${server.url}/join/${w.joinCode}`);
  expect((await fetch(`${server.url}/api/join/info`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: w.joinCode }) })).status).toBe(200);
  expect(page.status).toBeLessThan(500);
  const joined = (await (await fetch(`${server.url}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: w.joinCode, name }) })).json()) as { token: string };
  secrets.push(joined.token);
  const fac = await connectControl(server.url, w.facilitatorToken);
  const alice = await connectControl(server.url, joined.token);
  const board = connectClient(server.wsUrl, w.boardId, { token: w.facilitatorToken });
  await synced(board);
  insertElement(board.doc, note('n1', boardText));
  const observer = connectClient(server.wsUrl, w.boardId, { token: w.observerToken });
  await waitForDoc(observer.doc, (d) => getElement(d, 'n1') !== undefined);
  expect(await fac.run({ type: 'private.start', reveal: 'named' })).toEqual({ ok: true });
  const mine = connectClient(server.wsUrl, w.boardId, { token: joined.token, privateDoc: true });
  await synced(mine);
  insertElement(mine.doc, note('p1', privateText));
  await waitForDoc(mine.doc, () => true);
  const again = connectClient(server.wsUrl, w.boardId, { token: joined.token, privateDoc: true });
  await waitForDoc(again.doc, (d) => getElement(d, 'p1') !== undefined);
  expect(await fac.run({ type: 'private.reveal' })).toEqual({ ok: true });
  await waitForDoc(observer.doc, (d) => getElement(d, 'p1') !== undefined);
  expect(await fac.run({ type: 'vote.start', elementIds: ['n1', 'p1'], dotsPerPerson: 2, allowMultiplePerElement: false })).toEqual({ ok: true });
  expect(await alice.run({ type: 'vote.place', elementId: 'p1' })).toEqual({ ok: true });
  expect(await fac.run({ type: 'vote.reveal' })).toEqual({ ok: true });
  const bearer = { headers: { authorization: `Bearer ${w.facilitatorToken}` } };
  for (const format of ['md', 'csv', 'html', 'pdf']) expect((await fetch(`${server.url}/api/workshops/${w.id}/report?format=${format}`, bearer)).status).toBe(200);
  // Wrong and refused requests are logged too: a token in the query, a bad join, a foreign token.
  expect((await fetch(`${server.url}/api/workshops/${w.id}/export?token=${w.facilitatorToken}`)).status).toBe(401);
  expect((await fetch(`${server.url}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: w.joinCode, name: `<${name}>` }) })).status).toBe(400);
  // A body that is not JSON: parsers quote the text around the error, and that must not reach the log.
  expect((await fetch(`${server.url}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"code": "${w.joinCode}", "name": "${name}" ]` })).status).toBe(400);
  expect((await fetch(`${server.url}/api/workshops/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"format": "sammen-workshop-backup", "text": "${boardText}"` })).status).toBe(400);
  const backup = await (await fetch(`${server.url}/api/workshops/${w.id}/export`, bearer)).text();
  expect((await fetch(`${server.url}/api/workshops/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: backup })).status).toBe(201);
  for (const c of [board, observer, mine, again]) c.destroy();
  alice.close();
  expect((await fetch(`${server.url}/api/workshops/${w.id}`, { method: 'DELETE', ...bearer })).status).toBe(204);
  fac.close();
  await server.stop();

  expect(server.logs.length).toBeGreaterThan(20); // requests were logged: the check below means something
  const leaks = server.logs.flatMap((line) => {
    const found = secrets.filter((s) => line.includes(s));
    // The client connects from 127.0.0.1; the server may say where it listens, nothing more.
    if (line.includes('127.0.0.1') && !/"msg":"Server listening at http:\/\/127\.0\.0\.1:\d+"/.test(line)) found.push('127.0.0.1');
    return found.length ? [`${found.join(', ')} in ${line.slice(0, 300)}`] : [];
  });
  expect(leaks).toEqual([]);
}, 60_000);
