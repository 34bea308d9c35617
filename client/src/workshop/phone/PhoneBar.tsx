import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MessagesSquare, Plus, StickyNote as NoteIcon } from 'lucide-react';
import { updateElement, type ColorName, type StickyNote } from '@sammen/shared';
import type { Editor } from '../../editor/Editor.js';
import { setText } from '../../a11y/commands.js';
import { useAnnounce } from '../Announcer.js';
import { dotsLeft } from '../votes.js';
import type { WorkshopBoard } from '../WorkshopLayer.js';
import { HandsAndReactions } from '../ui/HandsAndReactions.js';
import { WIcon } from '../ui/workshopIcons.js';
import { MyNotesSheet, myNotes } from './MyNotesSheet.js';
import { NoteComposer } from './NoteComposer.js';
import { addPhoneNote, loadMine, rememberMine } from './phoneNotes.js';
import { seedOf } from './notePlacement.js';
import { VoteSheet } from './VoteSheet.js';
import { OpinionSheet } from '../opinion/OpinionSheet.js';
import { markedCount } from '../opinion/opinionCards.js';
import { useOpinionActions } from '../opinion/useOpinionActions.js';
import './phone.css';

type Sheet = { kind: 'compose' } | { kind: 'edit'; editor: Editor; note: StickyNote } | { kind: 'mine' } | { kind: 'vote' } | { kind: 'opinion' } | null;

/**
 * The participant's bottom bar on a phone, within reach of the thumb: a big "New note", one's own
 * notes, the open vote with the dots left, the hand and reactions. Each opens a sheet above the bar.
 */
export function PhoneBar({ ws, boardId }: { ws: WorkshopBoard; boardId: string }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [sheet, setSheet] = useState<Sheet>(null);
  const [mine, setMine] = useState<string[] | null>(null);
  const close = useCallback(() => setSheet(null), []);
  const { api, boardEditor } = ws;
  const view = api?.view ?? null;
  const memberId = view?.me.memberId ?? null;
  // A vote that opens brings up its list (one tap to vote, as in Mentimeter), unless a sheet is open.
  const openVoteId = view?.vote?.status === 'open' && view.me.role === 'participant' ? view.vote.id : null;
  const shownVote = useRef<string | null>(null);
  useEffect(() => {
    if (!openVoteId || shownVote.current === openVoteId) return;
    shownVote.current = openVoteId;
    setSheet((open) => open ?? { kind: 'vote' });
  }, [openVoteId]);
  // An opinion round that opens brings up its first card the same way.
  const openRoundId = view?.opinion?.status === 'open' && view.me.role === 'participant' ? view.opinion.id : null;
  const shownRound = useRef<string | null>(null);
  useEffect(() => {
    if (!openRoundId || shownRound.current === openRoundId) return;
    shownRound.current = openRoundId;
    setSheet((open) => open ?? { kind: 'opinion' });
  }, [openRoundId]);
  const opinionActions = useOpinionActions(api);
  if (!api || !view || !boardEditor || !memberId || view.me.role !== 'participant') return null;
  const remembered = mine ?? loadMine(boardId, memberId);
  const privateEditor = ws.privateNotes?.editor ?? null;
  const step = view.agenda.steps[view.agenda.current] ?? null;
  const vote = view.vote?.status === 'open' ? view.vote : null;
  const round = view.opinion?.status === 'open' ? view.opinion : null;
  const { privateNotes, boardNotes } = myNotes(boardEditor, privateEditor, remembered);
  const myCount = privateNotes.length + boardNotes.length;

  const send = (text: string, color: ColorName): void => {
    if (sheet?.kind === 'edit') {
      const ok = setText(sheet.editor, sheet.note.id, text);
      if (ok && color !== sheet.note.color) sheet.editor.transact(() => updateElement(sheet.editor.doc, sheet.note.id, { color }));
      if (ok) announce(t('workshop.phone.saved'));
      setSheet(null);
      return;
    }
    const editor = privateEditor ?? boardEditor;
    const id = addPhoneNote(editor, {
      text,
      color,
      frameId: step?.frameId ?? null,
      backdrop: privateEditor ? boardEditor.store.all() : [],
      seed: privateEditor ? seedOf(memberId) : 0,
    });
    if (!id) return setSheet(null);
    rememberMine(boardId, memberId, id);
    setMine(loadMine(boardId, memberId));
    announce(privateEditor ? t('workshop.phone.addedPrivate') : t('workshop.phone.added'));
    setSheet(null);
  };

  return (
    <>
      {(sheet?.kind === 'compose' || sheet?.kind === 'edit') && (
        <NoteComposer
          key={sheet.kind === 'edit' ? sheet.note.id : 'new'}
          initial={sheet.kind === 'edit' ? { text: sheet.note.text, color: sheet.note.color } : null}
          private={!!privateEditor}
          onSend={send}
          onClose={close}
        />
      )}
      {sheet?.kind === 'mine' && (
        <MyNotesSheet board={boardEditor} privateEditor={privateEditor} mine={remembered} onEdit={(editor, note) => setSheet({ kind: 'edit', editor, note })} onClose={close} />
      )}
      {sheet?.kind === 'vote' && vote && <VoteSheet vote={vote} editor={boardEditor} actions={ws.voteActions} onClose={close} />}
      {sheet?.kind === 'opinion' && round && <OpinionSheet key={round.id} round={round} actions={opinionActions} onClose={close} />}
      <nav className="phone-bar" aria-label={t('workshop.phone.bar')} data-testid="phone-bar">
        <button type="button" className="primary phone-new-note" onClick={() => setSheet({ kind: 'compose' })} disabled={boardEditor.getPolicy().readOnly && !privateEditor}>
          <Plus size={24} aria-hidden="true" /> {t('workshop.phone.newNote')}
        </button>
        <button type="button" className="phone-bar-button" onClick={() => setSheet({ kind: 'mine' })} aria-label={t('workshop.phone.myNotes', { count: myCount })}>
          <NoteIcon size={20} aria-hidden="true" />
          <span className="phone-bar-label" aria-hidden="true">
            {t('workshop.phone.myNotesShort', { count: myCount })}
          </span>
        </button>
        {vote && (
          <button
            type="button"
            className="phone-bar-button phone-vote-button"
            onClick={() => setSheet({ kind: 'vote' })}
            aria-label={t('workshop.phone.vote', { left: dotsLeft(vote), total: vote.dotsPerPerson })}
            data-testid="phone-vote"
          >
            <WIcon name="dot" size={20} />
            <span className="phone-bar-label" aria-hidden="true">
              {t('workshop.phone.voteShort', { left: dotsLeft(vote), total: vote.dotsPerPerson })}
            </span>
          </button>
        )}
        {round && (
          <button
            type="button"
            className="phone-bar-button phone-opinion-button"
            onClick={() => setSheet({ kind: 'opinion' })}
            aria-label={t('opinion.phoneButtonLabel', { done: markedCount(round), total: round.statements.length })}
            data-testid="phone-opinion"
          >
            <MessagesSquare size={20} aria-hidden="true" />
            <span className="phone-bar-label" aria-hidden="true">
              {t('opinion.phoneButton', { done: markedCount(round), total: round.statements.length })}
            </span>
          </button>
        )}
        <HandsAndReactions api={api} view={view} inBar />
      </nav>
    </>
  );
}
