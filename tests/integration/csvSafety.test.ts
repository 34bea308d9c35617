import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type StickyNote, getElement, insertElement } from '@sammen/shared';
import { createWorkshop } from '../harness/control.js';
import { type RunningServer, startServer } from '../harness/server.js';
import { connectClient, synced, waitForDoc } from '../harness/yclient.js';

/**
 * Spreadsheet safety of the CSV report, through a real server: notes with generated hostile text
 * (formulas after every kind of line break, quotes, separators, any unicode) are read back by a real
 * CSV parser as exactly one row each, and no cell — nor any line inside a cell — starts a formula.
 */
let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
});

const hostile = fc
  .array(fc.oneof(fc.constantFrom('\n=1+1', '\r=2+2', '\r\n@SUM(A1)', '=cmd|\' /C calc\'!A0', '+', '-', '\t', '"', ',', ';', '\n'), fc.string({ unit: 'grapheme', maxLength: 3 })), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(''));

it('every hostile note is one row, read back as written but for an apostrophe before each formula start', async () => {
  const texts = ['\n=1+1', ...fc.sample(hostile, { numRuns: 40, seed: 1130 })];
  const w = await createWorkshop(server, { language: 'en' });
  const board = connectClient(server.wsUrl, w.boardId, { token: w.facilitatorToken });
  await synced(board);
  const notes: StickyNote[] = texts.map((text, i) => ({ id: `n${i}`, type: 'note', index: `a${i}`, frameId: null, x: i * 210, y: 0, width: 200, height: 200, color: 'yellow', text }));
  board.doc.transact(() => notes.forEach((n) => insertElement(board.doc, n)));
  const watcher = connectClient(server.wsUrl, w.boardId, { token: w.facilitatorToken });
  await waitForDoc(watcher.doc, (d) => notes.every((n) => getElement(d, n.id) !== undefined));
  watcher.destroy();
  board.destroy();

  const csv = (await (await fetch(`${server.url}/api/workshops/${w.id}/report?format=csv`, { headers: { authorization: `Bearer ${w.facilitatorToken}` } })).text()).replace(/^\uFEFF/, '');
  const rows = parse(csv, { columns: true }) as Array<Record<string, string>>;
  expect(rows).toHaveLength(texts.length);
  const neutralised = (t: string) => t.replace(/(?<=^|[\r\n])(?=[=+\-@\t\r])/g, "'");
  expect(rows.map((r) => r['Text']).sort()).toEqual(texts.map(neutralised).sort());
  expect(rows.map((r) => r['Text'])).toContain("\n'=1+1");
  for (const row of rows) for (const cell of Object.values(row)) for (const line of cell.split(/\r\n|\r|\n/)) expect(line).not.toMatch(/^[=+\-@\t]/);
  for (const line of csv.split(/\r\n|\r|\n/)) expect(line).not.toMatch(/^[=+\-@\t]/);
});
