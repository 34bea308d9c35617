import { frameDefaults } from '@sammen/shared';
import { createFrame } from '../editor/commands.js';
import { createBoxDrawTool } from './boxDraw.js';
import type { Tool } from './types.js';

/** Frame tool (F): drag out a titled area; loose elements it encloses join it. */
export const createFrameTool = (): Tool => createBoxDrawTool('frame', 'frame', frameDefaults, createFrame);
