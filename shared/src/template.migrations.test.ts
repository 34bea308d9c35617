import { describe, expect, it } from 'vitest';
import { checkSequence } from './dataMigrations.js';
import { TEMPLATE_VERSION, instantiateTemplate, migrateTemplate, parseTemplate, templateMigrations } from './template.js';

/** A version 1 file as Sammen wrote them before participant text and facilitator notes were split. */
const v1 = {
  format: 'sammen-template',
  version: 1,
  id: 'old-one',
  title: { da: 'Borgerpanel', en: 'Citizen panel' },
  description: { da: 'Et panel', en: 'A panel' },
  durationMinutes: 60,
  groupSize: { min: 4, max: 30 },
  elements: [{ id: 'f1', type: 'frame', x: 0, y: 0, width: 800, height: 600, rotation: 0, index: 'a0', frameId: null, fill: 'white', title: { da: 'Idéer', en: 'Ideas' } }],
  agenda: [
    {
      id: 's1',
      title: { da: 'Velkommen', en: 'Welcome' },
      instructions: { da: 'Byd alle velkommen. Læs historien om Olga højt.', en: 'Welcome everyone. Read the story of Olga aloud.' },
      minutes: 10,
      frameId: 'f1',
      level: 'inform',
      promise: { da: 'Du hører, hvad dagen skal bruges til.', en: 'You hear what today is for.' },
      private: false,
    },
  ],
};

describe('template migrations', () => {
  it('are ordered and namespaced, and the current version is 2', () => {
    expect(checkSequence(templateMigrations)).toEqual([]);
    expect(TEMPLATE_VERSION).toBe(2);
  });

  it('v1 → v2: the instructions become the facilitator notes; participants get an empty text, never the script', () => {
    const migrated = migrateTemplate(v1);
    expect(migrated).toMatchObject({ ok: true, from: 1, to: 2 });
    if (!migrated.ok) throw new Error(migrated.detail);
    const step = (migrated.value.agenda as Array<Record<string, unknown>>)[0]!;
    expect(step).not.toHaveProperty('instructions');
    expect(step.facilitatorNotes).toEqual(v1.agenda[0]!.instructions);
    expect(step.participantText).toEqual({ da: '', en: '' });
    expect(v1.agenda[0]).toHaveProperty('instructions'); // the input is untouched
  });

  it('a migrated v1 file validates and instantiates with the script only in facilitatorNotes', () => {
    const parsed = parseTemplate(v1);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.value.version).toBe(2);
    const { agenda } = instantiateTemplate(parsed.value, 'da');
    expect(agenda[0]).toMatchObject({ participantText: '', facilitatorNotes: 'Byd alle velkommen. Læs historien om Olga højt.' });
  });

  it('a v2 file passes unchanged; a newer or damaged file gets a clear error', () => {
    const parsed = parseTemplate(v1);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parseTemplate(parsed.value)).toEqual(parsed);
    expect(parseTemplate({ ...v1, version: 3 })).toEqual({ ok: false, message: 'com.sammen.template: version 3 is newer than this server knows (2)' });
    const broken = parseTemplate({ ...v1, agenda: [{ ...v1.agenda[0], instructions: 'not localized' }] });
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.message).toMatch(/agenda\.0\.facilitatorNotes/);
  });
});
