/**
 * Workshop tokens in the browser. A facilitator or observer link carries its token in the fragment
 * (`/b/:boardId#token=…`): browsers never send the fragment to the server, so it stays out of access
 * logs and Referer headers. The board page takes it from the address bar at once (the screen is often
 * on a projector, and an address bar gets copied) and keeps it in sessionStorage, keyed by board: a
 * reload of that tab works, but the secret does not outlive the tab on a shared machine. A citizen who
 * joined by code has their token in localStorage, so they can come back to the board later.
 */
const KEY_PREFIX = 'sammen.token.';

/** The token in a location fragment (`#token=…`, possibly among other `&`-separated fields), or null. */
export function parseTokenFragment(hash: string): string | null {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!body) return null;
  const token = new URLSearchParams(body).get('token');
  return token && token.trim() ? token.trim() : null;
}

/** The fragment with `token` removed ('' when nothing else is left), for history.replaceState. */
export function fragmentWithoutToken(hash: string): string {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const params = new URLSearchParams(body);
  params.delete('token');
  const rest = params.toString();
  return rest ? `#${rest}` : '';
}

/** A link that opens a board with a token: `${origin}/b/${boardId}#token=${token}`. */
export function tokenLink(origin: string, boardId: string, token: string): string {
  return `${origin}/b/${encodeURIComponent(boardId)}#token=${encodeURIComponent(token)}`;
}

type Kept = 'tab' | 'device';

function storage(kept: Kept): Storage | null {
  try {
    return kept === 'tab' ? window.sessionStorage : window.localStorage;
  } catch {
    return null;
  }
}

/** The token kept for this board: this tab's (from a link) first, else this device's (joined by code). */
export function loadToken(boardId: string): string | null {
  for (const kept of ['tab', 'device'] as const) {
    try {
      const token = storage(kept)?.getItem(KEY_PREFIX + boardId);
      if (token) return token;
    } catch {
      // unavailable: try the other
    }
  }
  return null;
}

/** Keeps a token for this board: for this tab only, or on this device (a citizen who joined by code). */
export function saveToken(boardId: string, token: string, kept: Kept = 'device'): void {
  try {
    storage(kept)?.setItem(KEY_PREFIX + boardId, token);
  } catch {
    // Not remembered: the link still works this time.
  }
}

export function clearToken(boardId: string): void {
  for (const kept of ['tab', 'device'] as const) {
    try {
      storage(kept)?.removeItem(KEY_PREFIX + boardId);
    } catch {
      // nothing to clear
    }
  }
}

/**
 * The token for this board page: from the fragment (then removed from the address bar and kept for
 * this tab), else the one remembered for this board, else null (an open board, or no access).
 */
export function takeToken(boardId: string, loc: Location = window.location, history: History = window.history): string | null {
  const fromLink = parseTokenFragment(loc.hash);
  if (fromLink) {
    saveToken(boardId, fromLink, 'tab');
    history.replaceState(history.state, '', `${loc.pathname}${loc.search}${fragmentWithoutToken(loc.hash)}`);
    return fromLink;
  }
  return loadToken(boardId);
}
