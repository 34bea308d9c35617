/**
 * What a private round costs the facilitator's commands as panels grow: the reveal (each member's private
 * document read, the notes copied to the board in one transaction, each document's record written), and
 * since stop 21 the start of the next private round (each member's revealed notes removed from their
 * private document: reveal.ts `forgetRevealedNotes`). Against the real built server, with real
 * y-websocket clients writing one note each and the facilitator's socket.io control channel; the time is
 * from sending the command to its acknowledgement.
 */
import { insertElement, type StickyNote } from '../shared/src/index.ts';
import { connectControl, createWorkshop, join } from '../tests/harness/control.ts';
import { startServer } from '../tests/harness/server.ts';
import { connectClient, synced, waitForDoc } from '../tests/harness/yclient.ts';
import { type BenchTable, fmt, machine } from './table.ts';

const PANELS = [50, 300];
const IDLE_UNLOAD_MS = 300;

const note = (id: string, text: string): StickyNote => ({ id, type: 'note', index: 'a0', frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Each member writes one private note, `at` members at a time; resolves once the server has every note. */
async function writeNotes(wsUrl: string, boardId: string, tokens: string[], round: number, at = 10): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tokens.length) {
      const i = next++;
      const writer = connectClient(wsUrl, boardId, { token: tokens[i]!, privateDoc: true });
      await synced(writer);
      insertElement(writer.doc, note(`r${round}-m${i}`, `Idé ${i} fra runde ${round}: mer lys på stien`));
      const check = connectClient(wsUrl, boardId, { token: tokens[i]!, privateDoc: true });
      await waitForDoc(check.doc, (d) => d.getMap('elements').has(`r${round}-m${i}`));
      check.destroy();
      writer.destroy();
    }
  };
  await Promise.all(Array.from({ length: at }, worker));
}

async function timed(run: () => Promise<{ ok: boolean }>): Promise<number> {
  const t = performance.now();
  const result = await run();
  if (!result.ok) throw new Error(`command failed: ${JSON.stringify(result)}`);
  return performance.now() - t;
}

export async function run(): Promise<BenchTable> {
  const rows: string[][] = [];
  for (const members of PANELS) {
    const server = await startServer({ env: { IDLE_UNLOAD_MS: String(IDLE_UNLOAD_MS), WS_CONNECTIONS_PER_ADDRESS: '100000' } });
    try {
      const w = await createWorkshop(server, { title: `Panel ${members}`, language: 'nb' });
      const fac = await connectControl(server.url, w.facilitatorToken);
      const tokens: string[] = [];
      for (let i = 0; i < members; i++) tokens.push(await join(server, w.joinCode, `Deltaker ${i}`));
      const start = () => fac.run({ type: 'private.start', reveal: 'anonymous' });
      const firstStart = await timed(start);
      await writeNotes(server.wsUrl, w.boardId, tokens, 1);
      const reveal = await timed(() => fac.run({ type: 'private.reveal' }));
      // The next round while the private documents are still loaded, then (after a second reveal)
      // once every private document has been unloaded, as after a break.
      const startLoaded = await timed(start);
      await writeNotes(server.wsUrl, w.boardId, tokens, 2);
      await timed(() => fac.run({ type: 'private.reveal' }));
      await sleep(IDLE_UNLOAD_MS * 5);
      const startCold = await timed(start);
      const board = connectClient(server.wsUrl, w.boardId, { token: w.facilitatorToken });
      await waitForDoc(board.doc, (d) => d.getMap('elements').size === members * 2);
      board.destroy();
      fac.close();
      rows.push([String(members), fmt(firstStart), fmt(reveal), fmt(startLoaded), fmt(startCold)]);
    } finally {
      await server.stop();
    }
  }
  return {
    title: 'Private rounds: the facilitator waiting on reveal and on the next round, by panel size',
    command: 'npm run bench -- privateRounds',
    machine: machine(),
    headers: ['members (one private note each)', 'first private round starts ms (nothing revealed yet)', 'reveal ms', 'next private round starts ms (private documents loaded)', 'next private round starts ms (private documents unloaded)'],
    rows,
    notes: [
      'Time from the command to its acknowledgement on the facilitator\'s control socket, one run per panel size. A new round removes the notes revealed before from each member\'s private document (forgetRevealedNotes); each member\'s document is read, and written when it holds revealed notes.',
      `"Unloaded": after ${IDLE_UNLOAD_MS * 5} ms with no connection, past IDLE_UNLOAD_MS=${IDLE_UNLOAD_MS}: each private document is read from SQLite first.`,
      'The machine is shared (2 cores): figures move between runs.',
    ],
  };
}
