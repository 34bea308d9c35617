import { useEffect, useId, useMemo, useState, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { DAY_MS, DEFAULT_PROJECT_AREAS, PROJECT_EFFECTS, PROJECT_PHASES, portfolioAreas, previousMeeting, sinceLastTime, type ProjectCard, type ProjectEffect, type ProjectPhase } from '@sammen/shared';
import type { Editor } from '../editor/Editor.js';
import { arrange, createPortfolio, setPortfolioAreas } from '../editor/projectCommands.js';
import { NO_FILTER, isFiltering, matchesFilter, ownersOf, type ProjectFilter } from '../geometry/projectFilter.js';
import { areaLabel } from './projectLabels.js';
import { formatWhen, useProjectMoves } from './useProjectMoves.js';
import './projects.css';

const WEEK_CHOICES = [2, 4, 6, 8, 12] as const;

function useProjectCards(editor: Editor): ProjectCard[] {
  const version = useSyncExternalStore(
    (fn) => editor.store.subscribe(fn),
    () => editor.store.version,
  );
  return useMemo(() => [...editor.store.all()].filter((e): e is ProjectCard => e.type === 'project'), [editor, version]);
}

const dateInput = (t: number): string => new Date(t).toISOString().slice(0, 10);

/**
 * The innovation lab's portfolio, beside the board: a filter by area, phase, owner and effect (cards
 * that do not match are dimmed on the canvas), the portfolio's areas, and "since last time": which
 * cards moved phase, which have a new learning, and which have not moved for N weeks, since a date
 * that defaults to the previous meeting (the last day before today on which a card moved or got a
 * learning: the board is used at the meetings, so that is when the lab last met).
 */
export function PortfolioPanel({ editor, onClose, initialTab = 'portfolio' }: { editor: Editor; onClose: () => void; initialTab?: 'portfolio' | 'since' }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const cards = useProjectCards(editor);
  const moves = useProjectMoves(editor.doc);
  const [tab, setTab] = useState(initialTab);
  const filter = useSyncExternalStore(editor.subscribe, () => editor.getState().projectFilter) ?? NO_FILTER;
  const setFilter = (patch: Partial<ProjectFilter>) => editor.setProjectFilter({ ...filter, ...patch });
  const portfolio = editor.frames().find((f) => f.variant === 'portfolio');
  const areas = portfolio ? portfolioAreas(portfolio) : [...DEFAULT_PROJECT_AREAS];
  const [areasText, setAreasText] = useState(() => areas.map((a) => areaLabel(t, a)).join('\n'));
  const readOnly = editor.getPolicy().readOnly;

  // Today, fixed while the panel is open (the day boundary is what "previous meeting" depends on).
  const [now] = useState(() => Date.now());
  const meeting = useMemo(() => previousMeeting(cards, moves, now), [cards, moves, now]);
  const [since, setSince] = useState<number | null>(null);
  const [weeks, setWeeks] = useState<number>(4);
  const from = since ?? meeting ?? now - 14 * DAY_MS;
  const report = useMemo(() => sinceLastTime(cards, moves, from, now, weeks), [cards, moves, from, now, weeks]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const show = (card: ProjectCard) => {
    // Selected, then fitted: zoomToFit shows the selection. On a phone the panel covers the board: close it.
    editor.select([card.id]);
    editor.zoomToFit();
    if (window.matchMedia('(max-width: 600px)').matches) onClose();
  };
  const matching = cards.filter((c) => matchesFilter(c, filter)).length;
  const date = (at: number) => formatWhen(at, i18n.language, false);
  const title = (c: ProjectCard) => c.title || t('projects.untitled');
  const saveAreas = () => {
    if (!portfolio) return;
    const labels = new Map(DEFAULT_PROJECT_AREAS.map((a) => [areaLabel(t, a), a as string]));
    setPortfolioAreas(editor, portfolio.id, areasText.split('\n').map((line) => labels.get(line.trim()) ?? line));
  };

  return createPortal(
    <aside className="portfolio-panel" aria-labelledby={`${id}-h`} data-testid="portfolio-panel">
      <div className="portfolio-panel-head">
        <h2 id={`${id}-h`}>{t('projects.portfolio.panel')}</h2>
        <button type="button" onClick={onClose}>
          {t('projects.dialog.close')}
        </button>
      </div>
      <div role="tablist" className="portfolio-tabs">
        <button type="button" role="tab" aria-selected={tab === 'portfolio'} onClick={() => setTab('portfolio')}>
          {t('projects.portfolio.filter')}
        </button>
        <button type="button" role="tab" aria-selected={tab === 'since'} onClick={() => setTab('since')} data-testid="since-tab">
          {t('projects.since.tab')}
        </button>
      </div>
      {cards.length === 0 && <p className="muted small">{t('projects.portfolio.none')}</p>}
      {tab === 'portfolio' ? (
        <div role="tabpanel">
          <label htmlFor={`${id}-area`}>{t('projects.field.area')}</label>
          <select id={`${id}-area`} value={filter.area ?? ''} onChange={(e) => setFilter({ area: e.target.value || null })}>
            <option value="">{t('projects.portfolio.all')}</option>
            {[...new Set([...areas, ...cards.map((c) => c.area).filter(Boolean)])].map((a) => (
              <option key={a} value={a}>
                {areaLabel(t, a)}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-phase`}>{t('projects.field.phase')}</label>
          <select id={`${id}-phase`} value={filter.phase ?? ''} onChange={(e) => setFilter({ phase: (e.target.value || null) as ProjectPhase | null })}>
            <option value="">{t('projects.portfolio.all')}</option>
            {PROJECT_PHASES.map((p) => (
              <option key={p} value={p}>
                {t(`projects.phase.${p}`)}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-owner`}>{t('projects.field.owner')}</label>
          <select id={`${id}-owner`} value={filter.owner ?? ''} onChange={(e) => setFilter({ owner: e.target.value || null })}>
            <option value="">{t('projects.portfolio.all')}</option>
            {ownersOf(cards).map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-effect`}>{t('projects.field.effects')}</label>
          <select id={`${id}-effect`} value={filter.effect ?? ''} onChange={(e) => setFilter({ effect: (e.target.value || null) as ProjectEffect | null })}>
            <option value="">{t('projects.portfolio.all')}</option>
            {PROJECT_EFFECTS.map((x) => (
              <option key={x} value={x}>
                {t(`projects.effect.${x}`)}
              </option>
            ))}
          </select>
          <p role="status" className="small">
            {isFiltering(filter) ? t('projects.portfolio.matches', { count: matching, total: cards.length }) : t('projects.portfolio.cards', { count: cards.length })}
          </p>
          {isFiltering(filter) && (
            <button type="button" onClick={() => editor.setProjectFilter(null)}>
              {t('projects.portfolio.clear')}
            </button>
          )}
          {!readOnly && (
            <>
              <h3>{t('projects.portfolio.open')}</h3>
              {portfolio ? (
                <>
                  <button type="button" onClick={() => arrange(editor, portfolio.id)}>
                    {t('projects.portfolio.arrange')}
                  </button>
                  <label htmlFor={`${id}-areas`}>{t('projects.portfolio.areasLabel')}</label>
                  <textarea id={`${id}-areas`} rows={5} value={areasText} onChange={(e) => setAreasText(e.target.value)} />
                  <button type="button" onClick={saveAreas}>
                    {t('projects.portfolio.saveAreas')}
                  </button>
                </>
              ) : (
                <>
                  <p className="muted small">{t('projects.portfolio.noPortfolio')}</p>
                  <button type="button" onClick={() => createPortfolio(editor, t('projects.portfolio.title'))}>
                    {t('projects.portfolio.add')}
                  </button>
                </>
              )}
            </>
          )}
        </div>
      ) : (
        <div role="tabpanel" data-testid="since-panel">
          <label htmlFor={`${id}-since`}>{t('projects.since.from')}</label>
          <input id={`${id}-since`} type="date" value={dateInput(from)} max={dateInput(now)} onChange={(e) => setSince(e.target.value ? Date.parse(`${e.target.value}T00:00:00Z`) : null)} />
          <p className="muted small">{meeting !== null ? t('projects.since.defaultHint', { date: date(meeting) }) : t('projects.since.noMeeting')}</p>
          <label htmlFor={`${id}-weeks`}>{t('projects.since.weeks')}</label>
          <select id={`${id}-weeks`} value={weeks} onChange={(e) => setWeeks(Number(e.target.value))}>
            {WEEK_CHOICES.map((w) => (
              <option key={w} value={w}>
                {t('projects.since.weeksOption', { count: w })}
              </option>
            ))}
          </select>
          <h3>{t('projects.since.moved')}</h3>
          {report.moved.length === 0 ? (
            <p className="muted small">{t('projects.since.none')}</p>
          ) : (
            <ul data-testid="since-moved">
              {report.moved.map(({ card, moves: m }) => (
                <li key={card.id}>
                  <button type="button" className="link-button" onClick={() => show(card)}>
                    {title(card)}
                  </button>
                  {m.map((x, i) => (
                    <div key={i} className="small">
                      {t('projects.since.movedEntry', { from: t(`projects.phase.${x.from}`), to: t(`projects.phase.${x.to}`), date: date(x.at), by: x.by })}
                    </div>
                  ))}
                </li>
              ))}
            </ul>
          )}
          <h3>{t('projects.since.learned')}</h3>
          {report.learned.length === 0 ? (
            <p className="muted small">{t('projects.since.none')}</p>
          ) : (
            <ul data-testid="since-learned">
              {report.learned.map(({ card, learnings }) => (
                <li key={card.id}>
                  <button type="button" className="link-button" onClick={() => show(card)}>
                    {title(card)}
                  </button>
                  {learnings.map((l, i) => (
                    <div key={i} className="small">
                      {date(l.at)} · {t(`projects.cycle.${l.turn}`)}: {l.text}
                    </div>
                  ))}
                </li>
              ))}
            </ul>
          )}
          <h3>{t('projects.since.still', { count: weeks })}</h3>
          {report.still.length === 0 ? (
            <p className="muted small">{t('projects.since.none')}</p>
          ) : (
            <ul data-testid="since-still">
              {report.still.map(({ card, since: at }) => (
                <li key={card.id}>
                  <button type="button" className="link-button" onClick={() => show(card)}>
                    {title(card)}
                  </button>
                  <div className="small">{t('projects.since.stillEntry', { phase: t(`projects.phase.${card.phase}`), date: date(at) })}</div>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </aside>,
    // Over the board (below the page header and workshop bars), not over the whole page.
    document.querySelector('.board-wrap') ?? document.body,
  );
}
