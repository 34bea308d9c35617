import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Send } from 'lucide-react';
import { COLORS, NOTE_COLORS, type ColorName } from '@sammen/shared';
import { WIcon } from '../ui/workshopIcons.js';
import { PhoneSheet } from './PhoneSheet.js';

interface Props {
  /** The text of the note being edited, or null for a new note. */
  initial: { text: string; color: ColorName } | null;
  /** New notes are private right now (private brainstorming). */
  private: boolean;
  onSend(text: string, color: ColorName): void;
  onClose(): void;
}

/**
 * Writing a note on a phone: one big text field, the colour, and send. The note lands in the current
 * step's frame (or one's private notes); nobody has to find the right spot on a tiny board first.
 */
export function NoteComposer({ initial, private: isPrivate, onSend, onClose }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial?.text ?? '');
  const [color, setColor] = useState<ColorName>(initial?.color ?? 'yellow');
  const fieldId = useId();
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (!text.trim()) return;
    onSend(text.trim(), color);
  };
  return (
    <PhoneSheet title={initial ? t('workshop.phone.editNote') : t('workshop.phone.newNote')} onClose={onClose} testId="note-composer">
      <form className="composer" onSubmit={submit}>
        <label htmlFor={fieldId} className="visually-hidden">
          {t('workshop.phone.noteText')}
        </label>
        <textarea
          id={fieldId}
          className="composer-text"
          data-autofocus
          rows={4}
          maxLength={10_000}
          value={text}
          placeholder={t('workshop.phone.placeholder')}
          style={{ background: COLORS[color].fill, color: COLORS[color].text }}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit(e);
          }}
        />
        <div role="radiogroup" aria-label={t('color.label')} className="composer-colors">
          {NOTE_COLORS.map((c) => (
            <button
              key={c}
              type="button"
              role="radio"
              aria-checked={color === c}
              aria-label={t(`color.${c}`)}
              title={t(`color.${c}`)}
              className="composer-swatch"
              style={{ background: COLORS[c].fill }}
              onClick={() => setColor(c)}
            />
          ))}
        </div>
        {isPrivate && !initial && (
          <p className="composer-private">
            <WIcon name="eyeOff" size={16} /> {t('workshop.phone.privateHint')}
          </p>
        )}
        <button type="submit" className="primary composer-send" disabled={!text.trim()}>
          <Send size={20} aria-hidden="true" /> {initial ? t('workshop.phone.save') : t('workshop.phone.send')}
        </button>
      </form>
    </PhoneSheet>
  );
}
