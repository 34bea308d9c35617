import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, StickyNote } from '@sammen/shared';
import { FIXTURE_NOTES } from '../../server/src/workshops/noteGroups.fixture.js';
import { createWorkshop, join } from '../harness/control.js';
import { type RunningServer, startServer } from '../harness/server.js';
import { seedBoard } from '../harness/yclient.js';

/** Suggested groups through the real server: the frame's notes as the board holds them, facilitator only. */
let server: RunningServer;
let w: Awaited<ReturnType<typeof createWorkshop>>;

const frame: Frame = { id: 'f1', type: 'frame', index: 'a0', frameId: null, x: 0, y: 0, width: 4000, height: 3000, title: 'Hvad er vigtigt for dig?', fill: 'white' };
const notes: StickyNote[] = FIXTURE_NOTES.map((n, i) => ({
  id: n.id, type: 'note', index: `b${i}`, frameId: 'f1', x: (i % 10) * 220, y: Math.floor(i / 10) * 220, width: 200, height: 200, color: 'yellow', text: n.text,
}));
// Outside the frame: never part of its suggestions.
const outside: StickyNote = { ...notes[0]!, id: 'out', frameId: null, x: 5000, text: 'Sikker skolevej og farlig trafik ved skolen' };

const ask = (frameId: string, token?: string) =>
  fetch(`${server.url}/api/workshops/${w.id}/frames/${frameId}/suggested-groups`, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {} });

beforeAll(async () => {
  server = await startServer();
  w = await createWorkshop(server, { language: 'da', title: 'Borgerpanel' });
  (await seedBoard(server.wsUrl, w.boardId, [frame, ...notes, outside], w.facilitatorToken)).destroy();
});
afterAll(async () => {
  await server.stop();
});

describe('suggested groups', () => {
  it('gives the facilitator groups of the frame’s notes, each with a label, computed from the board', async () => {
    const res = await ask('f1', w.facilitatorToken);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { frameId: string; notes: number; groups: Array<{ noteIds: string[]; label: string; terms: string[] }> };
    expect(body.frameId).toBe('f1');
    expect(body.notes).toBe(60);
    expect(body.groups.length).toBeGreaterThanOrEqual(4);
    const ids = body.groups.flatMap((g) => g.noteIds);
    expect(ids).not.toContain('out');
    expect(new Set(ids).size).toBe(ids.length);
    for (const g of body.groups) expect(g.label.length).toBeGreaterThan(0);
    // The elderly notes (c1..c12) come back together, as in the unit test.
    const elderly = body.groups.find((g) => g.noteIds.filter((id) => id.startsWith('c')).length >= 10);
    expect(elderly?.label).toMatch(/eldre|ældre|ensom/i);
  });

  it('is refused to participants, observers and strangers, and answers 404 for a frame that is not there', async () => {
    const participant = await join(server, w.joinCode, 'Alice');
    expect((await ask('f1', participant)).status).toBe(403);
    expect((await ask('f1', w.observerToken)).status).toBe(403);
    expect((await ask('f1')).status).toBe(401);
    expect((await ask('f1', 'not-a-token')).status).toBe(401);
    expect((await ask('n1', w.facilitatorToken)).status).toBe(404);
    expect((await ask('nope', w.facilitatorToken)).status).toBe(404);
  });
});
