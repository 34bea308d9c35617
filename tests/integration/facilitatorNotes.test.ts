import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkshopView } from '@sammen/shared';
import { type ControlClient, connectControl, createWorkshop, join } from '../harness/control.js';
import { type RunningServer, startServer } from '../harness/server.js';

/**
 * The facilitator's script stays with facilitators: every view a participant or an observer
 * receives on the control channel is checked as it arrives on the wire (raw payloads, not the
 * harness's parsed copy), across the whole agenda and after the agenda is edited live.
 */
let server: RunningServer;
const clients: ControlClient[] = [];
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  for (const c of clients) c.close();
  await server.stop();
});

const OWNER = { 'x-owner-key': 'owner-key-of-the-notes-test-01' };

/** Connects and records the JSON of every `state` payload this socket receives. */
async function recorded(token: string): Promise<{ client: ControlClient; payloads: string[] }> {
  const client = await connectControl(server.url, token);
  clients.push(client);
  const payloads = [JSON.stringify(client.view())];
  client.socket.on('state', (view: WorkshopView) => payloads.push(JSON.stringify(view)));
  return { client, payloads };
}

describe('facilitator notes', () => {
  it('reach facilitators, and never a participant or an observer, through a whole workshop', async () => {
    const w = await createWorkshop(server, { template: 'citizen-conversation', language: 'da' });
    const fac = await recorded(w.facilitatorToken);
    const part = await recorded(await join(server, w.joinCode, 'Alice'));
    const obs = await recorded(w.observerToken);

    // The facilitator has the script and the participant text; the others have only the latter.
    const script = fac.client.view().agenda.steps[0]!.facilitatorNotes;
    expect(script).toMatch(/^Byd alle velkommen\. Læs historien om Olga højt/);
    for (const who of [part, obs]) {
      const first = who.client.view().agenda.steps[0]!;
      expect(first.participantText).toMatch(/^Velkommen! Hør historien om Olga/);
      expect(first).not.toHaveProperty('facilitatorNotes');
    }

    // Run the agenda to its end, then change a step's notes live.
    const steps = fac.client.view().agenda.steps.length;
    for (let i = 1; i < steps; i++) expect(await fac.client.run({ type: 'agenda.next' })).toEqual({ ok: true });
    const edited = fac.client.view().agenda.steps.map((s, i) => (i === 0 ? { ...s, facilitatorNotes: 'HEMMELIG: spørg Bent først' } : s));
    expect(await fac.client.run({ type: 'agenda.set', steps: edited })).toEqual({ ok: true });
    await fac.client.waitFor((v) => v.agenda.steps[0]!.facilitatorNotes === 'HEMMELIG: spørg Bent først');
    // Views reach each socket in order: once the jump back to step 1 arrives, the edit has too.
    expect(await fac.client.run({ type: 'agenda.goto', index: 0 })).toEqual({ ok: true });
    for (const who of [part, obs]) await who.client.waitFor((v) => v.agenda.current === 0);

    for (const who of [part, obs]) {
      expect(who.payloads.length).toBeGreaterThan(steps);
      for (const payload of who.payloads) {
        expect(payload).not.toContain('facilitatorNotes');
        expect(payload).not.toContain('Læs historien om Olga højt');
        expect(payload).not.toContain('HEMMELIG');
      }
    }
    expect(fac.payloads.some((p) => p.includes('HEMMELIG'))).toBe(true);
  });

  it('a promoted co-facilitator gets the notes; a demoted one loses them', async () => {
    const w = await createWorkshop(server, { template: 'budget-workshop', language: 'en' });
    const fac = await connectControl(server.url, w.facilitatorToken);
    clients.push(fac);
    const bo = await recorded(await join(server, w.joinCode, 'Bo'));
    expect(bo.client.view().agenda.steps[0]).not.toHaveProperty('facilitatorNotes');
    const memberId = bo.client.view().me.memberId!;
    expect(await fac.run({ type: 'member.setRole', memberId, role: 'cofacilitator' })).toEqual({ ok: true });
    const promoted = await bo.client.waitFor((v) => v.me.role === 'cofacilitator');
    expect(promoted.agenda.steps[0]!.facilitatorNotes).toMatch(/^Present the economic framework/);
    expect(await fac.run({ type: 'member.setRole', memberId, role: 'participant' })).toEqual({ ok: true });
    const demoted = await bo.client.waitFor((v) => v.me.role === 'participant');
    expect(demoted.agenda.steps[0]).not.toHaveProperty('facilitatorNotes');
  });

  it('an imported version 1 template is migrated: its old instructions become notes that participants never see', async () => {
    const v2 = (await (await fetch(`${server.url}/api/templates/citizen-conversation`)).json()) as Record<string, any>;
    // The same file as Sammen wrote it before version 2: one `instructions` per step.
    const v1 = {
      ...v2,
      version: 1,
      agenda: v2.agenda.map(({ participantText: _p, facilitatorNotes, ...rest }: Record<string, unknown>) => ({ ...rest, instructions: facilitatorNotes })),
    };
    const imported = await fetch(`${server.url}/api/templates`, {
      method: 'POST', headers: { 'content-type': 'application/json', ...OWNER }, body: JSON.stringify(v1),
    });
    expect(imported.status).toBe(201);
    const saved = (await imported.json()) as { id: string; version: number; agenda: Array<Record<string, any>> };
    expect(saved.version).toBe(2);
    expect(saved.agenda[0]).toMatchObject({ participantText: { da: '', en: '' }, facilitatorNotes: v2.agenda[0].facilitatorNotes });
    expect(saved.agenda[0]).not.toHaveProperty('instructions');

    const w = await createWorkshop(server, { template: saved.id, language: 'da' });
    const fac = await connectControl(server.url, w.facilitatorToken);
    clients.push(fac);
    expect(fac.view().agenda.steps[0]!.facilitatorNotes).toMatch(/^Byd alle velkommen/);
    const part = await recorded(await join(server, w.joinCode, 'Carl'));
    expect(part.client.view().agenda.steps[0]).toMatchObject({ participantText: '' });
    expect(part.payloads.join('')).not.toContain('Byd alle velkommen');
  });
});
