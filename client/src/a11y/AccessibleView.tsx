import { ProjectCardDialog } from '../ui/ProjectCardDialog.js';
import { useCallback, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTE_COLORS, type ColorName } from '@sammen/shared';
import { redo, undo } from '../editor/commands.js';
import type { Editor } from '../editor/Editor.js';
import { useAnnounce } from '../workshop/Announcer.js';
import { HandsAndReactions } from '../workshop/ui/HandsAndReactions.js';
import { OpinionList } from '../workshop/opinion/OpinionList.js';
import { useOpinionActions } from '../workshop/opinion/useOpinionActions.js';
import { RoleList } from '../workshop/role/RoleList.js';
import { RoleResultPanel } from '../workshop/role/RoleResultPanel.js';
import { useRoleActions } from '../workshop/role/useRoleActions.js';
import type { WorkshopBoard } from '../workshop/WorkshopLayer.js';
import { moveTargets, type ViewSection } from './boardModel.js';
import { addNote, deleteOne, moveToFrame, setText } from './commands.js';
import { ItemRow, shortLabel, type ItemActions } from './ItemRow.js';
import { useBoardViewModel, useEditorVersion } from './useBoardViewModel.js';
import './a11y.css';

/**
 * The board without the canvas: frames as headings, their notes as lists, and a button or a field
 * for everything a participant does with a pointer (add, edit, delete, move to a frame or cluster,
 * vote, raise a hand). Live: it re-renders from the same element store as the canvas, and every
 * change goes through the same Editor (LOCAL_ORIGIN, undoable) and its policy, so locks, private
 * mode and observers' read-only apply here exactly as they do on the canvas.
 */
export function AccessibleView({ ws, board, headingId }: { ws: WorkshopBoard; board: Editor; headingId: string }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const view = ws.api?.view ?? null;
  const privateEditor = ws.privateNotes?.editor ?? null;
  // New notes, undo and redo go where the canvas sends them: the private editor while brainstorming.
  const active = privateEditor ?? board;
  const canVote = ws.role !== 'observer' && view?.vote?.status === 'open';
  const model = useBoardViewModel(board, view, canVote);
  useEditorVersion(privateEditor);
  const untitled = t('board.untitledFrame');
  const frameTitle = useCallback(
    (s: ViewSection): string => {
      if (s.id === null) return t('a11y.view.loose');
      const title = s.title || untitled;
      if (s.variant === 'cluster') return t('a11y.view.cluster', { title });
      if (s.variant === 'parking-lot') return t('a11y.view.parkingLot', { title });
      return title;
    },
    [t, untitled],
  );
  const titleOf = (frameId: string | null): string => frameTitle(model.sections.find((s) => s.id === frameId) ?? { id: null, title: '', variant: 'frame', lock: null, canAdd: false, items: [] });

  const headingRef = useRef<HTMLHeadingElement>(null);
  const [formId, setFormId] = useState<string | null>(null);
  const refused = (): void => announce(t('a11y.announce.refused'));
  const actionsFor = (editor: Editor): ItemActions => ({
    save: (id, text) => {
      const ok = setText(editor, id, text);
      announce(ok ? t('a11y.announce.saved') : t('a11y.announce.refused'));
      return ok;
    },
    remove: (id) => {
      const text = editor.store.get(id);
      if (!deleteOne(editor, id)) return refused();
      announce(t('a11y.announce.deleted', { note: shortLabel(text && 'text' in text ? text.text : '', t('board.emptyNote')) }));
      headingRef.current?.focus();
    },
    move: (id, frameId) => (moveToFrame(editor, id, frameId) ? announce(t('a11y.announce.moved', { frame: titleOf(frameId) })) : refused()),
    placeDot: (id) => void ws.voteActions.place(id).then((ok) => ok && announce(t('a11y.announce.dotPlaced'))),
    takeBackDot: (id) => void ws.voteActions.remove(id).then((ok) => ok && announce(t('a11y.announce.dotTakenBack'))),
    openForm: (id) => setFormId(id),
  });
  const formCard = formId ? board.store.get(formId) : undefined;
  const boardActions = actionsFor(board);
  const opinionActions = useOpinionActions(ws.api);
  const round = view?.opinion?.status === 'open' && ws.role !== 'observer' ? view.opinion : null;
  const roleRound = view?.roleRound ?? null;
  const roleActions = useRoleActions(ws.api, roleRound);

  const addTargets = model.sections.filter((s) => (privateEditor ? s.id === null || privateEditor.canPlaceIn(s.id) : s.canAdd));
  const privateNotes = privateEditor ? [...privateEditor.store.all()].filter((e) => e.type === 'note') : [];
  const privateTargets = useMemo(() => model.sections.filter((s) => s.id !== null && (privateEditor?.canPlaceIn(s.id) ?? false)), [model, privateEditor]);

  return (
    <section className="a11y-view" aria-labelledby={headingId} data-testid="accessible-view">
      <div className="a11y-view-head">
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          {t('a11y.view.title')}
        </h2>
        <p className="a11y-summary">
          {t('a11y.view.summary', { frames: t('a11y.view.frames', { count: model.frameCount }), notes: t('a11y.view.notes', { count: model.noteCount }) })}
        </p>
        {!active.getPolicy().readOnly && (
          <div className="a11y-buttons">
            <button type="button" onClick={() => undo(active)}>
              {t('tool.undo')}
            </button>
            <button type="button" onClick={() => redo(active)}>
              {t('tool.redo')}
            </button>
          </div>
        )}
      </div>
      {ws.api && view && <HandsAndReactions api={ws.api} view={view} />}
      {round && <OpinionList round={round} actions={opinionActions} />}
      {roleRound?.status === 'open' && ws.role === 'participant' && <RoleList round={roleRound} actions={roleActions} headingLevel={3} />}
      {roleRound?.status === 'revealed' && roleRound.result && <RoleResultPanel result={roleRound.result} inline />}
      {addTargets.length > 0 && (
        <AddNoteForm
          targets={addTargets}
          frameTitle={frameTitle}
          privateMode={!!privateEditor}
          defaultFrame={view?.agenda.steps[view.agenda.current]?.frameId ?? null}
          onAdd={(frameId, text, color) => {
            const id = addNote(active, frameId, text, color, privateEditor ? board.store.all() : []);
            announce(id ? t(privateEditor ? 'a11y.announce.addedPrivate' : 'a11y.announce.added', { frame: titleOf(frameId) }) : t('a11y.announce.refused'));
            return !!id;
          }}
        />
      )}
      {privateEditor && (
        <section className="a11y-section" aria-labelledby={`${headingId}-private`}>
          <h3 id={`${headingId}-private`}>{t('a11y.view.privateHeading')}</h3>
          <p className="a11y-note">{t('workshop.banner.private')}</p>
          {privateNotes.length === 0 ? (
            <p>{t('a11y.view.noPrivate')}</p>
          ) : (
            <ul className="a11y-list">
              {privateNotes.map((el) => (
                <ItemRow
                  key={el.id}
                  item={{ id: el.id, kind: 'note', text: 'text' in el ? el.text : '', color: el.type === 'note' ? el.color : null, editable: privateEditor.canEdit(el.id), vote: null, result: null }}
                  frameTitle={frameTitle}
                  targets={privateTargets.filter((s) => s.id !== el.frameId)}
                  actions={actionsFor(privateEditor)}
                  untitled={untitled}
                />
              ))}
            </ul>
          )}
        </section>
      )}
      {formCard?.type === 'project' && <ProjectCardDialog editor={board} card={formCard} onClose={() => setFormId(null)} />}
      {model.sections.map((s) => (
        <section key={s.id ?? 'loose'} className="a11y-section" aria-labelledby={`${headingId}-${s.id ?? 'loose'}`} data-testid="a11y-section">
          <h3 id={`${headingId}-${s.id ?? 'loose'}`}>{frameTitle(s)}</h3>
          {s.lock && <p className="a11y-note">{s.lock === 'contents' ? t('workshop.lock.frameAndContents') : t('workshop.lock.frame')}</p>}
          {s.items.length === 0 ? (
            <p className="a11y-empty">{t('a11y.view.emptyFrame')}</p>
          ) : (
            <ul className="a11y-list">
              {s.items.map((item) => (
                <ItemRow
                  key={item.id}
                  item={item}
                  frameTitle={frameTitle}
                  targets={moveTargets(model, s.id)}
                  actions={boardActions}
                  untitled={untitled}
                />
              ))}
            </ul>
          )}
        </section>
      ))}
    </section>
  );
}

function AddNoteForm({
  targets,
  frameTitle,
  privateMode,
  defaultFrame,
  onAdd,
}: {
  targets: readonly ViewSection[];
  frameTitle: (s: ViewSection) => string;
  privateMode: boolean;
  defaultFrame: string | null;
  onAdd(frameId: string | null, text: string, color: ColorName): boolean;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [where, setWhere] = useState<string | null>(null);
  const [color, setColor] = useState<ColorName>('yellow');
  const id = useId();
  const fallback = targets.find((s) => s.id === defaultFrame) ?? targets[0];
  const chosen = targets.find((s) => (s.id ?? '') === where) ?? fallback;
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (!text.trim()) return;
    if (onAdd(chosen?.id ?? null, text.trim(), color)) setText('');
  };
  return (
    <form className="a11y-add" onSubmit={submit} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('a11y.add.heading')}</h3>
      {privateMode && <p className="a11y-note">{t('a11y.add.private')}</p>}
      <label htmlFor={`${id}-text`}>{t('a11y.add.text')}</label>
      <textarea id={`${id}-text`} value={text} rows={3} maxLength={10_000} onChange={(e) => setText(e.target.value)} />
      <div className="a11y-add-row">
        <span>
          <label htmlFor={`${id}-where`}>{t('a11y.add.where')}</label>
          <select id={`${id}-where`} value={chosen?.id ?? ''} onChange={(e) => setWhere(e.target.value)}>
            {targets.map((s) => (
              <option key={s.id ?? ''} value={s.id ?? ''}>
                {frameTitle(s)}
              </option>
            ))}
          </select>
        </span>
        <span>
          <label htmlFor={`${id}-color`}>{t('color.label')}</label>
          <select id={`${id}-color`} value={color} onChange={(e) => setColor(e.target.value as ColorName)}>
            {NOTE_COLORS.map((c) => (
              <option key={c} value={c}>
                {t(`color.${c}`)}
              </option>
            ))}
          </select>
        </span>
        <button type="submit" className="primary">
          {t('a11y.add.submit')}
        </button>
      </div>
    </form>
  );
}
