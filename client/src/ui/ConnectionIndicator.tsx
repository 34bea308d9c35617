import { useTranslation } from 'react-i18next';
import { type ConnectionState, reloadFixes } from '../sync/connectionStatus.js';

/**
 * Online / not saved yet / reconnecting / offline, with the server's reason when it gave one.
 * Announced politely.
 * When only a reload helps (the page's code is older than the board, or the server could not read
 * it), a Reload button sits beside the reason: on a phone the way to reload is not obvious.
 */
export function ConnectionIndicator({ state }: { state: ConnectionState }) {
  const { t } = useTranslation();
  // Online, but changes made here have waited seconds for the server to store them: a socket that
  // stalled (savedTracker.ts replaces it after a while). Said, not hidden like "Online".
  const unsaved = state.status === 'online' && state.unsavedOverdue;
  // Changes waiting, online or not: a phone's header, which otherwise shows only the dot, says so
  // (the short form); elsewhere the state's own words say it ("Offline. Keep working: …").
  const waiting = state.unsavedOverdue && state.status !== 'closed' && state.status !== 'connecting';
  const label = t(unsaved ? 'connection.notSaved' : `connection.${state.status}`);
  return (
    <div
      className={`connection connection-${unsaved ? 'unsaved' : state.status}${waiting ? ' connection-waiting' : ''}`}
      data-status={state.status}
      data-unsaved={unsaved || undefined}
      data-pending={state.unsaved || undefined}
      data-testid="connection-status"
    >
      <span className="connection-dot" aria-hidden="true" />
      <span role="status" aria-live="polite" className="connection-text">
        {waiting ? (
          <>
            <span className="connection-long">{label}</span>
            <span className="connection-short">{t('connection.notSavedShort')}</span>
          </>
        ) : (
          <span className={state.status === 'online' ? 'visually-hidden' : ''}>{label}</span>
        )}
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
