import { useTranslation } from 'react-i18next';
import { navigate } from '../ui/router.js';
import '../a11y/a11y.css';

const link = (path: string) => (e: React.MouseEvent<HTMLAnchorElement>) => {
  e.preventDefault();
  navigate(path);
};

/** On every page but the board (which has them under "About"): the accessibility statement and privacy notice. */
export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <nav aria-label={t('legal.footer.label')}>
        <a href="/accessibility" onClick={link('/accessibility')}>
          {t('legal.accessibility.link')}
        </a>
        <a href="/privacy" onClick={link('/privacy')}>
          {t('legal.privacy.link')}
        </a>
      </nav>
    </footer>
  );
}
