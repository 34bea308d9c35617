import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { HomePage } from './ui/HomePage.js';
import { navigate, useRoute } from './ui/router.js';

// The board (Konva, Yjs, the editor) is loaded only when a board is opened: the front page stays light.
const BoardPage = lazy(() => import('./ui/BoardPage.js').then((m) => ({ default: m.BoardPage })));

export function App() {
  const route = useRoute();
  const { t } = useTranslation();
  switch (route.page) {
    case 'home':
      return <HomePage />;
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
