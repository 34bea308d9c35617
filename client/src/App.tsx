import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AccessibilityStatement, PrivacyNotice } from './legal/LegalPage.js';
import { SiteFooter } from './legal/SiteFooter.js';
import { HomePage } from './ui/HomePage.js';
import { navigate, useRoute } from './ui/router.js';

// The join page pulls in the shared schemas (zod): loaded only when someone joins.
const JoinPage = lazy(() => import('./ui/JoinPage.js').then((m) => ({ default: m.JoinPage })));
// The board (Konva, Yjs, the editor) is loaded only when a board is opened: the front page stays light.
const BoardPage = lazy(() => import('./ui/BoardPage.js').then((m) => ({ default: m.BoardPage })));
const NewWorkshopPage = lazy(() => import('./ui/NewWorkshopPage.js').then((m) => ({ default: m.NewWorkshopPage })));

/** Every page but the board gets the footer with the accessibility statement and privacy notice. */
export function App() {
  const route = useRoute();
  const boardId = route.page === 'board' ? route.boardId : null;
  useEffect(() => {
    // The board's socket opens while the board page's code loads (its own small chunk: preconnect.ts).
    if (boardId) void import('./sync/preconnect.js').then((m) => m.preconnectFromAddress(boardId));
  }, [boardId]);
  const page = <Page route={route} />;
  if (route.page === 'board') return page;
  return (
    <>
      {page}
      <SiteFooter />
    </>
  );
}

function Page({ route }: { route: ReturnType<typeof useRoute> }) {
  const { t } = useTranslation();
  switch (route.page) {
    case 'home':
      return <HomePage />;
    case 'accessibility':
      return <AccessibilityStatement />;
    case 'privacy':
      return <PrivacyNotice />;
    case 'new':
      return (
        <Suspense fallback={<p role="status">{t('board.loading')}</p>}>
          <NewWorkshopPage />
        </Suspense>
      );
    case 'join':
      return (
        <Suspense fallback={<p role="status">{t('board.loading')}</p>}>
          <JoinPage key={route.code ?? ''} initialCode={route.code} />
        </Suspense>
      );
    case 'board':
      return (
        <Suspense fallback={<p role="status">{t('board.loading')}</p>}>
          <BoardPage key={route.boardId} boardId={route.boardId} />
        </Suspense>
      );
    case 'notFound':
      return (
        <main className="board-message">
          <p role="alert">{t('board.notFound')}</p>
          <button type="button" className="primary" onClick={() => navigate('/')}>
            {t('board.goHome')}
          </button>
        </main>
      );
  }
}
