import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopView } from '@sammen/shared';
import { useAnnounce } from '../workshop/Announcer.js';
import { dotsLeft } from '../workshop/votes.js';

/** What changed between two views that a screen reader should hear (pure: unit-tested). */
export function viewChanges(before: WorkshopView | null, after: WorkshopView): Array<{ key: string; values: Record<string, string | number> }> {
  if (!before) return []; // the first view is what the page already shows
  const out: Array<{ key: string; values: Record<string, string | number> }> = [];
  const step = after.agenda.steps[after.agenda.current];
  if (step && (before.agenda.current !== after.agenda.current || before.agenda.steps[before.agenda.current]?.id !== step.id)) {
    out.push({ key: 'a11y.announce.step', values: { n: after.agenda.current + 1, total: after.agenda.steps.length, title: step.title } });
  }
  const v = after.vote;
  if (v && v.status === 'open' && (before.vote?.id !== v.id || before.vote.status !== 'open') && after.me.role !== 'observer') {
    out.push({ key: 'a11y.announce.voteStarted', values: { title: v.title, dots: dotsLeft(v) } });
  }
  if (v && v.status === 'revealed' && (before.vote?.id !== v.id || before.vote.status !== 'revealed')) {
    out.push({ key: 'a11y.announce.voteRevealed', values: { title: v.title } });
  }
  return out;
}

/**
 * Says politely what the workshop just did: the agenda moved on, a vote started or its results are
 * shown. (The timer, reactions and one's revealed notes announce themselves where they are shown.)
 */
export function WorkshopAnnouncements({ view }: { view: WorkshopView | null }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const previous = useRef<WorkshopView | null>(null);
  useEffect(() => {
    if (!view) return;
    const untitled = t('workshop.vote.untitled');
    const said = viewChanges(previous.current, view).map(({ key, values }) => {
      if (key === 'a11y.announce.step') return t(key, values);
      const title = values.title || untitled;
      return key === 'a11y.announce.voteStarted' ? t(key, { title, dots: t('a11y.announce.dots', { count: values.dots }) }) : t(key, { title });
    });
    previous.current = view;
    if (said.length) announce(said.join(' '));
  }, [view, announce, t]);
  return null;
}
