import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StickyNote, getElement, getElements, insertElement } from '@sammen/shared';
import { type Cluster, clusterServices, startCluster } from '../harness/cluster.js';
import { type ControlClient, connectControl, createWorkshop, join } from '../harness/control.js';
import { type RunningProxy, checkNginx, startNginx } from '../harness/nginx.js';
import { type YClient, connectClient, synced, waitForDoc } from '../harness/yclient.js';

/**
 * The several-process topology as the README starts it without Docker: two Sammen processes on one
 * PostgreSQL and one Redis, nginx in front with deploy/nginx.conf. Everything goes through the proxy:
 * HTTP, the board WebSockets, the control channel. Then one process stops as in a rolling restart
 * (SIGTERM, SHUTDOWN_DELAY_MS) and the clients carry on through the other. Fails on CI when
 * PostgreSQL, Redis or nginx is missing (skips elsewhere, saying why).
 */
const services = await clusterServices();
const nginx = checkNginx();
const METRICS_TOKEN = 'topology-metrics';

const note = (id: string): StickyNote => ({ id, type: 'note', index: 'a0', frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text: id });

/** Board WebSockets open on a process now, from its /metrics. */
async function boardConnections(server: { url: string }): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  const match = /^sammen_connections\{kind="board"\} (\d+)/m.exec(text);
  if (!match) throw new Error('no sammen_connections{kind="board"} in /metrics');
  return Number(match[1]);
}

const skip = services !== true ? services : nginx !== true ? nginx : null;

describe.skipIf(skip !== null)(`two processes behind nginx (deploy/nginx.conf)${skip ? ` (${skip})` : ''}`, () => {
  let cluster: Cluster;
  let proxy: RunningProxy;
  const open: Array<YClient | ControlClient> = [];

  beforeAll(async () => {
    cluster = await startCluster(2, { env: { TRUST_PROXY: '127.0.0.1', SHUTDOWN_DELAY_MS: '1000', METRICS_TOKEN } });
    proxy = await startNginx(cluster.servers.map((s) => s.port));
  }, 120_000);

  afterAll(async () => {
    for (const c of open) {
      if ('destroy' in c) c.destroy();
      else c.close();
    }
    await proxy?.stop();
    await cluster?.stop();
  }, 30_000);

  it('serves a workshop through the proxy from both processes, and carries on when one of them stops', async () => {
    const w = await createWorkshop(proxy);
    const alice = await join(proxy, w.joinCode, 'Alice');
    const facilitator = connectClient(proxy.wsUrl, w.boardId, { token: w.facilitatorToken });
    const participant = connectClient(proxy.wsUrl, w.boardId, { token: alice });
    open.push(facilitator, participant);
    await Promise.all([synced(facilitator), synced(participant)]);
    // least_conn put one on each process: what one writes reaches the other through Redis.
    expect(await Promise.all(cluster.servers.map(boardConnections))).toEqual([1, 1]);
    insertElement(facilitator.doc, note('before-1'));
    insertElement(participant.doc, note('before-2'));
    await waitForDoc(facilitator.doc, (d) => getElement(d, 'before-2') !== undefined);
    await waitForDoc(participant.doc, (d) => getElement(d, 'before-1') !== undefined);
    const control = await connectControl(proxy.url, w.facilitatorToken);
    open.push(control);
    expect(await control.run({ type: 'timer.start', seconds: 300 })).toEqual({ ok: true });

    // A rolling restart takes the first process down: its sockets close with 1001 after the delay,
    // the clients reconnect through nginx, which skips the closed port, to the other process.
    await cluster.servers[0]!.stop();
    insertElement(facilitator.doc, note('after-1'));
    insertElement(participant.doc, note('after-2'));
    const all = ['before-1', 'before-2', 'after-1', 'after-2'];
    const hasAll = (d: Parameters<typeof getElements>[0]) => all.every((id) => getElement(d, id) !== undefined);
    await waitForDoc(facilitator.doc, hasAll, 20_000);
    await waitForDoc(participant.doc, hasAll, 20_000);
    expect(await boardConnections(cluster.servers[1]!)).toBe(2);

    // A fresh look through the proxy has everything, and the control channel still runs the workshop.
    const fresh = connectClient(proxy.wsUrl, w.boardId, { token: w.facilitatorToken });
    open.push(fresh);
    await waitForDoc(fresh.doc, hasAll);
    expect(getElements(fresh.doc).filter((e) => e.type === 'note').map((e) => e.id).sort()).toEqual([...all].sort());
    const again = await connectControl(proxy.url, w.facilitatorToken);
    open.push(again);
    expect(again.view().timer.status).toBe('running');
    expect(await again.run({ type: 'timer.pause' })).toEqual({ ok: true });
  }, 90_000);
});
