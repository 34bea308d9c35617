import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES, getElements } from '@sammen/shared';
import { connectControl, createWorkshop } from '../harness/control.js';
import { type RunningServer, startServer } from '../harness/server.js';
import { connectClient, synced } from '../harness/yclient.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

const OWNER = { 'x-owner-key': 'owner-key-of-this-browser-0001' };
const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body),
});

async function boardElements(boardId: string, token: string) {
  const c = connectClient(server.wsUrl, boardId, { token });
  await synced(c);
  const elements = getElements(c.doc);
  c.destroy();
  return elements;
}

describe('template library', () => {
  it('GET /api/templates lists the built-ins with titles per language, duration, group size and audience', async () => {
    const list = (await (await fetch(`${server.url}/api/templates`)).json()) as Array<Record<string, any>>;
    const builtIns = list.filter((t) => t.builtIn);
    expect(builtIns).toHaveLength(10);
    for (const t of builtIns) {
      expect(Object.keys(t.title).sort()).toEqual(['da', 'en', 'nb', 'nn']);
      expect(t.audience.length, t.id).toBeGreaterThan(0);
      expect(t.durationMinutes).toBeGreaterThan(0);
      expect(t.groupSize.min).toBeLessThanOrEqual(t.groupSize.max);
      expect(t.languages).toEqual([...LANGUAGES]);
      const svg = await fetch(`${server.url}/api/templates/${t.id}/preview.svg?lang=da`);
      expect(svg.headers.get('content-type')).toMatch(/svg/);
      expect(await svg.text()).toMatch(/^<svg/);
    }
  });

  it('every built-in, in every language, becomes a workshop whose agenda runs from first step to last', async () => {
    const list = (await (await fetch(`${server.url}/api/templates`)).json()) as Array<{ id: string; builtIn: boolean }>;
    for (const { id } of list.filter((t) => t.builtIn)) {
      for (const language of LANGUAGES) {
        const w = await createWorkshop(server, { template: id, language, title: `${id} ${language}` });
        const template = (await (await fetch(`${server.url}/api/templates/${id}`)).json()) as { elements: unknown[]; agenda: unknown[] };
        expect((await boardElements(w.boardId, w.facilitatorToken)).length, `${id} ${language}`).toBe(template.elements.length);
        const f = await connectControl(server.url, w.facilitatorToken);
        expect(f.view().agenda.steps).toHaveLength(template.agenda.length);
        expect(await f.run({ type: 'agenda.goto', index: 0 })).toEqual({ ok: true });
        for (let i = 1; i < template.agenda.length; i++) expect(await f.run({ type: 'agenda.next' })).toEqual({ ok: true });
        expect(await f.run({ type: 'agenda.next' })).toMatchObject({ ok: false, error: 'no_such_step' });
        f.close();
      }
    }
  });

  it('save as template, then create from it, reproduces the board and the agenda', async () => {
    const w = await createWorkshop(server, { template: 'citizen-conversation', language: 'nb' });
    const saved = await fetch(`${server.url}/api/workshops/${w.id}/template`, json({ title: 'Vårt borgerpanel' }, { ...OWNER, authorization: `Bearer ${w.facilitatorToken}` }));
    expect(saved.status).toBe(201);
    const { id } = (await saved.json()) as { id: string };
    const copy = await createWorkshop(server, { template: id, language: 'nb' });
    expect(await boardElements(copy.boardId, copy.facilitatorToken)).toEqual(await boardElements(w.boardId, w.facilitatorToken));
    const [a, b] = await Promise.all([connectControl(server.url, w.facilitatorToken), connectControl(server.url, copy.facilitatorToken)]);
    expect(b.view().agenda.steps).toEqual(a.view().agenda.steps);
    a.close();
    b.close();
    const list = (await (await fetch(`${server.url}/api/templates`, { headers: OWNER })).json()) as Array<{ id: string; own: boolean }>;
    expect(list.find((t) => t.id === id)).toMatchObject({ own: true });
    // Only a facilitator of that workshop may save it.
    const participantTry = await fetch(`${server.url}/api/workshops/${w.id}/template`, json({ title: 'x' }, { ...OWNER, authorization: `Bearer ${w.observerToken}` }));
    expect(participantTry.status).toBe(403);
  });

  it('export and import a template file; rename and delete only your own', async () => {
    const exported = await (await fetch(`${server.url}/api/templates/budget-workshop?download=1`)).json();
    const imported = await fetch(`${server.url}/api/templates`, json(exported, OWNER));
    expect(imported.status).toBe(201);
    const { id } = (await imported.json()) as { id: string };
    const renamed = await fetch(`${server.url}/api/templates/${id}`, { method: 'PATCH', headers: { 'content-type': 'application/json', ...OWNER }, body: JSON.stringify({ title: 'Budget 2027' }) });
    expect(renamed.status).toBe(200);
    const notMine = await fetch(`${server.url}/api/templates/${id}`, { method: 'DELETE', headers: { 'x-owner-key': 'somebody-else-entirely-0002' } });
    expect(notMine.status).toBe(403);
    expect((await fetch(`${server.url}/api/templates/budget-workshop`, { method: 'DELETE', headers: OWNER })).status).toBe(403);
    expect((await fetch(`${server.url}/api/templates/${id}`, { method: 'DELETE', headers: OWNER })).status).toBe(204);
    expect((await fetch(`${server.url}/api/templates/${id}`)).status).toBe(404);
  });

  it('rejects a malformed template file with a message naming the field', async () => {
    const good = (await (await fetch(`${server.url}/api/templates/citizen-conversation`)).json()) as { elements: Array<Record<string, unknown>>; agenda: Array<Record<string, unknown>> };
    const cases: Array<[unknown, RegExp]> = [
      [{ ...good, elements: [{ ...good.elements[0], width: -5 }, ...good.elements.slice(1)] }, /^elements\.0\.width:/],
      [{ ...good, format: 'miro-board' }, /^format:/],
      [{ ...good, agenda: [{ ...good.agenda[0], level: 'maybe' }] }, /^agenda\.0\.level:/],
      [{ ...good, agenda: [{ ...good.agenda[0], frameId: 'nowhere' }] }, /agenda\.0\.frameId: no frame "nowhere"/],
      ['just a string', /\(root\)/],
    ];
    for (const [body, message] of cases) {
      const res = await fetch(`${server.url}/api/templates`, json(body, OWNER));
      expect(res.status).toBe(400);
      expect(((await res.json()) as { message: string }).message).toMatch(message);
    }
    const broken = await fetch(`${server.url}/api/templates`, { method: 'POST', headers: { 'content-type': 'application/json', ...OWNER }, body: '{"format": "sammen-template", ' });
    expect(broken.status).toBe(400);
  });

  it('an unknown template id is a clear 404', async () => {
    const res = await fetch(`${server.url}/api/workshops`, json({ title: 'x', language: 'da', template: 'no-such-template' }));
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'template_not_found' });
  });
});
