import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './role.css';
import { ROLE_SCALES, ROLE_SCALE_IDS, type RoleKind, type RoleRoundView, type RoleScaleId } from '@sammen/shared';
import type { RoleActions } from './useRoleActions.js';

const key = (scale: string, row: string, kind: string) => `${scale}/${row}/${kind}`;
/** The choices without `k` if it is still `column` (a newer choice stays). */
const drop = (c: Record<string, number>, k: string, column: number): Record<string, number> => {
  if (c[k] !== column) return c;
  const { [k]: _done, ...rest } = c;
  return rest;
};

/** How many of the markers one person can place they have placed. */
export function placedCount(round: RoleRoundView): { done: number; total: number } {
  const total = ROLE_SCALE_IDS.reduce((n, s) => n + ROLE_SCALES[s].rows.length * ROLE_SCALES[s].kinds.length, 0);
  return { done: round.myMarkers.length, total };
}

/**
 * Placing one's markers as radio groups: per row a fieldset (the row's text as legend) with one group
 * per marker (Today, Goal; or the sort's one), so Tab reaches a row, arrows choose the column, and a
 * screen reader says "Today, 2.0, radio button, 2 of 3" inside the row. Same shape as the opinion
 * round's list; works on a phone (big targets) and beside the board on a computer.
 */
export function RoleList({ round, actions, headingLevel = 2 }: { round: RoleRoundView; actions: RoleActions; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const number = new Intl.NumberFormat(i18n.resolvedLanguage);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';
  // The choice shows at once (native radios keep arrows working) until the server's markers show it or refuse it.
  const [chosen, setChosen] = useState<Record<string, number>>({});
  const columnOf = (scale: RoleScaleId, row: string, kind: RoleKind): number | undefined =>
    chosen[key(scale, row, kind)] ?? round.myMarkers.find((m) => m.scale === scale && m.row === row && m.kind === kind)?.column;
  const choose = (scale: RoleScaleId, row: string, kind: RoleKind, column: number): void => {
    const k = key(scale, row, kind);
    setChosen((c) => ({ ...c, [k]: column }));
    // A refusal drops the choice at once; a success once the server's view shows it (no flicker back in between).
    void actions.choose(scale, row, kind, column).then((ok) => {
      if (!ok) setChosen((c) => drop(c, k, column));
    });
  };
  useEffect(() => {
    setChosen((c) => {
      let next = c;
      for (const m of round.myMarkers) next = drop(next, key(m.scale, m.row, m.kind), m.column);
      return next;
    });
  }, [round.myMarkers]);
  const { done, total } = placedCount(round);
  return (
    <section className="role-list" aria-labelledby={`${id}-h`} data-testid="role-list">
      <Heading id={`${id}-h`}>{t('role.heading')}</Heading>
      <p className="role-meta">
        {t('role.intro')} {t('role.placed', { done: number.format(done), total: number.format(total) })}
      </p>
      {ROLE_SCALE_IDS.map((scale) => {
        const def = ROLE_SCALES[scale];
        const columns = Array.from({ length: def.columns }, (_, c) => t(`role.columns.${scale}.${c}`));
        return (
          <div key={scale} className={`role-scale role-scale-${scale}`}>
            <Sub>{t(`role.scales.${scale}`)}</Sub>
            <ol className="role-rows">
              {def.rows.map((row) => (
                <li key={row}>
                  <fieldset className="role-row" data-testid={`role-row-${scale}-${row}`}>
                    <legend>{t(`role.rows.${scale}.${row}`)}</legend>
                    {def.kinds.map((kind) => (
                      <div key={kind} role="radiogroup" aria-label={kind === 'place' ? t(`role.rows.${scale}.${row}`) : t(`role.${kind}`)} className={`role-group role-group-${kind}`}>
                        {kind !== 'place' && <span className="role-kind" aria-hidden="true">{t(`role.${kind}`)}</span>}
                        {columns.map((label, c) => (
                          <label key={c} className="role-radio">
                            <input
                              type="radio"
                              name={`${id}-${scale}-${row}-${kind}`}
                              value={c}
                              checked={columnOf(scale, row, kind) === c}
                              onChange={() => choose(scale, row, kind, c)}
                            />
                            <span>{label}</span>
                          </label>
                        ))}
                      </div>
                    ))}
                  </fieldset>
                </li>
              ))}
            </ol>
          </div>
        );
      })}
      {actions.error && (
        <p className="error" role="alert">
          {actions.error}
        </p>
      )}
    </section>
  );
}
