import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '../editor/Editor.js';
import { groupSelectedNotes } from '../editor/clusterCommands.js';
import './controls.css';

/**
 * "Group": turns the selected notes into a labelled cluster. The label is asked inline (a small
 * field that replaces the button) rather than in a dialog, so the notes stay in view while naming
 * them. Used in the selection's context bar and in the facilitator panel.
 */
export function GroupNotesControl({ editor, count, compact = false }: { editor: Editor; count: number; compact?: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const [asking, setAsking] = useState(false);
  const [label, setLabel] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (asking) inputRef.current?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <button
        type="button"
        className={compact ? 'tool-button text-button' : undefined}
        disabled={count === 0}
        onClick={() => {
          setLabel('');
          setAsking(true);
        }}
      >
        {t('facilitator.cluster.group', { count })}
      </button>
    );
  }
  const submit = () => {
    groupSelectedNotes(editor, label.trim() || t('facilitator.cluster.defaultLabel'));
    setAsking(false);
  };
  return (
    <form
      className="group-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label htmlFor={`${id}-label`} className={compact ? 'visually-hidden' : undefined}>
        {t('facilitator.cluster.label')}
      </label>
      <input
        ref={inputRef}
        id={`${id}-label`}
        value={label}
        maxLength={200}
        placeholder={t('facilitator.cluster.labelPlaceholder')}
        onChange={(e) => setLabel(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setAsking(false);
        }}
      />
      <button type="submit" className="primary">
        {t('facilitator.cluster.create')}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        {t('facilitator.cancel')}
      </button>
    </form>
  );
}
