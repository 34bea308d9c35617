import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

/**
 * One polite live region for the workshop's announcements (timer, reveals, reactions, refusals):
 * screen readers read each message once, without interrupting. A counter in the key re-announces a
 * message that repeats.
 */
const AnnounceContext = createContext<(message: string) => void>(() => {});

export const useAnnounce = (): ((message: string) => void) => useContext(AnnounceContext);

export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<{ text: string; n: number }>({ text: '', n: 0 });
  const announce = useCallback((text: string) => setMessage((m) => ({ text, n: m.n + 1 })), []);
  const value = useMemo(() => announce, [announce]);
  return (
    <AnnounceContext.Provider value={value}>
      {children}
      <div role="status" aria-live="polite" aria-atomic="true" className="visually-hidden" data-testid="workshop-announcer">
        <span key={message.n}>{message.text}</span>
      </div>
    </AnnounceContext.Provider>
  );
}
