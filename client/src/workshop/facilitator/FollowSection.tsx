import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Viewport, WorkshopView } from '@sammen/shared';
import type { Editor } from '../../editor/Editor.js';
import { throttle } from '../../sync/throttle.js';
import { boardViewport, sameViewport } from './boardViewport.js';
import type { Runner } from './useCommand.js';

/** About ten updates a second: smooth enough to follow, light enough for a room on one Wi-Fi. */
const FOLLOW_INTERVAL_MS = 100;

const current = (editor: Editor): Viewport => boardViewport(editor.getState().viewport, editor.size);

/**
 * Follow me and bring everyone here. While this facilitator leads (the server says who does), every
 * camera change is sent (throttled, and only when the visible area really changed).
 */
export function FollowSection({ view, editor, run }: { view: WorkshopView; editor: Editor; run: Runner }) {
  const { t } = useTranslation();
  const active = view.follow.active;
  const leading = active && view.follow.leaderId !== null && view.follow.leaderId === view.me.memberId;
  const lastSent = useRef<Viewport | null>(null);

  useEffect(() => {
    if (!leading) return;
    const send = throttle((viewport: Viewport) => {
      lastSent.current = viewport;
      void run({ type: 'follow.viewport', viewport });
    }, FOLLOW_INTERVAL_MS);
    const unsubscribe = editor.subscribe(() => {
      const viewport = current(editor);
      if (!sameViewport(lastSent.current, viewport)) send(viewport);
    });
    return () => {
      unsubscribe();
      send.cancel();
    };
  }, [leading, editor, run]);

  const start = async () => {
    const viewport = current(editor);
    lastSent.current = viewport;
    await run({ type: 'follow.start', viewport });
  };
  const stop = async () => {
    await run({ type: 'follow.stop' });
  };

  return (
    <div className="fac-follow">
      <p className="fac-meta" aria-live="polite">
        {leading ? t('facilitator.follow.leading') : active ? t('facilitator.follow.someoneLeads') : t('facilitator.follow.off')}
      </p>
      <div className="fac-row">
        {leading || active ? (
          <button type="button" className="primary" aria-pressed={true} onClick={() => void stop()}>
            {t('facilitator.follow.stop')}
          </button>
        ) : (
          <button type="button" className="primary" aria-pressed={false} onClick={() => void start()}>
            {t('facilitator.follow.start')}
          </button>
        )}
        <button type="button" onClick={() => void run({ type: 'follow.bringHere', viewport: current(editor) })}>
          {t('facilitator.follow.bringHere')}
        </button>
      </div>
    </div>
  );
}
