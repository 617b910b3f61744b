import { Link, Navigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../shared/ui/Page';
import { Alert, Loading } from '../../shared/ui/States';
import { homeOf, signInUrl, useUser } from '../../shared/session/session';

/** The public front door: sign in, or apply as an institution. A signed-in visitor goes straight to their home page. */
export default function LandingPage() {
  const { t, i18n } = useTranslation('public');
  const user = useUser();
  const [query] = useSearchParams();
  const returnUrl = safeReturnUrl(query.get('returnUrl'));

  if (user.isPending) return <Loading />;
  if (user.data) return <Navigate to={returnUrl ?? homeOf(user.data)} replace />;

  return (
    <Page title={t('landing.title')} lead={t('landing.lead')}>
      {query.get('signin') === 'failed' && <Alert>{t('landing.signInFailed')}</Alert>}
      <div className="cards">
        <section className="card" aria-labelledby="landing-staff">
          <h2 id="landing-staff">{t('landing.staffTitle')}</h2>
          <p>{t('landing.staffText')}</p>
          <a className="button" href={signInUrl(returnUrl ?? '/', i18n.language)}>
            {t('landing.signIn')}
          </a>
        </section>
        <section className="card" aria-labelledby="landing-institution">
          <h2 id="landing-institution">{t('landing.institutionTitle')}</h2>
          <p>{t('landing.institutionText')}</p>
          <div className="actions">
            <Link className="button secondary" to="/registro">
              {t('landing.apply')}
            </Link>
            <Link to="/registro/estado">{t('landing.checkStatus')}</Link>
          </div>
        </section>
      </div>
    </Page>
  );
}

/** Only a path on this site: a crafted link must not send the user elsewhere after signing in. */
export function safeReturnUrl(value: string | null): string | null {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : null;
}
