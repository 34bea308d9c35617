import fs from 'node:fs';
import path from 'node:path';
import {
  type Language,
  type Template,
  type TemplateSummary,
  completeLanguages,
  insertElement,
  instantiateTemplate,
  parseTemplate,
  randomId,
} from '@sammen/shared';
import { hashToken } from '../workshops/tokens.js';
import type { InstantiatedTemplate, TemplateSource } from './TemplateSource.js';
import type { TemplateStore } from './types.js';

export type TemplateResult<T> = { ok: true; value: T } | { ok: false; status: 400 | 403 | 404; message: string };

/** Reads and validates the built-in templates; a broken built-in stops the server at startup. */
export function loadBuiltInTemplates(dir: string): Template[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const parsed = parseTemplate(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
      if (!parsed.ok) throw new Error(`built-in template ${file} is invalid: ${parsed.message}`);
      return parsed.value;
    });
}

/**
 * Parses an uploaded template file of any known version (older ones are migrated); the error names
 * the field that is wrong and where.
 */
export function parseTemplateFile(data: unknown): TemplateResult<Template> {
  if (typeof data !== 'object' || data === null) return { ok: false, status: 400, message: '(root): expected a JSON object' };
  const parsed = parseTemplate(data);
  if (!parsed.ok) return { ok: false, status: 400, message: parsed.message };
  return { ok: true, value: parsed.value };
}

/**
 * Built-in templates (read-only, from the repository) and saved ones (from the store). Saved templates
 * belong to whoever holds the owner key they were saved with: the facilitator's browser keeps it.
 */
export class TemplateLibrary implements TemplateSource {
  private readonly builtIns: Map<string, Template>;

  constructor(
    builtIns: Template[],
    private readonly store: TemplateStore,
  ) {
    this.builtIns = new Map(builtIns.map((t) => [t.id, t]));
  }

  async list(ownerKey: string | undefined): Promise<Array<TemplateSummary & { own: boolean }>> {
    const ownerHash = ownerKey ? hashToken(ownerKey) : null;
    const summary = (t: Template, builtIn: boolean, own: boolean) => ({
      id: t.id, builtIn, own, title: t.title, description: t.description, durationMinutes: t.durationMinutes,
      groupSize: t.groupSize, audience: t.audience ?? [], languages: completeLanguages(t),
    });
    const saved = await this.store.list();
    return [
      ...[...this.builtIns.values()].map((t) => summary(t, true, false)),
      ...saved.map((r) => summary(r.template, false, r.ownerKeyHash === ownerHash)),
    ];
  }

  async get(id: string): Promise<Template | null> {
    return this.builtIns.get(id) ?? (await this.store.get(id))?.template ?? null;
  }

  async instantiate(id: string, language: Language): Promise<InstantiatedTemplate | null> {
    const template = await this.get(id);
    if (!template) return null;
    const { elements, agenda } = instantiateTemplate(template, language);
    return { agenda, build: (doc) => doc.transact(() => elements.forEach((el) => insertElement(doc, el))) };
  }

  /** Saves a template under a new id (an imported file's id is replaced, so ids never clash). */
  async save(template: Template, ownerKey: string): Promise<Template> {
    const id = `t-${randomId(12)}`;
    const now = new Date().toISOString();
    const stored = { ...template, id };
    await this.store.save({ id, ownerKeyHash: hashToken(ownerKey), template: stored, createdAt: now, updatedAt: now });
    return stored;
  }

  async rename(id: string, ownerKey: string, title: string): Promise<TemplateResult<Template>> {
    const owned = await this.owned(id, ownerKey);
    if (!owned.ok) return owned;
    const lang = (Object.keys(owned.value.title)[0] ?? 'en') as Language;
    const template = { ...owned.value, title: { ...owned.value.title, [lang]: title } };
    await this.store.update(id, template);
    return { ok: true, value: template };
  }

  async delete(id: string, ownerKey: string): Promise<TemplateResult<null>> {
    const owned = await this.owned(id, ownerKey);
    if (!owned.ok) return owned;
    await this.store.delete(id);
    return { ok: true, value: null };
  }

  private async owned(id: string, ownerKey: string): Promise<TemplateResult<Template>> {
    if (this.builtIns.has(id)) return { ok: false, status: 403, message: 'Built-in templates cannot be changed' };
    const record = await this.store.get(id);
    if (!record) return { ok: false, status: 404, message: 'There is no template with this id.' };
    if (record.ownerKeyHash !== hashToken(ownerKey)) return { ok: false, status: 403, message: 'This is not your template' };
    return { ok: true, value: record.template };
  }
}
