import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type StickyNote, getElement, getElements, insertElement } from '@sammen/shared';
import { findInFiles } from '../harness/bytes.js';
import { type ControlClient, connectControl, createWorkshop } from '../harness/control.js';
import { type RunningServer, startServer } from '../harness/server.js';
import { connectClient, synced, waitForDoc } from '../harness/yclient.js';

/**
 * While a private round and a vote are open, nothing the README promises no one sees before the reveal
 * leaves the server: not in the facilitator's backup file, not in any report format, not in a named
 * version. Only the operator's `npm run backup` on the server machine holds everything.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const note = (id: string, text: string): StickyNote => ({ id, type: 'note', index: `a${id}`, frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text });
const tag = randomBytes(6).toString('hex');
const SECRET = `Hemmelig tanke ${tag}`;
let server: RunningServer;
let w: Awaited<ReturnType<typeof createWorkshop>>;
let fac: ControlClient;
const members: Array<{ id: string; token: string }> = [];
const auth = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

beforeAll(async () => {
  server = await startServer();
  w = await createWorkshop(server, { title: 'Borgerpanel' });
  fac = await connectControl(server.url, w.facilitatorToken);
  for (const name of ['Alice', 'Bent']) {
    const res = await fetch(`${server.url}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: w.joinCode, name }) });
    const joined = (await res.json()) as { token: string; memberId: string };
    members.push({ id: joined.memberId, token: joined.token });
  }
  const board = connectClient(server.wsUrl, w.boardId, { token: w.facilitatorToken });
  await synced(board);
  insertElement(board.doc, note('n1', 'Flere træer'));
  insertElement(board.doc, note('n2', 'Bedre busser'));
  const watcher = connectClient(server.wsUrl, w.boardId, { token: w.facilitatorToken });
  await waitForDoc(watcher.doc, (d) => getElement(d, 'n2') !== undefined);
  watcher.destroy();
  board.destroy();

  expect(await fac.run({ type: 'private.start', reveal: 'named' })).toEqual({ ok: true });
  const mine = connectClient(server.wsUrl, w.boardId, { token: members[0]!.token, privateDoc: true });
  await synced(mine);
  insertElement(mine.doc, note('p1', SECRET));
  const again = connectClient(server.wsUrl, w.boardId, { token: members[0]!.token, privateDoc: true });
  await waitForDoc(again.doc, (d) => getElement(d, 'p1') !== undefined);
  mine.destroy();
  again.destroy();

  expect(await fac.run({ type: 'vote.start', elementIds: ['n1', 'n2'], dotsPerPerson: 3, allowMultiplePerElement: true })).toEqual({ ok: true });
  for (const [m, dots] of [[members[0]!, ['n1', 'n1', 'n2']], [members[1]!, ['n2']]] as const) {
    const c = await connectControl(server.url, m.token);
    for (const d of dots) expect(await c.run({ type: 'vote.place', elementId: d })).toEqual({ ok: true });
    c.close();
  }
});
afterAll(async () => {
  fac?.close();
  await server.stop();
});

describe('secrets before the reveal', () => {
  it('the facilitator backup holds neither unrevealed private notes nor any ballot, and says what it left out', async () => {
    const res = await fetch(`${server.url}/api/workshops/${w.id}/export`, auth(w.facilitatorToken));
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(tag);
    const file = JSON.parse(text);
    // Documents travel as base64 Yjs updates: read every one of them.
    const docs = [file.content.board, ...file.content.privateDocs.map((p: any) => p.state), ...file.content.versions.map((v: any) => v.state)];
    for (const state of docs) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, new Uint8Array(Buffer.from(state, 'base64')));
      expect(JSON.stringify(getElements(doc))).not.toContain(tag);
      doc.destroy();
    }
    expect(file.content.privateDocs).toEqual([]);
    expect(file.content.workshop.state.vote).toMatchObject({ status: 'open', ballots: {}, results: null });
    expect(JSON.stringify(file.content.workshop.state)).not.toMatch(new RegExp(members.map((m) => m.id).join('|')));
    expect(file.content.omitted.join(' ')).toMatch(/ballots.*private notes/s);

    // Importing it restarts the open round and vote without them.
    const imported = await fetch(`${server.url}/api/workshops/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: text });
    expect(imported.status).toBe(201);
    const copy = (await imported.json()) as { facilitatorToken: string };
    const view = await connectControl(server.url, copy.facilitatorToken);
    expect(view.view()).toMatchObject({ private: { active: true }, vote: { status: 'open', voters: 0, results: null } });
    view.close();
  });

  it('no report format, version or view carries the private note or who voted what', async () => {
    for (const format of ['md', 'csv', 'html']) {
      const body = await (await fetch(`${server.url}/api/workshops/${w.id}/report?format=${format}`, auth(w.facilitatorToken))).text();
      expect(body, format).not.toContain(tag);
    }
    const pdf = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-secret-')), 'r.pdf');
    fs.writeFileSync(pdf, Buffer.from(await (await fetch(`${server.url}/api/workshops/${w.id}/report?format=pdf`, auth(w.facilitatorToken))).arrayBuffer()));
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).not.toContain(tag);
    const csv = await (await fetch(`${server.url}/api/workshops/${w.id}/report?format=csv`, auth(w.facilitatorToken))).text();
    expect(csv).not.toMatch(/"[1-9]"/); // no dot counts before the reveal
    const v = await fetch(`${server.url}/api/workshops/${w.id}/versions`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${w.facilitatorToken}` }, body: JSON.stringify({ name: 'Før' }),
    });
    const { id } = (await v.json()) as { id: string };
    expect(await (await fetch(`${server.url}/api/workshops/${w.id}/versions/${id}`, auth(w.facilitatorToken))).text()).not.toContain(tag);
    expect(JSON.stringify(fac.view())).not.toContain(tag);
    expect(fac.view().vote).toMatchObject({ myDots: [], results: null });
  });

  it('npm run backup: the operator backup on the server machine holds everything, readable by its owner only', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-opbackup-'));
    const printed = execFileSync('npm', ['run', '--silent', 'backup', '--', `${out}/`], { cwd: ROOT, env: { ...process.env, DATA_DIR: server.dataDir }, encoding: 'utf8' });
    const [file] = fs.readdirSync(out);
    expect(printed).toContain(path.join(out, file!));
    expect(fs.statSync(path.join(out, file!)).mode & 0o777).toBe(0o600);
    expect(findInFiles(out, [SECRET, members[0]!.id]).map((f) => f.needle).sort()).toEqual([SECRET, members[0]!.id].sort());
  });
});
