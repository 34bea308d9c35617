import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type Element, type Frame, LANGUAGES, type StickyNote, getElement, getElements, insertElement } from '@sammen/shared';
import { type ControlClient, connectControl, createWorkshop, join } from '../harness/control.js';
import { type RunningServer, startServer } from '../harness/server.js';
import { connectClient, synced, waitForDoc } from '../harness/yclient.js';

/**
 * Every backup Sammen writes imports again, for workshops generated at random and driven through the
 * real API, control channel and board protocol: notes and clusters with any unicode text, participants,
 * private rounds (revealed named/anonymous, or still open), dot votes (revealed or open), named versions.
 * export → import → export gives the same workshop, and that file imports too.
 */
let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
});

const text = (max: number) => fc.string({ unit: 'grapheme', maxLength: max });
const displayName = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 12 })
  .map((s) => s.trim())
  .filter((s) => s.length > 0 && /^[^\p{C}<>]+$/u.test(s));
const scenario = fc.record({
  title: text(40).map((t) => t.trim()).filter((t) => t.length > 0),
  language: fc.constantFrom(...LANGUAGES),
  template: fc.constantFrom(undefined, 'citizen-conversation', 'budget-workshop'),
  participants: fc.uniqueArray(displayName, { minLength: 0, maxLength: 3, selector: (n) => n.toLowerCase() }),
  clusters: fc.array(text(30), { maxLength: 2 }),
  notes: fc.array(fc.record({ text: text(60), cluster: fc.nat(3) }), { maxLength: 6 }),
  privateNotes: fc.array(fc.record({ by: fc.nat(2), text: text(40) }), { maxLength: 3 }),
  reveal: fc.constantFrom('named', 'anonymous', 'stay private', 'no round'),
  vote: fc.constantFrom('revealed', 'open', 'closed', 'none'),
  dots: fc.array(fc.record({ by: fc.nat(2), note: fc.nat(5) }), { maxLength: 6 }),
  versions: fc.array(text(30).map((t) => t.trim()).filter((t) => t.length > 0), { maxLength: 2 }),
  timer: fc.boolean(),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const post = (path: string, body: unknown, token?: string) =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? auth(token) : {}) }, body: JSON.stringify(body) });
const frame = (id: string, i: number, title: string): Frame => ({
  id, type: 'frame', variant: 'cluster', index: `c${i}`, frameId: null, x: 5000 + i * 600, y: 0, width: 500, height: 400, title, fill: 'white',
});
const note = (id: string, i: number, text: string, frameId: string | null): StickyNote => ({
  id, type: 'note', index: `n${i}`, frameId, x: frameId ? 5000 : i * 220, y: 100, width: 200, height: 200, color: 'yellow', text,
});
const ok = { ok: true };

/** Builds the scenario through the real server; returns the workshop and the texts that must stay private. */
async function drive(s: Scenario) {
  const w = await createWorkshop(server, { title: s.title, language: s.language, ...(s.template ? { template: s.template } : {}) });
  const fac = await connectControl(server.url, w.facilitatorToken);
  const people: Array<{ token: string; control: ControlClient }> = [];
  for (const name of s.participants) {
    const token = await join(server, w.joinCode, name);
    people.push({ token, control: await connectControl(server.url, token) });
  }
  const board = connectClient(server.wsUrl, w.boardId, { token: w.facilitatorToken });
  await synced(board);
  const elements: Element[] = [
    ...s.clusters.map((title, i) => frame(`cl${i}`, i, title)),
    ...s.notes.map((n, i) => note(`note${i}`, i, n.text, s.clusters.length && n.cluster < s.clusters.length ? `cl${n.cluster}` : null)),
  ];
  board.doc.transact(() => elements.forEach((el) => insertElement(board.doc, el)));
  const watcher = connectClient(server.wsUrl, w.boardId, { token: w.facilitatorToken });
  await waitForDoc(watcher.doc, (d) => elements.every((el) => getElement(d, el.id) !== undefined));
  watcher.destroy();

  const stillPrivate: string[] = [];
  if (s.reveal !== 'no round' && people.length) {
    expect(await fac.run({ type: 'private.start', reveal: s.reveal === 'named' ? 'named' : 'anonymous' })).toEqual(ok);
    const written = new Map<number, string[]>();
    s.privateNotes.forEach((p, i) => written.set(p.by % people.length, [...(written.get(p.by % people.length) ?? []), `private${i}`]));
    for (const [who, ids] of written) {
      const mine = connectClient(server.wsUrl, w.boardId, { token: people[who]!.token, privateDoc: true });
      await synced(mine);
      for (const id of ids) insertElement(mine.doc, note(id, 90, `${s.privateNotes[Number(id.slice(7))]!.text} ⟨${id}-${w.id}⟩`, null));
      const again = connectClient(server.wsUrl, w.boardId, { token: people[who]!.token, privateDoc: true });
      await waitForDoc(again.doc, (d) => ids.every((id) => getElement(d, id) !== undefined));
      again.destroy();
      mine.destroy();
      if (s.reveal === 'stay private') stillPrivate.push(...ids.map((id) => `⟨${id}-${w.id}⟩`));
    }
    if (s.reveal !== 'stay private') expect(await fac.run({ type: 'private.reveal' })).toEqual(ok);
  }
  const noteIds = s.notes.map((_, i) => `note${i}`);
  if (s.vote !== 'none' && noteIds.length) {
    expect(await fac.run({ type: 'vote.start', elementIds: noteIds, dotsPerPerson: 3, allowMultiplePerElement: true, title: s.title })).toEqual(ok);
    for (const d of s.dots) {
      const voter = people[d.by % Math.max(1, people.length)];
      if (voter) await voter.control.run({ type: 'vote.place', elementId: noteIds[d.note % noteIds.length]! });
    }
    if (s.vote === 'revealed') expect(await fac.run({ type: 'vote.reveal' })).toEqual(ok);
    if (s.vote === 'closed') expect(await fac.run({ type: 'vote.close' })).toEqual(ok);
  }
  if (s.timer) {
    expect(await fac.run({ type: 'timer.start', seconds: 90 })).toEqual(ok);
    expect(await fac.run({ type: 'timer.pause' })).toEqual(ok);
  }
  for (const name of s.versions) expect((await post(`/api/workshops/${w.id}/versions`, { name }, w.facilitatorToken)).status).toBe(201);
  board.destroy();
  fac.close();
  for (const p of people) p.control.close();
  return { w, stillPrivate };
}

const exportOf = async (id: string, token: string) => {
  const res = await fetch(`${server.url}/api/workshops/${id}/export`, { headers: auth(token) });
  expect(res.status).toBe(200);
  return res.text();
};
const elementsOf = (base64: string) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(Buffer.from(base64, 'base64')));
  const elements = getElements(doc).sort((a, b) => a.id.localeCompare(b.id));
  doc.destroy();
  return elements;
};
/** What a backup says about a workshop, with member ids replaced by names (ids are new after an import). */
function meaning(file: any) {
  const c = file.content;
  const names = new Map<string, string>(c.members.map((m: any) => [m.id, `${m.role}:${m.name}`]));
  const state = JSON.parse(JSON.stringify(c.workshop.state), (key, value) => (typeof value === 'string' && names.has(value) ? names.get(value) : value));
  return {
    workshop: { ...c.workshop, state },
    members: c.members.map((m: any) => ({ ...m, id: undefined })).sort((a: any, b: any) => `${a.role}:${a.name}`.localeCompare(`${b.role}:${b.name}`)),
    board: elementsOf(c.board),
    privateDocs: c.privateDocs,
    versions: c.versions.map((v: any) => ({ name: v.name, createdAt: v.createdAt, elements: elementsOf(v.state) })),
    omitted: c.omitted,
  };
}

it('every backup of a used workshop imports, and export → import → export gives the same workshop', async () => {
  await fc.assert(
    fc.asyncProperty(scenario, async (s) => {
      const { w, stillPrivate } = await drive(s);
      const first = await exportOf(w.id, w.facilitatorToken);
      for (const secret of stillPrivate) expect(first).not.toContain(secret);
      const imported = await post('/api/workshops/import', JSON.parse(first));
      expect(imported.status, await imported.clone().text()).toBe(201);
      const copy = (await imported.json()) as { id: string; facilitatorToken: string };
      const second = await exportOf(copy.id, copy.facilitatorToken);
      expect(meaning(JSON.parse(second))).toEqual(meaning(JSON.parse(first)));
      const again = await post('/api/workshops/import', JSON.parse(second));
      expect(again.status, await again.clone().text()).toBe(201);
    }),
    { numRuns: 12, seed: Number(process.env.FC_SEED ?? 20261130), endOnFailure: true },
  );
}, 120_000);
