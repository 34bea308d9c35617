import { useTranslation } from 'react-i18next';
import { Group, Line, Rect, Text } from 'react-konva';
import type { ActionCard } from '@sammen/shared';
import { actionCardLayout, whoText, type ActionField } from '../geometry/actionCard.js';
import { StandIn } from './StandIn.js';
import { fitBoxText } from './textMeasure.js';
import { FONT_FAMILY, FRAME_STROKE, LINE_HEIGHT, MIN_READABLE_TEXT_PX, fillOf, textColorOf } from './theme.js';

const LABEL_PX = 13;
const VALUE_MAX_PX = 18;

function valueOf(card: ActionCard, field: ActionField, actor: (a: ActionCard['who'][number]) => string): string {
  if (field === 'who') return whoText(card, actor);
  return card[field];
}

/**
 * An action card on the canvas: What / Who / First step / When in labelled rows, each value fitted to
 * its row like note text, and "from: <cluster>" at the bottom when it was made from a cluster or note.
 * Draws only; the text is edited in `ui/ActionCardDialog.tsx`.
 */
export function ActionCardNode({ el, scale, hideText, source }: { el: ActionCard; scale: number; hideText: boolean; source: string | null }) {
  const { t } = useTranslation();
  const layout = actionCardLayout(el, source !== null);
  const ink = textColorOf(el.color);
  const showText = !hideText && LABEL_PX * scale >= MIN_READABLE_TEXT_PX;
  const actor = (a: ActionCard['who'][number]) => t(`actions.actor.${a}`);
  return (
    <Group x={el.x} y={el.y} id={`el-${el.id}`} cull={[el.x, el.y, el.width, el.height]}>
      <Rect
        width={el.width}
        height={el.height}
        fill={fillOf(el.color)}
        stroke="#3d4350"
        strokeWidth={1.5}
        strokeScaleEnabled={false}
        cornerRadius={6}
        perfectDrawEnabled={false}
      />
      <Rect width={6} height={el.height} fill="#1d4ed8" cornerRadius={[6, 0, 0, 6]} perfectDrawEnabled={false} />
      {layout.rows.slice(1).map(({ field, label }) => (
        <Line
          key={field}
          points={[label.x, label.y, el.width - label.x, label.y]}
          stroke={FRAME_STROKE}
          strokeWidth={1}
          strokeScaleEnabled={false}
          perfectDrawEnabled={false}
        />
      ))}
      {showText &&
        layout.rows.map(({ field, label, value }) => {
          const text = valueOf(el, field, actor);
          const fit = fitBoxText(text, value.width, value.height, 2, VALUE_MAX_PX, 7);
          return (
            <Group key={field}>
              <Text
                {...label}
                text={t(`actions.field.${field}`)}
                fontSize={LABEL_PX}
                fontStyle="bold"
                fontFamily={FONT_FAMILY}
                fill={ink}
                verticalAlign="middle"
                wrap="word"
                ellipsis
                perfectDrawEnabled={false}
              />
              {text && fit.fontSize * scale < MIN_READABLE_TEXT_PX && (
                <StandIn elementId={el.id} x={value.x} y={value.y} width={value.width} height={value.height} padding={2} lines={2} fontSize={fit.fontSize} align="left" />
              )}
              {text && fit.fontSize * scale >= MIN_READABLE_TEXT_PX && (
                <Text
                  id={`action-${field}-${el.id}`}
                  {...value}
                  text={text}
                  padding={2}
                  fontSize={fit.fontSize}
                  fontFamily={FONT_FAMILY}
                  lineHeight={LINE_HEIGHT}
                  fill={ink}
                  verticalAlign="middle"
                  wrap="word"
                  ellipsis
                  perfectDrawEnabled={false}
                />
              )}
            </Group>
          );
        })}
      {showText && 12 * scale >= MIN_READABLE_TEXT_PX && layout.from && source !== null && (
        <Text
          {...layout.from}
          text={t('actions.from', { label: source })}
          fontSize={12}
          fontStyle="italic"
          fontFamily={FONT_FAMILY}
          fill={ink}
          opacity={0.75}
          verticalAlign="middle"
          wrap="none"
          ellipsis
          perfectDrawEnabled={false}
        />
      )}
    </Group>
  );
}
