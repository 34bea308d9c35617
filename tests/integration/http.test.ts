import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../harness/server.js';

describe('HTTP API', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.stop());

  it('GET /health answers {"status":"ok"}', async () => {
    const res = await fetch(`${server.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('creates a board and returns its metadata', async () => {
    const res = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Borgerpanel Billund' }),
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; title: string };
    expect(created.id).toMatch(/^[0-9a-z]{20}$/);
    const got = await fetch(`${server.url}/api/boards/${created.id}`);
    expect(got.status).toBe(200);
    expect(await got.json()).toMatchObject({ id: created.id, title: 'Borgerpanel Billund' });
  });

  it('answers 404 for an unknown board and 400 with the field for a bad body', async () => {
    expect((await fetch(`${server.url}/api/boards/aaaaaaaaaaaaaaaaaaaa`)).status).toBe(404);
    const bad = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 42 }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/^title:/);
    const broken = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"title": ',
    });
    expect(broken.status).toBe(400);
  });

  it("refuses another site's page", async () => {
    const res = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ title: 'x' }),
    });
    expect(res.status).toBe(403);
  });

  it('sends a content security policy that keeps the page on this origin', async () => {
    const res = await fetch(`${server.url}/health`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
  });
});

describe('web app pages', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.stop());

  it('answers every page of the app with the app, and unknown paths with 404', async () => {
    for (const page of ['/', '/b/aaaaaaaaaaaaaaaaaaaa', '/join', '/join/ABC234', '/new', '/accessibility', '/privacy']) {
      const res = await fetch(`${server.url}${page}`);
      expect(res.status, page).toBe(200);
      expect(await res.text(), page).toContain('<div id="root">');
    }
    expect((await fetch(`${server.url}/no/such/page`)).status).toBe(404);
  });
});
