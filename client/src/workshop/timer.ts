import type { TimerView } from '@sammen/shared';

/**
 * The workshop timer is decided by the server: it sends `endsAt` on its own clock. Each browser
 * estimates the server clock (`clockOffset`) and counts down towards it, so every screen in the
 * room shows the same time whatever its own clock says.
 */

/** Milliseconds left, given the server's timer and the current server time (never negative). */
export function remainingMs(timer: TimerView, serverNow: number): number {
  if (timer.status === 'running' && timer.endsAt !== null) return Math.max(0, timer.endsAt - serverNow);
  return Math.max(0, timer.remainingMs);
}

/**
 * `mm:ss` (or `h:mm:ss` from an hour). Seconds round up, so "00:00" appears only when the time is
 * really up and a full minute reads "01:00" for its whole first second.
 */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

export type TimerAnnouncement = 'oneMinute' | 'timeUp';

/**
 * What to announce when the time left goes from `before` to `after` (one tick): "1 minute left" once
 * when crossing a minute (only if the time box was longer than that), "time is up" once at zero.
 */
export function announcementBetween(before: number, after: number, durationMs: number): TimerAnnouncement | null {
  if (before > 0 && after <= 0) return 'timeUp';
  if (durationMs > 60_000 && before > 60_000 && after <= 60_000 && after > 0) return 'oneMinute';
  return null;
}

const OFFSET_SAMPLES = 8;

/**
 * A new clock-offset estimate from a view made at `serverNow` and received at local `receivedAt`.
 * Each sample is the true offset minus that message's delivery delay, so the largest recent sample
 * is the best one; only recent samples count, so a changed system clock is followed soon.
 */
export function addOffsetSample(samples: readonly number[], serverNow: number, receivedAt: number): { samples: number[]; offset: number } {
  const next = [...samples, serverNow - receivedAt].slice(-OFFSET_SAMPLES);
  return { samples: next, offset: Math.max(...next) };
}
