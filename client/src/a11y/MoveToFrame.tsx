import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '../editor/Editor.js';
import { useAnnounce } from '../workshop/Announcer.js';
import { moveToFrame } from './commands.js';

/**
 * "Move to frame…" for the selection on the canvas: the alternative to dragging a note into a frame or
 * a cluster (WCAG 2.5.7). Lists the frames this person may add to, by title.
 */
export function MoveToFrame({ editor, ids }: { editor: Editor; ids: readonly string[] }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const id = useId();
  const [target, setTarget] = useState('');
  const current = new Set(ids.map((i) => editor.store.get(i)?.frameId ?? null));
  const frames = editor.frames().filter((f) => editor.canPlaceIn(f.id) && !(current.size === 1 && current.has(f.id)) && !ids.includes(f.id));
  if (!frames.length) return null;
  const chosen = frames.find((f) => f.id === target) ?? frames[0]!;
  return (
    <span className="move-to-frame">
      <label htmlFor={id} className="visually-hidden">
        {t('a11y.canvas.moveTo')}
      </label>
      <select id={id} value={chosen.id} onChange={(e) => setTarget(e.target.value)} title={t('a11y.canvas.moveTo')}>
        {frames.map((f) => (
          <option key={f.id} value={f.id}>
            {f.title || t('board.untitledFrame')}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="tool-button text-button"
        onClick={() => {
          const moved = ids.filter((i) => moveToFrame(editor, i, chosen.id)).length;
          if (moved) announce(t('a11y.announce.moved', { frame: chosen.title || t('board.untitledFrame') }));
        }}
      >
        {t('a11y.item.move')}
      </button>
    </span>
  );
}
