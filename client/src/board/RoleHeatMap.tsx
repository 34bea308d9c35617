import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Group, Layer, Rect, Text } from 'react-konva';
import { ROLE_SCALES, type RoleResult, getRoleResults, observeRoleResults } from '@sammen/shared';
import type { Editor } from '../editor/Editor.js';
import { heatShare, placeRoleHeat, roleGridRows, type RoleGridRow } from '../geometry/roleHeatLayout.js';
import { FONT_FAMILY, FRAME_STROKE, FRAME_TITLE_COLOR, MIN_READABLE_TEXT_PX } from './theme.js';

/** The template's marker colours, as in the role panel (`role.css`): Today orange, Goal green. */
const HEAT_RGB = { today: '232, 89, 12', goal: '43, 138, 62' } as const;
const COUNT_PX = 56;
const HEADING_PX = 36;

/** The newest revealed role result on the board (the server writes it into `roleResults` at the reveal). */
function useLatestRoleResult(editor: Editor): RoleResult | null {
  const [result, setResult] = useState<RoleResult | null>(() => getRoleResults(editor.doc).at(-1) ?? null);
  useEffect(() => {
    const read = () => setResult(getRoleResults(editor.doc).at(-1) ?? null);
    read();
    return observeRoleResults(editor.doc, read);
  }, [editor]);
  return result;
}

/** Each frame that holds the Kommune grid's rows (`row-N-label` shapes), with those rows. */
function kommuneGrids(editor: Editor): Array<{ frameId: string; rows: RoleGridRow[] }> {
  const byFrame = new Map<string, Array<{ id: string; y: number; height: number }>>();
  for (const el of editor.store.all()) {
    if (!el.frameId || !/row-\d+-label$/.test(el.id) || !('height' in el)) continue;
    const list = byFrame.get(el.frameId) ?? [];
    list.push({ id: el.id, y: el.y, height: el.height });
    byFrame.set(el.frameId, list);
  }
  return [...byFrame].map(([frameId, children]) => ({ frameId, rows: roleGridRows(children, ROLE_SCALES.kommune.rows.length) })).filter((g) => g.rows.length > 0);
}

/**
 * After the reveal, a read-only heat map just right of the Kommune 1.0/2.0/3.0 grid (left, where
 * another frame is in the way): per row how many
 * Today and Goal markers are on 1.0, 2.0 and 3.0 (darker = more, the panel's colours) and the gap.
 * Counts only, from `roleResults`. Text too small to read is left out; the shaded cells remain.
 */
export function RoleHeatMap({ editor, version, scale }: { editor: Editor; version: number; scale: number }) {
  const { t, i18n } = useTranslation();
  const result = useLatestRoleResult(editor);
  // `version` changes whenever the store does.
  const grids = useMemo(() => (result ? kommuneGrids(editor) : []), [editor, version, result]);
  if (!result) return null;
  const rows = result.scales.find((s) => s.scale === 'kommune')?.rows ?? [];
  const number = new Intl.NumberFormat(i18n.resolvedLanguage, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const countsReadable = COUNT_PX * scale >= MIN_READABLE_TEXT_PX;
  const headingsReadable = HEADING_PX * scale >= MIN_READABLE_TEXT_PX;
  const label = (id: string, box: { x: number; y: number; width: number; height: number }, text: string, fontSize: number, fill = FRAME_TITLE_COLOR, bold = true) => (
    <Text id={id} key={id} {...box} text={text} fontSize={fontSize} fontStyle={bold ? 'bold' : 'normal'} fontFamily={FONT_FAMILY} fill={fill} align="center" verticalAlign="middle" wrap="none" ellipsis perfectDrawEnabled={false} />
  );
  return (
    <Layer listening={false}>
      {grids.map(({ frameId, rows: gridRows }) => {
        const frame = editor.store.get(frameId);
        if (!frame || frame.type !== 'frame') return null;
        const others = editor.store.frames().filter((f) => f.id !== frameId);
        const layout = placeRoleHeat(frame, gridRows, others, ROLE_SCALES.kommune.columns);
        if (!layout) return null;
        const b = layout.bounds;
        return (
          <Group key={frameId} listening={false} cull={[b.x, b.y, b.width, b.height]}>
            {headingsReadable && layout.groups.map((g) => label(`text-roleheat-${frameId}-${g.kind}`, g, t(`role.${g.kind}`), HEADING_PX))}
            {headingsReadable && layout.columns.map((c) => label(`text-roleheat-${frameId}-${c.kind}-${c.column}`, c, t(`role.columns.kommune.${c.column}`), HEADING_PX, FRAME_TITLE_COLOR, false))}
            {headingsReadable && label(`text-roleheat-${frameId}-gap`, layout.gapHeading, t('role.gap'), HEADING_PX)}
            {layout.rows.map((r) => {
              const res = rows.find((x) => x.row === ROLE_SCALES.kommune.rows[r.index]);
              if (!res) return null;
              const totals = { today: (res.counts.today ?? []).reduce((a, n) => a + n, 0), goal: (res.counts.goal ?? []).reduce((a, n) => a + n, 0) };
              return (
                <Group key={r.index}>
                  {r.cells.map((c) => {
                    const count = res.counts[c.kind]?.[c.column] ?? 0;
                    const share = heatShare(count, totals[c.kind]);
                    return (
                      <Group key={`${c.kind}${c.column}`}>
                        <Rect {...c} fill={`rgba(${HEAT_RGB[c.kind]}, ${(share * 0.85).toFixed(3)})`} stroke={FRAME_STROKE} strokeWidth={1} strokeScaleEnabled={false} perfectDrawEnabled={false} />
                        {countsReadable && label(`text-roleheat-${frameId}-${res.row}-${c.kind}-${c.column}`, c, String(count), COUNT_PX, share > 0.5 ? '#ffffff' : FRAME_TITLE_COLOR)}
                      </Group>
                    );
                  })}
                  {countsReadable && label(`text-roleheat-${frameId}-${res.row}-gap`, r.gap, res.gap === null ? '–' : number.format(res.gap), COUNT_PX)}
                </Group>
              );
            })}
          </Group>
        );
      })}
    </Layer>
  );
}
