import { useTranslation } from 'react-i18next';
import { Circle, Group, Rect, Text } from 'react-konva';
import { CYCLE_TURNS, PROJECT_EFFECTS, type ProjectCard } from '@sammen/shared';
import { areaLabel } from '../ui/projectLabels.js';
import { StandIn } from './StandIn.js';
import { fitBoxText } from './textMeasure.js';
import { FONT_FAMILY, LINE_HEIGHT, MIN_READABLE_TEXT_PX } from './theme.js';

/** Each phase's band colour (with white text, ≥ 4.5:1): amber, blue and green as a traffic light going forward. */
export const PHASE_COLORS = { mobilise: '#9a3412', consolidate: '#1d4ed8', realise: '#15803d' } as const;
const INK = '#1f2430';
const MUTED = '#4b5263';
const PAD = 12;
const BAND = 32;
const DETAIL_PX = 12;

/**
 * A project card on the canvas, compact: a band in the phase's colour with the phase and the method
 * cycle's position (four dots, the current one filled, and the round), the title, area and owner,
 * and the four expected effects marked or not. Zoomed out until the details would be specks, only the
 * band and the title remain, the title fitted to the whole card so it stays readable longer; below
 * that, stand-in lines. Draws only; the card is edited in `ui/ProjectCardDialog.tsx`.
 */
export function ProjectCardNode({ el, scale, hideText, dimmed }: { el: ProjectCard; scale: number; hideText: boolean; dimmed: boolean }) {
  const { t } = useTranslation();
  const title = el.title || t('projects.untitled');
  const details = !hideText && DETAIL_PX * scale >= MIN_READABLE_TEXT_PX;
  const bodyY = BAND + 6;
  const body = { x: PAD, y: bodyY, width: el.width - 2 * PAD, height: el.height - bodyY - PAD };
  const bigTitle = fitBoxText(title, body.width, body.height, 0, 64, 10);
  const titleBox = { x: PAD, y: bodyY, width: el.width - 2 * PAD, height: 50 };
  const titleFit = fitBoxText(title, titleBox.width, titleBox.height, 0, 20, 12);
  const cycleIndex = CYCLE_TURNS.indexOf(el.cycle);
  const band = PHASE_COLORS[el.phase];
  const meta = [el.area ? areaLabel(t, el.area) : t('projects.noArea'), el.owner || t('projects.noOwner')].join(' · ');
  return (
    <Group x={el.x} y={el.y} id={`el-${el.id}`} cull={[el.x, el.y, el.width, el.height]} opacity={dimmed ? 0.25 : 1}>
      <Rect width={el.width} height={el.height} fill="#ffffff" stroke="#3d4350" strokeWidth={1.5} strokeScaleEnabled={false} cornerRadius={6} perfectDrawEnabled={false} />
      <Rect width={el.width} height={BAND} fill={band} cornerRadius={[6, 6, 0, 0]} perfectDrawEnabled={false} />
      {CYCLE_TURNS.map((turn, i) => (
        <Circle
          key={turn}
          x={el.width - PAD - 5 - (CYCLE_TURNS.length - 1 - i) * 15}
          y={BAND / 2}
          radius={5}
          fill={i === cycleIndex ? '#ffffff' : undefined}
          stroke="#ffffff"
          strokeWidth={1.5}
          perfectDrawEnabled={false}
        />
      ))}
      {details && (
        <>
          <Text
            id={`project-phase-${el.id}`}
            x={PAD}
            width={el.width - 2 * PAD - 4 * 15 - 8}
            height={BAND}
            text={t(`projects.phase.${el.phase}`)}
            fontSize={14}
            fontStyle="bold"
            fontFamily={FONT_FAMILY}
            fill="#ffffff"
            verticalAlign="middle"
            wrap="none"
            ellipsis
            perfectDrawEnabled={false}
          />
          <Text
            id={`text-${el.id}`}
            {...titleBox}
            text={title}
            fontSize={titleFit.fontSize}
            fontStyle={el.title ? 'bold' : 'italic'}
            fontFamily={FONT_FAMILY}
            lineHeight={LINE_HEIGHT}
            fill={INK}
            wrap="word"
            ellipsis
            perfectDrawEnabled={false}
          />
          <Text x={PAD} y={bodyY + 54} width={el.width - 2 * PAD} height={18} text={meta} fontSize={13} fontFamily={FONT_FAMILY} fill={MUTED} wrap="none" ellipsis perfectDrawEnabled={false} />
          {PROJECT_EFFECTS.map((effect, i) => {
            const on = el.effects.includes(effect);
            const x = PAD + (i % 2) * ((el.width - 2 * PAD) / 2);
            const y = bodyY + 80 + Math.floor(i / 2) * 20;
            return (
              <Group key={effect} x={x} y={y}>
                <Rect width={12} height={12} y={1} cornerRadius={2} fill={on ? INK : '#ffffff'} stroke={on ? INK : '#8a90a0'} strokeWidth={1} perfectDrawEnabled={false} />
                <Text
                  x={17}
                  width={(el.width - 2 * PAD) / 2 - 20}
                  text={t(`projects.effectShort.${effect}`)}
                  fontSize={12}
                  fontStyle={on ? 'bold' : 'normal'}
                  fontFamily={FONT_FAMILY}
                  fill={on ? INK : MUTED}
                  wrap="none"
                  ellipsis
                  perfectDrawEnabled={false}
                />
              </Group>
            );
          })}
          <Text
            x={PAD}
            y={el.height - PAD - 15}
            width={el.width - 2 * PAD}
            text={`${t(`projects.cycle.${el.cycle}`)} · ${t('projects.round', { n: el.round })}`}
            fontSize={12}
            fontFamily={FONT_FAMILY}
            fill={MUTED}
            wrap="none"
            ellipsis
            perfectDrawEnabled={false}
          />
        </>
      )}
      {!hideText && !details && bigTitle.fontSize * scale >= MIN_READABLE_TEXT_PX && (
        <Text id={`text-${el.id}`} {...body} text={title} fontSize={bigTitle.fontSize} fontStyle="bold" fontFamily={FONT_FAMILY} lineHeight={LINE_HEIGHT} fill={INK} wrap="word" ellipsis verticalAlign="middle" perfectDrawEnabled={false} />
      )}
      {!hideText && !details && bigTitle.fontSize * scale < MIN_READABLE_TEXT_PX && (
        <StandIn elementId={el.id} x={body.x} y={body.y} width={body.width} height={body.height} padding={0} lines={2} fontSize={bigTitle.fontSize} />
      )}
    </Group>
  );
}
