import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CYCLE_TURNS, DEFAULT_PROJECT_AREAS, PROJECT_EFFECTS, PROJECT_PHASES, portfolioAreas, type ProjectCard, type ProjectEffect, type ProjectPhase } from '@sammen/shared';
import { addLearning, moveProjectPhase, nextTurn, updateProjectCard, type ProjectCardFields } from '../editor/projectCommands.js';
import type { Editor } from '../editor/Editor.js';
import { useWorkshop } from '../workshop/WorkshopContext.js';
import { ModalDialog } from './ModalDialog.js';
import { areaLabel } from './projectLabels.js';
import { formatWhen, useProjectMoves } from './useProjectMoves.js';
import './projects.css';

const OWN_AREA = '\u0000own';

/**
 * The project card's form, opened by double-click or Enter on the card (the editor's `editingId`) and
 * from the list view. The text fields are saved together (one undoable change, only the fields that
 * changed); a phase move is its own action, made at once (in a workshop by the server, which records
 * it with the mover's name); a turn's learning is added with today's date.
 */
export function ProjectCardDialog({ editor, card, onClose }: { editor: Editor; card: ProjectCard; onClose?: () => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const workshop = useWorkshop();
  const moves = useProjectMoves(editor.doc).get(card.id) ?? [];
  const [fields, setFields] = useState<ProjectCardFields>(() => ({
    title: card.title,
    need: card.need,
    needOwner: card.needOwner,
    participants: card.participants,
    hypothesis: card.hypothesis,
    effects: [...card.effects],
    measures: card.measures,
    owner: card.owner,
    area: card.area,
    cycle: card.cycle,
    round: card.round,
  }));
  const [learning, setLearning] = useState('');
  const [status, setStatus] = useState('');
  const [moving, setMoving] = useState(false);
  const portfolio = card.frameId ? editor.store.get(card.frameId) : undefined;
  const areas = portfolio?.type === 'frame' && portfolio.variant === 'portfolio' ? portfolioAreas(portfolio) : [...DEFAULT_PROJECT_AREAS];
  const [ownArea, setOwnArea] = useState(() => card.area !== '' && !areas.includes(card.area));

  const close = () => {
    if (onClose) return onClose();
    editor.stopEditing();
    editor.select([card.id]);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    updateProjectCard(editor, card.id, fields);
    close();
  };
  const set = (key: 'title' | 'need' | 'needOwner' | 'participants' | 'hypothesis' | 'measures' | 'owner' | 'area') => (e: { target: { value: string } }) =>
    setFields((f) => ({ ...f, [key]: e.target.value }));
  const toggle = (effect: ProjectEffect, on: boolean) =>
    setFields((f) => ({ ...f, effects: PROJECT_EFFECTS.filter((x) => (x === effect ? on : f.effects.includes(x))) }));
  const move = async (phase: ProjectPhase) => {
    setMoving(true);
    const result = await moveProjectPhase(editor, workshop ? workshop.run : null, card.id, phase);
    setMoving(false);
    setStatus(result.ok ? t('projects.dialog.moved', { phase: t(`projects.phase.${phase}`) }) : t('projects.dialog.moveFailed', { message: result.message }));
  };
  const onArea = (value: string) => {
    if (value === OWN_AREA) {
      setOwnArea(true);
      setFields((f) => ({ ...f, area: areas.includes(f.area) ? '' : f.area }));
    } else {
      setOwnArea(false);
      setFields((f) => ({ ...f, area: value }));
    }
  };
  const saveLearning = () => {
    addLearning(editor, card.id, learning);
    setLearning('');
  };
  const when = (at: number) => formatWhen(at, i18n.language);

  return (
    <ModalDialog labelledBy={`${id}-title`} onClose={close} className="project-dialog">
      <form onSubmit={onSubmit} data-testid="project-dialog">
        <h2 id={`${id}-title`}>{t('projects.dialog.title')}</h2>
        <label htmlFor={`${id}-name`}>{t('projects.field.title')}</label>
        <input id={`${id}-name`} maxLength={200} value={fields.title} onChange={set('title')} autoFocus />

        <fieldset className="project-phase" aria-describedby={`${id}-phase-help`}>
          <legend>{t('projects.field.phase')}</legend>
          <div className="project-choices">
            {PROJECT_PHASES.map((phase) => (
              <label key={phase} className="check">
                <input type="radio" name={`${id}-phase`} value={phase} checked={card.phase === phase} disabled={moving} onChange={() => void move(phase)} />
                {t(`projects.phase.${phase}`)}
              </label>
            ))}
          </div>
          <p id={`${id}-phase-help`} className="muted small">{workshop ? t('projects.dialog.phaseHelp') : t('projects.dialog.phaseHelpOpen')}</p>
          <p role="status" className="small" data-testid="project-move-status">{status}</p>
        </fieldset>

        <label htmlFor={`${id}-need`}>{t('projects.field.need')}</label>
        <textarea id={`${id}-need`} rows={2} maxLength={1000} value={fields.need} onChange={set('need')} />
        <label htmlFor={`${id}-need-owner`}>{t('projects.field.needOwner')}</label>
        <input id={`${id}-need-owner`} maxLength={300} value={fields.needOwner} onChange={set('needOwner')} />
        <label htmlFor={`${id}-participants`}>{t('projects.field.participants')}</label>
        <textarea id={`${id}-participants`} rows={2} maxLength={1000} value={fields.participants} onChange={set('participants')} />
        <label htmlFor={`${id}-hypothesis`}>{t('projects.field.hypothesis')}</label>
        <textarea id={`${id}-hypothesis`} rows={2} maxLength={1000} value={fields.hypothesis} onChange={set('hypothesis')} />
        <fieldset>
          <legend>{t('projects.field.effects')}</legend>
          <div className="project-choices">
            {PROJECT_EFFECTS.map((effect) => (
              <label key={effect} className="check">
                <input type="checkbox" checked={fields.effects.includes(effect)} onChange={(e) => toggle(effect, e.target.checked)} />
                {t(`projects.effect.${effect}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <label htmlFor={`${id}-measures`}>{t('projects.field.measures')}</label>
        <textarea id={`${id}-measures`} rows={2} maxLength={1000} value={fields.measures} onChange={set('measures')} />
        <div className="project-row">
          <div>
            <label htmlFor={`${id}-owner`}>{t('projects.field.owner')}</label>
            <input id={`${id}-owner`} maxLength={100} value={fields.owner} onChange={set('owner')} />
          </div>
          <div>
            <label htmlFor={`${id}-area`}>{t('projects.field.area')}</label>
            <select id={`${id}-area`} value={ownArea ? OWN_AREA : fields.area} onChange={(e) => onArea(e.target.value)}>
              <option value="">{t('projects.area.choose')}</option>
              {areas.map((area) => (
                <option key={area} value={area}>
                  {areaLabel(t, area)}
                </option>
              ))}
              <option value={OWN_AREA}>{t('projects.area.own')}</option>
            </select>
            {ownArea && (
              <>
                <label htmlFor={`${id}-own-area`}>{t('projects.dialog.ownArea')}</label>
                <input id={`${id}-own-area`} maxLength={80} value={fields.area} onChange={set('area')} />
              </>
            )}
          </div>
        </div>

        <fieldset>
          <legend>{t('projects.field.cycle')}</legend>
          <div className="project-row">
            <select aria-label={t('projects.field.cycle')} value={fields.cycle} onChange={(e) => setFields((f) => ({ ...f, cycle: e.target.value as ProjectCard['cycle'] }))}>
              {CYCLE_TURNS.map((turn) => (
                <option key={turn} value={turn}>
                  {t(`projects.cycle.${turn}`)}
                </option>
              ))}
            </select>
            <span className="project-round">{t('projects.round', { n: fields.round })}</span>
            <button type="button" onClick={() => setFields((f) => ({ ...f, ...nextTurn(f) }))}>
              {t('projects.dialog.nextTurn')}
            </button>
          </div>
          <h3 className="project-subheading">{t('projects.field.learnings')}</h3>
          {card.learnings.length === 0 ? (
            <p className="muted small">{t('projects.dialog.noLearning')}</p>
          ) : (
            <ol className="project-log">
              {card.learnings.map((l, i) => (
                <li key={`${l.at}-${i}`}>
                  <span className="muted small">{t('projects.dialog.learningEntry', { date: formatWhen(l.at, i18n.language, false), turn: t(`projects.cycle.${l.turn}`) })}</span>
                  <br />
                  {l.text}
                </li>
              ))}
            </ol>
          )}
          <label htmlFor={`${id}-learning`}>{t('projects.dialog.learningLabel')}</label>
          <textarea id={`${id}-learning`} rows={2} maxLength={500} value={learning} onChange={(e) => setLearning(e.target.value)} />
          <button type="button" onClick={saveLearning} disabled={!learning.trim()}>
            {t('projects.dialog.addLearning')}
          </button>
        </fieldset>

        <h3 className="project-subheading">{t('projects.dialog.history')}</h3>
        {moves.length === 0 ? (
          <p className="muted small">{t('projects.dialog.noMoves')}</p>
        ) : (
          <ol className="project-log" data-testid="project-moves">
            {moves.map((m, i) => (
              <li key={`${m.at}-${i}`}>{t('projects.dialog.moveEntry', { date: when(m.at), from: t(`projects.phase.${m.from}`), to: t(`projects.phase.${m.to}`), by: m.by })}</li>
            ))}
          </ol>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={close}>
            {t('projects.dialog.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('projects.dialog.save')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
