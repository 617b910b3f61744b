import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../shared/ui/Page';

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.text')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </Page>
  );
}
