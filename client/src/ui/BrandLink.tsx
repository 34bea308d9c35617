import { useTranslation } from 'react-i18next';
import { navigate } from './router.js';

/** "Sammen", linking to the front page without a page load (every page's header starts with it). */
export function BrandLink() {
  const { t } = useTranslation();
  return (
    <a
      href="/"
      className="brand"
      onClick={(e) => {
        e.preventDefault();
        navigate('/');
      }}
    >
      {t('app.name')}
    </a>
  );
}
