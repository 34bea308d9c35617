import { useTranslation } from 'react-i18next';
import type { Peer } from '../sync/presence.js';

const initials = (name: string): string =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');

/** Who is here: oneself first, then everyone else, each in their cursor colour. */
export function PresenceList({ self, peers }: { self: { name: string; color: string } | null; peers: readonly Peer[] }) {
  const { t } = useTranslation();
  const people = [
    ...(self ? [{ key: 'self', name: t('presence.you', { name: self.name }), color: self.color, short: initials(self.name) }] : []),
    ...peers.map((p) => ({ key: String(p.clientId), name: p.presence.user.name, color: p.presence.user.color, short: initials(p.presence.user.name) })),
  ];
  return (
    <section className="presence" aria-label={t('presence.label')}>
      <span className="visually-hidden" aria-live="polite">
        {t('presence.count', { count: people.length })}
      </span>
      <ul>
        {people.map((p) => (
          <li key={p.key} title={p.name}>
            <span className="avatar" style={{ background: p.color }} aria-hidden="true">
              {p.short}
            </span>
            <span className="visually-hidden">{p.name}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
