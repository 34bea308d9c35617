import { useEffect, useRef, useState } from 'react';
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
 * Follow me and bring everyone here. While this facilitator leads, every camera change is sent
 * (throttled, and only when the visible area really changed). The server does not say who leads,
 * so "I lead" is this browser's own state, dropped when the server says follow-me ended.
 */
export function FollowSection({ view, editor, run }: { view: WorkshopView; editor: Editor; run: Runner }) {
  const { t } = useTranslation();
  const [leading, setLeading] = useState(false);
  const active = view.follow.active;
  const lastSent = useRef<Viewport | null>(null);

  useEffect(() => {
    if (!active) setLeading(false);
  }, [active]);

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
    if (await run({ type: 'follow.start', viewport })) setLeading(true);
  };
  const stop = async () => {
    setLeading(false);
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
