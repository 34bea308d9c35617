import fs from 'node:fs';
import { expect, it } from 'vitest';
import { parseTemplate } from '@sammen/shared';
import type { OpenStorage } from './storageContract.workshops.js';

/** A real built-in template, so the stored JSON is what the server stores. */
function builtInTemplate() {
  const raw: unknown = JSON.parse(fs.readFileSync(new URL('../../templates/what-matters.json', import.meta.url), 'utf8'));
  const parsed = parseTemplate(raw);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

/** Saved templates and named board versions: part of the storage contract. */
export function catalogStoresContract(open: OpenStorage): void {
  it('templates: saved, read back as saved, listed oldest first, updated and deleted', async () => {
    const { storage: s, place } = await open();
    const template = builtInTemplate();
    const a = { id: 't-a', ownerKeyHash: 'owner-1', template, createdAt: '2026-01-02T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z' };
    const b = { ...a, id: 't-b', ownerKeyHash: 'owner-2', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
    await s.templates.save(a);
    await s.templates.save(b);
    expect(await s.templates.get('t-a')).toEqual(a);
    expect(await s.templates.get('nope')).toBeNull();
    expect((await s.templates.list()).map((t) => t.id)).toEqual(['t-b', 't-a']);
    await expect(s.templates.save(a)).rejects.toThrow();
    const changed = { ...template, title: { ...template.title, nn: 'Kva betyr mest? Ny tittel' } };
    await s.templates.update('t-a', changed);
    const updated = (await (await open(place)).storage.templates.get('t-a'))!;
    expect(updated.template).toEqual(changed);
    expect(updated.updatedAt > a.updatedAt).toBe(true);
    await s.templates.delete('t-a');
    expect(await s.templates.get('t-a')).toBeNull();
    expect((await s.templates.list()).map((t) => t.id)).toEqual(['t-b']);
  });

  it('versions: saved with their bytes, listed oldest first per board, deleted per board', async () => {
    const { storage: s } = await open();
    const state = (n: number) => new Uint8Array([0, 1, 2, 255, n]);
    const later = { id: 'v2', boardId: 'b1', name: 'Etter avstemninga', createdAt: '2026-01-02T10:00:00.000Z', state: state(2) };
    const earlier = { id: 'v1', boardId: 'b1', name: 'Før pausen æøå', createdAt: '2026-01-02T09:00:00.000Z', state: state(1) };
    const other = { id: 'v3', boardId: 'b2', name: 'Anden tavle', createdAt: '2026-01-01T00:00:00.000Z', state: state(3) };
    for (const v of [later, earlier, other]) await s.versions.save(v);
    expect(await s.versions.list('b1')).toEqual([earlier, later]);
    expect(await s.versions.get('v2')).toEqual(later);
    expect(await s.versions.get('nope')).toBeNull();
    expect(await s.versions.list('nope')).toEqual([]);
    await s.versions.deleteForBoard('b1');
    expect(await s.versions.list('b1')).toEqual([]);
    expect(await s.versions.list('b2')).toEqual([other]);
  });
}
