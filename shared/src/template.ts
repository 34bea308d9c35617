import { z } from 'zod';
import { actionCardSchema } from './schema/ActionCard.js';
import { connectorSchema } from './schema/Connector.js';
import { frameSchema } from './schema/Frame.js';
import { shapeSchema } from './schema/Shape.js';
import { stickyNoteSchema } from './schema/StickyNote.js';
import { textBoxSchema } from './schema/TextBox.js';
import type { Element } from './schema/element.js';
import { type AgendaStep, type Language, LANGUAGES, agendaStepSchema } from './workshop.js';

/**
 * Workshop templates are data: a versioned JSON document, validated here, that holds a board's
 * elements and an agenda, with every person-readable string in each language. Built-in templates
 * carry all four languages; a template saved from a board may carry only the board's language.
 */
export const TEMPLATE_FORMAT = 'sammen-template';
export const TEMPLATE_VERSION = 1;

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
]);
export type TemplateElement = z.infer<typeof templateElementSchema>;

export const templateStepSchema = agendaStepSchema
  .omit({ title: true, instructions: true, promise: true })
  .extend({ title: localizedSchema, instructions: localizedSchema, promise: localizedSchema });
export type TemplateStep = z.infer<typeof templateStepSchema>;

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

/** The board elements and agenda of a template in one language. */
export function instantiateTemplate(template: Template, language: Language): { elements: Element[]; agenda: AgendaStep[] } {
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
    }
  });
  const agenda = template.agenda.map((step) => ({
    ...step,
    title: localize(step.title, language),
    instructions: localize(step.instructions, language),
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
      }
    }),
    agenda: input.agenda.map((s) => ({ ...s, title: l(s.title), instructions: l(s.instructions), promise: l(s.promise) })),
  };
}

/** The languages a template is complete in (every string present and non-empty). */
export function completeLanguages(template: Template): Language[] {
  const strings: Localized[] = [template.title, template.description];
  for (const el of template.elements) {
    if (el.type === 'frame') strings.push(el.title);
    else if (el.type !== 'arrow' && el.type !== 'action') strings.push(el.text);
  }
  for (const s of template.agenda) strings.push(s.title, s.instructions, s.promise);
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
  languages: Language[];
}
