/**
 * What this browser remembers between visits (session scope, never in a document): the display name
 * and the boards opened recently. localStorage can be unavailable (private mode, policies): then
 * nothing is remembered and nothing breaks.
 */
const NAME_KEY = 'sammen.name';
const RECENT_KEY = 'sammen.recentBoards';
const MAX_RECENT = 12;

export interface RecentBoard {
  id: string;
  title: string;
  openedAt: string;
}

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Not remembered; fine.
  }
}

export const loadName = (): string | null => read(NAME_KEY)?.trim().slice(0, 60) || null;
export const saveName = (name: string): void => write(NAME_KEY, name.trim().slice(0, 60));

export function loadRecentBoards(): RecentBoard[] {
  try {
    const data: unknown = JSON.parse(read(RECENT_KEY) ?? '[]');
    if (!Array.isArray(data)) return [];
    return data.filter(
      (b): b is RecentBoard =>
        typeof b === 'object' && b !== null && typeof b.id === 'string' && typeof b.title === 'string' && typeof b.openedAt === 'string',
    );
  } catch {
    return [];
  }
}

export function rememberBoard(id: string, title: string): void {
  const rest = loadRecentBoards().filter((b) => b.id !== id);
  write(RECENT_KEY, JSON.stringify([{ id, title, openedAt: new Date().toISOString() }, ...rest].slice(0, MAX_RECENT)));
}
