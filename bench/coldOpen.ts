/**
 * How fast a 20,000-note board opens (issue 12: cold < 500 ms, loaded < 150 ms, to synced over the wire).
 * Against the real built server (child process, its own DATA_DIR) with real y-websocket clients in Node
 * and in Chromium:
 *  - cold: the board is not loaded in the server (its room unloaded after IDLE_UNLOAD_MS, checked on
 *    /metrics), so the server loads it from the store before it can answer;
 *  - loaded: another client keeps the room loaded.
 * Each open is split into the client's apply of the state it was sent (its one big transaction) and the
 * rest (server work + transfer). The server's own steps are timed in this process on the same stored
 * bytes, with the server's own code (SqliteStorage, Y.applyUpdate, the sync step 2 encoding).
 * Needs `npm run build` first (server/dist; client/dist for the browser rows).
 */
import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { V2_PARAM } from '@sammen/shared';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../tests/harness/browser.ts';
import { type RunningServer, startServer } from '../tests/harness/server.ts';
import { connectClient, synced } from '../tests/harness/yclient.ts';
import { untilCold } from '../tests/harness/coldRoom.ts';
import { openSqliteStorage } from '../server/src/store/SqliteStorage.ts';
import { encodeSyncStep2 } from '../server/src/sync/messages.ts';
import { storedSchemaVersion } from '../server/src/sync/storedSchema.ts';
import { skipEncodingProviderEchoes } from '../client/src/sync/echoEncoding.ts';
import { readSyncStep2V2 } from '../client/src/sync/syncStep2V2.ts';
import { boardWith, MARK_SYNCED } from './boardRender.ts';
import { type BenchTable, fmt, machine, median } from './table.ts';

const NOTES = 20_000;
const RUNS = Number(process.env.BENCH_COLD_RUNS ?? 5);
const METRICS_TOKEN = 'bench-cold-open-metrics';
const TARGET = { coldMs: 500, loadedMs: 150 };

interface Open {
  totalMs: number;
  clientApplyMs: number;
}

/**
 * Opens the board with a fresh y-websocket client in this process; times connect → synced. `asPage`:
 * set up as Sammen's page sets its provider up (client/src/sync/echoEncoding.ts: Yjs does not re-encode
 * what the provider received; syncStep2V2.ts: the server's sync step 2 in V2), so the row shows what the
 * product's own client pays.
 */
async function openInNode(server: RunningServer, boardId: string, asPage = false): Promise<Open> {
  const start = performance.now();
  // As the page: its sync step 2 in V2 (client/src/sync/syncStep2V2.ts), and no re-encoding of it.
  const client = connectClient(server.wsUrl, boardId, asPage ? { params: { [V2_PARAM]: '1' } } : {});
  if (asPage) {
    skipEncodingProviderEchoes(client.doc, client.provider);
    readSyncStep2V2(client.provider);
  }
  // The sync step 2 the server sends is applied in one transaction: its length is the client's cost.
  let applyStart = 0;
  let clientApplyMs = 0;
  client.doc.on('beforeTransaction', () => (applyStart = performance.now()));
  client.doc.on('afterTransactionCleanup', () => (clientApplyMs = Math.max(clientApplyMs, performance.now() - applyStart)));
  await synced(client);
  const totalMs = performance.now() - start;
  const size = client.doc.getMap('elements').size;
  client.destroy();
  if (size !== NOTES) throw new Error(`synced with ${size} elements, expected ${NOTES}`);
  return { totalMs, clientApplyMs };
}

/** Chromium: navigation start → the board's provider reports synced (a performance mark in the page). */
async function openInBrowser(browser: Browser, server: RunningServer, boardId: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(() => localStorage.setItem('sammen.name', 'Bench'));
    await page.addInitScript(MARK_SYNCED);
    await page.goto(`${server.url}/b/${boardId}`, { timeout: 120_000 });
    await page.waitForFunction(() => performance.getEntriesByName('sammen:synced').length > 0, null, { timeout: 120_000 });
    return await page.evaluate(() => performance.getEntriesByName('sammen:synced')[0]!.startTime);
  } finally {
    await context.close();
  }
}

function timeOnce<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

/** The server's steps of a cold open, timed here with its own code on the stored bytes. */
function serverSteps(dataDir: string, boardId: string): Promise<Record<string, number>> {
  // A copy, so that this process never holds the running server's database open.
  const copy = fs.mkdtempSync(path.join(dataDir, '..', 'sammen-cold-copy-'));
  for (const f of fs.readdirSync(dataDir)) if (f.startsWith('sammen.db')) fs.copyFileSync(path.join(dataDir, f), path.join(copy, f));
  const storage = openSqliteStorage(copy);
  return (async () => {
    const samples: Record<string, number[]> = {};
    const add = (k: string, ms: number) => (samples[k] ??= []).push(ms);
    let bytes = 0;
    let updates = 0;
    for (let i = 0; i < RUNS; i++) {
      const load = performance.now();
      const stored = await storage.documents.load(boardId);
      add('store load', performance.now() - load);
      bytes = stored.bytes;
      updates = stored.updates.length;
      const doc = new Y.Doc();
      const rows = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
      add('schema version read from the stored bytes (storedSchemaVersion)', timeOnce(() => storedSchemaVersion(rows)).ms);
      add('Y.applyUpdate', timeOnce(() => {
        for (const u of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) Y.applyUpdate(doc, u);
      }).ms);
      add('copy for the schema check (encode + apply)', timeOnce(() => Y.applyUpdate(new Y.Doc(), Y.encodeStateAsUpdate(doc))).ms);
      add('sync step 2 (encodeStateAsUpdate)', timeOnce(() => encodeSyncStep2(doc, new Uint8Array([0]))).ms);
      const v2 = Y.encodeStateAsUpdateV2(doc);
      add('Y.applyUpdateV2 of the same state (V2 snapshot)', timeOnce(() => Y.applyUpdateV2(new Y.Doc(), v2)).ms);
      doc.destroy();
    }
    await storage.close();
    fs.rmSync(copy, { recursive: true, force: true });
    const out: Record<string, number> = { 'stored MB': bytes / 1e6, 'stored updates after the snapshot': updates };
    for (const [k, v] of Object.entries(samples)) out[k] = median(v);
    return out;
  })();
}

/**
 * Every figure for one server build: `label` prefixes its rows; `main` is another build's main.js (the
 * "before"), which serves this checkout's client/dist and is not timed step by step in this process.
 */
async function measureBuild(label: string, main: string | undefined, rows: string[][], notes: string[]): Promise<void> {
  const server = await startServer({
    main,
    env: {
      WS_MESSAGE_BURST: '10000000', WS_MESSAGES_PER_SECOND: '1000000', IDLE_UNLOAD_MS: '100', METRICS_TOKEN,
      ...(main ? { CLIENT_DIR: path.resolve(import.meta.dirname, '../client/dist') } : {}),
    },
  });
  try {
    const boardId = await boardWith(server, NOTES);
    const verdict = (ms: number, target: number) => `${ms < target ? 'met' : 'not met'} (${(target / ms).toFixed(2)}× target < ${target} ms)`;
    const wire = (what: string, opens: Open[], target: number) => {
      const total = median(opens.map((o) => o.totalMs));
      const apply = median(opens.map((o) => o.clientApplyMs));
      rows.push([`${label}${what}`, fmt(total), fmt(Math.max(...opens.map((o) => o.totalMs))), fmt(apply), fmt(median(opens.map((o) => o.totalMs - o.clientApplyMs))), verdict(total, target)]);
    };

    // Plain and as the page sets it up, alternately, so both see the same machine.
    const cold: Open[] = [];
    const coldAsPage: Open[] = [];
    for (let i = 0; i < RUNS; i++) {
      await untilCold(server, METRICS_TOKEN, 500);
      cold.push(await openInNode(server, boardId));
      await untilCold(server, METRICS_TOKEN, 500);
      coldAsPage.push(await openInNode(server, boardId, true));
    }
    // After a restart the process knows nothing of the board: it reads the schema from the stored bytes.
    const restarted: Open[] = [];
    const restartedAsPage: Open[] = [];
    for (let i = 0; i < RUNS; i++) {
      await server.restart();
      restarted.push(await openInNode(server, boardId));
      await server.restart();
      restartedAsPage.push(await openInNode(server, boardId, true));
    }
    await untilCold(server, METRICS_TOKEN, 500);
    const steps = main ? {} : await serverSteps(server.dataDir, boardId);

    const holder = connectClient(server.wsUrl, boardId);
    await synced(holder);
    const loaded: Open[] = [];
    const loadedAsPage: Open[] = [];
    for (let i = 0; i < RUNS; i++) {
      loaded.push(await openInNode(server, boardId));
      loadedAsPage.push(await openInNode(server, boardId, true));
    }
    wire(`Node y-websocket client: cold open → synced, ${RUNS} runs`, cold, TARGET.coldMs);
    wire(`Node y-websocket client set up as the page's: cold open → synced, ${RUNS} runs`, coldAsPage, TARGET.coldMs);
    wire(`Node y-websocket client: cold open after a server restart → synced, ${RUNS} runs`, restarted, TARGET.coldMs);
    wire(`Node y-websocket client set up as the page's: cold open after a server restart → synced, ${RUNS} runs`, restartedAsPage, TARGET.coldMs);
    wire(`Node y-websocket client: loaded open → synced, ${RUNS} runs`, loaded, TARGET.loadedMs);
    wire(`Node y-websocket client set up as the page's: loaded open → synced, ${RUNS} runs`, loadedAsPage, TARGET.loadedMs);

    const browser = fs.existsSync(path.resolve(import.meta.dirname, '../client/dist/index.html'))
      ? await launchChromium().catch((err: unknown) => void notes.push(`Chromium rows skipped: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`))
      : void notes.push('Chromium rows skipped: client/dist is missing (run `npm run build`).');
    if (browser) {
      try {
        const loadedPage: number[] = [];
        for (let i = 0; i < 3; i++) loadedPage.push(await openInBrowser(browser, server, boardId));
        holder.destroy();
        const coldPage: number[] = [];
        for (let i = 0; i < 3; i++) {
          await untilCold(server, METRICS_TOKEN, 500);
          coldPage.push(await openInBrowser(browser, server, boardId));
        }
        rows.push(
          [`${label}Chromium: cold open, navigation → provider synced, 3 runs`, fmt(median(coldPage)), fmt(Math.max(...coldPage)), '', '', verdict(median(coldPage), TARGET.coldMs)],
          [`${label}Chromium: loaded open, navigation → provider synced, 3 runs`, fmt(median(loadedPage)), fmt(Math.max(...loadedPage)), '', '', verdict(median(loadedPage), TARGET.loadedMs)],
        );
      } catch (err) {
        notes.push(`${label}Chromium rows incomplete: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
      } finally {
        await browser.close();
      }
    } else holder.destroy();
    for (const [k, v] of Object.entries(steps)) {
      rows.push([k.endsWith('MB') || k.startsWith('stored') ? `server, in this process: ${k}` : `server, in this process: ${k} (ms)`, fmt(v), '', '', '', '']);
    }
  } catch (err) {
    console.error(server.logs.slice(-20).join('\n'));
    throw err;
  } finally {
    await server.stop();
  }
}

/** BENCH_BASELINE_SERVER_MAIN: an older build's server/dist/main.js, measured in the same run as "before". */
const BASELINE = process.env.BENCH_BASELINE_SERVER_MAIN || null;
const BASELINE_LABEL = process.env.BENCH_BASELINE_LABEL || 'baseline';

export async function run(): Promise<BenchTable> {
  const rows: string[][] = [];
  const notes: string[] = [];
  if (BASELINE) await measureBuild(`before (${BASELINE_LABEL}): `, BASELINE, rows, notes);
  await measureBuild(BASELINE ? 'now: ' : '', undefined, rows, notes);
  return {
    title: `Opening a ${NOTES.toLocaleString('en')}-note board: cold and loaded, to synced over the wire`,
    command: BASELINE ? `BENCH_BASELINE_SERVER_MAIN=<server/dist of ${BASELINE_LABEL}> npm run bench -- coldOpen` : 'npm run bench -- coldOpen',
    machine: machine(),
    headers: ['what', 'median ms', 'max ms', 'client apply ms', 'server + transfer ms', 'against the target'],
    rows,
    notes: [
      'cold: the board\'s room was unloaded (IDLE_UNLOAD_MS=100, waited for on /metrics), so the server loads it from SQLite; since the cold open from the stored bytes it answers with them while it applies them (the process left the board clean), before that it applied and checked them first. After a restart the process knows nothing of the board and reads its schema from the stored bytes first (storedSchemaVersion). loaded: another client keeps the room loaded.',
      'client apply: the y-websocket client\'s transaction that applies the server\'s sync step 2 (decode + integrate); server + transfer is the rest of connect → synced (upgrade, load, encode, send, and in the plain client Yjs re-encoding the applied sync step 2 for the provider\'s update listener, which drops it).',
      '"set up as the page\'s": the same client with client/src/sync/echoEncoding.ts and syncStep2V2.ts (v2=1), as Sammen\'s page sets up its provider (that re-encoding skipped, the sync step 2 of a loaded room in V2; a cold room still answers with its stored V1 bytes); plain and page-style opens alternate in one loop.',
      'Server steps: the same stored bytes (a copy of DATA_DIR) through the server\'s own SqliteStorage, Y.applyUpdate and sync step 2 encoding, in this process, median of the runs.',
      'The machine is shared (2 cores, several processes): figures move by ±30 % between runs.',
      ...notes,
    ],
  };
}
