import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimerView } from '@sammen/shared';
import { useAnnounce } from '../Announcer.js';
import { announcementBetween, formatClock, remainingMs } from '../timer.js';
import { loadSoundPreference, playChime, saveSoundPreference, unlockChime } from './chime.js';
import { WIcon } from './workshopIcons.js';

const TICK_MS = 250;

/**
 * The workshop timer as everyone sees it: counts down to the server's end time on the estimated
 * server clock. Announces "1 minute left" and "time is up" politely; optionally chimes at the end.
 */
export function Timer({ timer, clockOffset }: { timer: TimerView; clockOffset: number }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const compute = () => remainingMs(timer, Date.now() + clockOffset);
  const [left, setLeft] = useState(compute);
  const [sound, setSound] = useState(loadSoundPreference);
  const previous = useRef(left);
  const soundRef = useRef(sound);
  soundRef.current = sound;

  useEffect(() => {
    const tick = (): void => {
      const next = remainingMs(timer, Date.now() + clockOffset);
      const said = timer.status === 'running' ? announcementBetween(previous.current, next, timer.durationMs) : null;
      if (said === 'oneMinute') announce(t('workshop.timer.oneMinute'));
      if (said === 'timeUp') {
        announce(t('workshop.timer.timeUp'));
        if (soundRef.current) playChime();
      }
      previous.current = next;
      setLeft(next);
    };
    tick();
    if (timer.status !== 'running') return;
    const id = window.setInterval(tick, TICK_MS);
    return () => window.clearInterval(id);
  }, [timer, clockOffset, announce, t]);

  if (timer.status === 'idle' && timer.durationMs === 0) return null;
  const done = timer.status === 'running' && left === 0;
  const state = done ? 'done' : timer.status;
  const clock = formatClock(left);
  const label =
    state === 'done'
      ? t('workshop.timer.timeUp')
      : state === 'paused'
        ? t('workshop.timer.paused', { time: clock })
        : state === 'idle'
          ? t('workshop.timer.idle', { time: clock })
          : t('workshop.timer.running', { time: clock });

  return (
    <div className={`workshop-timer timer-${state}`} data-testid="workshop-timer" data-remaining-ms={Math.round(left)}>
      <WIcon name="clock" />
      {/* The visible clock changes every second; it is not a live region (announcements are). */}
      <span className="timer-clock" role="timer" aria-label={label}>
        {clock}
      </span>
      {state !== 'running' && <span className="timer-state">{state === 'done' ? t('workshop.timer.timeUpShort') : t(`workshop.timer.${state}Short`)}</span>}
      <button
        type="button"
        className="icon-button"
        aria-pressed={sound}
        aria-label={t('workshop.timer.sound')}
        title={t('workshop.timer.sound')}
        onClick={() => {
          if (!sound) unlockChime();
          saveSoundPreference(!sound);
          setSound(!sound);
        }}
      >
        <WIcon name={sound ? 'bell' : 'bellOff'} />
      </button>
    </div>
  );
}
