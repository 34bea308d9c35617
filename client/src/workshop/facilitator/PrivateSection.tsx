import { useTranslation } from 'react-i18next';
import type { WorkshopView } from '@sammen/shared';
import type { Runner } from './useCommand.js';

/**
 * Private brainstorming: while it is on, participants' new notes stay in their own documents, seen
 * by nobody (not even the facilitator) until the reveal copies them onto the board.
 */
export function PrivateSection({ view, run }: { view: WorkshopView; run: Runner }) {
  const { t } = useTranslation();
  const { active, reveal } = view.private;
  return (
    <div className="fac-private">
      <p className="fac-meta" aria-live="polite">
        {active ? t(reveal === 'named' ? 'facilitator.private.onNamed' : 'facilitator.private.onAnonymous') : t('facilitator.private.off')}
      </p>
      <div className="fac-row">
        {active ? (
          <>
            <button type="button" className="primary" onClick={() => void run({ type: 'private.reveal' })}>
              {t('facilitator.private.reveal')}
            </button>
            <button type="button" onClick={() => void run({ type: 'private.stop' })}>
              {t('facilitator.private.stop')}
            </button>
          </>
        ) : (
          <>
            <button type="button" className="primary" onClick={() => void run({ type: 'private.start', reveal: 'anonymous' })}>
              {t('facilitator.private.startAnonymous')}
            </button>
            <button type="button" onClick={() => void run({ type: 'private.start', reveal: 'named' })}>
              {t('facilitator.private.startNamed')}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
