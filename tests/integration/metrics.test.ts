import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StickyNote, getElements, insertElement } from '@sammen/shared';
import { connectControl, createWorkshop } from '../harness/control.js';
import { type RunningServer, createBoard, startServer } from '../harness/server.js';
import { closed, connectClient, rawSocket, synced, waitForDoc } from '../harness/yclient.js';

const TOKEN = 'metrics-token-for-the-test-0123456789';

/** One sample's value from Prometheus text format, e.g. `sample(text, 'sammen_connections{kind="board"}')`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  it('is off (404) unless METRICS_TOKEN is set', async () => {
    const server = await startServer();
    try {
      expect((await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    } finally {
      await server.stop();
    }
  });

  describe('with METRICS_TOKEN', () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startServer({ env: { METRICS_TOKEN: TOKEN } });
    });
    afterAll(() => server.stop());
    const scrape = async () => {
      const res = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      return res.text();
    };

    it('needs the bearer token', async () => {
      expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
      const wrong = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } });
      expect(wrong.status).toBe(401);
      expect(await wrong.json()).toMatchObject({ error: 'unauthorized' });
    });

    it('reports connections, loaded boards, stored updates and their latency, refusals and closes by reason, and memory', async () => {
      const boardId = await createBoard(server);
      const a = connectClient(server.wsUrl, boardId);
      await synced(a);
      const note: StickyNote = { id: 'n1', type: 'note', index: 'a0', frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text: 'Flere bænke' };
      insertElement(a.doc, note);
      const b = connectClient(server.wsUrl, boardId);
      await waitForDoc(b.doc, (d) => getElements(d).length === 1);
      const w = await createWorkshop(server);
      const control = await connectControl(server.url, w.facilitatorToken);
      expect(await control.run({ type: 'agenda.goto', index: 'first' })).toMatchObject({ ok: false, error: 'invalid' });
      const garbage = await rawSocket(server.wsUrl, boardId);
      const refused = closed(garbage);
      garbage.send(new Uint8Array([0, 9, 9, 9]));
      expect((await refused).code).toBe(4400);

      const text = await scrape();
      expect(sample(text, 'sammen_connections{kind="board"}')).toBe(2);
      expect(sample(text, 'sammen_connections{kind="control"}')).toBe(1);
      expect(sample(text, 'sammen_loaded_documents{kind="board"}')).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'sammen_stored_updates_total')).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'sammen_store_append_seconds_count')).toBe(sample(text, 'sammen_stored_updates_total'));
      expect(sample(text, 'sammen_refused_messages_total{reason="malformed"}')).toBe(1);
      expect(sample(text, 'sammen_closed_connections_total{reason="malformed_message"}')).toBe(1);
      expect(sample(text, 'sammen_refused_commands_total{error="invalid"}')).toBe(1);
      // Requests by route pattern, never by raw URL (no board ids or tokens in labels).
      expect(sample(text, 'sammen_http_requests_total{route="/api/boards",status="201"}')).toBe(1);
      expect(sample(text, 'sammen_http_requests_total{route="/api/workshops",status="201"}')).toBe(1);
      expect(text).not.toContain(boardId);
      expect(text).not.toContain(w.facilitatorToken);
      expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(10 * 1024 * 1024);
      expect(sample(text, 'sammen_store_failures_total')).toBe(0);

      a.destroy();
      b.destroy();
      control.close();
    });
  });
});
