import { describe, expect, it } from 'vitest';
import type { TimerView } from '@sammen/shared';
import { addOffsetSample, announcementBetween, formatClock, remainingMs } from './timer.js';

const running = (endsAt: number): TimerView => ({ status: 'running', endsAt, remainingMs: 0, durationMs: 300_000 });

describe('timer', () => {
  it('counts down to the server end time on the server clock', () => {
    expect(remainingMs(running(10_000), 4_000)).toBe(6_000);
    expect(remainingMs(running(10_000), 12_000)).toBe(0);
  });

  it('shows what is left while paused and the full time while idle', () => {
    expect(remainingMs({ status: 'paused', endsAt: null, remainingMs: 42_000, durationMs: 60_000 }, 1e12)).toBe(42_000);
    expect(remainingMs({ status: 'idle', endsAt: null, remainingMs: 300_000, durationMs: 300_000 }, 0)).toBe(300_000);
  });

  it('formats as mm:ss, rounding seconds up, and h:mm:ss from an hour', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(1)).toBe('00:01');
    expect(formatClock(59_001)).toBe('01:00');
    expect(formatClock(60_000)).toBe('01:00');
    expect(formatClock(305_000)).toBe('05:05');
    expect(formatClock(3_600_000 + 61_000)).toBe('1:01:01');
    expect(formatClock(-5)).toBe('00:00');
  });

  it('announces one minute left and time up once, at the crossing', () => {
    expect(announcementBetween(61_000, 60_000, 300_000)).toBe('oneMinute');
    expect(announcementBetween(60_000, 59_000, 300_000)).toBeNull();
    expect(announcementBetween(500, 0, 300_000)).toBe('timeUp');
    expect(announcementBetween(0, 0, 300_000)).toBeNull();
    // A one-minute time box does not start with "1 minute left".
    expect(announcementBetween(60_000, 59_000, 60_000)).toBeNull();
  });

  it('estimates the clock offset from the least delayed recent view', () => {
    let s = addOffsetSample([], 10_000, 9_000); // server 1 s ahead, minus delay 0
    expect(s.offset).toBe(1_000);
    s = addOffsetSample(s.samples, 20_000, 19_200); // delayed by 200 ms
    expect(s.offset).toBe(1_000);
    for (let i = 0; i < 10; i++) s = addOffsetSample(s.samples, 30_000 + i, 30_500 + i); // clock changed
    expect(s.offset).toBe(-500);
  });
});
