import { useTranslation } from 'react-i18next';
import './role.css';
import { ROLE_SCALES, type RoleResult, type RoleRowResult, largestGaps } from '@sammen/shared';

/** A cell's shade: the share of the row's markers of that kind in that column (0 … 1). */
const shade = (count: number, all: number): number => (all > 0 ? count / all : 0);

/**
 * The revealed self-assessment: per row of the grid and the role shifts a small heat map (Today and
 * Goal: how many markers in each column, darker = more), the gap and who wants to move; then the
 * largest gaps and the steering/leadership sort. Counts only: nobody's markers.
 */
export function RoleResultPanel({ result, onClose, inline = false }: { result: RoleResult; onClose?: () => void; inline?: boolean }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.resolvedLanguage, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const rowsOf = (scale: string): RoleRowResult[] => result.scales.find((s) => s.scale === scale)?.rows ?? [];
  const gaps = largestGaps(result, 'kommune');
  const heat = (scale: 'kommune' | 'shifts', r: RoleRowResult, kind: 'today' | 'goal') => {
    const counts = r.counts[kind] ?? [];
    const all = counts.reduce((a, b) => a + b, 0);
    return counts.map((n, c) => (
      <td key={`${kind}${c}`} className={`role-heat role-heat-${kind}`} style={{ ['--heat' as string]: shade(n, all) }} aria-label={t('role.cell', { kind: t(`role.${kind}`), column: t(`role.columns.${scale}.${c}`), count: n })}>
        {n}
      </td>
    ));
  };
  const table = (scale: 'kommune' | 'shifts') => {
    const columns = Array.from({ length: ROLE_SCALES[scale].columns }, (_, c) => t(`role.columns.${scale}.${c}`));
    return (
      <table className="role-table" data-testid={`role-heat-${scale}`}>
        <caption>{t(`role.scales.${scale}`)}</caption>
        <thead>
          <tr>
            <td />
            <th colSpan={columns.length} scope="colgroup">{t('role.today')}</th>
            <th colSpan={columns.length} scope="colgroup">{t('role.goal')}</th>
            <th rowSpan={2} scope="col">{t('role.gap')}</th>
            <th rowSpan={2} scope="col">{t('role.moving')}</th>
          </tr>
          <tr>
            <td />
            {[...columns, ...columns].map((c, i) => (
              <th key={i} scope="col" className="role-col">{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rowsOf(scale).map((r) => (
            <tr key={r.row}>
              <th scope="row">{t(`role.rows.${scale}.${r.row}`)}</th>
              {heat(scale, r, 'today')}
              {heat(scale, r, 'goal')}
              <td className="role-gap">{r.gap === null ? '–' : number.format(r.gap)}</td>
              <td className="role-moving">{t('role.movingOf', { moving: r.moving, pairs: r.pairs })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  };
  const sorted = rowsOf('sort').filter((r) => (r.counts.place ?? []).some((n) => n > 0));
  return (
    <aside className={inline ? 'role-panel role-panel-inline' : 'role-panel'} aria-labelledby="role-result-h" data-testid="role-result">
      <div className="role-panel-head">
        <h2 id="role-result-h">{t('role.resultHeading')}</h2>
        {onClose && (
          <button type="button" className="role-close" onClick={onClose}>
            {t('role.close')}
          </button>
        )}
      </div>
      <p className="role-meta">{t('role.people', { count: result.people })}</p>
      {table('kommune')}
      <h3>{t('role.largest')}</h3>
      {gaps.length ? (
        <ol className="role-gaps" data-testid="role-gaps">
          {gaps.map((g) => (
            <li key={g.row}>
              {t('role.rows.kommune.' + g.row)}: <strong>{number.format(g.gap!)}</strong> ({t('role.movingOf', { moving: g.moving, pairs: g.pairs })})
            </li>
          ))}
        </ol>
      ) : (
        <p className="role-meta">{t('role.noGaps')}</p>
      )}
      {table('shifts')}
      {sorted.length > 0 && (
        <table className="role-table role-sort">
          <caption>{t('role.scales.sort')}</caption>
          <thead>
            <tr>
              <td />
              <th scope="col">{t('role.steering')}</th>
              <th scope="col">{t('role.leadership')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => {
              const [a = 0, b = 0] = r.counts.place ?? [];
              return (
                <tr key={r.row}>
                  <th scope="row">{t(`role.rows.sort.${r.row}`)}</th>
                  <td className="role-heat role-heat-today" style={{ ['--heat' as string]: shade(a, a + b) }}>{a}</td>
                  <td className="role-heat role-heat-goal" style={{ ['--heat' as string]: shade(b, a + b) }}>{b}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </aside>
  );
}
