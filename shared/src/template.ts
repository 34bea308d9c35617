import { z } from 'zod';
import { actionCardSchema } from './schema/ActionCard.js';
import { projectCardSchema } from './schema/ProjectCard.js';
import { connectorSchema } from './schema/Connector.js';
import { frameSchema } from './schema/Frame.js';
import { shapeSchema } from './schema/Shape.js';
import { stickyNoteSchema } from './schema/StickyNote.js';
import { textBoxSchema } from './schema/TextBox.js';
import { type Element, formatZodError } from './schema/element.js';
import { type DataMigrationResult, type JsonRecord, type MigrationSequence, currentVersion, migrateRecord } from './dataMigrations.js';
import { type AgendaStep, type Language, LANGUAGES, agendaStepSchema } from './workshop.js';

/**
 * Workshop templates are data: a versioned JSON document, validated here, that holds a board's
 * elements and an agenda, with every person-readable string in each language. Built-in templates
 * carry all four languages; a template saved from a board may carry only the board's language.
 */
export const TEMPLATE_FORMAT = 'sammen-template';

const isObject = (v: unknown): v is JsonRecord => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Template file versions. Append at the end only; each `up` is pure.
 * - 2: an agenda step's `instructions` split into `participantText` (what citizens see) and
 *   `facilitatorNotes` (the script). Version 1 showed its instructions to everyone, and most were
 *   written as the facilitator's script, so they become the notes; the participant text starts empty
 *   (participants then see the step's title and promise) rather than guessing which sentences were
 *   meant for citizens: nothing of the script leaks by accident.
 */
export const templateMigrations: MigrationSequence = {
  id: 'com.sammen.template',
  versionKey: 'version',
  migrations: [
    {
      id: 'com.sammen.template/2_participant_text',
      to: 2,
      up: (t) => ({
        ...t,
        agenda: Array.isArray(t.agenda)
          ? t.agenda.map((step: unknown) => {
              if (!isObject(step)) return step;
              const { instructions, ...rest } = step;
              // Same languages as the notes, each empty: a localized string needs at least one key.
              // Damaged instructions are carried over as they are, so validation names the field.
              const empty = isObject(instructions) ? Object.fromEntries(Object.keys(instructions).map((l) => [l, ''])) : { en: '' };
              return { ...rest, participantText: empty, facilitatorNotes: instructions };
            })
          : t.agenda,
      }),
    },
  ],
};
export const TEMPLATE_VERSION = currentVersion(templateMigrations);

/** A template file or stored template of any known version, brought up to TEMPLATE_VERSION (not yet validated). */
export const migrateTemplate = (data: unknown): DataMigrationResult => migrateRecord(templateMigrations, data);

/** A string per language. At least one; built-ins have all (checked by their test). */
export const localizedSchema = z
  .object({ da: z.string().max(10_000), nb: z.string().max(10_000), nn: z.string().max(10_000), en: z.string().max(10_000) })
  .partial()
  .refine((l) => Object.values(l).some((v) => v !== undefined), { message: 'needs at least one language' });
export type Localized = z.infer<typeof localizedSchema>;

/** Picks the language asked for, then English, Danish, Bokmål, Nynorsk: never an empty hole. */
export function localize(text: Localized, language: Language): string {
  const order: Language[] = [language, 'en', 'da', 'nb', 'nn'];
  for (const l of order) {
    const value = text[l];
    if (value !== undefined) return value;
  }
  return '';
}

// Template elements: the board element kinds with their person-readable strings localized.
const templateNoteSchema = stickyNoteSchema.omit({ text: true, author: true }).extend({ text: localizedSchema });
const templateTextSchema = textBoxSchema.omit({ text: true }).extend({ text: localizedSchema });
const templateShapeSchema = shapeSchema.omit({ text: true }).extend({ text: localizedSchema });
const templateFrameSchema = frameSchema.omit({ title: true }).extend({ title: localizedSchema });
export const templateElementSchema = z.discriminatedUnion('type', [
  templateNoteSchema,
  templateTextSchema,
  templateShapeSchema,
  templateFrameSchema,
  connectorSchema,
  actionCardSchema,
  projectCardSchema,
]);
export type TemplateElement = z.infer<typeof templateElementSchema>;

export const templateStepSchema = agendaStepSchema
  .omit({ title: true, participantText: true, facilitatorNotes: true, promise: true })
  .extend({ title: localizedSchema, participantText: localizedSchema, facilitatorNotes: localizedSchema, promise: localizedSchema });
export type TemplateStep = z.infer<typeof templateStepSchema>;

/** Who a template is made for, for the gallery's filter. */
export const AUDIENCES = ['citizens', 'politicians', 'staff'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const templateSchema = z
  .object({
    format: z.literal(TEMPLATE_FORMAT),
    version: z.literal(TEMPLATE_VERSION),
    id: z.string().regex(/^[a-z0-9-]{1,60}$/),
    title: localizedSchema,
    description: localizedSchema,
    /** Expected length of the workshop in minutes. */
    durationMinutes: z.number().int().min(5).max(24 * 60),
    groupSize: z.object({ min: z.number().int().min(1), max: z.number().int().min(1).max(10_000) }),
    /** Who it is for (built-ins say; a template saved from a board may not). */
    audience: z.array(z.enum(AUDIENCES)).max(AUDIENCES.length).optional(),
    elements: z.array(templateElementSchema).max(5000),
    agenda: z.array(templateStepSchema).max(50),
  })
  .superRefine((t, ctx) => {
    const ids = new Set<string>();
    t.elements.forEach((el, i) => {
      if (ids.has(el.id)) ctx.addIssue({ code: 'custom', path: ['elements', i, 'id'], message: `duplicate element id "${el.id}"` });
      ids.add(el.id);
    });
    const frames = new Set(t.elements.filter((e) => e.type === 'frame').map((e) => e.id));
    t.elements.forEach((el, i) => {
      if (el.frameId !== null && !frames.has(el.frameId)) {
        ctx.addIssue({ code: 'custom', path: ['elements', i, 'frameId'], message: `no frame "${el.frameId}"` });
      }
      if (el.type === 'arrow') {
        for (const end of ['start', 'end'] as const) {
          const e = el[end];
          if (e.kind === 'element' && !ids.has(e.elementId)) {
            ctx.addIssue({ code: 'custom', path: ['elements', i, end, 'elementId'], message: `no element "${e.elementId}"` });
          }
        }
      }
    });
    t.agenda.forEach((step, i) => {
      if (step.frameId !== null && !frames.has(step.frameId)) {
        ctx.addIssue({ code: 'custom', path: ['agenda', i, 'frameId'], message: `no frame "${step.frameId}"` });
      }
    });
    if (t.groupSize.min > t.groupSize.max) ctx.addIssue({ code: 'custom', path: ['groupSize'], message: 'min is larger than max' });
  });
export type Template = z.infer<typeof templateSchema>;

/**
 * A template from outside (a built-in file, an upload, a stored row): migrated to the current
 * version, then validated. The error says which migration or which field is wrong.
 */
export function parseTemplate(data: unknown): { ok: true; value: Template } | { ok: false; message: string } {
  const migrated = migrateTemplate(data);
  if (!migrated.ok) return { ok: false, message: migrated.detail };
  const parsed = templateSchema.safeParse(migrated.value);
  if (!parsed.success) return { ok: false, message: formatZodError(parsed.error) };
  return { ok: true, value: parsed.data };
}

/** The board elements and agenda of a template in one language. */
export function instantiateTemplate(template: Template, language: Language, now: number = Date.now()): { elements: Element[]; agenda: AgendaStep[] } {
  const elements = template.elements.map((el): Element => {
    switch (el.type) {
      case 'note':
      case 'text':
      case 'shape':
        return { ...el, text: localize(el.text, language) } as Element;
      case 'frame':
        return { ...el, title: localize(el.title, language) };
      case 'arrow':
      case 'action':
        return el;
      case 'project':
        // A template's card is made when the workshop is (its own createdAt is 0).
        return { ...el, createdAt: el.createdAt || now };
    }
  });
  const agenda = template.agenda.map((step) => ({
    ...step,
    title: localize(step.title, language),
    participantText: localize(step.participantText, language),
    facilitatorNotes: localize(step.facilitatorNotes, language),
    promise: localize(step.promise, language),
  }));
  return { elements, agenda };
}

/** A template made from a board and its agenda, in the board's language only. */
export function templateFromBoard(input: {
  id: string;
  title: string;
  description: string;
  language: Language;
  durationMinutes: number;
  groupSize: { min: number; max: number };
  elements: Element[];
  agenda: AgendaStep[];
}): Template {
  const l = (text: string): Localized => ({ [input.language]: text });
  return {
    format: TEMPLATE_FORMAT,
    version: TEMPLATE_VERSION,
    id: input.id,
    title: l(input.title),
    description: l(input.description),
    durationMinutes: input.durationMinutes,
    groupSize: input.groupSize,
    elements: input.elements.map((el): TemplateElement => {
      switch (el.type) {
        case 'note': {
          const { author: _author, ...rest } = el;
          return { ...rest, text: l(el.text) };
        }
        case 'text':
        case 'shape':
          return { ...el, text: l(el.text) };
        case 'frame':
          return { ...el, title: l(el.title) };
        case 'arrow':
        case 'action':
          return el;
        case 'project':
          return { ...el, createdAt: 0, learnings: [] };
      }
    }),
    agenda: input.agenda.map((s) => ({
      ...s,
      title: l(s.title),
      participantText: l(s.participantText),
      facilitatorNotes: l(s.facilitatorNotes),
      promise: l(s.promise),
    })),
  };
}

/** The languages a template is complete in (every string present and non-empty). */
export function completeLanguages(template: Template): Language[] {
  const strings: Localized[] = [template.title, template.description];
  for (const el of template.elements) {
    if (el.type === 'frame') strings.push(el.title);
    else if (el.type !== 'arrow' && el.type !== 'action' && el.type !== 'project') strings.push(el.text);
  }
  for (const s of template.agenda) strings.push(s.title, s.participantText, s.facilitatorNotes, s.promise);
  return LANGUAGES.filter((lang) => strings.every((s) => s[lang] !== undefined));
}

/** `GET /api/templates` entries. */
export interface TemplateSummary {
  id: string;
  builtIn: boolean;
  title: Localized;
  description: Localized;
  durationMinutes: number;
  groupSize: { min: number; max: number };
  /** Empty when the template does not say. */
  audience: Audience[];
  languages: Language[];
}
