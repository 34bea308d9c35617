/**
 * Where the time goes when a big board opens in Chromium: navigation → board script loaded → board
 * WebSocket created → open → sync step 2 received → provider synced → first notes drawn, for 5,000
 * and 20,000 notes against the real built server (a loaded room). The page's own marks
 * (`sammen:*`, set by the client) are joined by marks this bench adds from outside the app: the
 * WebSocket's creation, its open and the arrival of the sync step 2 message (an init script wraps the
 * page's WebSocket; its listener runs before the provider's handler, so "synced − step 2" is the
 * handling of that one message: Yjs's apply plus every observer of ours).
 *
 * `BENCH_PROFILE=<dir>`: also takes one CDP CPU profile of opening the 20,000-note board, writes it to
 * `<dir>/boardOpen-20000.cpuprofile` and prints the hot functions mapped through the build's source
 * maps to our source files and packages (vite builds the client with source maps).
 * `BENCH_BASELINE_CLIENT_DIR`: the same runs with an older client build (a second server with its own
 * copy of the same boards), alternating with the current build open by open.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../tests/harness/browser.ts';
import { startServer, type RunningServer } from '../tests/harness/server.ts';
import { createWorkshop, join } from '../tests/harness/control.ts';
import { boardWith, fillBoard, MARK_SYNCED } from './boardRender.ts';
import { summariseProfile, type CpuProfile } from './cpuProfile.ts';
import { type BenchTable, machine, median } from './table.ts';

const RUNS = 7;

/**
 * The boards opened: open boards (no token) of two sizes, and a workshop's board opened with a
 * participant's link, the way a citizen opens one (the page asks who the token is before it shows the board).
 */
const VARIANTS = [
  { key: 'open-5000', count: 5000, label: '5,000 notes' },
  { key: 'open-20000', count: 20000, label: '20,000 notes' },
  { key: 'workshop-5000', count: 5000, label: "5,000 notes, a participant's link" },
  { key: 'workshop-5000-rtt', count: 5000, label: "5,000 notes, a participant's link, 100 ms round trips" },
] as const;
/** A phone's mobile network, roughly: what Chromium's network emulation adds to each request. */
const PHONE_LATENCY_MS = 100;
type VariantKey = (typeof VARIANTS)[number]['key'];

// A string, not a function: tsx may wrap functions in helpers that do not exist in the page.
const MARK_SOCKET = `(() => {
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      if (!String(url).includes('/yjs/')) return;
      performance.mark('bench:ws-created');
      this.addEventListener('open', () => performance.mark('bench:ws-open'), { once: true });
      const onMessage = (e) => {
        if (!(e.data instanceof ArrayBuffer)) return;
        const head = new Uint8Array(e.data, 0, Math.min(2, e.data.byteLength));
        // y-protocols: message type 0 (sync), sync type 1 (step 2: the document); or Sammen's V2 sync
        // step 2 (type 21, shared/src/syncStep2V2.ts), which pages since it ask for.
        if (head[0] !== 21 && (head[0] !== 0 || head[1] !== 1)) return;
        performance.mark('bench:sync-step2', { detail: e.data.byteLength });
        this.removeEventListener('message', onMessage);
      };
      this.addEventListener('message', onMessage);
    }
  };
})();`;

// A string for the same reason.
const READ_TIMELINE = `(() => {
  const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
  const chunk = performance.getEntriesByType('resource').find((r) => /\\/assets\\/BoardPage-[^/]*\\.js$/.test(r.name));
  const step2 = performance.getEntriesByName('bench:sync-step2')[0];
  return {
    script: chunk ? chunk.responseEnd : NaN,
    wsCreated: at('bench:ws-created'),
    wsOpen: at('bench:ws-open'),
    step2: step2 ? step2.startTime : NaN,
    synced: at('sammen:synced'),
    drawn: at('sammen:notes-drawn'),
    step2Bytes: step2 ? step2.detail : NaN,
  };
})()`;

/** Milliseconds from navigation to each step of one open. */
interface Timeline {
  script: number;
  wsCreated: number;
  wsOpen: number;
  step2: number;
  synced: number;
  drawn: number;
  step2Bytes: number;
}

const STEPS: Array<{ key: keyof Timeline; label: string }> = [
  { key: 'script', label: 'board script loaded (BoardPage chunk responseEnd)' },
  { key: 'wsCreated', label: 'board WebSocket created' },
  { key: 'wsOpen', label: 'WebSocket open' },
  { key: 'step2', label: 'sync step 2 received' },
  { key: 'synced', label: 'provider synced' },
  { key: 'drawn', label: 'first notes drawn' },
];

async function openOnce(browser: Browser, server: RunningServer, boardPath: string, profileTo: string | null, label = boardPath, latencyMs = 0): Promise<Timeline> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(() => localStorage.setItem('sammen.name', 'Bench'));
    await page.addInitScript(MARK_SYNCED);
    await page.addInitScript(MARK_SOCKET);
    // Warm the HTTP cache as a returning visitor has it: the figures are about the board, not the download.
    await page.goto(`${server.url}/`);
    if (latencyMs) {
      const net = await page.context().newCDPSession(page);
      await net.send('Network.enable');
      await net.send('Network.emulateNetworkConditions', { offline: false, latency: latencyMs, downloadThroughput: -1, uploadThroughput: -1 });
    }
    const cdp = profileTo ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    await page.goto(`${server.url}/b/${boardPath}`);
    await page.waitForFunction(() => performance.getEntriesByName('sammen:notes-drawn').length > 0 && performance.getEntriesByName('sammen:synced').length > 0, null, { timeout: 120_000 });
    if (cdp) {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
      fs.mkdirSync(profileTo!, { recursive: true });
      fs.writeFileSync(path.join(profileTo!, `boardOpen-${label}.cpuprofile`), JSON.stringify(profile));
      console.error(summariseProfile(profile, path.resolve(process.env.CLIENT_DIR || 'client/dist')));
    }
    return (await page.evaluate(READ_TIMELINE)) as Timeline;
  } finally {
    await context.close();
  }
}

/** A server with its client build and its own copy of the boards (the path after /b/, by variant). */
interface Served {
  server: RunningServer;
  boards: Map<VariantKey, string>;
}

async function serve(clientDir: string | null): Promise<Served> {
  // Seeding a board of 20,000 notes through one connection is far beyond a real client's rate limit.
  const env: Record<string, string> = { WS_MESSAGE_BURST: '10000000', WS_MESSAGES_PER_SECOND: '1000000' };
  if (clientDir) env.CLIENT_DIR = clientDir;
  const server = await startServer({ env });
  const boards = new Map<VariantKey, string>();
  for (const { key, count } of VARIANTS) {
    if (key.startsWith('open-')) {
      boards.set(key, await boardWith(server, count));
      continue;
    }
    if (key === 'workshop-5000-rtt') {
      boards.set(key, boards.get('workshop-5000')!); // the same board, over a slower network
      continue;
    }
    const w = await createWorkshop(server, { title: `Bench ${count}`, language: 'en' });
    await fillBoard(server, w.boardId, count, w.facilitatorToken);
    const token = await join(server, w.joinCode, 'Bench');
    boards.set(key, `${w.boardId}#token=${encodeURIComponent(token)}`);
  }
  return { server, boards };
}

/**
 * Opens each board RUNS times with every build, alternating builds open by open: on a shared machine
 * the load changes by the minute, and alternating gives both builds the same minutes.
 */
async function timelines(browser: Browser, builds: Served[]): Promise<Array<Map<VariantKey, Timeline[]>>> {
  const out = builds.map(() => new Map<VariantKey, Timeline[]>(VARIANTS.map((v) => [v.key, []])));
  for (const { key } of VARIANTS) {
    for (let i = 0; i < RUNS; i++) {
      const latency = key.endsWith('-rtt') ? PHONE_LATENCY_MS : 0;
      for (const [b, { server, boards }] of builds.entries()) out[b]!.get(key)!.push(await openOnce(browser, server, boards.get(key)!, null, undefined, latency));
    }
  }
  return out;
}

const med = (runs: Timeline[], key: keyof Timeline): number => median(runs.map((r) => r[key]));

export async function run(): Promise<BenchTable> {
  const baselineDir = process.env.BENCH_BASELINE_CLIENT_DIR || null;
  const baselineLabel = process.env.BENCH_BASELINE_LABEL || 'baseline';
  const profileDir = process.env.BENCH_PROFILE || null;
  const browser = await launchChromium();
  const builds: Served[] = [];
  try {
    builds.push(await serve(process.env.CLIENT_DIR || null));
    if (baselineDir) builds.push(await serve(baselineDir));
    const [now, before = null] = await timelines(browser, builds);
    if (profileDir) await openOnce(browser, builds[0]!.server, builds[0]!.boards.get('open-20000')!, profileDir, '20000');
    const rows: string[][] = [];
    for (const { key, label: n } of VARIANTS) {
      const runs = now!.get(key)!;
      const old = before?.get(key);
      STEPS.forEach(({ key, label }, i) => {
        const prev = i > 0 ? STEPS[i - 1]!.key : null;
        const step = (r: Timeline[]) => (prev ? median(r.map((t) => t[key] - t[prev])) : med(r, key));
        rows.push([
          `${n}: ${label}`,
          med(runs, key).toFixed(0),
          step(runs).toFixed(0),
          old ? `${med(old, key).toFixed(0)} / ${step(old).toFixed(0)}` : '',
        ]);
      });
      // Within each open, so one slow minute does not split across two medians.
      const handled = (r: Timeline[]) => median(r.map((t) => t.drawn - t.step2)).toFixed(0);
      rows.push([`${n}: sync step 2 received → first notes drawn (within each open)`, '', handled(runs), old ? handled(old) : '']);
      rows.push([`${n}: sync step 2 size`, `${(med(runs, 'step2Bytes') / 1e6).toFixed(2)} MB`, '', '']);
    }
    return {
      title: 'Opening a big board in Chromium: where the time goes',
      command: `${baselineDir ? `BENCH_BASELINE_CLIENT_DIR=<client/dist of ${baselineLabel}> ` : ''}npm run bench -- boardOpen`,
      machine: machine(),
      headers: ['step', 'median ms since navigation', 'median ms since the step before', baselineDir ? `before (${baselineLabel}): since navigation / since step before` : 'before'],
      rows,
      notes: [
        `${RUNS} opens per board and build, alternating builds open by open; each open in a fresh browser context that opened the front page first (its scripts cached; the board chunk is fetched); a loaded room (the server has the board in memory). The "before" build is served by a second server with its own copy of the same boards.`,
        "A participant's link: a workshop's board opened at `/b/<id>#token=<the participant's token>`, as a citizen who joined by code opens it: the page asks the server who the token is (GET /api/session), and since this change opens the board's socket at the same time (client/src/sync/preconnect.ts) instead of after that answer and the board page's first render. With 100 ms round trips, Chromium's network emulation adds 100 ms to each request of the page (a phone on a mobile network, roughly); the page's scripts are already cached. Open boards (no token): GET /api/boards/<id> is asked from the address too, and the socket opens as soon as the answer says the board is open (on a workshop's board a socket without a token would only be refused).",
        '"provider synced − sync step 2 received" is the handling of that one message in the page: decoding and applying the update (Yjs) and every observer of ours that runs inside its transaction.',
        'Headless Chromium with --disable-gpu on a shared 2-core machine: figures move by ±20 % between runs.',
      ],
    };
  } finally {
    for (const { server } of builds) await server.stop();
    await browser.close();
  }
}
