import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createBoard } from './api.js';
import { ImportBackup } from './ImportBackup.js';
import { LanguageSwitcher } from './LanguageSwitcher.js';
import { loadRecentBoards, rememberBoard } from './localProfile.js';
import { boardPath, navigate } from './router.js';
import './controls.css';

/** The front page: create a board, or reopen one from this device. */
export function HomePage() {
  const { t, i18n } = useTranslation();
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(false);
  const recent = loadRecentBoards();

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const trimmed = title.trim();
    if (!trimmed || busy) return;
    setBusy(true);
    setError(false);
    try {
      const board = await createBoard(trimmed);
      rememberBoard(board.id, board.title);
      navigate(boardPath(board.id));
    } catch {
      setError(true);
      setBusy(false);
    }
  };

  return (
    <div className="home">
      <header className="home-header">
        <span className="brand">{t('app.name')}</span>
        <a
          href="/join"
          className="header-button"
          onClick={(e) => {
            e.preventDefault();
            navigate('/join');
          }}
        >
          {t('workshop.join.title')}
        </a>
        <LanguageSwitcher />
      </header>
      <main className="home-main">
        <h1>{t('home.title')}</h1>
        <p className="home-intro">{t('home.intro')}</p>
        <form className="create-form" onSubmit={(e) => void onSubmit(e)}>
          <label htmlFor="board-title">{t('home.boardTitle')}</label>
          <div className="create-row">
            <input
              id="board-title"
              name="title"
              required
              maxLength={200}
              value={title}
              placeholder={t('home.boardTitlePlaceholder')}
              onChange={(e) => setTitle(e.target.value)}
              autoComplete="off"
            />
            <button type="submit" className="primary" disabled={busy || !title.trim()}>
              {busy ? t('home.creating') : t('home.create')}
            </button>
          </div>
          {error && (
            <p role="alert" className="error">
              {t('home.error')}
            </p>
          )}
        </form>
        <section aria-labelledby="workshop-heading" className="home-workshop">
          <h2 id="workshop-heading">{t('newWorkshop.homeHeading')}</h2>
          <p className="home-intro">{t('newWorkshop.homeIntro')}</p>
          <a
            href="/new"
            className="button-link primary big"
            onClick={(e) => {
              e.preventDefault();
              navigate('/new');
            }}
          >
            {t('newWorkshop.homeLink')}
          </a>
        </section>
        <ImportBackup />
        {recent.length > 0 && (
          <section aria-labelledby="recent-heading" className="recent">
            <h2 id="recent-heading">{t('home.recent')}</h2>
            <ul>
              {recent.map((b) => (
                <li key={b.id}>
                  <a
                    href={boardPath(b.id)}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate(boardPath(b.id));
                    }}
                  >
                    {b.title || t('home.untitled')}
                  </a>{' '}
                  <time dateTime={b.openedAt}>{new Date(b.openedAt).toLocaleDateString(i18n.resolvedLanguage)}</time>
                </li>
              ))}
            </ul>
          </section>
        )}
      </main>
    </div>
  );
}
