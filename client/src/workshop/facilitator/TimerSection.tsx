import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopView } from '@sammen/shared';
import { formatClock, remainingMs } from '../timer.js';
import type { Runner } from './useCommand.js';

/** The time now, ticking four times a second while `active`, so the clock in the panel moves. */
export function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    // Now at once: the value kept from before the clock started may be minutes old (the run sheet
    // showed 15:00 of a 5-minute time box for a second), and a quarter-second tick keeps this clock
    // on the same second as the participants' (Timer ticks as often).
    setNow(Date.now());
    const id = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(id);
  }, [active]);
  return now;
}

/**
 * The timer controls. The time itself is the server's (every screen counts to the same end);
 * this only starts, pauses, extends and resets it. Starting uses the current step's time box, or a
 * number of minutes typed here.
 */
export function TimerSection({ view, clockOffset, run }: { view: WorkshopView; clockOffset: number; run: Runner }) {
  const { t } = useTranslation();
  const id = useId();
  const { timer } = view;
  const stepMinutes = view.agenda.steps[view.agenda.current]?.minutes ?? 0;
  const [custom, setCustom] = useState<number>(stepMinutes || 5);
  const now = useNow(timer.status === 'running') + clockOffset;
  const left = remainingMs(timer, now);
  const startMinutes = (m: number) => {
    const seconds = Math.round(m * 60);
    if (seconds >= 1) void run({ type: 'timer.start', seconds: Math.min(seconds, 8 * 3600) });
  };

  return (
    <div className="fac-timer">
      <p className="fac-clock">
        <span className="fac-clock-digits">{formatClock(left)}</span>{' '}
        <span className="fac-meta">{t(`facilitator.timer.status.${timer.status}`)}</span>
      </p>
      <div className="fac-row">
        {timer.status === 'running' && (
          <button type="button" className="primary" onClick={() => void run({ type: 'timer.pause' })}>
            {t('facilitator.timer.pause')}
          </button>
        )}
        {timer.status === 'paused' && (
          <button type="button" className="primary" onClick={() => void run({ type: 'timer.resume' })}>
            {t('facilitator.timer.resume')}
          </button>
        )}
        {timer.status === 'idle' && stepMinutes > 0 && (
          <button type="button" className="primary" onClick={() => startMinutes(stepMinutes)}>
            {t('facilitator.timer.startStep', { count: stepMinutes })}
          </button>
        )}
        {timer.status !== 'idle' && (
          <>
            <button type="button" onClick={() => void run({ type: 'timer.addMinute' })}>
              {t('facilitator.timer.addMinute')}
            </button>
            <button type="button" onClick={() => void run({ type: 'timer.reset' })}>
              {t('facilitator.timer.reset')}
            </button>
          </>
        )}
      </div>
      <form
        className="fac-row"
        onSubmit={(e) => {
          e.preventDefault();
          startMinutes(custom);
        }}
      >
        <label htmlFor={`${id}-custom`}>{t('facilitator.timer.customMinutes')}</label>
        <input
          id={`${id}-custom`}
          type="number"
          inputMode="decimal"
          min={0.5}
          max={480}
          step={0.5}
          className="fac-number"
          value={Number.isFinite(custom) ? custom : ''}
          onChange={(e) => setCustom(e.target.valueAsNumber)}
        />
        <button type="submit" disabled={!(custom > 0)}>
          {t('facilitator.timer.start')}
        </button>
      </form>
    </div>
  );
}
