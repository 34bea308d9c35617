import { useSyncExternalStore } from 'react';

/** Phones, and any window as narrow as one: the participant's phone layout is used up to this width. */
export const PHONE_QUERY = '(max-width: 600px)';

const subscribe = (fn: () => void): (() => void) => {
  const mq = window.matchMedia(PHONE_QUERY);
  mq.addEventListener('change', fn);
  return () => mq.removeEventListener('change', fn);
};

/** Whether the window is phone-narrow right now (follows rotation and resizing). */
export function useNarrowScreen(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(PHONE_QUERY).matches);
}
