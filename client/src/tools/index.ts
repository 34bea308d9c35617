import { createArrowTool } from './arrow.js';
import { createFrameTool } from './frame.js';
import { createHandTool } from './hand.js';
import { createNoteTool } from './note.js';
import { createEllipseTool, createRectTool } from './shape.js';
import { createSelectTool } from './select.js';
import { createTextTool } from './text.js';
import type { Tool, ToolId } from './types.js';

/** One instance of every tool for one board page (tools keep gesture state between events). */
export function createTools(): Record<ToolId, Tool> {
  return {
    select: createSelectTool(),
    hand: createHandTool(),
    note: createNoteTool(),
    text: createTextTool(),
    rect: createRectTool(),
    ellipse: createEllipseTool(),
    arrow: createArrowTool(),
    frame: createFrameTool(),
  };
}
