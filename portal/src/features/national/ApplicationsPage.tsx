import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client';
import { orThrow } from '../../shared/api/problem';
import { formatDate } from '../../shared/format/format';
import { regionName } from '../../shared/format/regions';
import { DataTable } from '../../shared/ui/DataTable';
import { SelectField } from '../../shared/ui/Field';
import { Page } from '../../shared/ui/Page';
import { Pagination } from '../../shared/ui/Pagination';
import { ReasonDialog } from '../../shared/ui/ReasonDialog';
import { Alert, QueryView, useErrorMessage } from '../../shared/ui/States';
import { ApplicationBadge } from './Badges';
import { applicationStatuses, keys, pageOf, pageSize, type Application, type ApplicationStatus } from './queries';

/**
 * Institutions' applications to join: the queue (pending by default) and, with ?solicitud=id, one application with
 * its decision.
 */
export default function ApplicationsPage() {
  const [search] = useSearchParams();
  const id = search.get('solicitud');
  return id ? <ApplicationDetail id={id} /> : <ApplicationQueue />;
}

function ApplicationQueue() {
  const { t, i18n } = useTranslation('national');
  const [search, setSearch] = useSearchParams();
  const status = (search.has('estado') ? search.get('estado') : 'Pending') as ApplicationStatus | '';
  const page = pageOf(search);
  const applications = useQuery({
    queryKey: [...keys.applications, 'list', status, page],
    queryFn: async () =>
      orThrow(await api.GET('/api/onboarding/applications', { params: { query: { status: status || undefined, Page: page, PageSize: pageSize } } })),
  });

  return (
    <Page title={t('applications.title')} lead={t('applications.lead')}>
      <div className="filters">
        <SelectField label={t('common:field.status')} value={status} onChange={(e) => setSearch({ estado: e.target.value })}>
          {applicationStatuses.map((value) => (
            <option key={value} value={value}>
              {t(`common:applicationStatus.${value}`)}
            </option>
          ))}
          <option value="">{t('filters.all')}</option>
        </SelectField>
      </div>
      <QueryView query={applications} isEmpty={(data) => data.items.length === 0} empty={t('applications.empty')}>
        {(data) => (
          <>
            <DataTable
              caption={t('applications.caption')}
              rowKey={(row) => row.id}
              rows={data.items}
              columns={[
                {
                  key: 'institution',
                  header: t('field.institution'),
                  rowHeader: true,
                  cell: (row) => <Link to={`/nacional/solicitudes?solicitud=${row.id}`}>{row.institutionName}</Link>,
                },
                { key: 'kind', header: t('field.kind'), cell: (row) => t(`common:kind.${row.kind}`) },
                { key: 'ruc', header: 'RUC', cell: (row) => row.ruc },
                { key: 'regions', header: t('common:field.regions'), cell: (row) => row.regions.map(regionName).join(', ') },
                { key: 'slug', header: t('field.slug'), cell: (row) => row.slug },
                {
                  key: 'admin',
                  header: t('field.firstAdmin'),
                  cell: (row) => (
                    <>
                      {row.adminFullName}
                      <br />
                      {row.adminEmail}
                    </>
                  ),
                },
                { key: 'submitted', header: t('field.submittedAt'), cell: (row) => formatDate(row.submittedAt, i18n.language) },
                { key: 'status', header: t('common:field.status'), cell: (row) => <ApplicationBadge status={row.status} /> },
              ]}
            />
            <Pagination
              page={page}
              pageSize={pageSize}
              total={Number(data.totalCount)}
              onPage={(next) => setSearch({ estado: status, pagina: String(next) })}
            />
          </>
        )}
      </QueryView>
    </Page>
  );
}

function ApplicationDetail({ id }: { id: string }) {
  const { t } = useTranslation('national');
  const application = useQuery({
    queryKey: [...keys.applications, 'one', id],
    queryFn: async () => orThrow(await api.GET('/api/onboarding/applications/{id}', { params: { path: { id } } })),
  });
  return (
    <Page title={application.data?.institutionName ?? t('applications.oneTitle')} lead={t('applications.oneLead')}>
      <p>
        <Link to="/nacional/solicitudes">{t('applications.backToQueue')}</Link>
      </p>
      <QueryView query={application}>{(data) => <ApplicationDecision application={data} />}</QueryView>
    </Page>
  );
}

function ApplicationDecision({ application }: { application: Application }) {
  const { t, i18n } = useTranslation('national');
  const message = useErrorMessage();
  const queries = useQueryClient();
  const [rejecting, setRejecting] = useState(false);
  const [done, setDone] = useState<'approved' | 'rejected'>();
  const id = application.id;

  function decided() {
    void queries.invalidateQueries({ queryKey: keys.applications });
    void queries.invalidateQueries({ queryKey: keys.tenants });
  }
  const approve = useMutation({
    mutationFn: async () => orThrow(await api.POST('/api/onboarding/applications/{id}/approve', { params: { path: { id } } })),
    onSuccess: () => {
      setDone('approved');
      decided();
    },
  });
  const reject = useMutation({
    mutationFn: async (reason: string) => orThrow(await api.POST('/api/onboarding/applications/{id}/reject', { params: { path: { id } }, body: { reason } })),
    onSuccess: () => {
      setDone('rejected');
      decided();
    },
  });

  return (
    <>
      {done && <Alert kind="success">{t(`applications.done.${done}`, { name: application.institutionName })}</Alert>}
      {approve.isError && <Alert>{message(approve.error)}</Alert>}
      <section className="card" aria-labelledby="application-data">
        <h2 id="application-data">{t('applications.data')}</h2>
        <dl className="details">
          <dt>{t('field.institution')}</dt>
          <dd>{application.institutionName}</dd>
          <dt>{t('field.kind')}</dt>
          <dd>{t(`common:kind.${application.kind}`)}</dd>
          <dt>RUC</dt>
          <dd>{application.ruc}</dd>
          <dt>{t('common:field.regions')}</dt>
          <dd>{application.regions.map(regionName).join(', ')}</dd>
          <dt>{t('field.slug')}</dt>
          <dd>{application.slug}</dd>
          <dt>{t('field.firstAdmin')}</dt>
          <dd>{application.adminFullName}</dd>
          <dt>{t('common:field.email')}</dt>
          <dd>{application.adminEmail}</dd>
          <dt>{t('field.submittedAt')}</dt>
          <dd>{formatDate(application.submittedAt, i18n.language)}</dd>
          <dt>{t('common:field.status')}</dt>
          <dd>
            <ApplicationBadge status={application.status} />
          </dd>
          {application.decidedAt && (
            <>
              <dt>{t('field.decidedAt')}</dt>
              <dd>{formatDate(application.decidedAt, i18n.language)}</dd>
            </>
          )}
          {application.decisionReason && (
            <>
              <dt>{t('common:field.reason')}</dt>
              <dd>{application.decisionReason}</dd>
            </>
          )}
          {application.tenantId && (
            <>
              <dt>{t('applications.institutionCreated')}</dt>
              <dd>
                <Link to={`/nacional/instituciones/${application.tenantId}`}>{application.institutionName}</Link>
              </dd>
            </>
          )}
        </dl>
      </section>
      {application.status === 'Pending' && (
        <section aria-labelledby="application-decide">
          <h2 id="application-decide">{t('applications.decide')}</h2>
          <p className="hint">{t('applications.decideHint')}</p>
          <div className="actions">
            <button type="button" className="button" disabled={approve.isPending} onClick={() => approve.mutate()}>
              {t('applications.approve')}
            </button>
            <button type="button" className="button danger" onClick={() => setRejecting(true)}>
              {t('applications.reject')}
            </button>
          </div>
        </section>
      )}
      {rejecting && (
        <ReasonDialog
          title={t('applications.rejectTitle', { name: application.institutionName })}
          confirmLabel={t('applications.reject')}
          reasonRequired
          onConfirm={async (reason) => void (await reject.mutateAsync(reason))}
          onClose={() => setRejecting(false)}
        />
      )}
    </>
  );
}
