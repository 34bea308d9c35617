import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { JOIN_CODE_LENGTH, type JoinInfoResponse, normaliseJoinCode } from '@sammen/shared';
import { joinErrorKey, joinInfo, joinWorkshop } from '../workshop/http.js';
import { saveToken } from '../workshop/tokens.js';
import { ApiError } from './api.js';
import { LanguageSwitcher } from './LanguageSwitcher.js';
import { loadName, saveName } from './localProfile.js';
import { boardPath, navigate } from './router.js';
import '../workshop/workshop.css';
import { BrandLink } from './BrandLink.js';

/**
 * `/join` and `/join/:code`: a citizen joins a workshop with the code and a name, no account. Made
 * for phones: two big fields, one button, errors said in words next to the field they concern.
 */
export function JoinPage({ initialCode }: { initialCode: string | null }) {
  const { t } = useTranslation();
  const [code, setCode] = useState(() => normaliseJoinCode(initialCode ?? ''));
  const [name, setName] = useState(() => loadName() ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ field: 'code' | 'name' | 'form'; key: string } | null>(null);
  const codeError = useId();
  const nameError = useId();
  const formError = useId();
  // Before a name is given: which workshop the code opens and how long what is written there is kept.
  const [about, setAbout] = useState<{ code: string; info: JoinInfoResponse } | null>(null);
  const complete = normaliseJoinCode(code);
  useEffect(() => {
    if (complete.length !== JOIN_CODE_LENGTH) return;
    let live = true;
    joinInfo(complete).then((info) => live && setAbout({ code: complete, info }), () => undefined);
    return () => {
      live = false;
    };
  }, [complete]);
  const shown = about?.code === complete ? about.info : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const normalised = normaliseJoinCode(code);
    if (normalised.length !== JOIN_CODE_LENGTH) return setError({ field: 'code', key: 'workshop.join.error.codeLength' });
    if (!name.trim()) return setError({ field: 'name', key: 'workshop.join.error.badName' });
    setBusy(true);
    setError(null);
    try {
      const joined = await joinWorkshop(normalised, name.trim());
      saveName(name.trim());
      saveToken(joined.boardId, joined.token);
      navigate(boardPath(joined.boardId));
    } catch (err) {
      const status = err instanceof ApiError ? err.status : 0;
      const field = status === 404 ? 'code' : status === 400 ? 'name' : 'form';
      setError({ field, key: joinErrorKey(status) });
      setBusy(false);
    }
  };

  return (
    <div className="join">
      <header className="home-header">
        <BrandLink />
        <LanguageSwitcher />
      </header>
      <main className="join-main">
        <h1>{t('workshop.join.title')}</h1>
        <p className="home-intro">{t('workshop.join.intro')}</p>
        <form className="join-form" onSubmit={(e) => void submit(e)} noValidate aria-describedby={error?.field === 'form' ? formError : undefined}>
          <label htmlFor="join-code">{t('workshop.join.code')}</label>
          <input
            id="join-code"
            className="join-code-input"
            value={code}
            onChange={(e) => setCode(e.target.value.toUpperCase())}
            autoComplete="off"
            autoCapitalize="characters"
            autoCorrect="off"
            spellCheck={false}
            inputMode="text"
            maxLength={12}
            placeholder={t('workshop.join.codePlaceholder')}
            aria-invalid={error?.field === 'code'}
            aria-describedby={error?.field === 'code' ? codeError : undefined}
            autoFocus={!initialCode}
          />
          {error?.field === 'code' && (
            <p id={codeError} className="error" role="alert">
              {t(error.key)}
            </p>
          )}
          {shown && (
            <p className="join-help join-retention" role="status">
              {shown.retentionDays > 0
                ? t('workshop.join.retention', { title: shown.title, count: shown.retentionDays })
                : t('workshop.join.retentionKeep', { title: shown.title })}
            </p>
          )}
          <label htmlFor="join-name">{t('workshop.join.name')}</label>
          <input
            id="join-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoComplete="name"
            maxLength={40}
            aria-invalid={error?.field === 'name'}
            aria-describedby={error?.field === 'name' ? nameError : 'join-name-help'}
            autoFocus={!!initialCode}
          />
          <p id="join-name-help" className="join-help">
            {t('workshop.join.nameHelp')}
          </p>
          {error?.field === 'name' && (
            <p id={nameError} className="error" role="alert">
              {t(error.key)}
            </p>
          )}
          {error?.field === 'form' && (
            <p id={formError} className="error" role="alert">
              {t(error.key)}
            </p>
          )}
          <button type="submit" className="primary join-submit" disabled={busy}>
            {busy ? t('workshop.join.joining') : t('workshop.join.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
