import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import { type OpinionMark, type OpinionResult, type StickyNote, getElement, getOpinionResults, insertElement } from '@sammen/shared';
import { type ControlClient, connectControl, createWorkshop, join } from '../harness/control.js';
import { type RunningServer, startServer } from '../harness/server.js';
import { type YClient, connectClient, synced, waitForDoc } from '../harness/yclient.js';

/**
 * An opinion round end to end, through the real server and real control-channel and board clients:
 * 30 participants in two planted camps (18 and 12) and one statement everyone agrees with. Before the
 * reveal no client, facilitator and observer included, receives anyone else's mark on the wire; at the
 * reveal the anonymous map finds the two camps, the consensus and the divisive statements.
 */

const CONSENSUS = 'Vi vil have flere bænke ved søen';
const FOR_A = ['Byen skal have bilfri gader', 'Parkeringen skal fjernes fra torvet', 'Cykelstier før veje', 'Busserne skal være gratis'];
const FOR_B = ['Bilen er nødvendig på landet', 'Flere p-pladser ved stationen', 'Vejene skal udbygges', 'Butikkerne har brug for bilister'];
const SUGGESTED = 'Flere skraldespande ved legepladsen';
const MARK_ON_WIRE = /"(agree|disagree|pass)"/g;

const note = (id: string, text: string, i: number): StickyNote => ({ id, type: 'note', index: `a${i}`, frameId: null, x: i * 220, y: 0, width: 200, height: 200, color: 'yellow', text });

let server: RunningServer;
let w: Awaited<ReturnType<typeof createWorkshop>>;
let fac: ControlClient;
let observer: ControlClient;
let board: YClient;
const participants: Array<{ token: string; camp: 'A' | 'B'; client?: ControlClient; marks: Record<string, OpinionMark> }> = [];
/** Every control-channel packet each watched client received, and every board frame the observer's socket got. */
const wire = { facilitator: [] as string[], observer: [] as string[], participant: [] as string[], board: [] as Buffer[] };

function tapControl(client: ControlClient, into: string[]): void {
  client.socket.io.engine.on('packet', (packet: { data?: unknown }) => into.push(typeof packet.data === 'string' ? packet.data : JSON.stringify(packet.data ?? '')));
}

beforeAll(async () => {
  server = await startServer();
  w = await createWorkshop(server, { title: 'Trafik i byen' });
  fac = await connectControl(server.url, w.facilitatorToken);
  observer = await connectControl(server.url, w.observerToken);
  tapControl(fac, wire.facilitator);
  tapControl(observer, wire.observer);

  const writer = connectClient(server.wsUrl, w.boardId, { token: w.facilitatorToken });
  await synced(writer);
  [CONSENSUS, ...FOR_A, ...FOR_B].forEach((text, i) => insertElement(writer.doc, note(`n${i}`, text, i)));
  board = connectClient(server.wsUrl, w.boardId, { token: w.observerToken });
  await synced(board);
  await waitForDoc(board.doc, (d) => getElement(d, 'n8') !== undefined);
  writer.destroy();
  (board.provider.ws as unknown as WebSocket).addEventListener('message', (e) => wire.board.push(Buffer.from(e.data as ArrayBuffer)));

  for (let i = 0; i < 30; i++) participants.push({ token: await join(server, w.joinCode, `Borger ${i + 1}`), camp: i < 18 ? 'A' : 'B', marks: {} });
}, 60_000);

afterAll(async () => {
  for (const p of participants) p.client?.close();
  fac?.close();
  observer?.close();
  board?.destroy();
  await server?.stop();
});

describe('opinion round', () => {
  let statementOf: Map<string, string>;

  it('starts on the notes with their text snapshotted; every participant sees the statements and no marks', async () => {
    expect(await fac.run({ type: 'opinion.start', elementIds: Array.from({ length: 9 }, (_, i) => `n${i}`), title: 'Trafik' })).toEqual({ ok: true });
    const view = await observer.waitFor((v) => v.opinion?.status === 'open');
    expect(view.opinion!.statements.map((s) => s.text)).toEqual([CONSENSUS, ...FOR_A, ...FOR_B]);
    statementOf = new Map(view.opinion!.statements.map((s) => [s.text, s.id]));
    expect(view.opinion!.myMarks).toEqual({});
  });

  it('30 people mark; before the reveal nobody receives anyone else’s mark on the control channel or the board', async () => {
    for (const [i, p] of participants.entries()) {
      p.client = await connectControl(server.url, p.token);
      if (i === 0) tapControl(p.client, wire.participant);
      const mine = (text: string): OpinionMark => {
        // Planted noise: everyone passes on one camp statement (a different one per person).
        if ([...FOR_A, ...FOR_B][i % 8] === text) return 'pass';
        if (text === CONSENSUS) return 'agree';
        return FOR_A.includes(text) === (p.camp === 'A') ? 'agree' : 'disagree';
      };
      for (const text of [CONSENSUS, ...FOR_A, ...FOR_B]) {
        const statementId = statementOf.get(text)!;
        p.marks[statementId] = mine(text);
        expect(await p.client.run({ type: 'opinion.mark', statementId, mark: p.marks[statementId]! })).toEqual({ ok: true });
      }
      // Only the first keeps its control connection open (it is watched); the others leave once done.
      if (i > 0) {
        p.client.close();
        p.client = undefined;
      }
    }
    const progress = await fac.waitFor((v) => v.opinion?.progress.done === 30);
    expect(progress.opinion!.progress).toEqual({ marking: 30, done: 30, marks: 270 });
    expect(progress.opinion!.myMarks).toEqual({});

    // The facilitator and the observer: not one mark value in any packet.
    for (const packets of [wire.facilitator, wire.observer]) {
      expect(packets.length).toBeGreaterThan(5);
      for (const packet of packets) expect(packet.match(MARK_ON_WIRE)).toBeNull();
    }
    // The watched participant: only their own marks, and only in their own `myMarks`.
    const own = participants[0]!.marks;
    let withMarks = 0;
    for (const packet of wire.participant) {
      const found = packet.match(MARK_ON_WIRE) ?? [];
      if (found.length === 0) continue;
      withMarks += 1;
      const [, view] = JSON.parse(packet.slice(packet.indexOf('['))) as [string, { opinion: { myMarks: Record<string, string> } }];
      expect(found.length).toBe(Object.keys(view.opinion.myMarks).length);
      for (const [id, mark] of Object.entries(view.opinion.myMarks)) expect(own[id]).toBe(mark);
    }
    expect(withMarks).toBeGreaterThan(0);
    // The board socket: no mark and no map before the reveal.
    const boardBytes = Buffer.concat(wire.board).toString('latin1');
    expect(boardBytes).not.toMatch(/agree|disagree/);
    expect(getOpinionResults(board.doc)).toEqual([]);
  }, 120_000);

  it('a suggested statement reaches only its author and the facilitators, and joins the round when accepted', async () => {
    const author = participants[0]!.client!;
    const other = await connectControl(server.url, participants[1]!.token);
    expect(await author.run({ type: 'opinion.suggest', text: SUGGESTED })).toEqual({ ok: true });
    const facView = await fac.waitFor((v) => (v.opinion?.suggestions ?? []).some((s) => s.text === SUGGESTED));
    expect((await author.waitFor((v) => v.opinion!.mySuggestions.length === 1)).opinion!.mySuggestions[0]!.text).toBe(SUGGESTED);
    for (const v of [other.view(), observer.view()]) {
      expect(JSON.stringify(v)).not.toContain(SUGGESTED);
      expect(v.opinion!.suggestions).toBeNull();
    }
    // Nor does the facilitator learn who wrote it.
    expect(JSON.stringify(facView.opinion!.suggestions)).not.toContain(participants[0]!.token);
    expect(Object.keys(facView.opinion!.suggestions![0]!)).toEqual(['id', 'text']);

    expect(await fac.run({ type: 'opinion.accept', suggestionId: facView.opinion!.suggestions![0]!.id })).toEqual({ ok: true });
    const accepted = await other.waitFor((v) => v.opinion!.statements.some((s) => s.text === SUGGESTED));
    expect(accepted.opinion!.statements).toHaveLength(10);
    other.close();
  });

  it('the reveal finds the two planted camps (±1), the consensus and the divisive statements, and writes only the anonymous map to the board', async () => {
    expect(await fac.run({ type: 'opinion.reveal' })).toEqual({ ok: true });
    await waitForDoc(board.doc, (d) => getOpinionResults(d).length === 1);
    const result: OpinionResult = getOpinionResults(board.doc)[0]!;
    expect(result.participants).toBe(30);
    expect(result.grouped).toBe(30);
    expect(result.points).toHaveLength(30);
    expect(result.groups).toHaveLength(2);
    expect(Math.abs(result.groups[0]!.size - 18)).toBeLessThanOrEqual(1);
    expect(Math.abs(result.groups[1]!.size - 12)).toBeLessThanOrEqual(1);
    expect(result.consensus.map((c) => c.text)).toEqual([CONSENSUS]);
    expect(result.divisive.map((d) => d.text).sort()).toEqual([...FOR_A, ...FOR_B].sort());
    // Group A (the 18) stands out by agreeing with camp A's statements.
    const repA = result.groups[0]!.representative;
    expect(repA.length).toBeGreaterThan(0);
    for (const r of repA) expect(r.direction).toBe(FOR_A.includes(r.text) ? 'agree' : 'disagree');

    // Anonymous: no name, no member id, no token anywhere in the board.
    const boardState = Buffer.from(Y.encodeStateAsUpdate(board.doc)).toString('latin1');
    const members = fac.view().members;
    expect(members.length).toBeGreaterThanOrEqual(31);
    for (const m of members) {
      expect(boardState).not.toContain(m.id);
      expect(boardState).not.toContain(m.name);
    }
    // Every view now carries the result; marking is closed.
    expect((await observer.waitFor((v) => v.opinion?.status === 'revealed')).opinion!.result).toEqual(result);
    expect(await participants[0]!.client!.run({ type: 'opinion.mark', statementId: statementOf.get(CONSENSUS)!, mark: 'pass' })).toMatchObject({ ok: false, error: 'opinion_closed' });
  });

  it('the report carries the round', async () => {
    const res = await fetch(`${server.url}/api/workshops/${w.id}/report?format=md`, { headers: { authorization: `Bearer ${w.facilitatorToken}` } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain(CONSENSUS);
    expect(text).toMatch(/Meningsrunde|Opinion round/);
  });
});
