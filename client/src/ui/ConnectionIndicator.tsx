import { useTranslation } from 'react-i18next';
import { type ConnectionState, reloadFixes } from '../sync/connectionStatus.js';

/**
 * Online / reconnecting / offline, with the server's reason when it gave one. Announced politely.
 * When only a reload helps (the page's code is older than the board, or the server could not read
 * it), a Reload button sits beside the reason: on a phone the way to reload is not obvious.
 */
export function ConnectionIndicator({ state }: { state: ConnectionState }) {
  const { t } = useTranslation();
  const label = t(`connection.${state.status}`);
  return (
    <div className={`connection connection-${state.status}`} data-status={state.status} data-testid="connection-status">
      <span className="connection-dot" aria-hidden="true" />
      <span role="status" aria-live="polite" className="connection-text">
        <span className={state.status === 'online' ? 'visually-hidden' : ''}>{label}</span>
        {state.problem && <span className="connection-problem">{t(state.problem)}</span>}
      </span>
      {reloadFixes(state) && (
        <button type="button" className="header-button connection-reload" onClick={() => window.location.reload()}>
          {t('connection.reload')}
        </button>
      )}
    </div>
  );
}
