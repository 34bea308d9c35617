import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Frame } from '@sammen/shared';
import type { Editor } from '../../editor/Editor.js';
import { groupNoteIds, notesInFrame, selectedFrame } from '../../editor/clusterCommands.js';
import { ApiError } from '../../ui/api.js';
import { dropSuggestion, fetchSuggestions, mergeSuggestions, pruneSuggestions, renameSuggestion, type Suggestion } from './suggestedGroups.js';
import { useSelection, useStoreVersion } from './useBoardFrames.js';
import './suggestGroups.css';

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; notes: number } | { kind: 'error'; message: string };

/**
 * "Suggest groups": the server proposes groups of a frame's notes with similar wording; the facilitator
 * renames, merges, drops or accepts each. Accepting makes an ordinary cluster with the same command as
 * grouping by hand (one Ctrl+Z undoes it; the report lists it like any cluster). Hovering or focusing a
 * suggestion selects its notes, so the board shows which notes it means.
 */
export function SuggestGroupsSection({ editor, workshopId, token, frames, stepFrameId }: { editor: Editor; workshopId: string; token: string; frames: Frame[]; stepFrameId: string | null }) {
  const { t } = useTranslation();
  const id = useId();
  useSelection(editor);
  const version = useStoreVersion(editor);
  const workFrames = frames.filter((f) => f.variant !== 'cluster' && f.variant !== 'parking-lot');
  const selected = selectedFrame(editor);
  const preferred = (selected && workFrames.some((f) => f.id === selected.id) ? selected.id : null) ?? stepFrameId ?? workFrames[0]?.id ?? '';
  const [frameId, setFrameId] = useState(preferred);
  const [list, setList] = useState<Suggestion[]>([]);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [announcement, setAnnouncement] = useState('');

  // Follow the frame the facilitator selects on the board, while no suggestions are on the table.
  useEffect(() => {
    if (!list.length && preferred && preferred !== frameId) setFrameId(preferred);
  }, [preferred, list.length, frameId]);

  // Notes that were accepted, moved out of the frame or deleted leave the suggestions.
  const visible = useMemo(
    () => (version >= 0 ? pruneSuggestions(list, (noteId) => editor.store.get(noteId)?.frameId === frameId) : list),
    [list, version, editor, frameId],
  );
  const noteCount = frameId && version >= 0 ? notesInFrame(editor, frameId).length : 0;
  const title = (f: Frame) => f.title.trim() || t('board.untitledFrame');

  const suggest = async () => {
    if (!frameId) return;
    setStatus({ kind: 'busy' });
    setAnnouncement('');
    try {
      const result = await fetchSuggestions(workshopId, token, frameId);
      setList(result.suggestions);
      setChosen(new Set());
      setStatus({ kind: 'done', notes: result.notes });
    } catch (e) {
      setStatus({ kind: 'error', message: e instanceof ApiError && e.status ? e.message : t('facilitator.errors.network') });
    }
  };
  const accept = (s: Suggestion) => {
    const label = s.label.trim() || t('facilitator.cluster.defaultLabel');
    if (groupNoteIds(editor, s.noteIds, label)) setAnnouncement(t('facilitator.suggest.accepted', { label }));
    setList((l) => dropSuggestion(l, s.key));
  };
  const merge = () => {
    setList((l) => mergeSuggestions(l, chosen));
    setChosen(new Set());
  };
  const toggleChosen = (key: string) =>
    setChosen((c) => {
      const next = new Set(c);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const textOf = (noteId: string) => {
    const el = editor.store.get(noteId);
    return el?.type === 'note' ? el.text : '';
  };
  const chosenCount = visible.filter((s) => chosen.has(s.key)).length;

  return (
    <div className="fac-suggest">
      <p className="fac-meta">{t('facilitator.suggest.intro')}</p>
      {workFrames.length === 0 ? (
        <p className="fac-meta">{t('facilitator.suggest.noFrame')}</p>
      ) : (
        <div className="fac-row">
          <label htmlFor={`${id}-frame`}>{t('facilitator.suggest.frame')}</label>
          <select
            id={`${id}-frame`}
            value={frameId}
            onChange={(e) => {
              setFrameId(e.target.value);
              setList([]);
              setStatus({ kind: 'idle' });
            }}
          >
            {workFrames.map((f) => (
              <option key={f.id} value={f.id}>
                {title(f)}
              </option>
            ))}
          </select>
        </div>
      )}
      <button type="button" className="primary" data-testid="suggest-groups" disabled={!frameId || noteCount < 2 || status.kind === 'busy'} onClick={() => void suggest()}>
        {status.kind === 'busy' ? t('facilitator.suggest.running') : t('facilitator.suggest.run')}
      </button>
      <p role="status" className={status.kind === 'error' ? 'error' : 'fac-meta'}>
        {status.kind === 'error'
          ? t('facilitator.suggest.error', { message: status.message })
          : status.kind === 'done'
            ? visible.length
              ? t('facilitator.suggest.found', { count: visible.length, notes: status.notes })
              : t('facilitator.suggest.none')
            : ''}{' '}
        {announcement}
      </p>
      {visible.length > 0 && (
        <>
          <ul className="suggest-list" aria-label={t('facilitator.suggest.listLabel')}>
            {visible.map((s) => (
              <li
                key={s.key}
                className="suggest-item"
                data-testid="suggestion"
                onPointerEnter={() => editor.select(s.noteIds)}
                onFocus={() => editor.select(s.noteIds)}
              >
                <label className="visually-hidden" htmlFor={`${id}-${s.key}-label`}>
                  {t('facilitator.suggest.label')}
                </label>
                <input
                  id={`${id}-${s.key}-label`}
                  className="suggest-label"
                  value={s.label}
                  maxLength={200}
                  data-testid="suggestion-label"
                  onChange={(e) => setList((l) => renameSuggestion(l, s.key, e.target.value))}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') accept(s);
                  }}
                />
                <p className="fac-meta">{t('facilitator.suggest.notes', { count: s.noteIds.length })}</p>
                <ul className="suggest-notes">
                  {s.noteIds.map((n) => (
                    <li key={n}>{textOf(n)}</li>
                  ))}
                </ul>
                <div className="suggest-actions">
                  <label className="fac-check">
                    <input type="checkbox" checked={chosen.has(s.key)} onChange={() => toggleChosen(s.key)} />
                    {t('facilitator.suggest.choose')}
                  </label>
                  <button type="button" onClick={() => setList((l) => dropSuggestion(l, s.key))} aria-label={t('facilitator.suggest.dropNamed', { label: s.label })}>
                    {t('facilitator.suggest.drop')}
                  </button>
                  <button type="button" className="primary" data-testid="suggestion-accept" onClick={() => accept(s)} aria-label={t('facilitator.suggest.acceptNamed', { label: s.label })}>
                    {t('facilitator.suggest.accept')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
          <button type="button" disabled={chosenCount < 2} onClick={merge}>
            {t('facilitator.suggest.merge', { count: chosenCount })}
          </button>
        </>
      )}
    </div>
  );
}
