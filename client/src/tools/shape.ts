import { shapeDefaults } from '@sammen/shared';
import { createShape } from '../editor/commands.js';
import { createBoxDrawTool } from './boxDraw.js';
import type { Tool } from './types.js';

/** Rectangle tool (R). */
export const createRectTool = (): Tool =>
  createBoxDrawTool('rect', 'rect', shapeDefaults, (editor, box) => createShape(editor, 'rect', box));

/** Ellipse tool (O). */
export const createEllipseTool = (): Tool =>
  createBoxDrawTool('ellipse', 'ellipse', shapeDefaults, (editor, box) => createShape(editor, 'ellipse', box));
