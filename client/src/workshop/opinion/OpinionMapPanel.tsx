import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { getOpinionResults, observeOpinionResults, type OpinionResult } from '@sammen/shared';
import { Users } from 'lucide-react';
import type { Editor } from '../../editor/Editor.js';
import { useCovering } from '../ui/useCovering.js';
import { WIcon } from '../ui/workshopIcons.js';
import { groupLetter, layoutPoints, percent } from './opinionCards.js';
import './opinion.css';

const MAP_SIZE = 240;

/** Revealed opinion maps stored in the board document (the server writes them at each reveal). */
export function useStoredOpinions(doc: Y.Doc | null): OpinionResult[] {
  const [state, setState] = useState<{ doc: Y.Doc | null; value: OpinionResult[] }>({ doc: null, value: [] });
  useEffect(() => {
    if (!doc) return;
    const read = (): void => setState({ doc, value: getOpinionResults(doc) });
    read();
    return observeOpinionResults(doc, read);
  }, [doc]);
  return state.doc === doc ? state.value : [];
}

const groupClass = (described: boolean, index: number): string => (described ? `opinion-g${index % 5}` : 'opinion-g-small');

/**
 * The revealed opinion round: an anonymous map (one dot per person, coloured by group, no names),
 * the legend with group sizes, and the three lists: what the room agrees on, where it is divided,
 * and what sets each group apart. Groups smaller than three are drawn but not described.
 */
export function OpinionMapPanel({ result, editor }: { result: OpinionResult; editor: Editor }) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(true);
  const ref = useRef<HTMLElement>(null);
  useCovering(ref, editor, open, 'opinion-map');
  const described = result.groups.filter((g) => g.described);
  const small = result.groups.filter((g) => !g.described).reduce((n, g) => n + g.size, 0);
  const describedIndex = new Set(described.map((g) => g.index));
  const dots = layoutPoints(result.points, MAP_SIZE, 14);
  const title = result.title || t('opinion.title');
  const letter = (index: number) => groupLetter(index);

  return (
    <aside ref={ref} className={`opinion-panel${open ? '' : ' opinion-panel-closed'}`} aria-label={t('opinion.map.label')} data-testid="opinion-map">
      <div className="results-head">
        <button type="button" className="results-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          <Users size={18} aria-hidden="true" /> {t('opinion.map.title', { title })}
        </button>
        {open && (
          <button type="button" className="touch-icon-button" aria-label={t('opinion.map.close')} title={t('opinion.map.close')} onClick={() => setOpen(false)}>
            <WIcon name="close" />
          </button>
        )}
      </div>
      {open && (
        <div className="opinion-panel-body">
          <div className="opinion-map-row">
            <svg
              className="opinion-map"
              viewBox={`0 0 ${MAP_SIZE} ${MAP_SIZE}`}
              role="img"
              aria-label={t('opinion.map.alt', { count: result.grouped, groups: described.length })}
              data-testid="opinion-dots"
            >
              <rect x="0.5" y="0.5" width={MAP_SIZE - 1} height={MAP_SIZE - 1} rx="8" className="opinion-map-frame" />
              <line x1={MAP_SIZE / 2} y1="8" x2={MAP_SIZE / 2} y2={MAP_SIZE - 8} className="opinion-map-axis" />
              <line x1="8" y1={MAP_SIZE / 2} x2={MAP_SIZE - 8} y2={MAP_SIZE / 2} className="opinion-map-axis" />
              {dots.map((d, i) => (
                <circle key={i} cx={d.cx} cy={d.cy} r="7" className={`opinion-dot ${groupClass(describedIndex.has(d.group), d.group)}`} />
              ))}
            </svg>
            <ul className="opinion-legend" aria-label={t('opinion.map.legend')}>
              {described.map((g) => (
                <li key={g.index}>
                  <span className={`opinion-swatch ${groupClass(true, g.index)}`} aria-hidden="true" />
                  {t('opinion.map.group', { letter: letter(g.index) })} · {t('opinion.map.people', { count: g.size })}
                </li>
              ))}
              {small > 0 && (
                <li>
                  <span className="opinion-swatch opinion-g-small" aria-hidden="true" />
                  {t('opinion.map.small')} · {t('opinion.map.people', { count: small })}
                </li>
              )}
            </ul>
          </div>
          <p className="opinion-meta">
            {t('opinion.map.howToRead')}
            {result.participants > result.grouped && <> {t('opinion.map.notGrouped', { count: result.participants - result.grouped })}</>}
          </p>

          <h3 id={`${id}-consensus`} className="opinion-list-heading">{t('opinion.map.consensus')}</h3>
          {result.consensus.length ? (
            <ul className="opinion-statements" aria-labelledby={`${id}-consensus`} data-testid="opinion-consensus">
              {result.consensus.map((c) => (
                <li key={c.id}>
                  <span className="opinion-statement">{c.text}</span>
                  <span className="opinion-share">{percent(c.share) === 100 ? t('opinion.map.everyoneAgrees') : t('opinion.map.agreeEverywhere', { percent: percent(c.share) })}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="opinion-meta">{t('opinion.map.none')}</p>
          )}

          <h3 id={`${id}-divisive`} className="opinion-list-heading">{t('opinion.map.divisive')}</h3>
          {result.divisive.length ? (
            <ul className="opinion-statements" aria-labelledby={`${id}-divisive`} data-testid="opinion-divisive">
              {result.divisive.map((d) => (
                <li key={d.id}>
                  <span className="opinion-statement">{d.text}</span>
                  <span className="opinion-share">
                    {d.shares.map((s) => t('opinion.map.groupAgrees', { letter: letter(s.group), percent: percent(s.share) })).join(' · ')}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="opinion-meta">{t('opinion.map.none')}</p>
          )}

          {described.filter((g) => g.representative.length > 0).map((g) => (
            <section key={g.index} aria-labelledby={`${id}-g${g.index}`}>
              <h3 id={`${id}-g${g.index}`} className="opinion-list-heading">
                <span className={`opinion-swatch ${groupClass(true, g.index)}`} aria-hidden="true" /> {t('opinion.map.setsApart', { letter: letter(g.index) })}
              </h3>
              <ul className="opinion-statements" data-testid={`opinion-group-${letter(g.index)}`}>
                {g.representative.map((r) => (
                  <li key={r.id}>
                    <span className="opinion-statement">{r.text}</span>
                    <span className="opinion-share">
                      {t(r.direction === 'agree' ? 'opinion.map.groupAgreeVsOthers' : 'opinion.map.groupDisagreeVsOthers', {
                        percent: percent(r.share),
                        others: percent(r.othersShare),
                      })}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </aside>
  );
}
