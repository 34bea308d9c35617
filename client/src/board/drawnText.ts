import Konva from 'konva';

/** One piece of text on the canvas as the current view draws it (for end-to-end tests). */
export interface DrawnText {
  /** The element the text belongs to. */
  id: string;
  /** A frame's title, or the text of an element. */
  kind: 'frameTitle' | 'text';
  /** On-screen font size in CSS px (for a stand-in: the size the text would have had). */
  screenPx: number;
  /** Drawn as quiet lines instead of letters (level of detail). */
  standIn: boolean;
  /** What is drawn (letters only; '' for stand-ins) and whether it was cut short with an ellipsis. */
  drawn: string;
  cut: boolean;
  /** Where it is drawn, in CSS px relative to the canvas: the ink of a text, the lines of a stand-in. */
  box: { x: number; y: number; width: number; height: number };
}

interface TextLine {
  text: string;
  width: number;
}

const intersects = (b: DrawnText['box'], w: number, h: number): boolean => b.x < w && b.x + b.width > 0 && b.y < h && b.y + b.height > 0;

/** The element id a Konva node stands for: `text-…`, `title-…`, `action-<field>-…` or the element's own `el-…`. */
function ownerId(node: Konva.Node): string | null {
  const id = node.id();
  const m = /^(?:text|title|el)-(.+)$/.exec(id) ?? /^action-[a-z]+-(.+)$/i.exec(id);
  if (m) return m[1]!;
  for (let p = node.getParent(); p; p = p.getParent()) {
    const pm = /^el-(.+)$/.exec(p.id());
    if (pm) return pm[1]!;
  }
  return null;
}

/**
 * Every text the stage draws in view, with its on-screen size, whether it is a level-of-detail
 * stand-in, what it shows and where. Walks the Konva scene (what is really drawn), plus the list a
 * batched shape keeps of the notes it draws as stand-ins.
 */
export function drawnText(stage: Konva.Stage): DrawnText[] {
  const out: DrawnText[] = [];
  const w = stage.width();
  const h = stage.height();
  const stageScale = stage.scaleX();
  for (const layer of stage.getLayers()) {
    if (!layer.isVisible()) continue;
    for (const node of layer.find((n: Konva.Node) => n instanceof Konva.Text || n.name() === 'standin' || n.name() === 'batched')) {
      if (!node.isVisible()) continue;
      if (node.getParent()?.getClassName() === 'Transformer') continue;
      if (node.name() === 'batched') {
        const list = node.getAttr('batchedTexts') as Array<{ id: string; x: number; y: number; width: number; height: number; fontSize: number }>;
        for (const t of list) {
          const box = { x: t.x * stageScale + stage.x(), y: t.y * stageScale + stage.y(), width: t.width * stageScale, height: t.height * stageScale };
          if (!intersects(box, w, h)) continue;
          out.push({ id: t.id, kind: 'text', screenPx: t.fontSize * stageScale, standIn: true, drawn: '', cut: false, box });
        }
        continue;
      }
      const abs = node.getAbsoluteTransform().getMatrix();
      const scale = Math.hypot(abs[0]!, abs[1]!);
      const x = abs[4]!;
      const y = abs[5]!;
      if (node.name() === 'standin') {
        const id = node.getAttr('standInFor') as string;
        const rect = node.getClientRect({ skipStroke: true });
        const box = { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
        if (!intersects(box, w, h)) continue;
        const kind = node.getAttr('standInKind') === 'frameTitle' ? 'frameTitle' : 'text';
        out.push({ id, kind, screenPx: (node.getAttr('standInFontSize') as number) * scale, standIn: true, drawn: '', cut: node.getAttr('standInCut') === true, box });
        continue;
      }
      const text = node as Konva.Text;
      const id = ownerId(text);
      if (!id) continue;
      const lines = (text as unknown as { textArr: TextLine[] }).textArr;
      const drawn = lines.map((l) => l.text).join('\n');
      const inkWidth = Math.max(0, ...lines.map((l) => l.width)) * scale;
      const align = text.align();
      const boxWidth = text.width() * scale;
      const inkX = x + text.padding() * scale + (align === 'center' ? (boxWidth - 2 * text.padding() * scale - inkWidth) / 2 : align === 'right' ? boxWidth - inkWidth : 0);
      const box = { x: inkX, y, width: inkWidth, height: text.height() * scale };
      if (!intersects(box, w, h)) continue;
      const squash = (s: string): string => s.replace(/\s+/g, '');
      out.push({
        id,
        kind: text.name() === 'frame-title' ? 'frameTitle' : 'text',
        screenPx: text.fontSize() * scale,
        standIn: false,
        drawn,
        cut: squash(drawn) !== squash(text.text()),
        box,
      });
    }
  }
  return out;
}

/** The stage drawn in the board canvas of this page (not an export's offscreen stage). */
export function boardStage(): Konva.Stage | null {
  return Konva.stages.find((s) => !!s.container().closest('[data-testid=board-canvas]')) ?? null;
}
