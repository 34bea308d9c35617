import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { type Template, parseTemplate } from '@sammen/shared';
import { WORKSHOP_STATE_VERSION } from '../workshops/stateMigrations.js';
import { initialWorkshopState } from '../workshops/types.js';
import { openSqliteStorage } from './SqliteStorage.js';

/**
 * Rows written by an older Sammen (template format 1, workshop state without a version) are read as
 * the current version; the row itself stays as it was until the next save.
 */
const place = () => fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-migrate-'));
const v1Step = { id: 's1', title: { da: 'Velkommen' }, instructions: { da: 'Byd alle velkommen.' }, minutes: 5, frameId: null, level: 'inform', promise: { da: 'Du hører.' }, private: false };
const v1Template = {
  format: 'sammen-template', version: 1, id: 't-old', title: { da: 'Gammel' }, description: { da: 'Fra før' },
  durationMinutes: 30, groupSize: { min: 2, max: 10 }, elements: [], agenda: [v1Step],
};

it('a saved template and a workshop state stored by an older version are migrated on read', async () => {
  const dir = place();
  const storage = openSqliteStorage(dir);
  const current = parseTemplate(v1Template);
  if (!current.ok) throw new Error(current.message);
  await storage.templates.save({ id: 't-old', ownerKeyHash: 'h', template: current.value, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' });
  await storage.workshops.create(
    { id: 'w1', boardId: 'b1', title: 'W', language: 'da', joinCode: null, observerToken: null, state: initialWorkshopState(), createdAt: '2026-01-01T00:00:00Z', retentionDays: null },
    { id: 'm1', workshopId: 'w1', role: 'facilitator', name: 'F', tokenHash: 'h1', createdAt: '2026-01-01T00:00:00Z', removed: false },
  );
  await storage.close();

  // What an older server wrote.
  const { version: _v, ...oldState } = initialWorkshopState();
  const db = new Database(path.join(dir, 'sammen.db'));
  db.prepare('UPDATE templates SET data = ? WHERE id = ?').run(JSON.stringify(v1Template), 't-old');
  db.prepare('UPDATE workshops SET state = ? WHERE id = ?').run(JSON.stringify({ ...oldState, agenda: [{ ...v1Step, title: 'Velkommen', instructions: 'Byd alle velkommen.', promise: '' }] }), 'w1');
  db.close();

  const again = openSqliteStorage(dir);
  const template = (await again.templates.get('t-old'))!.template as Template;
  expect(template.version).toBe(2);
  expect(template.agenda[0]).toMatchObject({ participantText: { da: '' }, facilitatorNotes: { da: 'Byd alle velkommen.' } });
  const workshop = (await again.workshops.get('w1'))!;
  expect(workshop.state.version).toBe(WORKSHOP_STATE_VERSION);
  expect(workshop.state.agenda[0]).toMatchObject({ participantText: '', facilitatorNotes: 'Byd alle velkommen.' });
  expect(workshop.state.agenda[0]).not.toHaveProperty('instructions');

  // A row from a newer Sammen is an error that names it, not a silent rewrite.
  const raw = new Database(path.join(dir, 'sammen.db'));
  raw.prepare('UPDATE workshops SET state = ? WHERE id = ?').run(JSON.stringify({ ...initialWorkshopState(), version: 9 }), 'w1');
  raw.close();
  await expect(again.workshops.get('w1')).rejects.toThrow(/workshop w1: .*version 9 is newer/);
  await again.close();
});
