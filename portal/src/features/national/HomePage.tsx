import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client';
import { orThrow } from '../../shared/api/problem';
import { formatDate, formatInteger, formatMoney } from '../../shared/format/format';
import { regionName } from '../../shared/format/regions';
import { Page } from '../../shared/ui/Page';
import { QueryView } from '../../shared/ui/States';
import { useNames } from './names';
import { keys, nameIn, useInstitutionDirectory } from './queries';
import './national.css';

const shortList = 5;

/** What waits for the national unit: pending applications and submissions, and how many institutions are active. */
export default function HomePage() {
  const { t } = useTranslation('national');
  return (
    <Page title={t('home.title')} lead={t('home.lead')}>
      <div className="cards">
        <PendingApplications />
        <PendingReviews />
        <InstitutionCounts />
      </div>
    </Page>
  );
}

function PendingApplications() {
  const { t, i18n } = useTranslation('national');
  const applications = useQuery({
    queryKey: [...keys.applications, 'list', 'Pending', 'home'],
    queryFn: async () => orThrow(await api.GET('/api/onboarding/applications', { params: { query: { status: 'Pending', PageSize: shortList } } })),
  });
  return (
    <section className="card" aria-labelledby="home-applications">
      <h2 id="home-applications">{t('home.applications')}</h2>
      <QueryView query={applications}>
        {(data) => (
          <>
            <p className="figure">{formatInteger(Number(data.totalCount))}</p>
            {data.items.length === 0 ? (
              <p>{t('home.noApplications')}</p>
            ) : (
              <ul className="short-list">
                {data.items.map((item) => (
                  <li key={item.id}>
                    <Link to={`/nacional/solicitudes?solicitud=${item.id}`}>{item.institutionName}</Link>{' '}
                    <span className="hint">{t('home.submittedOn', { date: formatDate(item.submittedAt, i18n.language) })}</span>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </QueryView>
      <p>
        <Link to="/nacional/solicitudes">{t('home.toApplications')}</Link>
      </p>
    </section>
  );
}

function PendingReviews() {
  const { t } = useTranslation('national');
  const names = useNames();
  const institutions = useInstitutionDirectory();
  const reviews = useQuery({
    queryKey: [...keys.reviews, 'list', 'Pending', 'home'],
    queryFn: async () => orThrow(await api.GET('/api/national/reviews', { params: { query: { Status: 'Pending', PageSize: shortList } } })),
  });
  return (
    <section className="card" aria-labelledby="home-reviews">
      <h2 id="home-reviews">{t('home.reviews')}</h2>
      <QueryView query={reviews}>
        {(data) => (
          <>
            <p className="figure">{formatInteger(Number(data.totalCount))}</p>
            {data.items.length === 0 ? (
              <p>{t('home.noReviews')}</p>
            ) : (
              <ul className="short-list">
                {data.items.map((item) => (
                  <li key={item.id}>
                    <Link to={`/nacional/revisiones/${item.id}`}>
                      {t('reviews.networkName', { valueChain: names.valueChain(item.valueChainCode), region: regionName(item.regionCode) })}
                    </Link>{' '}
                    <span className="hint">
                      {t('home.reviewLine', { institution: nameIn(institutions.data, item.tenantId), amount: formatMoney(Number(item.programmeFundsPen)) })}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </QueryView>
      <p>
        <Link to="/nacional/revisiones">{t('home.toReviews')}</Link>
      </p>
    </section>
  );
}

function InstitutionCounts() {
  const { t } = useTranslation('national');
  const count = (status: 'Active' | 'Suspended') => async () =>
    Number(orThrow(await api.GET('/api/tenants', { params: { query: { Status: status, PageSize: 1 } } })).totalCount);
  const active = useQuery({ queryKey: [...keys.tenants, 'count', 'Active'], queryFn: count('Active') });
  const suspended = useQuery({ queryKey: [...keys.tenants, 'count', 'Suspended'], queryFn: count('Suspended') });
  return (
    <section className="card" aria-labelledby="home-institutions">
      <h2 id="home-institutions">{t('home.institutions')}</h2>
      <dl className="details">
        <dt>{t('common:tenantStatus.Active')}</dt>
        <dd>
          <QueryView query={active}>{(n) => <Link to="/nacional/instituciones?estado=Active">{formatInteger(n)}</Link>}</QueryView>
        </dd>
        <dt>{t('common:tenantStatus.Suspended')}</dt>
        <dd>
          <QueryView query={suspended}>{(n) => <Link to="/nacional/instituciones?estado=Suspended">{formatInteger(n)}</Link>}</QueryView>
        </dd>
      </dl>
      <p>
        <Link to="/nacional/instituciones">{t('home.toInstitutions')}</Link>
      </p>
    </section>
  );
}
