import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimerView } from '@sammen/shared';
import { useAnnounce } from '../Announcer.js';
import { announcementBetween, formatClock, remainingMs } from '../timer.js';
import { loadSoundPreference, playChime, saveSoundPreference, unlockChime } from './chime.js';
import { WIcon } from './workshopIcons.js';

const TICK_MS = 250;

/**
 * Says "1 minute left" and "time is up" politely, and chimes at the end if this person switched the
 * sound on. Mounted once per workshop page (not in each clock on it), so nothing is said twice and the
 * facilitator, whose clock is in the run sheet, hears it with the panel closed too.
 */
export function TimerAlerts({ timer, clockOffset }: { timer: TimerView; clockOffset: number }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const previous = useRef(remainingMs(timer, Date.now() + clockOffset));
  useEffect(() => {
    const tick = (): void => {
      const next = remainingMs(timer, Date.now() + clockOffset);
      const said = timer.status === 'running' ? announcementBetween(previous.current, next, timer.durationMs) : null;
      if (said === 'oneMinute') announce(t('workshop.timer.oneMinute'));
      if (said === 'timeUp') {
        announce(t('workshop.timer.timeUp'));
        // Read at the moment: the switch may be in another clock (the run sheet, the phone's step sheet).
        if (loadSoundPreference()) playChime();
      }
      previous.current = next;
    };
    tick();
    if (timer.status !== 'running') return;
    const id = window.setInterval(tick, TICK_MS);
    return () => window.clearInterval(id);
  }, [timer, clockOffset, announce, t]);
  return null;
}

/** The chime switch: whether this device chimes when the time is up (remembered on the device). */
export function SoundToggle() {
  const { t } = useTranslation();
  const [sound, setSound] = useState(loadSoundPreference);
  return (
    <button
      type="button"
      className="icon-button"
      aria-pressed={sound}
      aria-label={t('workshop.timer.sound')}
      title={t('workshop.timer.sound')}
      data-testid="timer-sound"
      onClick={() => {
        if (!sound) unlockChime();
        saveSoundPreference(!sound);
        setSound(!sound);
      }}
    >
      <WIcon name={sound ? 'bell' : 'bellOff'} />
    </button>
  );
}

/**
 * The workshop timer as everyone sees it: counts down to the server's end time on the estimated
 * server clock, with the chime switch. What is said and the chime itself are `TimerAlerts`'.
 */
export function Timer({ timer, clockOffset }: { timer: TimerView; clockOffset: number }) {
  const { t } = useTranslation();
  const compute = () => remainingMs(timer, Date.now() + clockOffset);
  const [left, setLeft] = useState(compute);

  useEffect(() => {
    const tick = (): void => setLeft(remainingMs(timer, Date.now() + clockOffset));
    tick();
    if (timer.status !== 'running') return;
    const id = window.setInterval(tick, TICK_MS);
    return () => window.clearInterval(id);
  }, [timer, clockOffset]);

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
      <SoundToggle />
    </div>
  );
}
