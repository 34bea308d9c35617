import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { MESSAGE_SYNC_STEP_2_V2, getElements } from '@sammen/shared';
import { DESKTOP, PHONE, shot } from '../harness/boardPage.js';
import { createBoard } from '../harness/server.js';
import { browserSession } from '../harness/session.js';
import { connectClient, seedBoard, synced } from '../harness/yclient.js';
import { encodeUpdateMessage } from '../harness/wire.js';

/**
 * A page whose code is older than the board (the server was updated, and migrated the board, while the
 * page was open or cached): after its sync it says so and writes nothing. The newer schema is made by
 * passing the page's socket through a route that adds one server message, `meta.schemaVersion: 99`,
 * just before the server's sync step 2, as a migrating server would have it.
 */
const session = browserSession();

/** The board's schema stamp raised to 99 on top of what the server holds: an update from "the server". */
async function newerSchemaUpdate(boardId: string): Promise<Uint8Array> {
  const replica = connectClient(session.server.wsUrl, boardId);
  await synced(replica);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(replica.doc));
  replica.destroy();
  const before = Y.encodeStateVector(doc);
  doc.getMap('meta').set('schemaVersion', 99);
  return encodeUpdateMessage(Y.encodeStateAsUpdate(doc, before));
}

async function openOutdated(boardId: string, device: typeof DESKTOP): Promise<Page> {
  const newer = Buffer.from(await newerSchemaUpdate(boardId));
  const page = await session.newPage(device);
  await page.context().addInitScript(() => window.localStorage.setItem('sammen.name', 'Tester'));
  await page.routeWebSocket(/\/yjs\//, (ws) => {
    const server = ws.connectToServer();
    let sent = false;
    server.onMessage((message) => {
      const bytes = typeof message === 'string' ? Buffer.from(message) : message;
      // The sync step 2: y-protocols' (type 0, sync type 1), or the V2 one the page asks for.
      if (!sent && ((bytes[0] === 0 && bytes[1] === 1) || bytes[0] === MESSAGE_SYNC_STEP_2_V2)) {
        sent = true;
        ws.send(newer);
      }
      ws.send(message);
    });
  });
  await page.goto(`${session.server.url}/b/${boardId}`);
  return page;
}

describe('a page older than the board', () => {
  it('says the board was updated, asks for a reload, and writes nothing', async () => {
    const boardId = await createBoard(session.server);
    const note = { id: 'n1', type: 'note', index: 'a0', frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text: 'Idé' } as const;
    const watcher = await seedBoard(session.server.wsUrl, boardId, [note]);
    session.cleanups.push(() => watcher.destroy());

    for (const [name, device] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
      const page = await openOutdated(boardId, device);
      const status = page.locator('[data-testid=connection-status][data-status=closed]');
      await status.waitFor();
      expect(await status.textContent()).toContain('This board was updated. Reload the page.');
      await page.getByRole('button', { name: 'Reload' }).waitFor(); // on a phone too, the way to reload
      // Read-only: only looking tools, and a key that would add a note adds nothing.
      expect(await page.locator('[data-tool=select]').count()).toBe(1);
      expect(await page.locator('[data-tool=note]').count()).toBe(0);
      await page.locator('[data-testid=board-canvas]').click({ position: { x: 40, y: 40 } });
      await page.keyboard.press('n');
      expect(await page.locator('[data-tool=note]').count()).toBe(0);
      await shot(page, `board-updated-${name}`);
      await page.context().close();
    }
    // Nothing reached the server: the board is as it was, at this code's schema.
    const check = connectClient(session.server.wsUrl, boardId);
    await synced(check);
    expect(getElements(check.doc)).toEqual([note]);
    expect(check.doc.getMap('meta').get('schemaVersion')).toBe(2);
    check.destroy();
  });
});
