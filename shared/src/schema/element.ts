import { z } from 'zod';
import { actionCardSchema, type ActionCard } from './ActionCard.js';
import { connectorSchema, type Connector } from './Connector.js';
import { frameSchema, type Frame } from './Frame.js';
import { projectCardSchema, type ProjectCard } from './ProjectCard.js';
import { shapeSchema, type Shape } from './Shape.js';
import { stickyNoteSchema, type StickyNote } from './StickyNote.js';
import { textBoxSchema, type TextBox } from './TextBox.js';

/** Every element kind, discriminated on `type`. Plain, serialisable data: the document's public face. */
export const elementSchema = z.discriminatedUnion('type', [
  stickyNoteSchema,
  textBoxSchema,
  shapeSchema,
  frameSchema,
  connectorSchema,
  actionCardSchema,
  projectCardSchema,
]);
export type Element = StickyNote | TextBox | Shape | Frame | Connector | ActionCard | ProjectCard;
export type ElementType = Element['type'];
export type BoxElement = Exclude<Element, Connector>;
export type ElementOfType<T extends ElementType> = Extract<Element, { type: T }>;

/** Element kinds whose `text` is a Y.Text in the document (collaboratively editable). */
export const TEXT_TYPES = ['note', 'text', 'shape'] as const satisfies readonly ElementType[];
export type TextElement = Extract<Element, { text: string }>;

export const hasText = (el: Element): el is TextElement => 'text' in el;

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Validates untrusted data as an element; the error names the field that is wrong. */
export function validateElement(data: unknown): ValidationResult<Element> {
  const parsed = elementSchema.safeParse(data);
  if (parsed.success) return { ok: true, value: parsed.data as Element };
  return { ok: false, error: formatZodError(parsed.error) };
}

/** `path.to.field: message` for the first few issues, for error messages people can act on. */
export function formatZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}
