import { z } from 'zod';
import { COLOR_NAMES, type ColorName } from './colors.js';

/** Largest coordinate we accept; keeps arithmetic finite and rejects garbage such as 1e308. */
export const MAX_COORD = 1_000_000;
/** Largest width or height of one element. */
export const MAX_SIZE = 100_000;
/** Longest text of one element, in UTF-16 code units. */
export const MAX_TEXT_LENGTH = 10_000;

export const elementIdSchema = z.string().regex(/^[0-9a-zA-Z_-]{1,64}$/);
export const coordSchema = z.number().finite().min(-MAX_COORD).max(MAX_COORD);
export const sizeSchema = z.number().finite().positive().max(MAX_SIZE);
export const colorSchema = z.enum(COLOR_NAMES as [ColorName, ...ColorName[]]);
/** A fractional index (see zorder.ts): printable ASCII, compared by code unit. */
export const zIndexSchema = z.string().regex(/^[0-9A-Za-z]{1,128}$/);
export const textSchema = z.string().max(MAX_TEXT_LENGTH);

/** Fields every element has. */
export const baseFields = {
  id: elementIdSchema,
  /** Z-order: a fractional index, so that reordering one element never rewrites the others. */
  index: zIndexSchema,
  /** The frame that holds this element, or null. A frame carries what it holds when it is moved. */
  frameId: elementIdSchema.nullable(),
};

/** Fields of every element that occupies an axis-aligned box (all but connectors). */
export const boxFields = {
  ...baseFields,
  /** Left edge, in board units. */
  x: coordSchema,
  /** Top edge, in board units. */
  y: coordSchema,
  width: sizeSchema,
  height: sizeSchema,
};
