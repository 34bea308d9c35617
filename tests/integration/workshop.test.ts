import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { JOIN_CODE_ALPHABET, type StickyNote, getElement, getElementText, getElements, getVoteResults, insertElement, notesToReveal, revealedNotes, updateElement } from '@sammen/shared';
import { connectControl, createWorkshop, join } from '../harness/control.js';
import { serverSession } from '../harness/session.js';
import { closed, connectClient, rawSocket, synced, waitForDoc } from '../harness/yclient.js';
import { encodeUpdateMessage } from '../harness/wire.js';

const note = (id: string, extra: Partial<StickyNote> = {}): StickyNote => ({
  id, type: 'note', index: 'a0', frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text: id, ...extra,
});

const harness = serverSession();
const { track } = harness;

async function workshopWithParticipants() {
  const w = await createWorkshop(harness.server);
  const alice = await join(harness.server, w.joinCode, 'Alice');
  const bent = await join(harness.server, w.joinCode, 'Bent');
  const fac = track(connectClient(harness.server.wsUrl, w.boardId, { token: w.facilitatorToken }));
  await synced(fac);
  return { w, alice, bent, fac };
}

/** Waits until the board as the server holds it (seen by a fresh client) satisfies `predicate`. */
async function serverBoard(boardId: string, token: string): Promise<Y.Doc> {
  const c = connectClient(harness.server.wsUrl, boardId, { token });
  await synced(c);
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(c.doc));
  c.destroy();
  return copy;
}

describe('creating and joining', () => {
  it('gives the facilitator three links and a readable join code', async () => {
    const w = await createWorkshop(harness.server);
    expect(w).toMatchObject({ id: expect.any(String), boardId: expect.any(String), facilitatorToken: expect.any(String), observerToken: expect.any(String) });
    expect(w.joinCode).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
    expect(w.joinCode).not.toMatch(/[0O1IL]/);
  });

  it('joins with the code and a name only; the code is forgiving about case and spaces', async () => {
    const w = await createWorkshop(harness.server);
    const spaced = `${w.joinCode.slice(0, 3).toLowerCase()} ${w.joinCode.slice(3)}`;
    const token = await join(harness.server, spaced, 'Olga');
    const session = await fetch(`${harness.server.url}/api/session`, { headers: { authorization: `Bearer ${token}` } });
    expect(await session.json()).toMatchObject({ role: 'participant', name: 'Olga', boardId: w.boardId });
    const wrong = await fetch(`${harness.server.url}/api/join`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 'ZZZZZZ', name: 'x' }),
    });
    expect(wrong.status).toBe(404);
    const noName = await fetch(`${harness.server.url}/api/join`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: w.joinCode, name: '  ' }),
    });
    expect(noName.status).toBe(400);
  });
});

describe('the server refuses', () => {
  it('a board WebSocket without a valid token of this workshop', async () => {
    const w = await createWorkshop(harness.server);
    const other = await createWorkshop(harness.server);
    await expect(rawSocket(harness.server.wsUrl, w.boardId)).rejects.toThrow('HTTP 401');
    await expect(rawSocket(harness.server.wsUrl, `${w.boardId}?token=nonsense`)).rejects.toThrow('HTTP 403');
    await expect(rawSocket(harness.server.wsUrl, `${w.boardId}?token=${other.facilitatorToken}`)).rejects.toThrow('HTTP 403');
    await expect(rawSocket(harness.server.wsUrl, `${w.boardId}/private?token=${w.observerToken}`)).rejects.toThrow('HTTP 403');
  });

  it('a control channel without a valid token', async () => {
    await expect(connectControl(harness.server.url, undefined)).rejects.toThrow('unauthorized');
    await expect(connectControl(harness.server.url, 'forged')).rejects.toThrow('unauthorized');
  });

  it("an observer's Yjs update, leaving the board unchanged", async () => {
    const { w, fac } = await workshopWithParticipants();
    insertElement(fac.doc, note('n1'));
    const watcher = track(connectClient(harness.server.wsUrl, w.boardId, { token: w.observerToken }));
    await waitForDoc(watcher.doc, (d) => getElement(d, 'n1') !== undefined);
    // A crafted client: the observer's own replica moves the note and sends the update raw.
    const crafted = new Y.Doc();
    Y.applyUpdate(crafted, Y.encodeStateAsUpdate(watcher.doc));
    const before = Y.encodeStateVector(crafted);
    updateElement(crafted, 'n1', { x: 999 });
    insertElement(crafted, note('intruder'));
    const ws = await rawSocket(harness.server.wsUrl, `${w.boardId}?token=${w.observerToken}`);
    const closing = closed(ws);
    ws.send(encodeUpdateMessage(Y.encodeStateAsUpdate(crafted, before)));
    expect(await closing).toMatchObject({ code: 4403, reason: expect.stringMatching(/Observers/) });
    const board = await serverBoard(w.boardId, w.facilitatorToken);
    expect(getElement(board, 'n1')).toMatchObject({ x: 0 });
    expect(getElement(board, 'intruder')).toBeUndefined();
  });

  it('a participant changing a locked frame or its contents, while unlocked things stay editable', async () => {
    const { w, alice, fac } = await workshopWithParticipants();
    insertElement(fac.doc, { id: 'f1', type: 'frame', index: 'a0', frameId: null, x: 0, y: 0, width: 800, height: 600, title: 'Hvad er vigtigt for dig?', fill: 'white' });
    insertElement(fac.doc, note('inside', { frameId: 'f1', x: 10, y: 10 }));
    insertElement(fac.doc, note('outside', { x: 2000 }));
    const facControl = track(await connectControl(harness.server.url, w.facilitatorToken));
    expect(await facControl.run({ type: 'lock.frame', frameId: 'f1', locked: true, contents: true })).toEqual({ ok: true });

    const a = track(connectClient(harness.server.wsUrl, w.boardId, { token: alice }));
    await waitForDoc(a.doc, (d) => getElement(d, 'outside') !== undefined);
    updateElement(a.doc, 'outside', { x: 2100 });
    await waitForDoc(fac.doc, (d) => getElement(d, 'outside')?.type === 'note' && (getElement(d, 'outside') as StickyNote).x === 2100);

    for (const attempt of [
      (d: Y.Doc) => updateElement(d, 'inside', { x: 500 }), // move a note in a locked frame
      (d: Y.Doc) => updateElement(d, 'f1', { title: 'Hacked' }), // rename the locked frame
      (d: Y.Doc) => updateElement(d, 'outside', { frameId: 'f1' }), // put a note into it
      (d: Y.Doc) => insertElement(d, note('sneaky', { frameId: 'f1' })), // add a note to it
    ]) {
      const crafted = new Y.Doc();
      Y.applyUpdate(crafted, Y.encodeStateAsUpdate(await serverBoard(w.boardId, w.facilitatorToken)));
      const sv = Y.encodeStateVector(crafted);
      attempt(crafted);
      const ws = await rawSocket(harness.server.wsUrl, `${w.boardId}?token=${alice}`);
      const closing = closed(ws);
      ws.send(encodeUpdateMessage(Y.encodeStateAsUpdate(crafted, sv)));
      expect((await closing).code).toBe(4403);
    }
    const board = await serverBoard(w.boardId, w.facilitatorToken);
    expect(getElement(board, 'inside')).toMatchObject({ x: 10, frameId: 'f1' });
    expect(getElement(board, 'f1')).toMatchObject({ title: 'Hvad er vigtigt for dig?' });
    expect(getElement(board, 'outside')).toMatchObject({ frameId: null });
    expect(getElement(board, 'sneaky')).toBeUndefined();

    // Locking the whole board stops every participant edit; the facilitator can still edit.
    expect(await facControl.run({ type: 'lock.board', locked: true })).toEqual({ ok: true });
    const crafted = new Y.Doc();
    Y.applyUpdate(crafted, Y.encodeStateAsUpdate(board));
    const sv = Y.encodeStateVector(crafted);
    insertElement(crafted, note('during-lock'));
    const ws = await rawSocket(harness.server.wsUrl, `${w.boardId}?token=${alice}`);
    const closing = closed(ws);
    ws.send(encodeUpdateMessage(Y.encodeStateAsUpdate(crafted, sv)));
    expect(await closing).toMatchObject({ code: 4403, reason: expect.stringMatching(/locked/) });
    updateElement(fac.doc, 'inside', { x: 20 });
    expect(getElement(await serverBoard(w.boardId, w.facilitatorToken), 'inside')).toMatchObject({ x: 20 });
  });

  it('anyone writing the vote results the server owns', async () => {
    const { w, alice } = await workshopWithParticipants();
    const crafted = new Y.Doc();
    crafted.getMap('votes').set('fake', { id: 'fake', title: '', revealedAt: 1, results: [{ elementId: 'x', count: 99 }] });
    const ws = await rawSocket(harness.server.wsUrl, `${w.boardId}?token=${alice}`);
    const closing = closed(ws);
    ws.send(encodeUpdateMessage(Y.encodeStateAsUpdate(crafted)));
    expect((await closing).code).toBe(4403);
    expect(getVoteResults(await serverBoard(w.boardId, w.facilitatorToken))).toEqual([]);
  });

  it("a participant writing the reveal's record in their own private document (to carry text into another's note)", async () => {
    const { w, alice, fac } = await workshopWithParticipants();
    insertElement(fac.doc, note('theirs', { text: 'Kari sin lapp' }));
    const crafted = new Y.Doc();
    insertElement(crafted, note('theirs', { text: 'Slett alt' }));
    revealedNotes(crafted).set('theirs', 'Kari sin lapp');
    const ws = await rawSocket(harness.server.wsUrl, `${w.boardId}/private?token=${alice}`);
    const closing = closed(ws);
    ws.send(encodeUpdateMessage(Y.encodeStateAsUpdate(crafted)));
    expect(await closing).toMatchObject({ code: 4403, reason: expect.stringMatching(/revealed/) });
    const mine = track(connectClient(harness.server.wsUrl, w.boardId, { token: alice, privateDoc: true }));
    await synced(mine);
    expect(revealedNotes(mine.doc).size).toBe(0);
    expect(getElement(await serverBoard(w.boardId, w.facilitatorToken), 'theirs')).toMatchObject({ text: 'Kari sin lapp' });
  });

  it('a participant running facilitator commands', async () => {
    const { w, alice } = await workshopWithParticipants();
    const a = track(await connectControl(harness.server.url, alice));
    for (const command of [
      { type: 'timer.start', seconds: 60 },
      { type: 'lock.board', locked: true },
      { type: 'vote.reveal' },
      { type: 'private.start', reveal: 'named' },
      { type: 'links.renew', link: 'participant' },
      { type: 'agenda.set', steps: [] },
    ]) {
      expect(await a.run(command)).toMatchObject({ ok: false, error: 'forbidden' });
    }
    expect(await a.run({ type: 'no.such.thing' })).toMatchObject({ ok: false, error: 'invalid' });
    expect(a.view().timer.status).toBe('idle');
    expect(a.view().locks.board).toBe(false);
    expect(a.view().links).toBeNull();
    const fac = track(await connectControl(harness.server.url, w.facilitatorToken));
    expect(fac.view().links).toEqual({ joinCode: w.joinCode, observerToken: w.observerToken });
  });

  it("reading another participant's private notes, and leaking them before the reveal", async () => {
    const { w, alice, bent, fac } = await workshopWithParticipants();
    const facControl = track(await connectControl(harness.server.url, w.facilitatorToken));
    expect(await facControl.run({ type: 'private.start', reveal: 'named' })).toEqual({ ok: true });
    const alicePrivate = track(connectClient(harness.server.wsUrl, w.boardId, { token: alice, privateDoc: true }));
    await synced(alicePrivate);
    insertElement(alicePrivate.doc, note('secret', { text: 'Mere grønt i byen æøå' }));
    const bentPrivate = track(connectClient(harness.server.wsUrl, w.boardId, { token: bent, privateDoc: true }));
    await synced(bentPrivate);
    insertElement(bentPrivate.doc, note('bents', { text: 'Flere bænke' }));
    // Make sure the server has stored Alice's note, then look everywhere else for it.
    const aliceAgain = track(connectClient(harness.server.wsUrl, w.boardId, { token: alice, privateDoc: true }));
    await waitForDoc(aliceAgain.doc, (d) => getElement(d, 'secret') !== undefined);
    const bentAgain = track(connectClient(harness.server.wsUrl, w.boardId, { token: bent, privateDoc: true }));
    await waitForDoc(bentAgain.doc, (d) => getElement(d, 'bents') !== undefined);
    expect(getElement(bentAgain.doc, 'secret')).toBeUndefined();
    expect(getElement(fac.doc, 'secret')).toBeUndefined();
    const facPrivate = track(connectClient(harness.server.wsUrl, w.boardId, { token: w.facilitatorToken, privateDoc: true }));
    await synced(facPrivate);
    expect(getElement(facPrivate.doc, 'secret')).toBeUndefined();
    expect(JSON.stringify(facControl.view())).not.toContain('Mere grønt');

    const revealed = track(await connectControl(harness.server.url, alice)).next<{ count: number }>('revealed');
    expect(await facControl.run({ type: 'private.reveal' })).toEqual({ ok: true });
    expect(await revealed).toEqual({ count: 1 });
    await waitForDoc(fac.doc, (d) => getElement(d, 'secret') !== undefined && getElement(d, 'bents') !== undefined);
    expect(getElement(fac.doc, 'secret')).toMatchObject({ text: 'Mere grønt i byen æøå', author: 'Alice' });
    // Recorded in her private document as on the board; it leaves the document when the next round starts.
    await waitForDoc(aliceAgain.doc, (d) => notesToReveal(d).length === 0);
    await facControl.waitFor((v) => !v.private.active);
    expect(getElements(aliceAgain.doc).map((e) => e.id)).toEqual(['secret']);
    expect(await facControl.run({ type: 'private.start', reveal: 'named' })).toEqual({ ok: true });
    await waitForDoc(aliceAgain.doc, (d) => getElements(d).length === 0);
    expect(getElements(fac.doc).map((e) => e.id).sort()).toEqual(['bents', 'secret']);
  });

  it('a private note that reaches the server after the reveal (a slow phone) is revealed too; after a stop it stays private', async () => {
    const { w, alice, fac } = await workshopWithParticipants();
    const facControl = track(await connectControl(harness.server.url, w.facilitatorToken));
    const aliceControl = track(await connectControl(harness.server.url, alice));
    expect(await facControl.run({ type: 'private.start', reveal: 'named' })).toEqual({ ok: true });
    const alicePrivate = track(connectClient(harness.server.wsUrl, w.boardId, { token: alice, privateDoc: true }));
    await synced(alicePrivate);
    insertElement(alicePrivate.doc, note('in-time', { text: 'Før afsløringen' }));
    await waitForDoc(track(connectClient(harness.server.wsUrl, w.boardId, { token: alice, privateDoc: true })).doc, (d) => getElement(d, 'in-time') !== undefined);
    const firstReveal = aliceControl.next<{ count: number }>('revealed');
    expect(await facControl.run({ type: 'private.reveal' })).toEqual({ ok: true });
    expect(await firstReveal).toEqual({ count: 1 });
    await waitForDoc(fac.doc, (d) => getElement(d, 'in-time') !== undefined);

    // Sent before the reveal, arrived after it: revealed on arrival, named as the round was.
    const lateReveal = aliceControl.next<{ count: number }>('revealed');
    insertElement(alicePrivate.doc, note('late', { text: 'Sendt i sidste sekund' }));
    expect(await lateReveal).toEqual({ count: 1 });
    await waitForDoc(fac.doc, (d) => getElement(d, 'late') !== undefined);
    expect(getElement(fac.doc, 'late')).toMatchObject({ text: 'Sendt i sidste sekund', author: 'Alice' });
    await waitForDoc(alicePrivate.doc, (d) => notesToReveal(d).length === 0);
    await facControl.waitFor((v) => !v.private.active);
    // The rest of her keystrokes were still on their way (the phone's network dropped and came back):
    // they reach the board copy, and are not announced as another note.
    const announced: number[] = [];
    aliceControl.socket.on('revealed', (e: { count: number }) => announced.push(e.count));
    getElementText(alicePrivate.doc, 'late')!.insert('Sendt i sidste sekund'.length, ' – med cykelstier');
    await waitForDoc(fac.doc, (d) => (getElement(d, 'late') as StickyNote | undefined)?.text === 'Sendt i sidste sekund – med cykelstier');
    await waitForDoc(alicePrivate.doc, (d) => notesToReveal(d).length === 0);
    expect(getElements(fac.doc).filter((e) => e.type === 'note').map((e) => e.id).sort()).toEqual(['in-time', 'late']);
    expect(announced).toEqual([]);
    // The report's count includes it; the view does not carry how the round ended.
    expect(JSON.stringify(facControl.view().private)).not.toContain('endedBy');

    // Not onto a locked board: a participant cannot use their private document to get past the lock.
    expect(await facControl.run({ type: 'lock.board', locked: true })).toEqual({ ok: true });
    insertElement(alicePrivate.doc, note('while-locked', { text: 'Efter låsen' }));
    await waitForDoc(track(connectClient(harness.server.wsUrl, w.boardId, { token: alice, privateDoc: true })).doc, (d) => getElement(d, 'while-locked') !== undefined);
    await new Promise((r) => setTimeout(r, 300));
    expect(getElement(await serverBoard(w.boardId, w.facilitatorToken), 'while-locked')).toBeUndefined();
    expect(await facControl.run({ type: 'lock.board', locked: false })).toEqual({ ok: true });

    // A round stopped without a reveal keeps its notes private, late or not.
    expect(await facControl.run({ type: 'private.start', reveal: 'anonymous' })).toEqual({ ok: true });
    expect(await facControl.run({ type: 'private.stop' })).toEqual({ ok: true });
    insertElement(alicePrivate.doc, note('kept', { text: 'Kun til mig' }));
    const again = track(connectClient(harness.server.wsUrl, w.boardId, { token: alice, privateDoc: true }));
    await waitForDoc(again.doc, (d) => getElement(d, 'kept') !== undefined);
    await new Promise((r) => setTimeout(r, 300));
    expect(getElement((await serverBoard(w.boardId, w.facilitatorToken)), 'kept')).toBeUndefined();
  });

  it('vote counts before the reveal', async () => {
    const { w, alice, bent, fac } = await workshopWithParticipants();
    insertElement(fac.doc, note('n1'));
    insertElement(fac.doc, note('n2'));
    const f = track(await connectControl(harness.server.url, w.facilitatorToken));
    const a = track(await connectControl(harness.server.url, alice));
    const b = track(await connectControl(harness.server.url, bent));
    expect(await f.run({ type: 'vote.start', elementIds: ['n1', 'n2'], dotsPerPerson: 2, allowMultiplePerElement: false })).toEqual({ ok: true });
    await a.waitFor((v) => v.vote?.status === 'open');
    expect(await a.run({ type: 'vote.place', elementId: 'n1' })).toEqual({ ok: true });
    expect(await a.run({ type: 'vote.place', elementId: 'n1' })).toMatchObject({ ok: false, error: 'one_dot_per_note' });
    expect(await a.run({ type: 'vote.place', elementId: 'n2' })).toEqual({ ok: true });
    expect(await a.run({ type: 'vote.place', elementId: 'n2' })).toMatchObject({ ok: false, error: 'no_dots_left' });
    expect(await a.run({ type: 'vote.place', elementId: 'elsewhere' })).toMatchObject({ ok: false, error: 'not_in_vote' });
    expect(await b.run({ type: 'vote.place', elementId: 'n1' })).toEqual({ ok: true });
    expect(await b.run({ type: 'vote.remove', elementId: 'n1' })).toEqual({ ok: true });
    expect(await b.run({ type: 'vote.place', elementId: 'n2' })).toEqual({ ok: true });

    const bView = await b.waitFor((v) => v.vote?.voters === 2);
    expect(bView.vote).toMatchObject({ myDots: ['n2'], results: null });
    const fView = await f.waitFor((v) => v.vote?.voters === 2);
    expect(fView.vote?.results).toBeNull(); // not even the facilitator sees counts before the reveal
    expect(getVoteResults(fac.doc)).toEqual([]);

    expect(await f.run({ type: 'vote.reveal' })).toEqual({ ok: true });
    const revealed = await b.waitFor((v) => v.vote?.status === 'revealed');
    expect(revealed.vote?.results).toEqual([{ elementId: 'n2', count: 2 }, { elementId: 'n1', count: 1 }]);
    await waitForDoc(fac.doc, (d) => getVoteResults(d).length === 1);
    expect(getVoteResults(fac.doc)[0]!.results).toEqual([{ elementId: 'n2', count: 2 }, { elementId: 'n1', count: 1 }]);
    expect(await a.run({ type: 'vote.place', elementId: 'n1' })).toMatchObject({ ok: false, error: 'vote_closed' });
  });

  it('renewed links and removed participants, at once', async () => {
    const { w, alice } = await workshopWithParticipants();
    const f = track(await connectControl(harness.server.url, w.facilitatorToken));
    const observerBoard = track(connectClient(harness.server.wsUrl, w.boardId, { token: w.observerToken }));
    await synced(observerBoard);
    const observerClosed = new Promise<number>((resolve) => observerBoard.provider.on('connection-close', (e) => e && resolve(e.code)));
    const observerControl = track(await connectControl(harness.server.url, w.observerToken));
    const observerRemoved = observerControl.next('removed');
    expect(await f.run({ type: 'links.renew', link: 'observer' })).toEqual({ ok: true });
    await observerRemoved;
    expect(await observerClosed).toBe(4401);
    observerBoard.provider.disconnect();
    await expect(rawSocket(harness.server.wsUrl, `${w.boardId}?token=${w.observerToken}`)).rejects.toThrow('HTTP 403');
    const renewed = await f.waitFor((v) => v.links?.observerToken !== w.observerToken);
    const viaNew = await rawSocket(harness.server.wsUrl, `${w.boardId}?token=${renewed.links!.observerToken}`);
    viaNew.close();

    expect(await f.run({ type: 'links.renew', link: 'participant' })).toEqual({ ok: true });
    const newCode = (await f.waitFor((v) => v.links?.joinCode !== w.joinCode)).links!.joinCode;
    await expect(join(harness.server, w.joinCode, 'Late')).rejects.toThrow('404');
    await join(harness.server, newCode, 'Late');

    const a = track(await connectControl(harness.server.url, alice));
    const aliceId = a.view().me.memberId!;
    const removed = a.next('removed');
    expect(await f.run({ type: 'member.remove', memberId: aliceId })).toEqual({ ok: true });
    await removed;
    const session = await fetch(`${harness.server.url}/api/session`, { headers: { authorization: `Bearer ${alice}` } });
    expect(session.status).toBe(401);
    await expect(rawSocket(harness.server.wsUrl, `${w.boardId}?token=${alice}`)).rejects.toThrow('HTTP 403');
  });
});

describe('facilitation', () => {
  it('the timer is server-authoritative: every client gets the same end time', async () => {
    const { w, alice, bent } = await workshopWithParticipants();
    const f = track(await connectControl(harness.server.url, w.facilitatorToken));
    const a = track(await connectControl(harness.server.url, alice));
    const b = track(await connectControl(harness.server.url, bent));
    expect(await f.run({ type: 'timer.start', seconds: 300 })).toEqual({ ok: true });
    const [va, vb] = await Promise.all([a.waitFor((v) => v.timer.status === 'running'), b.waitFor((v) => v.timer.status === 'running')]);
    expect(va.timer.endsAt).toBe(vb.timer.endsAt);
    expect(va.timer.endsAt! - va.serverNow).toBeGreaterThan(295_000);
    expect(await f.run({ type: 'timer.addMinute' })).toEqual({ ok: true });
    const longer = await a.waitFor((v) => v.timer.endsAt === va.timer.endsAt! + 60_000);
    expect(longer.timer.durationMs).toBe(360_000);
    expect(await f.run({ type: 'timer.pause' })).toEqual({ ok: true });
    const paused = await b.waitFor((v) => v.timer.status === 'paused');
    expect(paused.timer.remainingMs).toBeGreaterThan(350_000);
    expect(paused.timer.remainingMs).toBeLessThanOrEqual(360_000);
  });

  it('follow me sends the facilitator viewport to participants; a co-facilitator can run the agenda', async () => {
    const { w, alice } = await workshopWithParticipants();
    const f = track(await connectControl(harness.server.url, w.facilitatorToken));
    const a = track(await connectControl(harness.server.url, alice));
    const followed = a.next<{ x: number; y: number }>('follow');
    const viewport = { x: 100, y: 200, width: 1280, height: 720 };
    expect(await f.run({ type: 'follow.start', viewport })).toEqual({ ok: true });
    expect(await followed).toEqual(viewport);
    expect((await a.waitFor((v) => v.follow.active)).follow.viewport).toEqual(viewport);

    const steps = [
      { id: 's1', title: 'Hvad er vigtigt for dig?', participantText: 'Skriv hver for sig', facilitatorNotes: 'Giv dem fem minutter', minutes: 5, frameId: null, level: 'consult', promise: 'Vi samler op', private: true },
      { id: 's2', title: 'Hvad kan vi gøre sammen?', participantText: 'Stem', facilitatorNotes: '', minutes: 10, frameId: null, level: 'cocreate', promise: 'Top tre bliver til handlinger', private: false },
    ];
    expect(await a.run({ type: 'agenda.set', steps })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await f.run({ type: 'member.setRole', memberId: a.view().me.memberId!, role: 'cofacilitator' })).toEqual({ ok: true });
    await a.waitFor((v) => v.me.role === 'cofacilitator');
    expect(await a.run({ type: 'agenda.set', steps })).toEqual({ ok: true });
    expect(await a.run({ type: 'agenda.goto', index: 0 })).toEqual({ ok: true });
    const view = await f.waitFor((v) => v.agenda.steps.length === 2 && v.private.active);
    expect(view.timer).toMatchObject({ status: 'idle', durationMs: 300_000 });
    expect(await a.run({ type: 'agenda.next' })).toEqual({ ok: true });
    expect(await a.run({ type: 'agenda.next' })).toMatchObject({ ok: false, error: 'no_such_step' });
    expect((await f.waitFor((v) => v.agenda.current === 1)).agenda.steps[1]).toMatchObject({ level: 'cocreate', promise: 'Top tre bliver til handlinger' });
  });
});

describe('deleting a workshop', () => {
  it('removes it with everything it holds and disconnects everyone at once; only a facilitator may', async () => {
    const { w, alice, fac } = await workshopWithParticipants();
    insertElement(fac.doc, note('n1'));
    const alicePrivate = track(connectClient(harness.server.wsUrl, w.boardId, { token: alice, privateDoc: true }));
    await synced(alicePrivate);
    const aliceBoard = track(connectClient(harness.server.wsUrl, w.boardId, { token: alice }));
    await waitForDoc(aliceBoard.doc, (d) => getElement(d, 'n1') !== undefined);
    const closedWith = new Promise<number>((resolve) => aliceBoard.provider.on('connection-close', (e) => e && resolve(e.code)));
    const aliceControl = track(await connectControl(harness.server.url, alice));
    const removed = aliceControl.next('removed');

    const del = (token: string) => fetch(`${harness.server.url}/api/workshops/${w.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    expect((await del(alice)).status).toBe(403);
    expect((await del(w.facilitatorToken)).status).toBe(204);
    await removed;
    expect(await closedWith).toBe(4410);
    aliceBoard.provider.disconnect();
    fac.provider.disconnect();
    alicePrivate.provider.disconnect();

    expect((await fetch(`${harness.server.url}/api/boards/${w.boardId}`)).status).toBe(404);
    expect((await fetch(`${harness.server.url}/api/session`, { headers: { authorization: `Bearer ${w.facilitatorToken}` } })).status).toBe(401);
    await expect(rawSocket(harness.server.wsUrl, `${w.boardId}?token=${alice}`)).rejects.toThrow('HTTP 404');
    await expect(join(harness.server, w.joinCode, 'Late')).rejects.toThrow('404');
    expect((await del(w.facilitatorToken)).status).toBe(401);
  });
});
