import { useEffect, useState } from 'react';

/** The two pages: the front page and a board. */
export type Route =
  | { page: 'home' }
  | { page: 'new' }
  | { page: 'join'; code: string | null }
  | { page: 'board'; boardId: string }
  | { page: 'accessibility' }
  | { page: 'privacy' }
  | { page: 'notFound' };

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'home' };
  if (/^\/new\/?$/.test(pathname)) return { page: 'new' };
  if (/^\/accessibility\/?$/.test(pathname)) return { page: 'accessibility' };
  if (/^\/privacy\/?$/.test(pathname)) return { page: 'privacy' };
  // `/join` asks for the code; `/join/:code` (the participant link) has it filled in.
  const join = /^\/join(?:\/([^/]*))?\/?$/.exec(pathname);
  if (join) return { page: 'join', code: join[1] ? decodeURIComponent(join[1]) : null };
  const m = /^\/b\/([^/]+)\/?$/.exec(pathname);
  if (m) return { page: 'board', boardId: decodeURIComponent(m[1]!) };
  return { page: 'notFound' };
}

export const boardPath = (boardId: string): string => `/b/${encodeURIComponent(boardId)}`;

/** Client-side navigation without a router library: two routes do not need one. */
export function navigate(path: string): void {
  window.history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.pathname));
  useEffect(() => {
    const onPop = (): void => setRoute(parseRoute(window.location.pathname));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  return route;
}
