import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatInteger } from '../../shared/format/format';
import { regionName } from '../../shared/format/regions';
import { useValueChainName } from '../../shared/format/valueChains';
import { hasRole, useUser } from '../../shared/session/session';
import { DataTable } from '../../shared/ui/DataTable';
import { Page } from '../../shared/ui/Page';
import { Alert, Empty, QueryView, useErrorMessage } from '../../shared/ui/States';
import { formatPeriod, myWorkQuery, returnedPlansQuery, type MyWork, type MyWorkActivity, type MyWorkNetwork, type PlanSummary } from './api';
import './work.css';

interface Due {
  key: string;
  to: string;
  text: string;
}

/**
 * A specialist's home: what is due in their networks, their producers, and what happened lately. A supervisor (or an
 * administrator) sees the same over the team, as the API decides.
 */
export default function MyWorkPage() {
  const { t } = useTranslation('work');
  const user = useUser();
  const team = hasRole(user.data, 'Supervisor', 'TenantAdmin');
  const work = useQuery(myWorkQuery);

  return (
    <Page title={t('title')} lead={team ? t('leadTeam') : t('lead')}>
      <QueryView query={work}>
        {(mine) =>
          mine.networks.length === 0 && Number(mine.producers.total) === 0 ? (
            <FirstSteps team={team} />
          ) : (
            <>
              <DueSection work={mine} />
              <ProducersSection work={mine} />
              <NetworksSection networks={mine.networks} team={team} />
              <RecentSection recent={mine.recent} />
            </>
          )
        }
      </QueryView>
    </Page>
  );
}

/** What a new specialist does first, in the methodology's order. */
function FirstSteps({ team }: { team: boolean }) {
  const { t } = useTranslation('work');
  return (
    <section className="card" aria-labelledby="work-first-steps">
      <h2 id="work-first-steps">{t('firstSteps.title')}</h2>
      <p>{team ? t('firstSteps.team') : t('firstSteps.text')}</p>
      <ol className="first-steps">
        <li>
          <Link to="/productores/nuevo">{t('firstSteps.register')}</Link> {t('firstSteps.or')}{' '}
          <Link to="/productores/importar">{t('firstSteps.import')}</Link>
        </li>
        <li>
          <Link to="/redes/nueva">{t('firstSteps.form')}</Link>
        </li>
        <li>{t('firstSteps.monitor')}</li>
      </ol>
    </section>
  );
}

function DueSection({ work }: { work: MyWork }) {
  const { t, i18n } = useTranslation('work');
  const message = useErrorMessage();
  const plans = useQuery(returnedPlansQuery);
  const mine = new Map(work.networks.map((network) => [network.id, network]));
  const returned: PlanSummary[] = (plans.data?.items ?? []).filter((plan) => mine.has(plan.networkId));

  const due: Due[] = [
    ...work.networks.flatMap((network): Due[] =>
      network.monitoringDueFor
        ? [{
            key: `monitoring-${network.id}`,
            to: `/redes/${network.id}/monitoreo`,
            text: t('due.monitoring', { network: network.name, period: formatPeriod(network.monitoringDueFor, i18n.language) }),
          }]
        : [],
    ),
    ...returned.map((plan) => ({
      key: `plan-${plan.id}`,
      to: `/planes/${plan.id}`,
      text: t('due.planReturned', { plan: plan.title, network: mine.get(plan.networkId)?.name ?? '' }),
    })),
    ...work.networks.flatMap((network): Due[] =>
      Number(network.membersWithoutConsentDate) > 0
        ? [{
            key: `consent-${network.id}`,
            to: `/redes/${network.id}`,
            text: t('due.consent', { count: Number(network.membersWithoutConsentDate), network: network.name }),
          }]
        : [],
    ),
  ];

  return (
    <section className="card" aria-labelledby="work-due">
      <h2 id="work-due">{t('due.title')}</h2>
      {plans.isError && (
        <Alert>
          <p>{t('due.plansFailed', { reason: message(plans.error) })}</p>
          <button type="button" className="button secondary" onClick={() => void plans.refetch()}>
            {t('common:action.retry')}
          </button>
        </Alert>
      )}
      {due.length === 0 ? (
        <Empty>{t('due.none')}</Empty>
      ) : (
        <ul className="due-list">
          {due.map((item) => (
            <li key={item.key}>
              <Link to={item.to}>{item.text}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ProducersSection({ work }: { work: MyWork }) {
  const { t } = useTranslation('work');
  const total = Number(work.producers.total);
  const withoutDate = Number(work.producers.withoutConsentDate);
  return (
    <section className="card" aria-labelledby="work-producers">
      <h2 id="work-producers">{t('producers.title')}</h2>
      <div className="cards">
        <Figure label={t('producers.total')} value={formatInteger(total)} />
        <Figure label={t('producers.withoutConsentDate')} value={formatInteger(withoutDate)} />
      </div>
      {total === 0 && <p>{t('producers.none')}</p>}
      <p className="actions">
        <Link className="button" to="/productores/nuevo">
          {t('producers.register')}
        </Link>
        <Link className="button secondary" to="/productores/importar">
          {t('producers.import')}
        </Link>
        <Link className="button secondary" to="/productores">
          {t('producers.list')}
        </Link>
      </p>
    </section>
  );
}

function Figure({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div>
      <p className="figure">{value}</p>
      <p>{label}</p>
    </div>
  );
}

function NetworksSection({ networks, team }: { networks: MyWorkNetwork[]; team: boolean }) {
  const { t, i18n } = useTranslation(['work', 'common']);
  const chainName = useValueChainName();
  return (
    <section className="card" aria-labelledby="work-networks">
      <h2 id="work-networks">{team ? t('networks.titleTeam') : t('networks.title')}</h2>
      {networks.length === 0 ? (
        <p>
          {t('networks.none')} <Link to="/redes/nueva">{t('networks.form')}</Link>
        </p>
      ) : (
        <DataTable<MyWorkNetwork>
          caption={team ? t('networks.titleTeam') : t('networks.title')}
          rows={networks}
          rowKey={(network) => network.id}
          columns={[
            { key: 'name', header: t('networks.name'), rowHeader: true, cell: (network) => <Link to={`/redes/${network.id}`}>{network.name}</Link> },
            { key: 'phase', header: t('networks.phase'), cell: (network) => t(`common:phase.${network.phase}`) },
            { key: 'chain', header: t('networks.chain'), cell: (network) => chainName(network.valueChainCode) },
            { key: 'region', header: t('common:field.region'), cell: (network) => regionName(network.region) },
            { key: 'members', header: t('networks.members'), numeric: true, cell: (network) => formatInteger(Number(network.memberCount)) },
            ...(team ? [{ key: 'specialist', header: t('networks.specialist'), cell: (network: MyWorkNetwork) => network.specialistName }] : []),
            {
              key: 'monitoring',
              header: t('networks.monitoring'),
              cell: (network) =>
                network.monitoringDueFor ? (
                  <span className="badge badge-pending">{t('networks.monitoringDue', { period: formatPeriod(network.monitoringDueFor, i18n.language) })}</span>
                ) : (
                  <span className="badge badge-ok">{t('networks.monitoringUpToDate')}</span>
                ),
            },
          ]}
        />
      )}
    </section>
  );
}

function RecentSection({ recent }: { recent: MyWorkActivity[] }) {
  const { t, i18n } = useTranslation('work');
  return (
    <section className="card" aria-labelledby="work-recent">
      <h2 id="work-recent">{t('recent.title')}</h2>
      {recent.length === 0 ? (
        <Empty>{t('recent.none')}</Empty>
      ) : (
        <ul className="recent-list">
          {recent.map((activity, index) => {
            const values = { producer: activity.producerName ?? '', network: activity.networkName ?? '' };
            const text = t(`recent.kind.${activity.kind}`, values);
            const to = activity.kind === 'ProducerRegistered' && activity.producerId
              ? `/productores/${activity.producerId}`
              : activity.networkId
                ? `/redes/${activity.networkId}`
                : activity.producerId
                  ? `/productores/${activity.producerId}`
                  : undefined;
            return (
              <li key={`${activity.at}-${index}`}>
                <time dateTime={activity.at}>{formatDateTime(activity.at, i18n.language)}</time>{' '}
                {to ? <Link to={to}>{text}</Link> : text}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
