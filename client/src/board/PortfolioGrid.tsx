import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { Group, Line, Rect, Text } from 'react-konva';
import { PORTFOLIO, portfolioLayout, type Frame } from '@sammen/shared';
import { areaLabel } from '../ui/projectLabels.js';
import { PortfolioCardsContext } from './projectContext.js';
import { PHASE_COLORS } from './ProjectCardNode.js';
import { FONT_FAMILY, FRAME_STROKE, FRAME_TITLE_COLOR, MIN_READABLE_TEXT_PX } from './theme.js';

const HEADING = 36;
const AREA = 32;
/** Widest bold glyph run per character, in ems (DejaVu/Liberation Sans bold average ≈ 0.62). */
const BOLD_EM_PER_CHAR = 0.66;

/**
 * The area label's font size: AREA, or smaller so that its longest word fits the column on one line
 * (Konva breaks a word wider than the box between letters: "Environmen|t").
 */
function areaFontSize(label: string, width: number): number {
  const longest = Math.max(1, ...label.split(/\s+/).map((word) => word.length));
  return Math.max(12, Math.min(AREA, Math.floor(width / (longest * BOLD_EM_PER_CHAR))));
}

/**
 * The portfolio's grid inside its frame: the phases as column headings (in their band colours), the
 * areas down the left, lines between the cells. Positions come from the same pure layout that places
 * the cards (`portfolioLayout`), so the grid and the cards always agree.
 */
export function PortfolioGrid({ el, scale }: { el: Frame; scale: number }) {
  const { t } = useTranslation();
  const cards = useContext(PortfolioCardsContext)(el.id);
  const layout = portfolioLayout(el, cards);
  const ox = el.x;
  const oy = el.y;
  const headingY = PORTFOLIO.header - HEADING - 36;
  const readable = AREA * scale >= MIN_READABLE_TEXT_PX;
  return (
    <Group listening={false}>
      {layout.columns.map((c) => (
        <Group key={c.phase}>
          <Rect x={c.x - ox + 12} y={headingY - 8} width={c.width - 24} height={HEADING + 16} fill={PHASE_COLORS[c.phase]} cornerRadius={6} perfectDrawEnabled={false} />
          {readable && (
            <Text
              x={c.x - ox + 12}
              y={headingY - 8}
              width={c.width - 24}
              height={HEADING + 16}
              align="center"
              verticalAlign="middle"
              text={`${t(`projects.phase.${c.phase}`)} (${cards.filter((card) => card.phase === c.phase).length})`}
              fontSize={HEADING}
              fontStyle="bold"
              fontFamily={FONT_FAMILY}
              fill="#ffffff"
              wrap="none"
              ellipsis
              perfectDrawEnabled={false}
            />
          )}
          <Line points={[c.x - ox, PORTFOLIO.header - 16, c.x - ox, layout.frame.height]} stroke={FRAME_STROKE} strokeWidth={1} strokeScaleEnabled={false} perfectDrawEnabled={false} />
        </Group>
      ))}
      {layout.rows.map((r, i) => (
        <Group key={`${r.area}-${i}`}>
          <Line points={[0, r.y - oy, layout.frame.width, r.y - oy]} stroke={FRAME_STROKE} strokeWidth={1} strokeScaleEnabled={false} perfectDrawEnabled={false} />
          {readable && (
            <Text
              x={16}
              y={r.y - oy + 16}
              width={PORTFOLIO.areaColumn - 32}
              height={r.height - 32}
              text={areaLabel(t, r.area)}
              fontSize={areaFontSize(areaLabel(t, r.area), PORTFOLIO.areaColumn - 32)}
              fontStyle="bold"
              fontFamily={FONT_FAMILY}
              fill={FRAME_TITLE_COLOR}
              wrap="word"
              ellipsis
              perfectDrawEnabled={false}
            />
          )}
        </Group>
      ))}
    </Group>
  );
}
