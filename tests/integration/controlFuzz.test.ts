import fc from 'fast-check';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandResult } from '@sammen/shared';
import { type ControlClient, connectControl, createWorkshop, join } from '../harness/control.js';
import { dbFingerprint } from '../harness/dbRows.js';
import { bodyArb } from '../harness/fuzz.js';
import { type RunningServer, startServer } from '../harness/server.js';

/**
 * Property: whatever a facilitator or a participant sends on the control channel (random JSON, valid
 * commands with mutated fields, raw socket.io frames), the server answers every command's ack with
 * `{ok}` (and `{error, message}` when refused), stores nothing for a refused command, stays up, and
 * other clients of the workshop go on. Against the real server process.
 */
const RUNS = 100;

describe('control channel commands, fuzzed', () => {
  let server: RunningServer;
  let facilitator: ControlClient;
  let participant: ControlClient;
  let bystander: ControlClient;
  let examples: Array<Record<string, unknown>>;

  beforeAll(async () => {
    server = await startServer();
    const w = await createWorkshop(server, { template: 'citizen-conversation' });
    facilitator = await connectControl(server.url, w.facilitatorToken);
    participant = await connectControl(server.url, await join(server, w.joinCode, 'Fuzzy'));
    bystander = await connectControl(server.url, await join(server, w.joinCode, 'Bente'));
    const steps = facilitator.view().agenda.steps;
    const viewport = { x: 0, y: 0, width: 1200, height: 800 };
    examples = [
      { type: 'agenda.set', steps }, { type: 'agenda.goto', index: 1 }, { type: 'agenda.next' }, { type: 'agenda.prev' },
      { type: 'timer.start', seconds: 300 }, { type: 'timer.pause' }, { type: 'timer.resume' }, { type: 'timer.addMinute' }, { type: 'timer.reset' },
      { type: 'follow.start', viewport }, { type: 'follow.viewport', viewport }, { type: 'follow.stop' }, { type: 'follow.bringHere', viewport },
      { type: 'lock.board', locked: false }, { type: 'lock.frame', frameId: 'frame-1', locked: true, contents: true },
      { type: 'private.start', reveal: 'anonymous' }, { type: 'private.reveal' }, { type: 'private.stop' },
      { type: 'vote.start', elementIds: ['n1', 'n2'], dotsPerPerson: 3, allowMultiplePerElement: false, title: 'Hvad er vigtigst?' },
      { type: 'vote.place', elementId: 'n1' }, { type: 'vote.remove', elementId: 'n1' }, { type: 'vote.close' }, { type: 'vote.reveal' },
      { type: 'hand.raise' }, { type: 'hand.lower', memberId: 'nobody' }, { type: 'react', emoji: '👍' },
      { type: 'member.remove', memberId: 'nobody' }, { type: 'member.setRole', memberId: 'nobody', role: 'cofacilitator' },
      { type: 'links.renew', link: 'participant' },
    ];
  });
  afterAll(async () => {
    for (const c of [facilitator, participant, bystander]) c?.close();
    await server.stop();
  });

  /** Sends one command and checks the property. */
  async function send(client: ControlClient, command: unknown): Promise<void> {
    const before = dbFingerprint(server.dataDir);
    const result = (await client.socket.timeout(5000).emitWithAck('command', command)) as CommandResult;
    expect(typeof result.ok, JSON.stringify(command)?.slice(0, 300)).toBe('boolean');
    if (!result.ok) {
      expect(typeof result.error).toBe('string');
      expect(typeof result.message).toBe('string');
      expect(dbFingerprint(server.dataDir), `refused command stored something: ${JSON.stringify(command)?.slice(0, 300)}`).toBe(before);
    }
  }

  const commandArb = () => fc.constantFrom(...examples).chain((valid) => bodyArb(valid)).map((b) => b.value);

  it('as facilitator: every command is answered, refusals store nothing', async () => {
    await fc.assert(fc.asyncProperty(commandArb(), (command) => send(facilitator, command)), { numRuns: RUNS });
  });

  it('as participant: every command is answered, refusals store nothing', async () => {
    await fc.assert(fc.asyncProperty(commandArb(), (command) => send(participant, command)), { numRuns: RUNS });
  });

  it('events without an ack, unknown events and raw socket.io frames do not take the server down', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v))), fc.constantFrom('command', 'state', 'x', '__proto__'), async (data, event) => {
        participant.socket.emit(event, data);
        await send(participant, { type: 'hand.lower' }); // ordered after the event: the server has handled it
      }),
      { numRuns: 50 },
    );
    // Raw frames on a socket.io connection of its own: garbage, wrong packet types, deep nesting.
    const frames = fc.sample(fc.oneof(fc.string(), fc.constant('42["command",' + '['.repeat(50_000) + ']'.repeat(50_000) + ']'), fc.constant('451-["command",{"_placeholder":true,"num":99}]')), { numRuns: 60, seed: 42 });
    const raw = new WebSocket(`${server.wsUrl}/socket.io/?EIO=4&transport=websocket`);
    const gone = new Promise<void>((resolve) => raw.once('close', () => resolve()));
    await new Promise<void>((resolve, reject) => {
      raw.once('message', () => resolve()); // the engine.io handshake
      raw.once('error', reject);
    });
    raw.send('40');
    for (const frame of frames) raw.send(frame);
    raw.send('1'); // engine.io "close"
    await gone;
  });

  it('afterwards the server answers and the other clients go on', async () => {
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    const result = (await bystander.run({ type: 'hand.raise' })) as CommandResult;
    expect(result.ok).toBe(true);
    await facilitator.waitFor((v) => v.hands.some((h) => h.name === 'Bente'));
  });
});
