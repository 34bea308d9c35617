import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Element, VoteView } from '@sammen/shared';
import type { Editor } from '../../editor/Editor.js';
import type { ElementStore } from '../../editor/elementStore.js';
import { NOTE_PADDING } from '../../board/theme.js';
import { FRAME_TITLE_PX } from '../../geometry/elements.js';
import { visibleWorldBox, worldToScreen, type Viewport } from '../../geometry/viewport.js';
import { canPlaceDot, myDotsOn, type ShownResults } from '../votes.js';
import type { VoteActions } from './useVoteActions.js';
import { noteLabel } from './VoteBar.js';
import { WIcon } from './workshopIcons.js';

function useVersion(store: ElementStore): number {
  return useSyncExternalStore(
    (fn) => store.subscribe(fn),
    () => store.version,
  );
}

interface Props {
  /** The board's editor (locks, votes and results are about board elements). */
  board: Editor;
  /** The private notes editor while brainstorming privately. */
  privateEditor: Editor | null;
  viewport: Viewport;
  lockedFrames: ReadonlyArray<{ frameId: string; contents: boolean }>;
  /** The open vote, when this person may vote. */
  vote: VoteView | null;
  results: ShownResults | null;
  actions: VoteActions | null;
  /**
   * The phone layout: people vote from the bottom bar's list (big buttons), so notes only show one's
   * own dots; buttons on notes a finger's width would cover the notes' neighbours.
   */
  phone?: boolean;
}

/**
 * HTML drawn over the canvas, positioned from board coordinates: lock labels on locked frames,
 * vote buttons and one's own dots on notes in an open vote, vote counts after the reveal, and the
 * "private" label on one's private notes. Only what is on screen is drawn. Everything is icon plus
 * text (or number), never colour alone; only the vote buttons take pointer input.
 */
export function BoardOverlays({ board, privateEditor, viewport, lockedFrames, vote, results, actions, phone = false }: Props) {
  const { t } = useTranslation();
  useVersion(board.store);
  const emptyNote = t('board.emptyNote');
  const visible = visibleWorldBox(viewport, board.size);
  const onScreen = board.store.query(visible);
  const byId = new Map(onScreen.map((e) => [e.id, e] as const));
  const at = (el: { x: number; y: number }) => worldToScreen(viewport, el);
  const boxStyle = (el: Element & { x: number; y: number; width: number; height: number }) => {
    const p = at(el);
    return { left: p.x, top: p.y, width: el.width * viewport.scale, height: el.height * viewport.scale };
  };

  const locks = lockedFrames.flatMap(({ frameId, contents }) => {
    const frame = byId.get(frameId);
    if (!frame || frame.type !== 'frame') return [];
    const p = at(frame);
    return [
      <div key={`lock-${frameId}`} className="frame-lock" style={{ left: p.x + frame.width * viewport.scale, top: p.y - FRAME_TITLE_PX }} data-testid="frame-lock">
        <WIcon name="lock" size={16} /> {contents ? t('workshop.lock.frameAndContents') : t('workshop.lock.frame')}
      </div>,
    ];
  });

  const voteMarks =
    vote && actions
      ? vote.elementIds.flatMap((id) => {
          const el = byId.get(id);
          if (!el || el.type === 'arrow' || el.type === 'frame') return [];
          const mine = myDotsOn(vote, id);
          const label = noteLabel(board, id, emptyNote);
          const style = boxStyle(el);
          // On a note too small on screen for icon and word, the icon alone (the name says it all).
          const compact = style.width < 120;
          // The buttons sit on the note's top corners, reaching in no further than its padding, so
          // they never cover its text; near the right edge of the screen the two swap corners.
          const pad = Math.min(NOTE_PADDING * viewport.scale, style.width / 2);
          const flip = style.left + style.width + (compact ? 36 : 96) > board.size.width;
          const right = { left: style.width - pad, top: pad, transform: 'translateY(-100%)' };
          const left = { left: pad, top: pad, transform: 'translate(-100%, -100%)' };
          return [
            <div key={`vote-${id}`} className={compact ? 'vote-mark vote-compact' : 'vote-mark'} style={style}>
              {mine > 0 && phone && (
                <span className="my-dots-button my-dots-badge" style={flip ? right : left} aria-hidden="true" data-testid="my-dots-badge">
                  <WIcon name="dot" size={14} /> {mine}
                </span>
              )}
              {mine > 0 && !phone && (
                <button
                  type="button"
                  style={flip ? right : left}
                  className="my-dots-button"
                  aria-label={t('workshop.vote.takeBackFrom', { note: label })}
                  title={t('workshop.vote.takeBack')}
                  onClick={() => void actions.remove(id)}
                >
                  <WIcon name="dot" size={14} />
                  <span aria-hidden="true">{mine}</span>
                  <span className="visually-hidden">{t('workshop.vote.myDots', { count: mine })}</span>
                </button>
              )}
              {!phone && (
                <button
                  type="button"
                  className="vote-button"
                  style={flip ? left : right}
                  aria-label={t('workshop.vote.placeOn', { note: label })}
                  aria-disabled={!canPlaceDot(vote, id)}
                  onClick={() => void actions.place(id)}
                  data-testid={`vote-${id}`}
                >
                  <WIcon name="plusDot" size={18} /> <span className={compact ? 'visually-hidden' : 'vote-button-text'}>{t('workshop.vote.place')}</span>
                </button>
              )}
            </div>,
          ];
        })
      : [];

  const badges = results
    ? results.results.flatMap(({ elementId, count, rank }) => {
        const el = byId.get(elementId);
        if (!el || el.type === 'arrow') return [];
        const p = at(el);
        const pad = Math.min(NOTE_PADDING * viewport.scale, (el.width * viewport.scale) / 2);
        return [
          <div
            key={`result-${elementId}`}
            className={`result-badge${rank <= 3 ? ' result-top' : ''}`}
            // On the top-right corner, into the note no further than its padding: never over its text.
            style={{ left: p.x + el.width * viewport.scale - pad, top: p.y + pad }}
            aria-hidden="true"
            data-testid="result-badge"
          >
            <WIcon name="dot" size={14} /> {count}
          </div>,
        ];
      })
    : [];

  return (
    <div className="workshop-overlays">
      {locks}
      {badges}
      {privateEditor && <PrivateMarks editor={privateEditor} viewport={viewport} />}
      {voteMarks}
    </div>
  );
}

/** "Private — only you see this" on each of one's private notes. */
function PrivateMarks({ editor, viewport }: { editor: Editor; viewport: Viewport }) {
  const { t } = useTranslation();
  useVersion(editor.store);
  const label = t('workshop.private.marker');
  const notes = editor.store.query(visibleWorldBox(viewport, editor.size)).filter((e) => e.type === 'note');
  return (
    <>
      {notes.map((el) => {
        const p = worldToScreen(viewport, el);
        return (
          // As wide as the note, or up to 240 px where the screen has room (cut with an ellipsis).
          <div key={el.id} className="private-mark" style={{ left: p.x, top: p.y, maxWidth: Math.max(el.width * viewport.scale, Math.min(240, editor.size.width - p.x - 8)) }} data-testid="private-mark">
            <WIcon name="eyeOff" size={14} /> {label}
          </div>
        );
      })}
    </>
  );
}
