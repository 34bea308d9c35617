/**
 * The owner key: a random secret this browser makes once and keeps, sent as `X-Owner-Key` so the
 * server can tell "your templates" apart without accounts. Whoever has the key owns the templates,
 * so it never leaves this browser except in that header.
 */
const OWNER_KEY = 'sammen.ownerKey';

function randomKey(): string {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

let memory: string | null = null;

/** This browser's owner key (made on first use; kept in memory when localStorage is unavailable). */
export function ownerKey(): string {
  try {
    const saved = window.localStorage.getItem(OWNER_KEY);
    if (saved && saved.length >= 16) return saved;
    const key = memory ?? randomKey();
    window.localStorage.setItem(OWNER_KEY, key);
    return key;
  } catch {
    memory ??= randomKey();
    return memory;
  }
}
