import { areaLabel } from '../ui/projectLabels.js';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COLORS } from '@sammen/shared';
import type { ViewItem, ViewSection } from './boardModel.js';

export interface ItemActions {
  save(id: string, text: string): boolean;
  remove(id: string): void;
  move(id: string, frameId: string): void;
  placeDot(id: string): void;
  takeBackDot(id: string): void;
  /** Opens a project card's form (its fields do not fit the one-text editor). */
  openForm(id: string): void;
}

/** The first line of a text, shortened, for button names ("Delete “Bus to the…”"). */
export function shortLabel(text: string, empty: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  if (!line) return empty;
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}

/**
 * One note (or other thing) of the accessible view: its text, colour, dots and results as text, and
 * the buttons for everything the canvas does with a pointer. Buttons are named after the note, so a
 * screen reader's list of buttons says which note each one is for.
 */
export function ItemRow({
  item,
  frameTitle,
  targets,
  actions,
  untitled,
}: {
  item: ViewItem;
  frameTitle: (section: ViewSection) => string;
  targets: readonly ViewSection[];
  actions: ItemActions;
  untitled: string;
}) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(item.text);
  const [target, setTarget] = useState('');
  const editRef = useRef<HTMLButtonElement>(null);
  const textId = useId();
  const moveId = useId();
  const label = shortLabel(item.text, t('board.emptyNote'));
  // Kinds added later (action cards) may not have a word yet; the raw kind beats a missing-key string.
  const kind = i18n.exists(`kind.${item.kind}`) ? t(`kind.${item.kind}`) : item.kind;
  const chosen = targets.find((s) => s.id === target) ?? targets[0];

  return (
    <li className="a11y-item" data-id={item.id} data-testid="a11y-item">
      <p className="a11y-item-text">
        <span className="visually-hidden">{kind}: </span>
        {item.text.trim() ? item.text : <em>{t('board.emptyNote')}</em>}
      </p>
      <p className="a11y-item-meta">
        {item.color && (
          <span>
            <span className="a11y-swatch" style={{ background: COLORS[item.color].fill }} aria-hidden="true" /> {t('a11y.item.color', { color: t(`color.${item.color}`) })}
          </span>
        )}
        {item.vote && item.vote.mine > 0 && <span>{t('workshop.vote.myDots', { count: item.vote.mine })}</span>}
        {item.result && (
          <span data-testid="a11y-result">
            {t('a11y.item.result', { rank: item.result.rank, dots: t('workshop.results.dots', { count: item.result.count }) })}
          </span>
        )}
        {item.project && (
          <span data-testid="a11y-project">
            {[t(`projects.phase.${item.project.phase}`), item.project.area ? areaLabel(t, item.project.area) : t('projects.noArea'), item.project.owner || t('projects.noOwner')].join(' · ')}
          </span>
        )}
        {!item.editable && <span>{t('a11y.item.readOnly')}</span>}
      </p>
      {editing ? (
        <form
          className="a11y-edit"
          onSubmit={(e) => {
            e.preventDefault();
            if (actions.save(item.id, draft)) {
              setEditing(false);
              requestAnimationFrame(() => editRef.current?.focus());
            }
          }}
        >
          <label htmlFor={textId}>{t('a11y.item.textLabel')}</label>
          <textarea id={textId} value={draft} rows={3} maxLength={10_000} onChange={(e) => setDraft(e.target.value)} autoFocus />
          <div className="a11y-buttons">
            <button type="submit" className="primary">
              {t('a11y.item.save')}
            </button>
            <button
              type="button"
              onClick={() => {
                setEditing(false);
                requestAnimationFrame(() => editRef.current?.focus());
              }}
            >
              {t('a11y.item.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="a11y-buttons">
          {item.vote && (
            <button type="button" aria-disabled={!item.vote.canPlace} onClick={() => item.vote?.canPlace && actions.placeDot(item.id)}>
              {t('workshop.vote.place')}
              <span className="visually-hidden">: {label}</span>
            </button>
          )}
          {item.vote && item.vote.mine > 0 && (
            <button type="button" onClick={() => actions.takeBackDot(item.id)}>
              {t('workshop.vote.takeBack')}
              <span className="visually-hidden">: {label}</span>
            </button>
          )}
          {item.editable && (
            <>
              <button
                ref={editRef}
                type="button"
                onClick={() => {
                  if (item.project) return actions.openForm(item.id);
                  setDraft(item.text);
                  setEditing(true);
                }}
              >
                {t('a11y.item.edit')}
                <span className="visually-hidden">: {label}</span>
              </button>
              <button type="button" onClick={() => actions.remove(item.id)}>
                {t('a11y.item.delete')}
                <span className="visually-hidden">: {label}</span>
              </button>
            </>
          )}
          {item.editable && targets.length > 0 && (
            <span className="a11y-move">
              <label htmlFor={moveId}>
                {t('a11y.item.moveTo')}
                <span className="visually-hidden"> ({label})</span>
              </label>
              <select id={moveId} value={chosen?.id ?? ''} onChange={(e) => setTarget(e.target.value)}>
                {targets.map((s) => (
                  <option key={s.id} value={s.id ?? ''}>
                    {frameTitle(s) || untitled}
                  </option>
                ))}
              </select>
              <button type="button" onClick={() => chosen?.id && actions.move(item.id, chosen.id)}>
                {t('a11y.item.move')}
                <span className="visually-hidden">: {label}</span>
              </button>
            </span>
          )}
        </div>
      )}
    </li>
  );
}
