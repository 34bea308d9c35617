import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { type StickyNote, getElement, getElements, getVoteResults, insertElement, notesToReveal } from '@sammen/shared';
import { connectControl, createWorkshop, join } from '../harness/control.js';
import { type RunningServer, createBoard, startServer } from '../harness/server.js';
import { type SmallDisk, mountSmallDisk } from '../harness/tmpfs.js';
import { type YClient, connectClient, synced, waitForDoc } from '../harness/yclient.js';

// "A write that was not stored is never shared": a real server on a real 2 MiB filesystem, filled by
// real y-websocket clients. Before the fix, appends on the full disk reported success: clients got
// updates that were gone after a crash, and no writer was told.

const disks: SmallDisk[] = [];
const unused: SmallDisk[] = [];
const servers: RunningServer[] = [];
const clients: YClient[] = [];
afterAll(async () => {
  for (const c of clients) c.destroy();
  for (const s of servers) await s.kill();
  for (const d of disks) d.unmount();
});

/** A 2 MiB DATA_DIR, or the reason it cannot be mounted (then the tests skip; on CI mounting throws). */
const probe = mountSmallDisk(2 * 1024 * 1024);
const skipReason = typeof probe === 'string' ? probe : null;
if (typeof probe !== 'string') {
  disks.push(probe);
  unused.push(probe);
}
function freshDisk(): SmallDisk {
  const disk = unused.shift() ?? mountSmallDisk(2 * 1024 * 1024);
  if (typeof disk === 'string') throw new Error(disk);
  if (!disks.includes(disk)) disks.push(disk);
  return disk;
}

/** Takes `bytes` of the disk with a file the test can delete later to free that space again. */
function ballast(dir: string, bytes: number): string {
  const file = path.join(dir, 'ballast');
  fs.writeFileSync(file, randomBytes(bytes));
  return file;
}

/** Fills the rest of the disk with files written directly (a real ENOSPC, not a mock). */
function fillDisk(dir: string): string[] {
  const files: string[] = [];
  for (const size of [256 * 1024, 16 * 1024, 4096, 512]) {
    for (;;) {
      const file = path.join(dir, `fill-${files.length}`);
      try {
        fs.writeFileSync(file, randomBytes(size));
        files.push(file);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
        fs.rmSync(file, { force: true });
        break;
      }
    }
  }
  return files;
}

const note = (id: string, text: string): StickyNote => ({
  id, type: 'note', index: 'a0', frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text,
});
const ids = (doc: Y.Doc) => new Set(getElements(doc).map((e) => e.id));
const track = (c: YClient) => (clients.push(c), c);

describe.skipIf(skipReason !== null)(`a full disk${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  it('refuses what it cannot store: writers closed 4503, nothing shared is lost in a crash, HTTP writes 507; edits arrive once space is back', async () => {
    const disk = freshDisk();
    const server = await startServer({ dataDir: disk.dir, env: { COMPACT_AFTER_UPDATES: '100000' } });
    servers.push(server);
    const boardId = await createBoard(server);
    const spare = ballast(disk.dir, 192 * 1024); // freed at the end, so the refused edits can arrive

    const receivers = [track(connectClient(server.wsUrl, boardId)), track(connectClient(server.wsUrl, boardId))];
    const writers = [0, 1, 2].map(() => track(connectClient(server.wsUrl, boardId)));
    await Promise.all([...receivers, ...writers].map(synced));
    const closeCodes = writers.map(() => [] as number[]);
    writers.forEach((w, i) => w.provider.on('connection-close', (event) => event && closeCodes[i]!.push(event.code)));
    const written: string[][] = writers.map(() => []);

    // Each writer adds ~3 KB notes one at a time until the server closes it with 4503 (bounded: a
    // server that never refuses would fill 3× the disk).
    await Promise.all(
      writers.map(async (w, i) => {
        for (let n = 0; n < 400 && !closeCodes[i]!.includes(4503); n++) {
          const id = `w${i}-${n}`;
          written[i]!.push(id);
          insertElement(w.doc, note(id, randomBytes(2200).toString('base64')));
          const refused = new Promise<void>((resolve) => {
            const onClose = (event: CloseEvent | null) => {
              if (event?.code !== 4503) return;
              w.provider.off('connection-close', onClose);
              resolve();
            };
            w.provider.on('connection-close', onClose);
          });
          await Promise.race([waitForDoc(receivers[0]!.doc, (d) => getElement(d, id) !== undefined, 20_000), refused]);
        }
      }),
    );
    // What any other client has received must be on disk; capture it, then crash the server.
    const received = new Set([...ids(receivers[0]!.doc), ...ids(receivers[1]!.doc)]);
    const allWritten = written.flat();

    // An HTTP write is refused too. A refused group commit may leave a few WAL pages it had taken
    // (the disk is full for a batch of notes, not for a small row): write until the disk says no.
    let board = await fetch(`${server.url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'x'.repeat(200) }) });
    for (let tries = 0; board.status === 201 && tries < 40; tries++) {
      board = await fetch(`${server.url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'x'.repeat(200) }) });
    }
    const body = (await board.json()) as { error: string; message: string };

    for (const c of [...receivers, ...writers]) c.provider.disconnect();
    await server.kill();
    await server.restart();
    const audit = track(connectClient(server.wsUrl, boardId));
    await synced(audit);
    const after = ids(audit.doc);
    const lost = [...received].filter((id) => !after.has(id));
    expect(lost, `${lost.length} of ${received.size} updates that clients had received were gone after the crash`).toEqual([]);
    expect(received.size).toBeLessThan(allWritten.length); // the disk really was full: some edits were refused
    expect(received.size).toBeGreaterThan(20); // ~80 notes fit on this disk
    for (const codes of closeCodes) expect(codes).toContain(4503);
    expect([507, 503]).toContain(board.status);
    expect(body.error).toBe(board.status === 507 ? 'storage_full' : 'storage_failed');
    expect(body.message).toMatch(/not saved|could not save/);

    // Space is back: the writers reconnect and resend what was refused; every edit arrives once.
    fs.rmSync(spare);
    for (const w of writers) w.provider.connect();
    await waitForDoc(audit.doc, (d) => allWritten.every((id) => getElement(d, id) !== undefined), 20_000);
    expect(getElements(audit.doc).length).toBe(allWritten.length);
  });

  it('a reveal the disk cannot store fails for the facilitator, reveals nothing and empties no private notes', async () => {
    const disk = freshDisk();
    const server = await startServer({ dataDir: disk.dir });
    servers.push(server);
    const w = await createWorkshop(server);
    const alice = await join(server, w.joinCode, 'Alice');
    const fac = await connectControl(server.url, w.facilitatorToken);
    expect(await fac.run({ type: 'private.start', reveal: 'named' })).toEqual({ ok: true });
    const board = track(connectClient(server.wsUrl, w.boardId, { token: w.facilitatorToken }));
    const alicePrivate = track(connectClient(server.wsUrl, w.boardId, { token: alice, privateDoc: true }));
    await Promise.all([synced(board), synced(alicePrivate)]);
    insertElement(alicePrivate.doc, note('secret', 'Mere grønt i byen'));
    const check = track(connectClient(server.wsUrl, w.boardId, { token: alice, privateDoc: true }));
    await waitForDoc(check.doc, (d) => getElement(d, 'secret') !== undefined); // stored

    const filler = fillDisk(disk.dir);
    const result = await fac.run({ type: 'private.reveal' });
    expect(result).toMatchObject({ ok: false, error: 'storage_failed' });
    // Nobody sees a reveal that is not stored: not the clients connected now, not one connecting now
    // (they get the server's live document), and the workshop state does not say it happened.
    expect(getElement(board.doc, 'secret')).toBeUndefined();
    expect(getElement(alicePrivate.doc, 'secret')).toBeDefined();
    const lateBoard = track(connectClient(server.wsUrl, w.boardId, { token: w.facilitatorToken }));
    const latePrivate = track(connectClient(server.wsUrl, w.boardId, { token: alice, privateDoc: true }));
    await Promise.all([synced(lateBoard), synced(latePrivate)]);
    expect(getElement(lateBoard.doc, 'secret')).toBeUndefined();
    expect(getElement(latePrivate.doc, 'secret')).toBeDefined();
    const lateFac = await connectControl(server.url, w.facilitatorToken);
    expect(lateFac.view().private.active).toBe(true);
    lateFac.close();

    // After a crash the private note is still where it was, and nothing half-revealed is on the board.
    for (const c of [board, alicePrivate, check, lateBoard, latePrivate]) c.provider.disconnect();
    fac.close();
    await server.kill();
    for (const f of filler) fs.rmSync(f);
    await server.restart();
    const privateAgain = track(connectClient(server.wsUrl, w.boardId, { token: alice, privateDoc: true }));
    await waitForDoc(privateAgain.doc, (d) => getElement(d, 'secret') !== undefined);
    const facAgain = await connectControl(server.url, w.facilitatorToken);
    expect(facAgain.view().private.active).toBe(true);
    // With space back the same command works.
    expect(await facAgain.run({ type: 'private.reveal' })).toEqual({ ok: true });
    const boardAgain = track(connectClient(server.wsUrl, w.boardId, { token: w.facilitatorToken }));
    await waitForDoc(boardAgain.doc, (d) => getElement(d, 'secret') !== undefined);
    await waitForDoc(privateAgain.doc, (d) => notesToReveal(d).length === 0);
    facAgain.close();
  });

  it('a dot, vote results or a new join code the disk cannot store are neither shown nor written; the vote stays unrevealed until they can be', async () => {
    const disk = freshDisk();
    const server = await startServer({ dataDir: disk.dir });
    servers.push(server);
    const w = await createWorkshop(server);
    const alice = await join(server, w.joinCode, 'Alice');
    const board = track(connectClient(server.wsUrl, w.boardId, { token: w.facilitatorToken }));
    await synced(board);
    insertElement(board.doc, note('n1', 'Flere bænke'));
    const fac = await connectControl(server.url, w.facilitatorToken);
    const voter = await connectControl(server.url, alice);
    expect(await fac.run({ type: 'vote.start', elementIds: ['n1'], dotsPerPerson: 1, allowMultiplePerElement: false })).toEqual({ ok: true });
    await voter.waitFor((v) => v.vote?.status === 'open');

    const filler = fillDisk(disk.dir);
    // A dot that cannot be stored is not counted (the state is saved before anyone sees it).
    expect(await voter.run({ type: 'vote.place', elementId: 'n1' })).toMatchObject({ ok: false, error: 'storage_failed' });
    expect(await fac.run({ type: 'vote.reveal' })).toMatchObject({ ok: false, error: 'storage_failed' });
    const lateBoard = track(connectClient(server.wsUrl, w.boardId, { token: w.facilitatorToken }));
    await synced(lateBoard);
    expect(getVoteResults(lateBoard.doc)).toEqual([]);
    const lateVoter = await connectControl(server.url, alice);
    expect(lateVoter.view().vote).toMatchObject({ status: 'open', results: null, myDots: [] });
    lateVoter.close();
    // A new join code that cannot be stored is not handed out: the old one stays valid.
    expect(await fac.run({ type: 'links.renew', link: 'participant' })).toMatchObject({ ok: false, error: 'storage_failed' });
    const lateFac = await connectControl(server.url, w.facilitatorToken);
    expect(lateFac.view().links?.joinCode).toBe(w.joinCode);
    lateFac.close();

    for (const f of filler) fs.rmSync(f);
    expect(await voter.run({ type: 'vote.place', elementId: 'n1' })).toEqual({ ok: true });
    expect(await fac.run({ type: 'vote.reveal' })).toEqual({ ok: true });
    await waitForDoc(lateBoard.doc, (d) => getVoteResults(d).length === 1);
    expect(getVoteResults(lateBoard.doc)[0]!.results).toEqual([{ elementId: 'n1', count: 1 }]);
    fac.close();
    voter.close();
  });
});
