/**
 * Workshop tokens in the browser. A facilitator or observer link carries its token in the fragment
 * (`/b/:boardId#token=…`): browsers never send the fragment to the server, so it stays out of access
 * logs and Referer headers. The board page takes it from the address bar at once and keeps it in
 * localStorage, keyed by board, so a reload or a later visit works without the link.
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

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function loadToken(boardId: string): string | null {
  try {
    return storage()?.getItem(KEY_PREFIX + boardId) || null;
  } catch {
    return null;
  }
}

export function saveToken(boardId: string, token: string): void {
  try {
    storage()?.setItem(KEY_PREFIX + boardId, token);
  } catch {
    // Not remembered: the link still works this time.
  }
}

export function clearToken(boardId: string): void {
  try {
    storage()?.removeItem(KEY_PREFIX + boardId);
  } catch {
    // nothing to clear
  }
}

/**
 * The token for this board page: from the fragment (then removed from the address bar and
 * remembered), else the one remembered for this board, else null (an open board, or no access).
 */
export function takeToken(boardId: string, loc: Location = window.location, history: History = window.history): string | null {
  const fromLink = parseTokenFragment(loc.hash);
  if (fromLink) {
    saveToken(boardId, fromLink);
    history.replaceState(history.state, '', `${loc.pathname}${loc.search}${fragmentWithoutToken(loc.hash)}`);
    return fromLink;
  }
  return loadToken(boardId);
}
