import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../sync/connectionStatus.js';

/** Online / reconnecting / offline, with the server's reason when it gave one. Announced politely. */
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
    </div>
  );
}
